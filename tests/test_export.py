"""export.py: filters over the tables, and CSV, HXL and GeoJSON that spreadsheets and maps read safely."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from displacement_monitor.export import (
    Filters,
    export_bytes,
    export_tables,
    filter_tables,
    neutralize,
    to_csv,
)
from displacement_monitor.ingest import article_from_text, read_article
from displacement_monitor.models import Extraction, Figure, PlaceMention
from displacement_monitor.normalize import Tables, normalize
from displacement_monitor.pipeline import process_article

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "seed-mosul-2014.txt"
BEIRUT_SENTENCE = "=HYPERLINK(x) The blast left 300,000 people homeless in Beirut."
BEIRUT_TEXT = BEIRUT_SENTENCE + " 500 houses were destroyed."
BEIRUT = PlaceMention(55, 61, "Beirut", 1, "Beirut", "city", "LB", "Beyrouth", 33.89, 35.49, 276781, 1_916_100)


def beirut_tables() -> Tables:
    figures = (
        Figure(300_000, "people", "homeless", 29, 36, "300,000", BEIRUT_SENTENCE, 0, places=(0,)),
        Figure(500, "houses", "destroyed", 63, 66, "500", "500 houses were destroyed.", 63, places=(0,)),
    )
    article = article_from_text(BEIRUT_TEXT, title="@Beirut blast", published="2020-08-05")
    return normalize(article, Extraction(places=(BEIRUT,), countries=("LB",), figures=figures))


@pytest.fixture(scope="module")
def seed() -> Tables:
    return process_article(read_article(SEED)).tables


@pytest.fixture(scope="module")
def tables(seed: Tables) -> Tables:
    return Tables.concat([seed, beirut_tables()])


def quantities(tables: Tables) -> list[int]:
    return sorted(tables.figures["quantity"].tolist())


def test_no_filters_keep_everything(tables: Tables) -> None:
    assert not Filters().active()
    kept = filter_tables(tables, Filters())
    assert quantities(kept) == [500, 40_000, 300_000, 500_000]
    assert len(kept.articles) == 2


def test_filter_by_city(tables: Tables) -> None:
    kept = filter_tables(tables, Filters(cities=("Mosul",)))
    assert Filters(cities=("Mosul",)).active()
    assert quantities(kept) == [500_000]
    assert kept.places["name"].tolist() == ["Mosul"]
    assert kept.articles["title"].tolist() == ["Rouhani offers Iraq help against ISIS as Mosul and Tikrit fall"]


def test_filter_by_city_keeps_a_shared_figure_whole(tables: Tables) -> None:
    kept = filter_tables(tables, Filters(cities=("Tikrit",)))
    assert quantities(kept) == [40_000]  # not halved, not dropped
    assert kept.figures.loc[0, "places"] == "Tikrit; Samarra"
    assert sorted(kept.figure_places["place_id"]) == ["gn:90150", "gn:91597"]
    assert kept.figure_places["shared"].tolist() == [True, True]


def test_filter_by_country(tables: Tables) -> None:
    kept = filter_tables(tables, Filters(countries=("LB",)))
    assert quantities(kept) == [500, 300_000]
    assert set(kept.places["country_code"]) == {"LB"}
    assert kept.articles["published"].tolist() == ["2020-08-05"]


def test_filter_by_term(tables: Tables) -> None:
    kept = filter_tables(tables, Filters(terms=("homeless",)))
    assert quantities(kept) == [300_000]
    assert kept.places["name"].tolist() == ["Beirut"]
    assert len(kept.articles) == 1


@pytest.mark.parametrize(
    ("filters", "published"),
    [
        (Filters(date_from="2015-01-01"), ["2020-08-05"]),
        (Filters(date_to="2014-12-31"), ["2014-06-14"]),
        (Filters(date_from="2014-06-14", date_to="2014-06-14"), ["2014-06-14"]),
        (Filters(date_from="2021-01-01"), []),
    ],
)
def test_filter_by_dates(tables: Tables, filters: Filters, published: list[str]) -> None:
    kept = filter_tables(tables, filters)
    assert kept.articles["published"].tolist() == published
    assert set(kept.figures["article_id"]) <= set(kept.articles["article_id"])
    assert set(kept.places["article_id"]) <= set(kept.articles["article_id"])


def test_filter_does_not_change_its_input(tables: Tables) -> None:
    before = tables.figures.copy()
    filter_tables(tables, Filters(cities=("Mosul",), terms=("displaced",)))
    pd.testing.assert_frame_equal(tables.figures, before)


@pytest.mark.parametrize("cell", ["=1+2", "+SUM(A1)", "-5", "@cmd", "\tx", "\rx"])
def test_neutralize_formula_cells(cell: str) -> None:
    frame = pd.DataFrame({"text": pd.Series([cell, "safe"], dtype="string"), "obj": [cell, "ok"]})
    out = neutralize(frame)
    assert out["text"].tolist() == ["'" + cell, "safe"]
    assert out["obj"].tolist() == ["'" + cell, "ok"]


def test_neutralize_leaves_numbers_and_missing_values() -> None:
    frame = pd.DataFrame({"lon": pd.Series([-12.5, None], dtype="Float64"),
                          "note": pd.Series([" =x", None], dtype="string")})
    out = neutralize(frame)
    assert out["lon"].tolist() == [-12.5, pd.NA]
    assert out["note"].tolist() == [" =x", pd.NA]


def read_csv_rows(data: bytes | str) -> list[list[str]]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_export_neutralises_article_text(tables: Tables) -> None:
    rows = read_csv_rows(export_bytes(tables, "figures", "csv"))
    header = rows[0]
    sentences = [row[header.index("sentence")] for row in rows[1:]]
    titles = [row[header.index("title")] for row in rows[1:]]
    assert "'" + BEIRUT_SENTENCE in sentences
    assert "'@Beirut blast" in titles
    assert not any(s.startswith(("=", "+", "-", "@")) for s in sentences + titles)


def test_csv_cell_with_carriage_return_stays_one_cell() -> None:
    frame = pd.DataFrame({"title": pd.Series(["\rcmd", "line\rbreak"], dtype="string"), "n": [1, 2]})
    assert read_csv_rows(to_csv(frame)) == [["title", "n"], ["'\rcmd", "1"], ["line\rbreak", "2"]]


def test_figures_csv_has_dates_and_households(tables: Tables) -> None:
    rows = read_csv_rows(export_bytes(tables, "figures", "csv"))
    assert {"published", "title", "url", "households", "places"} <= set(rows[0])


def test_hxl_places_second_row_is_tags(seed: Tables) -> None:
    rows = read_csv_rows(export_bytes(seed, "places", "hxl"))
    tags = dict(zip(rows[0], rows[1], strict=True))
    assert rows[1][0].startswith("#")
    assert tags["name"] == "#loc+name"
    assert tags["country_code"] == "#country+code"
    assert tags["lat"] == "#geo+lat"
    assert tags["lon"] == "#geo+lon"
    assert tags["people"] == "#affected+idps"
    assert rows[2][rows[0].index("name")] == "Mosul"


def test_hxl_figures_and_links_tags(seed: Tables) -> None:
    figures = read_csv_rows(export_bytes(seed, "figures", "hxl"))
    tags = dict(zip(figures[0], figures[1], strict=True))
    assert (tags["people_estimate"], tags["quantity"], tags["places"]) == (
        "#affected+idps", "#affected+num", "#loc+name")
    links = read_csv_rows(export_bytes(seed, "figure_places", "hxl"))
    assert links[1] == ["#meta+article", "#meta+id", "#loc+code", "#indicator+shared", "#loc+name"]
    assert len(links) == 2 + 3


def test_geojson_points_are_lon_lat(seed: Tables) -> None:
    collection = json.loads(export_bytes(seed, "places", "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["name"]: f for f in collection["features"]}
    assert set(features) == {"Mosul", "Tikrit", "Baghdad", "Samarra"}
    mosul = features["Mosul"]
    assert mosul["type"] == "Feature"
    assert mosul["geometry"] == {"type": "Point", "coordinates": [43.11889, 36.335]}
    assert mosul["properties"]["people_displaced"] == 500_000
    assert features["Baghdad"]["properties"]["people_displaced"] == 0


def test_geojson_skips_places_without_coordinates(seed: Tables) -> None:
    places = seed.places.assign(lat=seed.places["lat"].where(seed.places["name"] != "Baghdad"))
    collection = json.loads(export_bytes(Tables(seed.articles, places, seed.figures, seed.figure_places),
                                         "places", "geojson"))
    assert "Baghdad" not in {f["properties"]["name"] for f in collection["features"]}


def test_export_tables_writes_csv_files(seed: Tables, tmp_path: Path) -> None:
    written = export_tables(seed, tmp_path / "out")
    assert [p.name for p in written] == ["articles.csv", "places.csv", "figures.csv", "figure_places.csv"]
    assert "text" not in read_csv_rows((tmp_path / "out" / "articles.csv").read_text(encoding="utf-8"))[0]


def test_export_tables_hxl_and_geojson_names(seed: Tables, tmp_path: Path) -> None:
    hxl = export_tables(seed, tmp_path, "hxl")
    assert [p.name for p in hxl] == ["articles_hxl.csv", "places_hxl.csv", "figures_hxl.csv",
                                     "figure_places_hxl.csv"]
    assert [p.name for p in export_tables(seed, tmp_path, "geojson")] == ["places.geojson"]
