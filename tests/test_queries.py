"""SQL filters and aggregates agree with the pandas reference (export.filter_tables, normalize)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from displacement_monitor import queries
from displacement_monitor.export import Filters, filter_tables
from displacement_monitor.models import ARTICLES_SCHEMA, FIGURE_PLACES_SCHEMA, FIGURES_SCHEMA, PLACES_SCHEMA
from displacement_monitor.normalize import Tables, people_by_place, people_displaced
from displacement_monitor.store import Store

A, B = "art-a", "art-b"


def _tables() -> Tables:
    articles = pd.DataFrame(
        [
            {
                "article_id": A,
                "title": "Floods in Mosul",
                "published": "2014-06-14",
                "outlet": "Wire",
                "url": None,
                "path": None,
                "text": "x" * 10,
                "countries": "IQ",
                "n_chars": 10,
            },
            {
                "article_id": B,
                "title": "Undated",
                "published": None,
                "outlet": None,
                "url": "https://e.org/b",
                "path": None,
                "text": "y" * 10,
                "countries": "SY",
                "n_chars": 10,
            },
        ]
    )
    place = {"kind": "city", "geonameid": None, "mentions": 1, "geocoder": "offline"}
    places = pd.DataFrame(
        [
            {
                **place,
                "article_id": A,
                "place_id": "gn:1",
                "name": "Mosul",
                "country_code": "IQ",
                "admin1": "Nineveh",
                "lat": 36.3,
                "lon": 43.1,
                "surfaces": "Mosul",
            },
            {
                **place,
                "article_id": A,
                "place_id": "gn:2",
                "name": "Tikrit",
                "country_code": "IQ",
                "admin1": "Salah ad Din",
                "lat": 34.6,
                "lon": 43.7,
                "surfaces": "Tikrit",
            },
            {
                **place,
                "article_id": A,
                "place_id": "gn:3",
                "name": "Samarra",
                "country_code": "IQ",
                "admin1": "Salah ad Din",
                "lat": 34.2,
                "lon": 43.9,
                "surfaces": "Samarra",
            },
            {
                **place,
                "article_id": B,
                "place_id": "gn:4",
                "name": "Aleppo",
                "country_code": "SY",
                "admin1": "Aleppo",
                "lat": 36.2,
                "lon": 37.2,
                "surfaces": "Aleppo|Halab",
                "mentions": 3,
            },
        ]
    )
    fig = {
        "quantity_max": None,
        "qualifier": None,
        "vague": False,
        "household_size": None,
        "sentence": "s",
        "start": 0,
        "end": 1,
        "number_text": "1",
    }
    figures = pd.DataFrame(
        [
            {
                **fig,
                "article_id": A,
                "figure_id": "f1",
                "quantity": 40000,
                "unit": "people",
                "term": "displaced",
                "source": "IOM",
                "people_estimate": 40000,
                "places": "Tikrit; Samarra",
                "n_places": 2,
            },
            {
                **fig,
                "article_id": A,
                "figure_id": "f2",
                "quantity": 500000,
                "unit": "people",
                "term": "displaced",
                "source": "IOM",
                "people_estimate": 500000,
                "places": "Mosul",
                "n_places": 1,
            },
            {
                **fig,
                "article_id": A,
                "figure_id": "f3",
                "quantity": 100,
                "unit": "households",
                "term": "returned",
                "source": None,
                "people_estimate": 600,
                "household_size": 6.0,
                "places": "Mosul",
                "n_places": 1,
            },
            {
                **fig,
                "article_id": B,
                "figure_id": "f4",
                "quantity": 200,
                "unit": "households",
                "term": "refugees",
                "source": "UNHCR",
                "people_estimate": 1000,
                "household_size": 5.0,
                "places": "Aleppo",
                "n_places": 1,
            },
            {
                **fig,
                "article_id": B,
                "figure_id": "f5",
                "quantity": 1000,
                "unit": "people",
                "term": "displaced",
                "source": "=cmd",
                "vague": True,
                "people_estimate": 1000,
                "places": "Aleppo",
                "n_places": 1,
            },
        ]
    )
    links = pd.DataFrame(
        [
            {"article_id": A, "figure_id": "f1", "place_id": "gn:2", "shared": True},
            {"article_id": A, "figure_id": "f1", "place_id": "gn:3", "shared": True},
            {"article_id": A, "figure_id": "f2", "place_id": "gn:1", "shared": False},
            {"article_id": A, "figure_id": "f3", "place_id": "gn:1", "shared": False},
            {"article_id": B, "figure_id": "f4", "place_id": "gn:4", "shared": False},
            {"article_id": B, "figure_id": "f5", "place_id": "gn:4", "shared": False},
        ]
    )
    from displacement_monitor.models import conform

    return Tables(
        conform(articles, ARTICLES_SCHEMA),
        conform(places, PLACES_SCHEMA),
        conform(figures, FIGURES_SCHEMA),
        conform(links, FIGURE_PLACES_SCHEMA),
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = Path(tmp_path_factory.mktemp("queries")) / "q.db"
    store = Store(path)
    store.save(_tables())
    return store


FILTERS = [
    Filters(),
    Filters(cities=("Mosul",)),
    Filters(cities=("Tikrit",)),
    Filters(cities=("Mosul", "Aleppo")),
    Filters(countries=("SY",)),
    Filters(admin1=("Salah ad Din",)),
    Filters(admin1=("Aleppo",)),
    Filters(terms=("displaced",)),
    Filters(terms=("returned",)),
    Filters(units=("households",)),
    Filters(sources=("IOM",)),
    Filters(articles=(B,)),
    Filters(date_from="2014-06-01"),
    Filters(date_to="2014-06-13"),
    Filters(date_from="2014-01-01", date_to="2014-12-31", cities=("Mosul",), terms=("displaced",)),
    Filters(countries=("IQ",), units=("people",), sources=("IOM",)),
    Filters(cities=("Nowhere",)),
]


def _keys(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return sorted(frame[columns].astype(str).itertuples(index=False, name=None))


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filtered_tables_equal_filter_tables(store: Store, filters: Filters) -> None:
    got = queries.filtered_tables(store, filters)
    want = filter_tables(store.load(), filters)
    assert _keys(got.articles, ["article_id"]) == _keys(want.articles, ["article_id"])
    assert _keys(got.places, ["article_id", "place_id"]) == _keys(want.places, ["article_id", "place_id"])
    assert _keys(got.figures, ["article_id", "figure_id"]) == _keys(want.figures, ["article_id", "figure_id"])
    link_keys = ["article_id", "figure_id", "place_id"]
    assert _keys(got.figure_places, link_keys) == _keys(want.figure_places, link_keys)
    assert got.articles["text"].isna().all()  # the large column stays in the database
    assert list(got.figures.dtypes.astype(str)) == list(want.figures.dtypes.astype(str))


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_metrics_equal_the_pandas_reference(store: Store, filters: Filters) -> None:
    want = filter_tables(store.load(), filters)
    got = queries.metrics(store, filters)
    assert got.people == people_displaced(want.figures)
    assert got.figures == len(want.figures)
    assert got.articles == len(want.articles)
    assert got.places == want.places["place_id"].nunique()
    assert got.sources == want.figures["source"].nunique()


def test_metrics_of_everything(store: Store) -> None:
    got = queries.metrics(store, Filters())
    # 40,000 shared by two places once, 500,000, 200 households x 5; 'returned' and the vague figure left out.
    assert got.people == 541_000
    assert got.vague == 1
    assert got.household_sizes == (5.0,)


@pytest.mark.parametrize("filters", FILTERS[:8], ids=repr)
def test_people_by_place_equals_normalize(store: Store, filters: Filters) -> None:
    want = filter_tables(store.load(), filters)
    reference = people_by_place(want.figures, want.figure_places, want.places).dropna(subset=["name"])
    got = queries.people_by_place_term(store, filters).groupby("place_id")[["people", "people_share"]].sum()
    expected = reference.set_index("place_id")[["people", "people_share"]]
    assert sorted(got.index) == sorted(expected.index)
    for pid in expected.index:
        assert int(got.loc[pid, "people"]) == int(expected.loc[pid, "people"])
        assert float(got.loc[pid, "people_share"]) == pytest.approx(float(expected.loc[pid, "people_share"]))


def test_shared_figure_counts_fully_on_each_place_and_split_in_share(store: Store) -> None:
    rows = queries.people_by_place_term(store, Filters(cities=("Tikrit", "Samarra"))).set_index("name")
    assert rows.loc["Tikrit", "people"] == 40000 and rows.loc["Tikrit", "people_share"] == 20000
    assert rows.loc["Tikrit", "shared"] == 1 and rows.loc["Tikrit", "sources"] == "IOM"


def test_places_summary(store: Store) -> None:
    summary = queries.places_summary(store, Filters()).set_index("name")
    assert summary.loc["Aleppo", "mentions"] == 3
    assert summary.loc["Mosul", "latest_title"] == "Floods in Mosul"
    assert set(summary.index) == {"Mosul", "Tikrit", "Samarra", "Aleppo"}


def test_people_by_date_and_source(store: Store) -> None:
    by_date = queries.people_by_date(store, Filters())
    assert by_date.dropna(subset=["published"])["people"].sum() == 540000
    assert by_date["published"].isna().sum() == 1  # the undated article's refugees
    by_source = queries.people_by_source(store, Filters()).set_index("source")
    assert by_source.loc["IOM", "people"] == 540000 and by_source.loc["UNHCR", "people"] == 1000


def test_evidence_largest_first_with_article(store: Store) -> None:
    rows = queries.evidence(store, Filters(), limit=2)
    assert rows["figure_id"].tolist() == ["f2", "f1"]
    assert rows["title"].tolist() == ["Floods in Mosul"] * 2


def test_filter_options(store: Store) -> None:
    options = queries.filter_options(store)
    assert options.cities == ("Aleppo", "Mosul", "Samarra", "Tikrit")
    assert options.countries == ("IQ", "SY")
    assert "Salah ad Din" in options.admin1
    assert options.terms == ("displaced", "refugees", "returned")
    assert options.sources == ("=cmd", "IOM", "UNHCR")
    assert (options.date_min, options.date_max) == ("2014-06-14", "2014-06-14")
    assert set(options.articles["article_id"]) == {A, B}


def test_article_text_and_marks(store: Store) -> None:
    assert queries.article_text(store, A) == "x" * 10
    assert queries.article_text(store, "missing") is None
    figures, places = queries.article_marks(store, B)
    assert figures["figure_id"].tolist() == ["f4", "f5"]
    assert places["surfaces"].tolist() == ["Aleppo|Halab"]


def test_articles_page(store: Store) -> None:
    page, total = queries.articles_page(store, Filters(), limit=1)
    assert total == 2 and len(page) == 1 and "text" not in page


def test_accepts_a_plain_connection(store: Store) -> None:
    assert queries.metrics(store.conn, Filters()).people == 541_000
