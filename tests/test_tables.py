"""Tables in situation reports: a heading, then rows of a place and its number."""

from __future__ import annotations

import pytest

from displacement_monitor.extract import extract
from displacement_monitor.extract.tables import table_rows
from displacement_monitor.gazetteer import load_gazetteer

SITREP = """Cyclone update

The storm made landfall on Friday. People displaced by province:
- Sofala: 110,000
- Manica - 32,500
- Tete: 4,200

Deaths by province:
Sofala: 400

Houses destroyed:
Beira: 5,000
Dondo: 1,250

Families in shelters:
Beira: 900

Roads cut: 14
"""


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_rows_are_the_lines_of_a_name_and_a_number_under_a_heading() -> None:
    rows = table_rows(SITREP)
    names = [SITREP[r.name_start:r.name_end] for r in rows]
    assert names == ["Sofala", "Manica", "Tete", "Sofala", "Beira", "Dondo", "Beira"]
    assert rows[0].heading == "People displaced by province:"  # the paragraph's last sentence
    assert len({r.table for r in rows}) == 4


@pytest.mark.parametrize("text", ["", "No tables here.", "Heading:\nNot a row at all\nSofala: 3", "Sofala: 110,000"])
def test_text_without_a_heading_right_before_its_rows_has_no_table(text: str) -> None:
    assert table_rows(text) == ()


def test_each_row_is_a_figure_of_its_heading_s_term_and_unit_at_its_place(gaz) -> None:
    result = extract(SITREP, gaz)
    found = [(f.quantity, f.unit, f.term, [result.places[i].name for i in f.places]) for f in result.figures]
    assert found == [
        (110000, "people", "displaced", ["Sofala Province"]),
        (32500, "people", "displaced", ["Manica Province"]),  # the heading names provinces
        (4200, "people", "displaced", ["Tete Province"]),
        (5000, "houses", "destroyed", ["Beira"]),  # the dead are no figures
        (1250, "houses", "destroyed", ["Dondo"]),
        (900, "households", "sheltered", ["Beira"]),
    ]


def test_a_row_place_the_gazetteer_lacks_is_a_locality_of_the_table(gaz) -> None:
    text = "Displaced people by district:\nQuelimane: 21,400\nKpalobendu: 6,150\n"
    result = extract(text, gaz)
    village = next(p for p in result.places if p.name == "Kpalobendu")
    assert village.kind == "locality"
    assert [result.places[i].name for i in result.figures[-1].places] == ["Kpalobendu"]


def test_key_figures_are_figures_of_what_their_label_says(gaz) -> None:
    text = ("Floods in Rio Grande do Sul: quick facts\n\n- Deaths: 169\n- Displaced: 581,638\n- In shelters: 55,813\n"
            "- Houses destroyed: 2,100\n- Affected municipalities: 469\n")
    result = extract(text, gaz)
    assert [(f.quantity, f.unit, f.term) for f in result.figures] == [
        (581638, "people", "displaced"), (55813, "people", "sheltered"), (2100, "houses", "destroyed")]
    assert all([result.places[i].name for i in f.places] == ["Rio Grande do Sul State"] for f in result.figures)


def test_a_row_with_a_dash_is_no_dateline(gaz) -> None:
    result = extract("People displaced by district:\nQuelimane - 21,400\nNamacurra - 9,800\n", gaz)
    assert [[result.places[i].name for i in f.places] for f in result.figures] == [["Quelimane"], ["Namacurra"]]


@pytest.mark.parametrize(("rows", "expected"), [
    ("- Mecufi: 12,400 people\n- Chiure: 31,200 people", [(12400, "people"), (31200, "people")]),
    ("- Mecufi: 2,400 families\n- Chiure: 3,100 families", [(2400, "households"), (3100, "households")]),
])
def test_a_row_may_say_what_its_number_counts(rows: str, expected, gaz) -> None:
    result = extract(f"Flood update for Mozambique. Displacement by district:\n{rows}\n", gaz)
    assert [(f.quantity, f.unit) for f in result.figures] == expected


def test_a_row_with_other_words_after_its_number_is_no_row() -> None:
    assert table_rows("Displacement by district:\n- Mecufi: 12 km from the coast\n") == ()


def test_a_blank_line_may_part_a_heading_from_its_rows(gaz) -> None:
    text = ("In Somalia, the network has recorded the following new displacement since 1 November:\n\n"
            "Belet Weyne: 248,000 people\nJowhar: 72 500 people\n\nThe river is still rising.\n")
    result = extract(text, gaz)
    assert [(f.quantity, f.term) for f in result.figures] == [(248000, "displaced"), (72500, "displaced")]


# Grids: a line of column names over rows of a place and its numbers.
BARRED = """Displacement by district of origin (Provincial Disaster Office, 3 March)

| District | Families | Individuals |
|----------|----------|-------------|
| Chiure   | 2,150    | 10,900      |
| Ancuabe  | 780      | 3,950       |
| Total    | 2,930    | 14,850      |
"""

ALIGNED = """Flood impact in Malawi, by district:

District     Displaced people    Houses damaged    Deaths    People affected
Chikwawa     24,600              5,120             11        88,000
Nsanje       17,300              -                 4         61,500
"""


def test_a_grid_s_rows_are_its_cells_under_their_column_names() -> None:
    rows = table_rows(BARRED)
    assert [(BARRED[r.name_start:r.name_end], BARRED[r.number_start:].split()[0], r.unit) for r in rows] == [
        ("Chiure", "2,150", "Families"), ("Chiure", "10,900", "Individuals"),
        ("Ancuabe", "780", "Families"), ("Ancuabe", "3,950", "Individuals"),
        ("", "2,930", "Families"), ("", "14,850", "Individuals"),  # a total row names no place
    ]
    assert {r.kind for r in rows} == {"District"}
    assert all(r.heading.startswith("Displacement by district of origin") for r in rows)


def test_cells_may_be_parted_by_tabs_or_runs_of_spaces() -> None:
    tabbed = "Camp\tNew arrivals\nGoz Beida\t1,200\nFarchana\t3,400\n"
    assert [tabbed[r.number_start:].split()[0] for r in table_rows(tabbed)] == ["1,200", "3,400"]
    assert [ALIGNED[r.number_start:].split()[0] for r in table_rows(ALIGNED)] == [
        "24,600", "5,120", "11", "88,000", "17,300", "4", "61,500"]  # no number under a dash


@pytest.mark.parametrize("text", [
    "Officials said  the river  had risen overnight.\nNothing else  was reported.\n",  # spaced prose
    "District | Status\nChiure | flooded\nAncuabe | cut off\n",  # no numbers in the cells
    "District | Displaced | Houses\nChiure | 2,150\n",  # a row of fewer cells than the grid's columns
])
def test_lines_that_are_no_grid_have_no_rows(text: str) -> None:
    assert table_rows(text) == ()


def test_a_grid_column_says_its_term_and_unit_or_leaves_the_term_to_the_caption(gaz) -> None:
    result = extract(f"Cabo Delgado, Mozambique: flash update\n\n{BARRED}", gaz)
    found = [(f.quantity, f.unit, f.term, [result.places[i].name for i in f.places]) for f in result.figures]
    assert found == [
        (2150, "households", "displaced", ["Chiúre"]), (10900, "people", "displaced", ["Chiúre"]),
        (780, "households", "displaced", ["Ancuabe"]), (3950, "people", "displaced", ["Ancuabe"]),
        (2930, "households", "displaced", ["Chiúre", "Ancuabe"]),  # a total is about the rows' places together
        (14850, "people", "displaced", ["Chiúre", "Ancuabe"]),
    ]


def test_a_grid_s_dead_and_affected_are_no_figures(gaz) -> None:
    result = extract(ALIGNED, gaz)
    found = [(f.quantity, f.unit, f.term, [result.places[i].name for i in f.places]) for f in result.figures]
    assert found == [(24600, "people", "displaced", ["Chikwawa"]), (5120, "houses", "destroyed", ["Chikwawa"]),
                     (17300, "people", "displaced", ["Nsanje"])]


def test_a_grid_s_figures_share_the_source_its_caption_names(gaz) -> None:
    text = ("Myanmar: displacement since February 2021, by state (UNHCR, as of 11 March)\n\n"
            "State | IDPs | Houses burned\nSagaing | 1,122,400 | 62,300\nMagway | 205,800 | 14,800\n")
    result = extract(text, gaz)
    assert [(f.quantity, f.term, f.source) for f in result.figures] == [
        (1122400, "displaced", "UNHCR"), (62300, "destroyed", "UNHCR"),
        (205800, "displaced", "UNHCR"), (14800, "destroyed", "UNHCR")]


def test_a_web_page_s_table_gives_figures(gaz) -> None:
    from displacement_monitor.ingest import article_from_text

    html = ("<html><body><article><h1>Floods in Malawi</h1><p>Heavy rains in the south of Malawi forced families "
            "from their homes this week, the disaster agency said on Monday.</p><p>Displacement by district:</p>"
            "<table><tr><th>District</th><th>Displaced people</th></tr><tr><td>Chikwawa</td><td>24,600</td></tr>"
            "<tr><td>Nsanje</td><td>17,300</td></tr></table></article></body></html>")
    result = extract(article_from_text(html).text, gaz)
    assert [(f.quantity, [result.places[i].name for i in f.places]) for f in result.figures] == [
        (24600, ["Chikwawa"]), (17300, ["Nsanje"])]


def test_a_grid_whose_first_column_names_provinces_has_provinces(gaz) -> None:
    text = "Cyclone update for Mozambique\n\nProvince  Displaced\nSofala  110,000\nManica  32,500\n"
    result = extract(text, gaz)
    assert [[result.places[i].name for i in f.places] for f in result.figures] == [
        ["Sofala Province"], ["Manica Province"]]


def test_a_grid_may_have_a_column_of_names_and_rows_with_blank_cells(gaz) -> None:
    # A camp, the district it is in, and its people; "Other sites" leaves the district blank.
    text = ("Flooding in Sindh: people in relief camps, provincial disaster authority\n\n"
            "Camp          District     Displaced persons\n"
            "Sehwan        Jamshoro     12,480\n"
            "Mehar         Dadu          7,310\n"
            "Other sites                 2,905\n"
            "Total                      22,695\n")
    rows = table_rows(text)
    assert [text[r.name_start:r.name_end] for r in rows] == ["Sehwan", "Mehar", "Other sites", ""]
    assert [[text[a:b] for a, b in r.names] for r in rows] == [["Jamshoro"], ["Dadu"], [], []]
    result = extract(text, gaz)
    figures = [(f.quantity, f.term) for f in result.figures]
    # the displaced of a grid of camps are sheltered
    assert figures == [(12480, "sheltered"), (7310, "sheltered"), (2905, "sheltered"), (22695, "sheltered")]


def test_a_blank_cell_is_read_under_the_column_it_lies_below() -> None:
    text = ("Area      Displaced   Returned\n"
            "Zinder        4,100      1,200\n"
            "Maradi                     950\n")
    rows = table_rows(text)
    assert [(text[r.name_start:r.name_end], r.unit, text[r.number_start:].split()[0]) for r in rows] == [
        ("Zinder", "Displaced", "4,100"), ("Zinder", "Returned", "1,200"), ("Maradi", "Returned", "950")]


def test_a_heading_s_rows_may_part_name_and_number_by_spaces_and_name_where_a_place_lies(gaz) -> None:
    text = ("New refugee arrivals by settlement, according to UNHCR:\n\n"
            "Palorinya (Moyo)       21,400\n"
            "Kiryandongo             8,900\n"
            "Total                  30,300\n")
    rows = table_rows(text)
    assert [text[r.name_start:r.name_end] for r in rows] == ["Palorinya", "Kiryandongo", ""]
    assert [[text[a:b] for a, b in r.names] for r in rows] == [["Moyo"], [], []]
    result = extract(text, gaz)
    places = [sorted(result.places[i].name for i in f.places) for f in result.figures]
    # the total row is about all the rows' places
    assert places[-1] == sorted({name for row in places[:-1] for name in row})
    assert [f.source for f in result.figures] == ["UNHCR"] * 3


def test_a_row_may_carry_a_note_in_brackets_that_names_no_place() -> None:
    text = ("People staying at the main camps on March 14:\n\n"
            "Kpalobendu camps (1-5)     31,620\n"
            "Marogoutaye (phase 2)       6,480\n"
            "Haj Ali                     4,100\n")
    rows = table_rows(text)
    assert [text[r.name_start:r.name_end] for r in rows] == ["Kpalobendu camps", "Marogoutaye", "Haj Ali"]
    assert [r.names for r in rows] == [(), (), ()]


def test_a_grid_column_of_people_in_tents_is_sheltered_and_one_of_shelters_counts_no_one(gaz) -> None:
    text = ("Quake update by province, from AFAD:\n\n"
            "Province     In tents/containers   Shelters\n"
            "Hatay              312,600            140\n"
            "Malatya             98,400             65\n")
    result = extract(text, gaz)
    assert [(f.quantity, f.term) for f in result.figures] == [(312600, "sheltered"), (98400, "sheltered")]


def test_people_displaced_from_the_camps_a_grid_lists_are_displaced(gaz) -> None:
    text = ("Displacement from the camps of the northern West Bank is the largest in decades. Estimates by camp:\n\n"
            "Camp        | Displaced (estimate)\nJenin       | 18,000\nTulkarm     | 9,000\n")
    assert [f.term for f in extract(text, gaz).figures] == ["displaced", "displaced"]


def test_an_indented_grid_is_a_grid(gaz) -> None:
    text = ("Figures for the worst-hit cantons:\n\n"
            "    Canton            In shelters   Homes destroyed\n"
            "    Pedernales              5,912             1,460\n"
            "    Jama                    2,160               510\n")
    assert [(f.quantity, f.unit, f.term) for f in extract(text, gaz).figures] == [
        (5912, "people", "sheltered"), (1460, "houses", "destroyed"), (2160, "people", "sheltered"),
        (510, "houses", "destroyed")]


def test_a_caption_with_a_time_of_day_still_says_what_the_grid_counts(gaz) -> None:
    # The stops of "a.m." end no sentence: the caption is the whole line, and says the families are evacuees
    # in centres.
    text = ("Volcano alert in the Philippines\n\nLEGAZPI, June 16 - Officials in Albay widened the danger zone.\n\n"
            "Evacuees in evacuation centres by town (as of Friday 8 a.m.):\n\n"
            "Town | Centres | Families | Persons\nCamalig | 6 | 1,102 | 4,196\nDaraga | 2 | 161 | 603\n")
    result = extract(text, gaz)
    found = {(f.quantity, f.unit, f.term) for f in result.figures}
    assert found >= {(1102, "households", "sheltered"), (4196, "people", "sheltered"), (603, "people", "sheltered")}
    assert not {f.quantity for f in result.figures} & {6, 2}  # centres count no one


def test_the_clause_that_ends_with_the_colon_says_what_a_list_counts(gaz) -> None:
    text = ("Floods in Chad\n\nN'DJAMENA, Oct 4 - Floods have destroyed more than 200,000 homes, OCHA said in an "
            "update, which also listed the provinces with the most displaced people:\n\nMandoul: 58,000\n"
            "Tandjile: 41,500\n")
    found = {(f.quantity, f.unit, f.term) for f in extract(text, gaz).figures}
    assert {(58000, "people", "displaced"), (41500, "people", "displaced")} <= found


def test_a_line_may_hold_several_key_figures_and_a_count_in_two_units(gaz) -> None:
    text = ("Sri Lanka: situation report\n\nIMPACT\n- Deaths: 16; Injured: 22; Missing: 3\n"
            "- Houses fully damaged: 103; partially damaged: 2,589\n"
            "- Persons in safety centres: 9,341 families / 28,452 persons in 212 safety centres\n")
    found = {(f.quantity, f.unit, f.term) for f in extract(text, gaz).figures}
    assert found == {(103, "houses", "destroyed"), (2589, "houses", "destroyed"), (9341, "households", "sheltered"),
                     (28452, "people", "sheltered")}


def test_a_grid_column_of_hh_counts_households(gaz) -> None:
    text = ("Somalia: flash update\n\nHouseholds displaced by the floods, by district:\n\n"
            "District     Displaced (HH)   Sites affected\nDaynile      3,640            48\n"
            "Kahda        2,910            37\n")
    found = {(f.quantity, f.unit, f.term) for f in extract(text, gaz).figures}
    assert found == {(3640, "households", "displaced"), (2910, "households", "displaced")}
