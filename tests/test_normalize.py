"""normalize.py: extractions -> the four tidy tables with their declared dtypes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from displacement_monitor.ingest import article_from_text, read_article
from displacement_monitor.models import (
    ARTICLES_SCHEMA,
    FIGURE_PLACES_SCHEMA,
    FIGURES_SCHEMA,
    PLACES_SCHEMA,
    Extraction,
    Figure,
    PlaceMention,
)
from displacement_monitor.normalize import (
    Tables,
    household_size,
    normalize,
    people_by_place,
    people_displaced,
    place_id,
)
from displacement_monitor.pipeline import process_article

TEXT = ("Some 1,000 families fled Mosul and Tikrit. 500 houses were destroyed in Mosul. "
        "Thousands of people fled Erbil. 2,000 people returned to Tikrit.")


def mention(start: int, name: str, geonameid: int, country: str = "IQ", kind: str = "city") -> PlaceMention:
    return PlaceMention(start, start + len(name), name, geonameid, name, kind, country, "", 36.0, 43.0,
                        geonameid, 1000)


def figure(quantity: int, unit: str, term: str, start: int, places: tuple[int, ...] = (),
           vague: bool = False) -> Figure:
    return Figure(quantity, unit, term, start, start + 3, str(quantity), "sentence.", 0, vague=vague,
                  places=places)


MOSUL = mention(25, "Mosul", 99072)
TIKRIT = mention(35, "Tikrit", 90150)
MOSUL_AGAIN = mention(72, "Mosul", 99072)
IRAQ = mention(0, "Iraq", 99237, kind="country")
EXTRACTION = Extraction(
    places=(MOSUL, TIKRIT, MOSUL_AGAIN, IRAQ),
    countries=("IQ",),
    figures=(
        figure(1000, "households", "displaced", 5, places=(0, 1)),
        figure(500, "houses", "destroyed", 43, places=(2,)),
        figure(1000, "people", "displaced", 80, vague=True),
        figure(2000, "people", "returned", 112, places=(1,)),
    ),
)


@pytest.fixture(scope="module")
def tables() -> Tables:
    return normalize(article_from_text(TEXT, title="T", published="2014-06-20"), EXTRACTION)


@pytest.fixture(scope="module")
def seed_tables() -> Tables:
    seed = Path(__file__).resolve().parent.parent / "data" / "articles" / "seed-mosul-2014.txt"
    return process_article(read_article(seed)).tables


@pytest.mark.parametrize(
    ("name", "schema"),
    [("articles", ARTICLES_SCHEMA), ("places", PLACES_SCHEMA), ("figures", FIGURES_SCHEMA),
     ("figure_places", FIGURE_PLACES_SCHEMA)],
)
def test_tables_conform_to_their_schemas(tables: Tables, seed_tables: Tables, name: str,
                                         schema: dict[str, str]) -> None:
    for frame in (getattr(tables, name), getattr(seed_tables, name), getattr(Tables.empty(), name)):
        assert {col: str(dtype) for col, dtype in frame.dtypes.items()} == schema


def test_places_one_row_per_place_countries_left_out(tables: Tables) -> None:
    assert tables.places["place_id"].tolist() == ["gn:99072", "gn:90150"]
    assert tables.places["mentions"].tolist() == [2, 1]
    assert tables.places["geocoder"].tolist() == ["offline", "offline"]


def test_place_id_falls_back_to_country_and_name_without_geonameid() -> None:
    assert place_id(MOSUL) == "gn:99072"
    assert place_id(mention(0, "Nineveh", 0)) == "adm1:IQ.Nineveh"
    assert place_id(mention(0, "Bohol Province", 0, "PH", "admin2")) == "adm2:PH.Bohol Province"


def test_households_use_the_country_table(tables: Tables) -> None:
    row = tables.figures.iloc[0]
    assert (row["unit"], row["household_size"], row["people_estimate"]) == ("households", 6.4, 6400)


@pytest.mark.parametrize(("country", "size"), [("IQ", 6.4), ("LB", 4.2), ("ZZ", 5.0), (None, 5.0), ("", 5.0)])
def test_household_size(country: str | None, size: float) -> None:
    assert household_size(country) == size


def test_households_in_a_country_without_a_figure_use_five() -> None:
    extraction = Extraction(places=(mention(0, "Nowhere", 1, country="ZZ"),), countries=("ZZ",),
                            figures=(figure(100, "households", "displaced", 10, places=(0,)),))
    figures = normalize(article_from_text("x" * 20), extraction).figures
    assert figures.loc[0, "household_size"] == 5.0
    assert figures.loc[0, "people_estimate"] == 500


def test_households_without_places_use_the_article_country() -> None:
    extraction = Extraction(places=(), countries=("LB",),
                            figures=(figure(100, "households", "displaced", 10),))
    assert normalize(article_from_text("x" * 20), extraction).figures.loc[0, "people_estimate"] == 420


def test_houses_have_no_people_estimate(tables: Tables) -> None:
    assert tables.figures.loc[1, "people_estimate"] is pd.NA
    assert tables.figures.loc[1, "household_size"] is pd.NA


def test_shared_figure_once_in_figures_and_per_place_in_links(tables: Tables) -> None:
    shared_id = tables.figures.loc[0, "figure_id"]
    assert (tables.figures["figure_id"] == shared_id).sum() == 1
    assert tables.figures.loc[0, "places"] == "Mosul; Tikrit"
    assert tables.figures.loc[0, "n_places"] == 2
    links = tables.figure_places[tables.figure_places["figure_id"] == shared_id]
    assert links["place_id"].tolist() == ["gn:99072", "gn:90150"]
    assert links["shared"].tolist() == [True, True]
    single = tables.figure_places[tables.figure_places["figure_id"] == tables.figures.loc[1, "figure_id"]]
    assert single["shared"].tolist() == [False]


def test_figure_without_places_has_no_links(tables: Tables) -> None:
    vague_id = tables.figures.loc[2, "figure_id"]
    assert tables.figures.loc[2, "n_places"] == 0
    assert vague_id not in set(tables.figure_places["figure_id"])


def test_figure_ids_are_stable(tables: Tables) -> None:
    again = normalize(article_from_text(TEXT, title="T", published="2014-06-20"), EXTRACTION)
    assert again.figures["figure_id"].tolist() == tables.figures["figure_id"].tolist()
    assert tables.figures["figure_id"].is_unique


def test_people_displaced_leaves_out_vague_housing_and_returns(tables: Tables) -> None:
    assert people_displaced(tables.figures) == 6400


def test_people_displaced_on_the_seed_counts_each_figure_once(seed_tables: Tables) -> None:
    # 40,000 from Tikrit and Samarra (shared by two places) plus 500,000 from Mosul; not 580,000.
    assert people_displaced(seed_tables.figures) == 540_000


def test_people_by_place_flags_shares_that_sum_without_double_counting(seed_tables: Tables) -> None:
    by_place = people_by_place(seed_tables.figures, seed_tables.figure_places, seed_tables.places)
    people = dict(zip(by_place["name"], by_place["people"], strict=True))
    assert people == {"Mosul": 500_000, "Tikrit": 40_000, "Samarra": 40_000}
    assert by_place["people_share"].sum() == 540_000


def test_concat_of_nothing_is_empty_tables() -> None:
    assert all(getattr(Tables.concat([]), name).empty for name in ("articles", "places", "figures"))


def test_concat_keeps_rows_and_schema(tables: Tables, seed_tables: Tables) -> None:
    both = Tables.concat([tables, seed_tables])
    assert len(both.figures) == len(tables.figures) + len(seed_tables.figures)
    assert str(both.figures["vague"].dtype) == "boolean"


def test_places_say_how_they_were_placed() -> None:
    article = article_from_text("x" * 10)
    known = mention(0, "Mopti", 2453348, country="ML")
    near = PlaceMention(10, 20, "Kpalobendu", -1, "Kpalobendu", "locality", "ML", "", 14.49, -4.19, 0, 0,
                        near="Mopti")
    lost = PlaceMention(30, 40, "Marogoutaye", -2, "Marogoutaye", "locality", "ML", "", float("nan"),
                        float("nan"), 0, 0)
    measured = PlaceMention(50, 60, "Tounkara", -1, "Tounkara", "locality", "ML", "", 14.22, -4.19, 0, 0,
                            near="Mopti", offset="30 km south of")
    extraction = Extraction(places=(known, near, lost, measured), countries=("ML",), figures=())
    places = normalize(article, extraction).places
    how = dict(zip(places["name"], places["geocoder"], strict=True))
    assert how == {"Mopti": "offline", "Kpalobendu": "offline, approximate: near Mopti",
                   "Marogoutaye": "offline, not found", "Tounkara": "offline, approximate: 30 km south of Mopti"}
    assert places.set_index("name").loc["Marogoutaye", "lat"] is pd.NA
    assert set(places["place_id"]) == {"gn:2453348", "loc:ML.Kpalobendu", "loc:ML.Marogoutaye", "loc:ML.Tounkara"}


def test_places_come_in_the_order_the_story_names_them() -> None:
    # The headline's "Esmeraldas" comes where the body first names that place, after the province and the
    # dateline's Quito, as an analyst listing the story's places would have it.
    text = ("Floods in Esmeraldas leave hundreds homeless\n\nQUITO, March 3 - In Esmeraldas province, some 900 "
            "houses were damaged this week. In Esmeraldas, the provincial capital, 400 people were evacuated.")
    places = process_article(article_from_text(text)).tables.places
    assert list(places["name"]) == ["Quito", "Esmeraldas Province", "Esmeraldas"]
