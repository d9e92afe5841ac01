"""Rules of the figure extractor, each with sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from displacement_monitor.extract import extract
from displacement_monitor.extract.figures import (
    _ABROAD_WORDS,
    _CAMEL_GLUE,
    _CAPACITY,
    _CAPACITY_WORDS,
    _CLAUSE_BREAK,
    _COORDINATION,
    _COUNT_REFERENCE,
    _COUNT_WORDS,
    _DENIAL_WORDS,
    _DIGIT_NAMES,
    _EXCLUDED_BEFORE_BACKWARDS,
    _GLUED_STEM,
    _MONTH_BEFORE_BACKWARDS,
    _NOT_COUNT_WORDS,
    _POPULATION_WORDS,
    _RESTATED,
    _WORD,
    _clause_after,
    _clause_before,
    _first_words,
    _last_words,
    _tail_start,
    _terms,
)
from displacement_monitor.extract.lexicon import (
    ABROAD,
    DENIAL,
    MONTHS,
    POPULATION,
    TERM_PATTERNS,
    Caseless,
    alternation,
    holds_any,
)
from displacement_monitor.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def figures(text: str, gaz) -> list[tuple[int, str, str]]:
    return [(f.quantity, f.unit, f.term) for f in extract(text, gaz).figures]


def first(text: str, gaz):
    found = extract(text, gaz).figures
    assert found, f"no figure in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 12,500 people fled the fighting in Kirkuk.", (12500, "people", "displaced")),
        ("About 3,000 families were uprooted by the floods in Sindh province.", (3000, "households", "displaced")),
        ("Rescuers evacuated 8,400 residents from Beira on Monday.", (8400, "people", "evacuated")),
        ("Some 2,300 refugees crossed into Chad last week.", (2300, "people", "refugees")),
        ("Nearly 900 returnees arrived back in Mosul in March.", (900, "people", "returned")),
        ("The storm destroyed 1,250 houses in the district of Tacloban.", (1250, "houses", "destroyed")),
        ("At least 4,000 people were left homeless by the earthquake in Herat.", (4000, "people", "homeless")),
        ("Schools in Goma are sheltering 6,100 people who fled the clashes.", (6100, "people", "sheltered")),
        ("A total of 15,000 IDPs have been registered in Maiduguri.", (15000, "people", "displaced")),
        ("In Galle, 3,200 villagers crowded into makeshift shelters.", (3200, "people", "sheltered")),
        ("Some 640 residents moved to two welfare centres in Matara.", (640, "people", "sheltered")),
        ("Over 8,000 people were living in Bor's UN protection of civilians sites.", (8000, "people", "sheltered")),
        ("In Paiporta, around 1,000 homes were flooded.", (1000, "houses", "destroyed")),
        ("The fire left 2,400 homes in ashes in Quilpue.", (2400, "houses", "destroyed")),
        ("In Parachinar, some 240 houses and some 90 shops had been burned.", (240, "houses", "destroyed")),
        ("Yobe is home to some 150,000 people uprooted by the insurgency.", (150000, "people", "displaced")),
        ("In Kunar, 3,600 people were evacuated from villages threatened by rockfalls.", (3600, "people", "evacuated")),
        ("In Batangas, 2,000 families are staying in gymnasiums and schools.", (2000, "households", "sheltered")),
        ("Some 9,000 people from Wad Madani had reached Sennar by Monday.", (9000, "people", "displaced")),
        ("In camps that host 900 refugees in Ukhia, some 1,300 shelters were damaged.", (1300, "houses", "destroyed")),
        ("The army resettled 14,000 displaced people in their home towns of Bama.", (14000, "people", "returned")),
        ("Some 3,500 families have left camps in Dohuk to return to Sinjar.", (3500, "households", "returned")),
        ("In Nekemte, 30,000 displaced people are staying in schools.", (30000, "people", "sheltered")),
        ("A stadium in Kalemie became a makeshift shelter for 7,500 people.", (7500, "people", "sheltered")),
        ("The sports hall in Pemba is housing 1,100 people.", (1100, "people", "sheltered")),
        ("In Jacmel, 450 families had lost everything, a priest said.", (450, "households", "homeless")),
        ("In Nalgad, 700 families are sleeping under tarpaulins.", (700, "households", "homeless")),
        ("Some 2,300 homes in Lugo have been declared uninhabitable.", (2300, "houses", "destroyed")),
        ("In Jacobabad, 12,000 flood affectees are living in 40 relief camps.", (12000, "people", "sheltered")),
        ("Around 900 persons are staying now in six schools in Mukalla.", (900, "people", "sheltered")),
        ("Clashes damaged the shelters of 1,300 Rohingya refugee households in Ukhia.", (1300, "houses", "destroyed")),
        ("A truce has allowed some 2,000 families to return to Kidal.", (2000, "households", "returned")),
        ("In Wajima, at a gymnasium where some 350 people sleep on mats, food is short.", (350, "people", "sheltered")),
        ("Al-Hol camp's population stands at 41,000, most of them women.", (41000, "people", "sheltered")),
        ("About 1.7 million people \u2013 75 per cent of the population \u2013 were displaced in Gaza.",
         (1_700_000, "people", "displaced")),
        ("The centre in Qayyarah received 1,200 Iraqis, around 300 households, returning from Syria.",
         (1200, "people", "returned")),
        ("Kaya received 900 new IDP households from Barsalogho last week.", (900, "households", "displaced")),
        ("The town of Djibo is now home to more than 150,000 IDPs.", (150000, "people", "displaced")),
        ("Raids have pushed 1,800 households from Kolofata to Mora.", (1800, "households", "displaced")),
        ("Around 2,000 people a day are arriving in Lviv from the east.", (2000, "people", "displaced")),
        ("About 6,000 people have moved east to Fafin from Afrin.", (6000, "people", "displaced")),
        ("The transit centre in Renk has received 3,400 people this week.", (3400, "people", "displaced")),
    ],
)
def test_term_and_unit(text: str, expected: tuple[int, str, str], gaz) -> None:
    assert expected in figures(text, gaz)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("1.2 million people have fled their homes in Tigray.", 1_200_000),
        ("Some 2.5m people were displaced in Sudan.", 2_500_000),
        ("Forty thousand people fled Aleppo overnight.", 40_000),
        ("Half a million people have left Kharkiv.", 500_000),
        ("A quarter of a million people fled Mosul.", 250_000),
        ("Around 12 000 people fled Bunia.", 12_000),
        ("Two million people were displaced across Pakistan.", 2_000_000),
    ],
)
def test_numbers_in_words_and_digits(phrase: str, value: int, gaz) -> None:
    assert first(phrase, gaz).quantity == value


@pytest.mark.parametrize(
    "text",
    [
        "The clashes in Kirkuk killed 45 people and injured 120 others.",
        "Donors pledged $250 million for the response in Yemen.",
        "The camp in Dohuk opened on 12 June 2014.",
        "About 60 percent of the people of Raqqa are women and children.",
        "A 41-year-old teacher said she had walked 90 km from Mosul.",
        "Some 2,000 soldiers and 500 fighters were deployed to Tikrit.",
        "Aid agencies sent 35 trucks and 400 tents to Sinjar.",
        "Mosul, a city of nearly two million people, fell on Tuesday.",
        "The offensive could displace 200,000 people in Idlib, the UN warned.",
        "As many as 50,000 people may flee Hodeidah if the fighting spreads.",
        "The government denied that 10,000 people had fled Kherson.",
        "Some 4,000 people are stranded in Kassala, unable to leave.",
        "About 700 families in Kassala cannot flee the shelling.",
        "Boats land near Teknaf at night, according to three refugees who arrived last week.",
        "In Somalia, food aid has reached 20,000 people in Kismayo.",
        "In Colombo, a three-wheeler driver whose family is staying at a temple said the water rose fast.",
        "In Congo, most of Sake's roughly 80,000 inhabitants had left by Thursday evening.",
        "In Chad, a further rise of 30 cm could push another 50,000 people out of their homes.",
        "In Uganda, UNHCR is preparing for as many as 100,000 more Congolese arrivals by June.",
    ],
)
def test_not_displacement_figures(text: str, gaz) -> None:
    assert figures(text, gaz) == []


def test_a_multiplier_written_once_serves_both_ends_of_a_range(gaz) -> None:
    fig = first("Between 2 and 3 million people have been displaced in Sudan.", gaz)
    assert (fig.quantity, fig.quantity_max) == (2_000_000, 3_000_000)


def test_range_keeps_both_ends(gaz) -> None:
    fig = first("Between 3,000 and 5,000 people fled the villages around Kidal.", gaz)
    assert (fig.quantity, fig.quantity_max) == (3000, 5000)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("More than 7,000 people fled Sinjar.", "more than"),
        ("At least 7,000 people fled Sinjar.", "at least"),
        ("Nearly 7,000 people fled Sinjar.", "nearly"),
        ("About 7,000 people fled Sinjar.", "about"),
        ("Up to 7,000 people fled Sinjar.", "up to"),
        ("An estimated 7,000 people fled Sinjar.", "estimated"),
        ("Some 7,000 people are believed to have fled Sinjar.", "about"),
        ("7,000 people are believed to have fled Sinjar.", "believed"),
    ],
)
def test_qualifiers(text: str, qualifier: str, gaz) -> None:
    assert first(text, gaz).qualifier == qualifier


def test_vague_figure_is_flagged_with_its_smallest_value(gaz) -> None:
    fig = first("Tens of thousands of people fled Sirte as the fighting closed in.", gaz)
    assert (fig.quantity, fig.vague) == (10_000, True)


def test_elliptical_number_continues_the_previous_figure(gaz) -> None:
    text = "Officials said 20,000 people had fled Raqqa for Tabqa and about 5,000 for Kobani."
    assert (5000, "people", "displaced") in figures(text, gaz)


@pytest.mark.parametrize("text", [
    "The cyclone flattened 3,200 homes in Beira and left 7,400 damaged.",
    "In Beira 3,200 homes were destroyed by the cyclone. A further 7,400 were damaged.",
])
def test_a_number_with_only_a_house_verb_after_a_house_figure_counts_houses(text: str, gaz) -> None:
    assert figures(text, gaz) == [(3200, "houses", "destroyed"), (7400, "houses", "destroyed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Floods destroyed the homes of 1,200 families in Sindh, Pakistan.", (1200, "houses", "destroyed")),
    ("In Yemen, rain damaged or destroyed shelters of 4,500 households in Hays.", (4500, "houses", "destroyed")),
    ("In Yemen, floods swept camps, damaging the shelters of more than 10,000 displaced families.",
     (10_000, "houses", "destroyed")),
    ("The homes of some 5,000 people in Hays, Yemen, were washed away.", (5000, "people", "homeless")),
])
def test_the_destroyed_homes_of_families_count_homes(text: str, expected: tuple[int, str, str], gaz) -> None:
    assert figures(text, gaz) == [expected]


def test_a_camp_that_is_home_to_people_shelters_them(gaz) -> None:
    text = "In Bangladesh, Kutupalong, the largest of the camps, is home to about 600,000 people."
    assert figures(text, gaz) == [(600_000, "people", "sheltered")]


def test_a_town_that_is_home_to_people_is_no_figure(gaz) -> None:
    assert figures("In Ethiopia, Dessie, home to more than 200,000 people, was shelled.", gaz) == []


@pytest.mark.parametrize("text", [
    "Bangladesh wants to relocate 100,000 refugees to the island of Bhasan Char.",
    "The government intends to move 20,000 displaced families to new sites in Mali.",
])
def test_what_someone_wants_or_intends_is_no_figure_yet(text: str, gaz) -> None:
    assert figures(text, gaz) == []


def test_people_affected_are_no_figure_but_those_moved_among_them_are(gaz) -> None:
    text = "Floods in India's Assam state have affected over 400,000 people and forced 120,000 of them into camps."
    assert [f[0] for f in figures(text, gaz)] == [120_000]


@pytest.mark.parametrize("text", [
    "In Nepal, about 3,000 families were sleeping in the open after the quake.",
    "In Herat, 3,000 families camped outside their ruined homes.",
    "In Mandalay, 3,000 families spent a third night sleeping outdoors.",
])
def test_people_sleeping_in_the_open_are_homeless(text: str, gaz) -> None:
    assert figures(text, gaz) == [(3000, "households", "homeless")]


@pytest.mark.parametrize("text", [
    "In Burkina Faso, Djibo shelters 270,000 displaced people.",
    "In Burkina Faso, Djibo now shelters some 270,000 displaced people.",
])
def test_a_town_that_shelters_displaced_people_counts_them_sheltered(text: str, gaz) -> None:
    assert figures(text, gaz) == [(270_000, "people", "sheltered")]


def test_a_word_ending_like_a_currency_is_no_money(gaz) -> None:
    """'Rs' is rupees, but 'shelters' only ends in the same letters."""
    assert figures("In Burkina Faso, the camp shelters 9,000 people.", gaz) == [(9000, "people", "sheltered")]
    assert figures("In India, each family got Rs 5,000.", gaz) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("In Turkey, the quake left 1.5 million people without homes.", [(1_500_000, "people", "homeless")]),
    ("In Myanmar, 20,000 Rohingya were pushed across the border.", [(20_000, "people", "refugees")]),
    ("In Niger, floods forced 80,000 people into schools and mosques.", [(80_000, "people", "sheltered")]),
    ("In Niger, 5,000 children in schools were given meals.", []),
    ("In Morocco, 3,000 families spent a third night in the open.", [(3000, "households", "homeless")]),
    ("In the Philippines, 17,000 families remain displaced, many of them in transitory shelters.",
     [(17_000, "households", "displaced")]),
])
def test_more_ways_reports_say_what_happened(text: str, expected: list, gaz) -> None:
    assert figures(text, gaz) == expected


def test_people_sleeping_in_tents_are_sheltered(gaz) -> None:
    assert figures("In Nepal, about 3,000 families were sleeping in tents.", gaz) == [(3000, "households", "sheltered")]


def test_houses_damaged_beside_a_death_toll_are_a_figure(gaz) -> None:
    text = "In Pakistan, 1,391 people had died and nearly 1.7 million houses had been damaged, the agency said."
    assert figures(text, gaz) == [(1_700_000, "houses", "destroyed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Syria, the survey found 48,000 housing units damaged or destroyed in Homs.", [(48000, "houses", "destroyed")]),
    ("In Turkey, the quake destroyed 12,300 housing units near Antakya.", [(12300, "houses", "destroyed")]),
    ("In Iraq, the ministry will build 5,000 housing units for families displaced from Sinjar.", []),
])
def test_housing_units_count_houses_only_when_lost(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "In Kelowna, another 24,000 people were on evacuation alert.",
    "In Suzu, about 90 percent of the city's roughly 5,000 houses were destroyed.",  # the whole, not a figure
    "Thousands left Canoas, which has around 350 thousand inhabitants.",  # the city's people
    "In Wajima, nearly two-thirds of the evacuees are elderly.",
    "In Goma, 5,000 families received food aid.",
])
def test_alerts_wholes_populations_and_institutions_are_no_figures(text: str, gaz) -> None:
    assert [f for f in figures(text, gaz) if f[0] != 1000] == []  # ("thousands" is vague, and not asked about)


def test_more_people_in_the_next_sentence_are_of_the_same_kind(gaz) -> None:
    text = "In Mauritania, the Mbera camp now shelters 90,000 refugees. An estimated 9,000 more live in villages."
    assert figures(text, gaz) == [(90000, "people", "refugees"), (9000, "people", "refugees")]


@pytest.mark.parametrize("text", [
    "In Niger, 9,000 people were displaced near Tillaberi, and the army deployed 400 more troops there.",
    "In Niger, 9,000 people are displaced around Tillaberi, where 1.1 million persons need humanitarian aid.",
])
def test_troops_and_people_in_need_beside_displaced_people_are_no_figures(text: str, gaz) -> None:
    assert figures(text, gaz) == [(9000, "people", "displaced")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Fighting in Beni displaced 2,000 people and could displace 5,000 more.", [(2000, "people", "displaced")]),
    ("In Uganda, the Bidibidi settlement is already home to 170,000 refugees and is expected to reach 200,000.",
     [(170000, "people", "refugees")]),
    ("In Beni, the floods could displace 3,000 people and destroy 500 homes.", []),
])
def test_a_forecast_in_the_next_clause_is_not_the_first_number_s(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Nigeria, 1.4 million of the 1.7 million internally displaced people are in Borno.",
     [(1_400_000, "people", "displaced"), (1_700_000, "people", "displaced")]),  # a whole of moved people
    ("In Syria, 500 of the 4,000 villagers had left Foua.", [(500, "people", "displaced")]),  # of a population
])
def test_the_whole_of_a_part_is_a_figure_when_its_people_were_moved(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Nigeria, 300 refugees came back to Banki, bringing to 2,610 the number returned since December.",
     [(300, "people", "returned"), (2610, "people", "returned")]),
    ("In Mozambique, the floods raised to 12,000 the number of families displaced in Beira.",
     [(12000, "households", "displaced")]),
])
def test_what_a_number_brought_to_counts_comes_after_it(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Sindh, most of the town's 300,000 residents left after the breach.", []),
    ("In Nepal, the army airlifted 470 people from Langtang, including 118 foreign trekkers.",
     [(470, "people", "evacuated"), (118, "people", "evacuated")]),
    ("In Chautara, around 1,800 families are camping on the open ground.", [(1800, "households", "homeless")]),
])
def test_shares_of_a_town_trekkers_and_open_ground(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_a_county_home_to_a_city_that_reports_people_in_shelters_gives_a_figure(gaz) -> None:
    text = "In Florida, Hillsborough County, home to Tampa, said 12,000 people were in its 47 shelters."
    assert figures(text, gaz) == [(12000, "people", "sheltered")]


def test_a_plan_is_no_figure(gaz) -> None:
    assert figures("In Bangladesh, the plan is to relocate 100,000 refugees to Bhasan Char.", gaz) == []


def test_a_town_s_former_population_is_no_figure(gaz) -> None:
    text = "In Chad, 120,000 refugees live at the edge of Adre, a town that had fewer than 40,000 inhabitants."
    assert figures(text, gaz) == [(120000, "people", "refugees")]


def test_care_homes_are_not_where_families_live(gaz) -> None:
    assert figures("In Forli, the Red Cross moved 470 residents of two care homes to Rimini.", gaz) == [
        (470, "people", "evacuated")]


def test_a_shelter_being_built_for_people_is_no_figure(gaz) -> None:
    assert figures("In Mozambique, a new shelter for 3,000 people is being built in Pemba.", gaz) == []


def test_people_said_to_be_affected_are_no_figure(gaz) -> None:
    assert figures("In Nepal, the UN said 8,000 people had been affected and that many slept outside.", gaz) == []


def test_the_number_of_homes_damaged_counts_houses(gaz) -> None:
    text = "In Chad, the agency put the number of homes damaged at 6,500."
    assert figures(text, gaz) == [(6500, "houses", "destroyed")]


@pytest.mark.parametrize("text", [
    "In Sudan, 2.5m people have fled their homes, and 3.4 mln more are at risk.",
    "In Sudan, 2,500,000 people have fled their homes, and 3,400,000 more could follow.",
])
def test_a_forecast_after_a_second_number_is_that_numbers_only(text: str, gaz) -> None:
    assert figures(text, gaz) == [(2_500_000, "people", "displaced")]


def test_a_part_planned_is_no_figure_and_keeps_its_own_qualifier(gaz) -> None:
    text = "In Bangladesh, the government plans to relocate 100,000 of the roughly one million Rohingya in the camps."
    assert figures(text, gaz) == []
    assert first("In Sudan, 500 of the roughly 4,000 villagers had left.", gaz).qualifier is None


def test_a_number_that_rose_to_another_is_the_other(gaz) -> None:
    text = "In Iraq, the number of displaced people in Erbil rose from 100,000 to 150,000 last week."
    assert figures(text, gaz) == [(150_000, "people", "displaced")]


def test_two_numbers_sharing_a_noun_are_two_figures(gaz) -> None:
    text = "In Iraq, 1,200 and 3,400 people fled Tikrit and Samarra respectively."
    assert figures(text, gaz) == [(1200, "people", "displaced"), (3400, "people", "displaced")]


def test_may_the_month_is_no_forecast(gaz) -> None:
    assert figures("In Ukraine, 9,000 people have left Vovchansk since May.", gaz) == [(9000, "people", "displaced")]
    assert figures("In Ukraine, 9,000 people may leave Vovchansk.", gaz) == []


def test_people_who_might_have_to_leave_are_no_figure(gaz) -> None:
    assert figures("In India, up to 30,000 people might have to be evacuated if the rain continues.", gaz) == []


def test_people_who_have_been_moved_were_evacuated(gaz) -> None:
    text = "In Haiti, 3,500 people had been moved to shelters in the Sud department."
    assert figures(text, gaz) == [(3500, "people", "evacuated")]


def test_a_number_before_another_plural_noun_counts_that_noun(gaz) -> None:
    text = "Two earthquakes in Afghanistan's Herat province destroyed nearly 2,000 homes in 20 villages."
    assert figures(text, gaz) == [(2000, "houses", "destroyed")]


def test_adjectives_before_a_people_name_are_skipped(gaz) -> None:
    text = "More than 4,000 undocumented Afghans returned from Pakistan through Kandahar."
    assert figures(text, gaz) == [(4000, "people", "returned")]


def test_a_list_of_places_between_people_and_their_verb_is_skipped(gaz) -> None:
    text = "In Kenya, 13,000 households in Nairobi's Mathare, Mukuru and Kibera settlements had lost their homes."
    assert figures(text, gaz) == [(13_000, "households", "homeless")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In the Serbian town of Obrenovac, 15,000 people were evacuated by boat.", [(15_000, "people", "evacuated")]),
    ("Vovchansk in Ukraine, a town of about 17,000 people, is empty.", []),
])
def test_a_town_s_name_is_not_its_population(text: str, expected: list, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "term"), [
    ("About 5,000 people fled over the weekend to neighbouring Chad.", "refugees"),
    ("In Sudan, 2,500 residents had to flee to nearby villages, according to the Sudan Doctors Network.",
     "displaced"),
])
def test_a_crossing_is_said_in_one_phrase(text: str, term: str, gaz) -> None:
    assert [f[2] for f in figures(text, gaz)] == [term]


def test_a_verb_that_ends_another_clause_does_not_govern_the_next_number(gaz) -> None:
    text = "In Beira 3,200 homes were destroyed and 9,000 residents were displaced."
    assert figures(text, gaz) == [(3200, "houses", "destroyed"), (9000, "people", "displaced")]


def test_a_destroyed_bridge_does_not_make_people_homeless(gaz) -> None:
    text = "Some 9,000 people fled Kassala after a bridge collapsed in the floods."
    assert figures(text, gaz) == [(9000, "people", "displaced")]


def test_a_crossing_belongs_to_the_figure_it_follows(gaz) -> None:
    text = "In Sudan about 2 million remain displaced inside the country and 1.5 million have fled abroad."
    assert figures(text, gaz) == [(2_000_000, "people", "displaced"), (1_500_000, "people", "refugees")]


def test_a_town_that_has_taken_people_in_shelters_them(gaz) -> None:
    assert figures("Since the floods, Kassala has taken in 4,300.", gaz) == [(4300, "people", "sheltered")]


def test_the_largest_number_continues_the_figure_before(gaz) -> None:
    text = "About 9,000 people were living in schools in Sudan. Kassala had the largest number, 4,300."
    assert figures(text, gaz) == [(9000, "people", "sheltered"), (4300, "people", "sheltered")]


def test_fleeing_across_a_country_is_not_crossing_into_it(gaz) -> None:
    found = figures("The floods sent 2.5m people fleeing across Bangladesh.", gaz)
    assert found == [(2_500_000, "people", "displaced")]


def test_households_and_people_in_apposition_are_two_figures(gaz) -> None:
    text = "Shelling forced about 1,500 families, or 9,000 people, out of eastern Ghouta."
    found = figures(text, gaz)
    assert (1500, "households", "displaced") in found and (9000, "people", "displaced") in found


def test_specific_term_beats_generic_one(gaz) -> None:
    text = "About 2,400 people who had fled the shelling were sheltering in schools in Bakhmut."
    assert first(text, gaz).term == "sheltered"


def test_a_headline_repeat_names_each_place_once(gaz) -> None:
    text = ("Over 100,000 displaced by clashes in Oromia\n\nFighting has displaced over 100,000 people in "
            "Ethiopia's Oromia region, officials said.")
    result = extract(text, gaz)
    assert [[result.places[i].name for i in f.places] for f in result.figures] == [["Oromia Region"]]


def test_headline_repeat_is_one_figure(gaz) -> None:
    text = "30,000 flee Beni as rebels advance\n\nAbout 30,000 people have fled Beni this week, OCHA said."
    found = extract(text, gaz).figures
    assert len(found) == 1 and found[0].qualifier == "about"


def test_figure_spans_point_at_the_number(gaz) -> None:
    text = "Local officials said 7,250 people had fled Ménaka."
    fig = first(text, gaz)
    assert text[fig.start:fig.end] == "7,250"
    assert fig.sentence in text


# Shortcuts must give what the plain computation gives: each property compares the two on text made of the
# characters and words the shortcut is about.
_PIECES = ["but", "whereas", "although", "a", "and", "or", "including", ",", ";", ":", "-", "\u2013", "\u2014", "fled",
           "hadevacuated", "returned", "in camps", "refugees", "1,200", "people", "B", "x'", "\u2019", "(", ".",
           "fled across the border", "crossed back", "left behind", "living in tents", "taken refuge"]


def _soup(pieces: list[str]) -> st.SearchStrategy[str]:
    pairs = st.tuples(st.sampled_from(pieces), st.sampled_from([" ", " ", "  ", "", "\n", "\u00a0"]))
    return st.lists(pairs, max_size=20).map(lambda found: "".join(piece + gap for piece, gap in found))


_SOUP = _soup(_PIECES)


@settings(max_examples=500)
@given(_soup(["but", "whereas", "although", "-", "\u2013", ";", "a", "x", "y", "z"]), st.integers(0, 200),
       st.integers(0, 200))
def test_clause_cuts_where_the_breaks_are(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    before, after = text[:start], text[end:]
    cuts = list(_CLAUSE_BREAK.finditer(before))
    nxt = _CLAUSE_BREAK.search(after)
    expected = (before[cuts[-1].end():] if cuts else before, after[:nxt.start()] if nxt else after)
    assert (_clause_before(text, start), _clause_after(text, end)) == expected


@given(_SOUP, st.booleans())
def test_terms_are_those_of_every_pattern(text: str, reverse: bool) -> None:
    spaced = _CAMEL_GLUE.sub(" ", text)  # "fledShirqat" lost a space before the capital
    lowered = _GLUED_STEM.sub(" ", spaced.lower())
    expected: dict[str, int] = {}
    for term, pattern in TERM_PATTERNS.items():
        for match in pattern.finditer(lowered):
            distance = len(spaced) - match.end() if reverse else match.start()
            expected[term] = min(distance, expected.get(term, distance))
    assert list(_terms(text, reverse).items()) == list(expected.items())


@given(_SOUP, st.integers(1, 6))
def test_first_and_last_words_are_those_of_the_whole_text(text: str, count: int) -> None:
    assert _first_words(text, count) == _WORD.findall(text)[:count]
    assert _last_words(text, count) == _WORD.findall(text)[-count:]


@given(_soup([*_PIECES, "5", "$", "US$", "Feb", "aged", "bodies of", "one", "out of", "in"]))
def test_end_anchored_patterns_match_from_the_tail_start(text: str) -> None:
    for pattern, chunks in ((_COORDINATION, 4), (_RESTATED, 4)):
        assert bool(pattern.search(text, _tail_start(text, chunks))) == bool(pattern.search(text))


# The forward forms of _EXCLUDED_BEFORE_BACKWARDS and _MONTH_BEFORE_BACKWARDS, anchored at the end of the text.
_MONTH_BEFORE = Caseless(rf"\b{alternation(MONTHS)}\.?\s*$")
_EXCLUDED_BEFORE = Caseless(
    rf"(?:[$\u20ac\u00a3\u00a5]|us\$|\b(?:usd|eur|gbp|chf|rs\.?)|\d\s*[-\u2013/])\s*$"
    rf"|\b{alternation(_NOT_COUNT_WORDS)}\s*$"
    rf"|\b(?:{alternation(_DIGIT_NAMES)}|\d+)\s+(?:in|out of)\s*$"
)


@given(_soup([*_PIECES, "5", "12", "14:", "$", "\u20ac", "US$", "usd", "Rs.", "rs", "shelters", "Feb", "March", "sept.",
              "aged", "No.", "km", "bodies of", "one", "NINE", "out of", "in", "-", "/", "\u2013", "plus", "\u0130",
              "\u212a"]))
def test_excluded_before_read_backwards_matches_its_forward_form(text: str) -> None:
    pairs = ((_EXCLUDED_BEFORE_BACKWARDS, _EXCLUDED_BEFORE), (_MONTH_BEFORE_BACKWARDS, _MONTH_BEFORE))
    for backwards, forwards in pairs:
        assert bool(backwards.match(text[::-1])) == bool(forwards.search(text))
        assert bool(backwards.match(text[-30:][::-1])) == bool(forwards.search(text[-30:], _tail_start(text[-30:], 3)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words damaged by PDF extraction
        ("In Haiti, 870 familis remained in evacuation centres.", (870, "households", "sheltered")),
        ("In Iraq, about 7,000 fami-lies were newly displaced.", (7000, "households", "displaced")),
        ("Nearly 500,000 newdisplacements were recorded in Syria.", (500000, "people", "displaced")),
        ("Haiti is still home to over14,593 displaced households.", (14593, "households", "displaced")),
        ("At least 150,000 more people have fledShirqat in Iraq.", (150000, "people", "displaced")),
        ("Storms caused damage to 61,000 homes in Cuba.", (61000, "houses", "destroyed")),
        # an aside between the counted people and their verb
        ("More than 150 people, the whole population of a hamlet near Cali, were displaced.",
         (150, "people", "displaced")),
        ("About 7,000 people, including 323 children, had been evacuated from Oleshky.",
         (7000, "people", "evacuated")),
        # a year after 'in' is not a ratio
        ("The number of Afghan returnees now stands at about 211,000 in 2016.", (211000, "people", "returned")),
        # a part of a whole
        ("Buses came, and 500 of the 4,000 villagers had left Foua by night.", (500, "people", "displaced")),
    ],
)
def test_real_world_damage_and_asides(text: str, expected: tuple[int, str, str], gaz) -> None:
    assert expected in figures(text, gaz)


def test_the_whole_of_a_part_is_not_a_figure(gaz) -> None:
    assert [q for q, _, _ in figures("Buses came, and 500 of the 4,000 villagers had left Foua.", gaz)] == [500]


@pytest.mark.parametrize("text", [
    "Between 90 and 230 IDPs were killed when a camp in Rann was bombed.",
    "Some 40 refugees died when their boat sank off Libya.",
    "Rescuers said 1 in 2016 people were hurt.",
    "At least eleven refugees, most of them elderly, have died of measles in the Dadaab camps.",
])
def test_displaced_people_who_were_killed_are_casualties(text: str, gaz) -> None:
    assert figures(text, gaz) == []


@pytest.mark.parametrize("text", [
    "In Kalehe, 75 villagers have died in the landslide and 4,100 have fled.",
    "In Kalehe, 75 villagers were killed and 4,100 others fled.",
    "In Kalehe, 4,100 people fled and 75 died.",
])
def test_people_who_fled_beside_the_dead_of_another_clause_are_a_figure(text: str, gaz) -> None:
    assert figures(text, gaz) == [(4100, "people", "displaced")]


@pytest.mark.parametrize("word", ["villages", "resident", "refuges", "displace"])
def test_real_words_are_not_read_as_misspelt_nouns(word: str) -> None:
    from displacement_monitor.extract.figures import _unglue

    assert _unglue(word) == word


@pytest.mark.parametrize("text", [
    "The Kalma camp, already close to full with almost 10,000 people, stopped taking arrivals in Sudan.",
    "Authorities opened collective shelters in Tripoli that now hold more than 900 people.",
    "The camp beside the airport has doubled in size in a week to some 100,000 people, officials said.",
])
def test_a_camps_occupants_are_sheltered(text: str, gaz) -> None:
    assert [(q, t) for q, _, t in figures(text, gaz)] in ([(10000, "sheltered")], [(900, "sheltered")],
                                                          [(100000, "sheltered")])


def test_a_headline_figure_told_again_in_the_body_is_one_figure_with_the_sharper_term(gaz) -> None:
    text = ("More than 5,000 flee Tal Afar into Syria\n\n"
            "Officials in Iraq said more than 5,000 people had left Tal Afar this week.")
    assert figures(text, gaz) == [(5000, "people", "refugees")]


def test_two_body_figures_of_one_size_but_different_terms_both_stay(gaz) -> None:
    text = "In Iraq, 2,000 people fled Mosul on Monday. Later, 2,000 people returned to Tikrit."
    assert sorted(figures(text, gaz)) == [(2000, "people", "displaced"), (2000, "people", "returned")]


def test_one_sentence_can_give_the_same_number_for_two_places(gaz) -> None:
    text = "In India, troops evacuated 4,000 people from Ukhrul, about 2,000 from Imphal and another 2,000 from Moreh."
    assert [q for q, _, _ in figures(text, gaz)] == [4000, 2000, 2000]


def test_the_same_figure_in_two_sentences_about_one_place_is_one_figure(gaz) -> None:
    text = "In Iraq, 5,000 people fled Mosul on Monday. The 5,000 people who fled Mosul reached Erbil."
    assert figures(text, gaz) == [(5000, "people", "displaced")]


def test_a_figure_with_no_source_of_its_own_takes_that_of_the_sentences_just_before(gaz) -> None:
    text = ("UNHCR said 3,000 Sudanese crossed into Chad last week. The fighting went on. "
            "Another 2,000 refugees reached Adre on Monday. Schools closed. Roads were cut. "
            "Some 500 refugees reached Abeche.")
    assert [f.source for f in extract(text, gaz).figures] == ["UNHCR", "UNHCR", None]


# Each regex with the words one of which every match of it holds, and phrases for each of its alternatives.
_HINTED = [
    (_CAPACITY.search, _CAPACITY_WORDS, ["the camp, which now holds ", "camps holding more than ",
                                          "shelters that house ", "the site hosted some ", "centres accommodating ",
                                          "the center, full with ", "settlements swelled to ",
                                          "the camp, which has grown in size to "]),
    (_COUNT_REFERENCE.search, _COUNT_WORDS, ["the number of displaced", "a total of", "the tally of", "the figure of",
                                             "the count, ", "the Number: 5"]),
    (POPULATION.search, _POPULATION_WORDS, ["the death toll rose to ", "the toll has since reached ", "home to ",
                                            "a population of ", "population is ", "the city of ", "the town of ",
                                            "inhabited by ", "a pre-war population of ", "the census: "]),
    (DENIAL.search, _DENIAL_WORDS, ["denied", "denies", "deny", "rejected claims", "rejected claim", "no evidence"]),
    (ABROAD.search, _ABROAD_WORDS, ["their country", "the country's borders", "abroad", "neighbouring countries",
                                    "neighboring countries", "across the border", "over the border", "the kingdom"]),
]


@pytest.mark.parametrize(("search", "words", "phrases"), _HINTED)
def test_every_alternative_of_a_hinted_regex_holds_one_of_its_words(search, words, phrases) -> None:
    for phrase in phrases:
        assert search(phrase), phrase
        assert holds_any(phrase.lower(), words), phrase


@settings(max_examples=300)
@given(st.integers(0, len(_HINTED) - 1), st.data())
def test_text_without_a_regex_s_words_holds_no_match_of_it(which: int, data: st.DataObject) -> None:
    search, words, phrases = _HINTED[which]
    pieces = [w for p in phrases for w in p.lower().split()] + ["people", "of", "to", ",", "the"]
    text = " ".join(data.draw(st.lists(st.sampled_from(pieces), max_size=12))) + " "
    assert holds_any(text, words) or not search(text)


def test_people_from_families_are_one_group_counted_twice(gaz) -> None:
    found = figures("In Kegalle, some 7,300 people from 1,850 families had moved to 40 welfare centres.", gaz)
    assert found == [(7300, "people", "sheltered"), (1850, "households", "sheltered")]


@pytest.mark.parametrize(("text", "term"), [
    ("Jordanian officials say the kingdom is hosting more than 650,000 Syrians.", "refugees"),
    ("In Uganda, about 4,000 Congolese are staying with host families in Kisoro.", "refugees"),
    ("Some 3,000 Afghans were displaced by the floods in Baghlan, Afghanistan.", "displaced"),
    ("About 2,500 Malians fled Timbuktu for Mopti.", "displaced"),
    ("Some 1,500 Haitians were deported from the Dominican Republic.", "displaced"),
])
def test_another_country_s_nationals_sheltered_abroad_are_refugees(text: str, term: str, gaz) -> None:
    assert first(text, gaz).term == term


@pytest.mark.parametrize("text", [
    "In Herat, Gul Ahmad, 52, said the quake had flattened his village.",
    "\"We have nothing left,\" said Amina, 37, in Herat.",
    "In Herat, a farmer who lost his wife and three children said the village was gone.",
    "\"The houses are rubble,\" said Khalil, who returned to Sinjar with his wife and five children.",
    "In Maban, two thirds of the refugees who arrived this week are under 18.",
    "Many of those evacuated from Kherson were over 65 years old.",
])
def test_ages_and_the_kin_someone_lost_are_no_figures(text: str, gaz) -> None:
    assert figures(text, gaz) == []


def test_a_quoted_noun_is_what_the_number_counts(gaz) -> None:
    text = "In Paletwa, 4,000 people sheltered in monasteries. The army said 2,000 \"terrorists\" had been killed."
    assert figures(text, gaz) == [(4000, "people", "sheltered")]


def test_an_evacuation_order_is_not_an_evacuation(gaz) -> None:
    text = "Some 90,000 people have fled Rafah, the UN said, as an evacuation order covered the east of the city."
    assert figures(text, gaz) == [(90000, "people", "displaced")]


@pytest.mark.parametrize("text", [
    "Nearly 10,000 people fled as gangs attacked Solino, Nazon and Delmas 30, the IOM said.",
    "Families fled Camp 5 and Camp 7 in Tawila after the shelling.",
])
def test_a_number_that_ends_a_name_is_no_figure(text: str, gaz) -> None:
    assert all(q >= 1000 for q, _, _ in figures(text, gaz))


def test_refugees_shared_out_among_the_countries_they_went_to_are_refugees(gaz) -> None:
    text = "Some 600,000 people have fled to neighbouring countries, including 250,000 to Egypt and 180,000 to Chad."
    assert figures(text, gaz) == [(600000, "people", "refugees"), (250000, "people", "refugees"),
                                  (180000, "people", "refugees")]


def test_shelters_burned_in_a_camp_were_destroyed(gaz) -> None:
    assert figures("In Sudan, at least 1,300 shelters were burned in the Abu Shouk camp.", gaz) == [
        (1300, "houses", "destroyed")]


@pytest.mark.parametrize("text", [
    "The storm stranded nearly 40,000 families and drove 9,000 people into shelters, officials said.",
    "The rains left some 12,000 households stranded on islands in the river.",
    "About 3,500 villagers remain cut off by the water.",
])
def test_people_stranded_where_they_are_are_no_figure(text: str, gaz) -> None:
    assert [q for q, _, _ in figures(text, gaz) if q != 9000] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Soldiers in boats rescued 800 residents trapped on rooftops.", [(800, "people", "evacuated")]),
    ("Some 600 people isolated by the landslide were airlifted out on Sunday.", [(600, "people", "evacuated")]),
    ("About 2,000 people who fled the town were said to be stranded at the border.", [(2000, "people", "displaced")]),
])
def test_stranded_people_who_are_then_moved_are_a_figure(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_people_ordered_to_leave_are_evacuated(gaz) -> None:
    text = "Around 60,000 residents were ordered to leave the coastal districts before the cyclone."
    assert figures(text, gaz) == [(60000, "people", "evacuated")]


@pytest.mark.parametrize("text", [
    "About 9,000 people crossed on Monday. Another 2,000 returned through the Chaman crossing.",
    "About 9,000 people crossed on Monday. Another 2,000 returned home.",
    "About 9,000 people crossed on Monday. Another 2,000 went back via Torkham.",
])
def test_a_number_whose_verb_says_where_they_went_is_a_figure(text: str, gaz) -> None:
    assert [q for q, _, term in figures(text, gaz) if term == "returned"] == [2000]


@pytest.mark.parametrize(("text", "expected"), [
    ("The cyclone destroyed 4,000 homes and damaged 12,000 more, officials said.",
     [(4000, "houses", "destroyed"), (12000, "houses", "destroyed")]),
    ("Some 800 families fled on Monday and 300 more on Tuesday.",
     [(800, "households", "displaced"), (300, "households", "displaced")]),
    ("In the port, at least 1,500 houses had their roofs torn off.", [(1500, "houses", "destroyed")]),
    ("The winds blew the roofs off 700 homes.", [(700, "houses", "destroyed")]),
    ("More than 9,000 others are being moved from the slopes of the volcano.", [(9000, "people", "evacuated")]),
])
def test_more_of_what_was_counted_and_other_housing_words(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_people_who_sought_refuge_in_a_neighbouring_country_are_refugees(gaz) -> None:
    text = "In Congo, around 3,000 people have sought refuge in neighbouring Uganda, the agency said."
    assert figures(text, gaz) == [(3000, "people", "refugees")]


@pytest.mark.parametrize("text", [
    "About 800,000 people took refuge in nearly 9,000 cyclone shelters, the ministry said.",
    "In Panama, about 600 people were evacuated into eight shelters.",
])
def test_the_shelters_people_went_into_are_no_figure(text: str, gaz) -> None:
    assert all(unit == "people" for _, unit, _ in figures(text, gaz))


@pytest.mark.parametrize("text", [
    "Some 300,000 refugees have crossed into Chad, while 120,000 have squeezed into makeshift camps.",
    "Some 300,000 refugees have crossed into Chad. Another 20,000 are staying with host families.",
])
def test_refugees_staying_in_camps_or_with_families_are_still_refugees(text: str, gaz) -> None:
    assert {term for _, _, term in figures(text, gaz)} == {"refugees"}


def test_people_of_their_own_kind_staying_in_camps_are_sheltered(gaz) -> None:
    text = "Some 300,000 refugees have crossed into Chad, while 120,000 displaced people are sheltering in camps."
    assert [term for _, _, term in figures(text, gaz)] == ["refugees", "sheltered"]


def test_what_a_counted_part_of_them_did_is_not_what_all_did(gaz) -> None:
    text = "The storm displaced 9,300 people, 140 of whom had taken refuge in evacuation centres."
    assert figures(text, gaz) == [(9300, "people", "displaced"), (140, "people", "sheltered")]


def test_an_aside_with_a_number_in_it_does_not_hide_the_verb(gaz) -> None:
    text = "Some 38,000 people, including 9,000 children, have been evacuated from the region."
    assert figures(text, gaz) == [(38000, "people", "evacuated"), (9000, "people", "evacuated")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said 150 houses had been buried by the landslide.", [(150, "houses", "destroyed")]),
    ("More than 300 homes were engulfed by lava.", [(300, "houses", "destroyed")]),
    ("About 200 people were buried under the mud.", []),
])
def test_buried_houses_are_destroyed_and_buried_people_are_dead(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_a_number_of_people_affected_is_no_figure_even_after_a_figure(gaz) -> None:
    text = "About 127,000 people are living in shelters. The authorities put the number affected at 1.8 million."
    assert figures(text, gaz) == [(127000, "people", "sheltered")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Iraq, 1,800 families had been allowed back to Ramadi after mine clearance.",
     [(1800, "households", "returned")]),
    ("About 120,000 people displaced since 2012 should be allowed to return home, a panel said.",
     [(120000, "people", "displaced")]),
])
def test_people_allowed_back_have_returned_but_not_those_who_should_be(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "The transit centre, designed for 3,000 people, now hosts more than 12,000.",
    "The camp has room for about 3,000 people but now hosts more than 12,000.",
])
def test_what_a_shelter_was_built_for_is_no_figure(text: str, gaz) -> None:
    assert [q for q, _, _ in figures(text, gaz)] == [12000]


@pytest.mark.parametrize(("text", "expected"), [
    ("The government now believes that as many as 350,000 may have fled their homes.",
     [(350000, "people", "displaced")]),
    ("About 20,000 may flee if the fighting spreads.", []),
    ("Some 2,000 people fled on 3 May.", [(2000, "people", "displaced")]),
])
def test_may_after_a_number_is_the_verb_and_may_the_month_is_capitalised(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_no_qualifier_has_more_than_qualifier_words() -> None:
    # _qualifier searches only the last QUALIFIER_WORDS words before a number.
    from displacement_monitor.extract.figures import QUALIFIER_WORDS
    from displacement_monitor.extract.lexicon import QUALIFIERS

    for _, pattern in QUALIFIERS:
        body = pattern.pattern.removeprefix(r"\b(?:").removesuffix(r")\s*$")
        assert "\\s" not in body and "{" not in body and "*" not in body
        assert max(phrase.count(" ") for phrase in body.split("|")) < QUALIFIER_WORDS


@pytest.mark.parametrize(("text", "expected"), [
    ("On 12 May 3,000 people fled the fighting in Kaya, Burkina Faso.", [(3000, "people", "displaced")]),
    ("By 14 June 45,000 people had left Bunia in Congo, OCHA said.", [(45000, "people", "displaced")]),
    ("Since March 1,200 families have been evacuated from Malatya in Turkey.", [(1200, "households", "evacuated")]),
    ("On May 3, 2,000 people fled Kaya in Burkina Faso.", [(2000, "people", "displaced")]),
    ("On Sept. 12 400 families fled Djibo in Burkina Faso.", [(400, "households", "displaced")]),
    ("Floods on June 30 forced people from Sylhet in Bangladesh.", []),
])
def test_a_number_after_a_month_is_a_day_only_when_it_can_be_one(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In the Philippines, the coast guard evacuated about 2,000 stranded tourists from Siargao.",
     [(2000, "people", "evacuated")]),
    ("In Greece, 1,200 holidaymakers were evacuated from hotels on Rhodes.", [(1200, "people", "evacuated")]),
    ("In the Philippines, between 12,000 and 15,000 families remained out of their homes in Bohol.",
     [(12000, "households", "displaced")]),
    ("In the Philippines, 3,000 people are still away from their homes in Cebu.", [(3000, "people", "displaced")]),
])
def test_visitors_are_people_and_people_out_of_their_homes_are_displaced(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_the_main_verb_after_a_relative_clause_on_the_people_says_what_happened(gaz) -> None:
    text = ("In the Philippines, some 5,000 residents of coastal districts of Surigao City who had fled to higher "
            "ground had returned home by Monday.")
    assert figures(text, gaz) == [(5000, "people", "returned")]
    # a relative clause in a later clause is that clause's
    text = "In the Philippines, 870 families remained in 20 evacuation centres, while everyone who fled had returned."
    assert figures(text, gaz) == [(870, "households", "sheltered")]


@pytest.mark.parametrize("verb", ["burning", "torching", "setting fire to"])
def test_homes_being_burned_are_destroyed(verb: str, gaz) -> None:
    text = f"In Mozambique, militants raided villages, {verb} at least 500 homes and two churches."
    assert figures(text, gaz) == [(500, "houses", "destroyed")]


def test_families_at_a_site_are_sheltered(gaz) -> None:
    text = "In Mozambique, some 1,800 families are now staying at the Ntokota resettlement site, aid workers said."
    assert figures(text, gaz) == [(1800, "households", "sheltered")]


def test_people_an_aid_programme_was_forced_to_stop_feeding_are_no_figure(gaz) -> None:
    text = "In Sudan, WFP said it had been forced to halt food aid in parts of Gezira that had reached 800,000 people."
    assert figures(text, gaz) == []
    assert figures("In Sudan, fighting forced 7,000 people to flee Kassala.", gaz) == [(7000, "people", "displaced")]


def test_people_who_entered_another_country_are_refugees(gaz) -> None:
    text = "Egyptian officials said more than 350,000 Sudanese had entered Egypt since April."
    assert figures(text, gaz) == [(350000, "people", "refugees")]


@pytest.mark.parametrize("where", ["dormitories", "hotels", "modular housing", "temporary accommodation"])
def test_people_living_in_temporary_housing_are_sheltered(where: str, gaz) -> None:
    text = f"In Ukraine, about 7,500 people are living in {where} in Kharkiv, city officials said."
    assert figures(text, gaz) == [(7500, "people", "sheltered")]


def test_a_part_of_a_place_s_people_is_the_figure_and_the_whole_its_population(gaz) -> None:
    text = "In Gaza, OCHA estimates that 1.7 million of the Gaza Strip's 2.3 million people had been displaced."
    assert figures(text, gaz) == [(1700000, "people", "displaced")]
    assert figures("In Afghanistan, 38,000 people fled across 21 of Afghanistan's 34 provinces.", gaz) == [
        (38000, "people", "displaced")]


def test_a_ratio_for_every_so_many_people_is_no_figure(gaz) -> None:
    text = "In Gaza, 2,000 families live in tents in al-Mawasi, with one latrine for every 4,000 people."
    assert [q for q, _, _ in figures(text, gaz)] == [2000]


def test_people_crowded_into_a_base_are_sheltered(gaz) -> None:
    text = "In the Central African Republic, about 15,000 people have crowded into and around the UN peacekeeping base."
    assert figures(text, gaz) == [(15000, "people", "sheltered")]


@pytest.mark.parametrize(("text", "term"), [
    ("Between 3,000 and 5,000 people from Zemio in the Central African Republic have arrived on the Congolese side.",
     "refugees"),
    ("A further 3,000 people who fled Kobani in Syria were believed to be stranded on the Syrian side.", "displaced"),
])
def test_people_who_reached_the_far_side_of_a_border_are_refugees(text: str, term: str, gaz) -> None:
    assert figures(text, gaz) == [(3000, "people", term)]


def test_the_whole_out_of_which_a_part_was_destroyed_is_no_figure(gaz) -> None:
    text = "In Libya, 2,200 homes in Derna had been washed away, out of about 6,000 buildings in the city centre."
    assert figures(text, gaz) == [(2200, "houses", "destroyed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Lebanon, the municipality of Tyre said 1,800 families had come back on the first day alone.",
     [(1800, "households", "returned")]),
    ("In Turkey, authorities moved some 3,500 hotel guests from Kemer by boat and bus.",
     [(3500, "people", "evacuated")]),
    ("In Chad, officials say about 30,000 of their own citizens who had lived in Darfur have come back since April.",
     [(30000, "people", "returned")]),
    ("In Indonesia, around 1,800 people living on the slopes of Mount Merapi in the Magelang and Sleman districts "
     "have remained in government shelters since November.", [(1800, "people", "sheltered")]),
    ("In Turkey, the hotel had 500 guests.", []),
])
def test_more_ways_people_come_back_are_moved_or_stay(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Bangladesh, a fire broke out at around 14:45 in Camp 11 in Balukhali and spread to Camp 10.", []),
    ("In Bangladesh, density in the camps exceeds 40,000 people per square kilometre.", []),
    ("The mayor of Huarmey in Peru said about half of its 24,000 residents had fled to the hills.", []),
    ("In Armenia, the plan seeks US$97 million to assist 120,000 refugees.", []),
    ("In Bangladesh, a fire left more than 12,000 Rohingya refugees without a roof.", [(12000, "people", "homeless")]),
])
def test_times_labels_densities_populations_and_plans_are_no_figures(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_people_settled_in_a_camp_are_sheltered(gaz) -> None:
    text = "In Burundi, refugees were moved to Nyankanda camp, where some 12,500 had been settled by the weekend."
    assert figures(text, gaz) == [(12500, "people", "sheltered")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Defense Ministry in Israel said about 2,500 families had moved back to communities near Metula.",
     [(2500, "households", "returned")]),
    ("In Ukraine, officials ordered families to leave Pokrovsk, where 2,000 children still have to be moved out.", []),
    ("In Nigeria, the flood broke down walls of the main prison in Maiduguri, and 281 inmates escaped.", []),
    ("UNHCR has said 2 million internally displaced people could return to Syria by the end of the year.", []),
])
def test_moving_back_prisoners_and_what_still_has_to_happen(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_a_number_of_camps_may_come_between_people_and_the_camps_they_are_in(gaz) -> None:
    text = "In Syria, some 1.5 million people remain in more than 1,000 camps across Idlib province, OCHA said."
    assert figures(text, gaz) == [(1500000, "people", "sheltered")]


@pytest.mark.parametrize("text", [
    "UNHCR said up to 1.5 million refugees and 2 million displaced Syrians could return by the end of the year.",
    "In Armenia, the plan seeks US$97 million to assist 120,000 refugees and 30,000 members of host communities.",
])
def test_two_numbers_sharing_a_forecast_verb_are_both_no_figure(text: str, gaz) -> None:
    assert figures(text, gaz) == []


@pytest.mark.parametrize(("text", "term"), [
    # refugees moved within the country they live in were displaced again
    ("The raid on Jenin has displaced an estimated 40,000 Palestine refugees.", "displaced"),
    ("In Kenya, some 3,000 refugees in Kakuma were uprooted again by floods.", "displaced"),
    # refugees who crossed a border or arrived are refugees
    ("The offensive forced 12,000 refugees to flee into Uganda.", "refugees"),
    ("In Chad, officials said 8,000 refugees arrived in Adre.", "refugees"),
])
def test_refugees_a_displacement_moved_again_are_displaced(text: str, term: str, gaz) -> None:
    assert [f[2] for f in figures(text, gaz)] == [term]


@pytest.mark.parametrize(("text", "expected"), [
    ("In the Central African Republic, about 36,000 people are crammed into the Catholic mission in Bossangoa.",
     [(36000, "people", "sheltered")]),
    ("In Chad, 5,000 people were packed into a stadium in Abeche.", [(5000, "people", "sheltered")]),
    # going to one school is no shelter
    ("In Chad, 300 children went to school in Abeche.", []),
])
def test_a_crowd_packed_into_one_building_is_sheltered(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In Kenya, the river rose, forcing an estimated fifteen thousand people from their homes in Garissa.",
     [(15000, "people", "displaced")]),
    ("In Kenya, the strike is forcing 300 schools to close.", []),
])
def test_forcing_people_from_their_homes_displaces_them(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


def test_a_modal_before_a_far_verb_makes_a_forecast(gaz) -> None:
    text = ("In Ecuador, officials warned that as many as 20,000 more people living along the Esmeraldas and "
            "Chone rivers could be forced to leave.")
    assert figures(text, gaz) == []
    text = ("In Ecuador, 20,000 people living along the Esmeraldas and Chone rivers in the north have been "
            "forced to leave since Monday, officials said, and more could follow.")
    assert figures(text, gaz) == [(20000, "people", "displaced")]


def test_what_a_number_did_to_people_counted_after_it_is_their_verb(gaz) -> None:
    text = "In French Polynesia, nine houses were flooded on Tahiti, forcing about 35 people to evacuate."
    assert (9, "households", "displaced") not in figures(text, gaz)
    assert (35, "people", "evacuated") in figures(text, gaz)


@pytest.mark.parametrize("text", [
    "In Rwanda, 1,200 people had been registered at a transit centre in Rubavu district.",
    "In the Philippines, 3,000 people are at an evacuation center in Legazpi.",
])
def test_people_at_a_transit_or_evacuation_centre_are_sheltered(text: str, gaz) -> None:
    assert [f[2] for f in figures(text, gaz)] == ["sheltered"]


def test_a_span_of_years_is_no_range_of_people(gaz) -> None:
    assert figures("In Nigeria, most buildings in Bama were destroyed in 2014-2015, officials said.", gaz) == []
    assert figures("In Nigeria, 1500-2000 people fled Bama.", gaz) == [(1500, "people", "displaced")]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Iraq, some 1,800 families were taken to camps near Karbala, officials said.",
     [(1800, "households", "sheltered")]),
    ("In Iraq, 640 people were transferred to shelters in Baghdad on Monday.", [(640, "people", "sheltered")]),
    ("In Iraq, 26 people were taken to hospital in Baghdad on Monday.", []),
])
def test_people_taken_to_camps_are_sheltered(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "In Kenya, at least 30 people, 12 of them children, were burned to death when a church was set alight.",
    "In Kenya, at least 30 people, 12 of whom were children, were slain when their homes were set on fire.",
])
def test_a_part_of_the_dead_is_no_figure(text: str, gaz) -> None:
    assert [f for f in figures(text, gaz) if f[1] == "people"] == []


def test_a_showground_s_people_are_sheltered(gaz) -> None:
    assert figures("In Kenya, the Nakuru showground is now home to about 9,000 people.", gaz) == [
        (9000, "people", "sheltered")]


def test_some_of_the_refugees_in_a_camp_are_refugees(gaz) -> None:
    text = ("UNHCR said 9,500 Burundians had crossed into Tanzania since April. About 2,000 of them are at a "
            "reception centre in Kigoma.")
    assert figures(text, gaz) == [(9500, "people", "refugees"), (2000, "people", "refugees")]


def test_a_subject_with_a_term_that_passes_a_number_is_a_figure(gaz) -> None:
    result = extract("Syrian refugees in Lebanon passed one million in April, the UN said.", gaz)
    assert [(f.quantity, f.term, f.qualifier) for f in result.figures] == [(1000000, "refugees", "more than")]
    assert figures("The road passed 3,000 metres above the valley.", gaz) == []


@pytest.mark.parametrize(("text", "term"), [
    ("In Nigeria, 1,500 families from Guma crossed into neighbouring Nasarawa State.", "displaced"),
    ("In Nigeria, 1,500 families crossed into the neighbouring state over the weekend.", "displaced"),
    ("In Nigeria, 1,500 families crossed into Cameroon's Far North region.", "refugees"),
])
def test_crossing_into_a_province_of_one_s_own_country_is_no_flight_abroad(text: str, term: str, gaz) -> None:
    assert [f[2] for f in figures(text, gaz)] == [term]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Bangladesh, about 8,000 people have put up shelters of bamboo on a hillside near Teknaf.",
     [(8000, "people", "sheltered")]),
    ("In Bangladesh, aid groups put up 300 shelters for families near Teknaf.", []),
    ("In Bangladesh, about 5,000 people came ashore at Teknaf on Sunday.", [(5000, "people", "displaced")]),
])
def test_people_who_put_up_shelters_or_came_ashore_moved(text: str, expected, gaz) -> None:
    assert figures(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "In Iraq, boys over the age of 15 are screened before they can join their families.",
    "In Pakistan, it is one of the largest displacements in years, officials said.",
    "In Angola, a new site near Dundo is meant to hold up to 25,000 people.",
    "In Angola, the camp is designed to house 12,000 refugees.",
])
def test_ages_phrases_and_capacities_are_no_figures(text: str, gaz) -> None:
    assert figures(text, gaz) == []


@pytest.mark.parametrize("text", [
    "In Congo, about 800 families who fled clashes in March had gone home, the governor said.",
    "In Congo, about 800 families who fled clashes in March have since gone home, the governor said.",
    "In Congo, about 800 families who fled clashes in March have now gone home, the governor said.",
    "In Congo, about 800 families left the Kibati camp for their areas of origin, the governor said.",
])
def test_families_who_had_gone_home_returned(text: str, gaz) -> None:
    assert figures(text, gaz) == [(800, "households", "returned")]


def test_numbers_listed_after_a_colon_count_who_the_clause_before_names(gaz) -> None:
    text = ("In Chad, most of the refugees are staying in two camps near Adre: about 6,200 at Ourang and some "
            "3,900 at Arkoum, UNHCR said.")
    assert figures(text, gaz) == [(6200, "people", "refugees"), (3900, "people", "refugees")]
    text = "In Chad, the displaced families live in three sites: 420 in Bol and 310 in Baga Sola."
    assert [f[:2] for f in figures(text, gaz)] == [(420, "households"), (310, "households")]
    assert figures("In Chad, the meeting opens at 10:30 in N'Djamena.", gaz) == []


def test_a_slide_burying_houses_destroys_them(gaz) -> None:
    assert figures("In Brazil, a landslide hit the hillside, burying about 60 houses, officials said.", gaz) == [
        (60, "houses", "destroyed")]


def test_people_moved_out_of_houses_at_risk_were_moved(gaz) -> None:
    assert figures("In Brazil, about 900 people were moved out of houses at risk of more slides.", gaz) == [
        (900, "people", "evacuated")]
    assert figures("In Brazil, about 900 people are at risk of being moved out of their houses.", gaz) == []


def test_houses_set_on_fire_or_alight_are_destroyed(gaz) -> None:
    assert figures("In Libya, some 240 homes in the town were looted and set on fire.", gaz) == [
        (240, "houses", "destroyed")]
    assert figures("In Kenya, about 90 houses were set alight overnight.", gaz) == [(90, "houses", "destroyed")]


def test_hurt_people_listed_after_the_counted_ones_do_not_make_them_casualties(gaz) -> None:
    text = "In Libya, the IOM evacuated over 3,000 migrant workers and wounded Libyans from Misrata by ship."
    assert figures(text, gaz) == [(3000, "people", "evacuated")]
    assert figures("In Libya, about 300 people were killed and wounded in Misrata.", gaz) == []


def test_people_waiting_to_be_rescued_have_not_moved(gaz) -> None:
    assert figures("In Ukraine, about 600 people were still waiting on rooftops to be rescued.", gaz) == []
    assert figures("In Ukraine, about 600 people were rescued from rooftops.", gaz) == [(600, "people", "evacuated")]


def test_some_who_crossed_a_border_do_not_make_all_refugees(gaz) -> None:
    text = ("In Ethiopia, fighting forced 12,000 residents of Moyale to flee, officials said, and some crossed "
            "into Kenya.")
    assert figures(text, gaz) == [(12000, "people", "displaced")]


def test_homes_and_other_buildings_share_the_verb_after_them(gaz) -> None:
    text = "In Haiti, about 190,000 homes and 25,000 commercial buildings collapsed or were badly damaged."
    # the homes are destroyed; buildings no one lives in are no houses
    assert figures(text, gaz) == [(190000, "houses", "destroyed")]
    assert figures("In Haiti, some 5,000 homes and 300 schools were damaged.", gaz) == [(5000, "houses", "destroyed")]


def test_a_verb_after_an_aside_with_a_list_is_the_number_s(gaz) -> None:
    text = ("In Tunisia, about 3,000 people, most of them Eritreans, Somalis and Sudanese, are still sheltering at "
            "the Choucha camp.")
    assert figures(text, gaz) == [(3000, "people", "sheltered")]


def test_a_verb_after_an_aside_on_where_people_come_from_is_the_number_s(gaz) -> None:
    text = "In Myanmar, some 2,500 families from Dala, a township across the river, were still in relief camps."
    assert figures(text, gaz) == [(2500, "households", "sheltered")]


def test_flood_victims_are_people(gaz) -> None:
    assert figures("In Pakistan, more than 90,000 flood victims had been registered in camps.", gaz) == [
        (90000, "people", "sheltered")]
    assert figures("In Pakistan, at least 40 victims were buried on Sunday.", gaz) == []


def test_people_carried_away_by_ship_were_evacuated(gaz) -> None:
    assert figures("In Turkey, navy ships have carried about 9,000 people to Mersin.", gaz) == [
        (9000, "people", "evacuated")]
    assert figures("In Mozambique, dozens of dhows, some carrying more than 100 passengers, reached Pemba.",
                   gaz) == []


def test_a_tent_city_housing_people_shelters_them(gaz) -> None:
    text = "In Turkey, AFAD has set up a tent city at the stadium housing about 6,000 people, one of ten such camps."
    assert figures(text, gaz) == [(6000, "people", "sheltered")]


@pytest.mark.parametrize("text", [
    "In Uganda, a cholera outbreak at the landing sites has killed 37 refugees, the ministry said.",
    "In Uganda, the agency is preparing for as many as 80,000 more arrivals by June.",
    "In Myanmar, officials say they are ready to receive up to 1,200 returnees a week.",
    "In Syria, aid groups are building some 20,000 block houses for displaced families near the border.",
])
def test_the_dead_plans_and_new_houses_are_no_figures(text: str, gaz) -> None:
    assert figures(text, gaz) == []


def test_people_who_landed_somewhere_moved(gaz) -> None:
    assert figures("In Uganda, more than 3,000 people landed at Sebagoro on Tuesday.", gaz) == [
        (3000, "people", "displaced")]


def test_people_camping_in_classrooms_are_sheltered(gaz) -> None:
    text = "In Kenya, some 900 people are camping in the classrooms, while others shelter at a church."
    assert figures(text, gaz) == [(900, "people", "sheltered")]


@pytest.mark.parametrize("text", [
    "In Burkina Faso, many households in Kaya share a single room with two or three displaced families.",
    "In Burkina Faso, 1,900,000 people were displaced, in a country of some 21 million.",
])
def test_small_pairs_and_a_country_s_people_are_no_figures(text: str, gaz) -> None:
    assert [f for f in figures(text, gaz) if f[0] < 1000 or f[0] > 10_000_000] == []


@pytest.mark.parametrize(("text", "term"), [
    ("In Japan, prefectural officials said 30,405 evacuees were staying at 366 shelters.", "sheltered"),
    ("In Syria, OCHA said at least 4,500 evacuees had been registered in camps in Idlib.", "sheltered"),
    # (what was done to them, when nothing says where they are now)
    ("In Japan, prefectural officials said 30,405 evacuees had been counted by Friday.", "evacuated"),
])
def test_evacuees_staying_in_shelters_are_sheltered(text: str, term: str, gaz) -> None:
    assert [f[2] for f in figures(text, gaz)] == [term]


@pytest.mark.parametrize("text", [
    "In Mopti, a school gymnasium and three elementary schools now hold around 4,300 people.",
    "In Mopti, the churches still hold about 4,300 people, officials said.",
])
def test_shelters_that_hold_people_shelter_them(text: str, gaz) -> None:
    assert figures(text, gaz) == [(4300, "people", "sheltered")]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("In Colombia, another 11,000 or so arrived in Ocana, the mayor said.", "about"),
    ("In Colombia, 11,000 or more people fled Tibu.", "more than"),
])
def test_a_qualifier_said_after_the_number_is_the_figure_s(text: str, qualifier: str, gaz) -> None:
    found = extract(text, gaz).figures
    assert [(f.quantity, f.unit, f.qualifier) for f in found] == [(11000, "people", qualifier)]


@pytest.mark.parametrize("text", [
    "In Canada, the roughly 2,500 residents of Fort Smith were taken by bus and plane to Grande Prairie.",
    "In Grenada, around 2,500 people were taken by ferry and coast guard vessels to the main island.",
    "In Grenada, around 2,500 people were ferried to the main island on Tuesday.",
])
def test_people_taken_away_by_bus_boat_or_plane_were_evacuated(text: str, gaz) -> None:
    assert figures(text, gaz) == [(2500, "people", "evacuated")]


@pytest.mark.parametrize("text", [
    "In Niger, more than 1,800 households are living on a makeshift site of straw huts in Ouallam.",
    "In Niger, some 1,800 households are staying at two camps near Ouallam.",
    "In Niger, some 1,800 households are living in a makeshift camp near Ouallam.",
])
def test_people_living_on_a_site_or_at_camps_are_sheltered(text: str, gaz) -> None:
    assert figures(text, gaz) == [(1800, "households", "sheltered")]


def test_people_staying_at_home_are_not_sheltered(gaz) -> None:
    assert figures("In Niger, 1,800 people are staying at home in Ouallam.", gaz) == []


def test_a_span_of_time_is_no_number_a_figure_s_clause_stops_at(gaz) -> None:
    text = "In Henan, some 25,000 people spent at least one night in more than 90 temporary shelters in Xinxiang."
    assert figures(text, gaz) == [(25000, "people", "sheltered")]


def test_people_taken_from_a_place_were_evacuated(gaz) -> None:
    text = "Officials in Ukraine said 230 children and 410 adults had been taken from the village to safer districts."
    assert figures(text, gaz) == [(230, "people", "evacuated"), (410, "people", "evacuated")]


def test_people_affected_after_an_aside_are_no_figure(gaz) -> None:
    text = ("In Nepal, 2.1 million people have been displaced, and 5 million, more than a sixth of the population, "
            "have been affected by the quake.")
    assert figures(text, gaz) == [(2100000, "people", "displaced")]


def test_two_counts_of_families_in_two_places_share_the_verb_after_the_second(gaz) -> None:
    text = ("In Sri Lanka, some 1,400 families in Batticaloa and around 700 families in Ampara are staying with "
            "relatives.")
    assert figures(text, gaz) == [(1400, "households", "sheltered"), (700, "households", "sheltered")]


def test_a_part_of_which_counts_what_its_whole_counts(gaz) -> None:
    # "960 of which" are shelters, which count no one; "38,000 of which" are houses.
    shelters = "In Lebanon, 189,000 people are in 1,040 collective shelters nationwide, 960 of which are full."
    houses = "In the Philippines, the storm damaged 142,000 houses, some 38,000 of which were completely destroyed."
    assert figures(shelters, gaz) == [(189000, "people", "sheltered")]
    assert figures(houses, gaz) == [(142000, "houses", "destroyed"), (38000, "houses", "destroyed")]


def test_people_who_were_left_in_a_town_stayed(gaz) -> None:
    assert figures("In Ukraine, fewer than 200 civilians were left in Vovchansk by Thursday.", gaz) == []


@pytest.mark.parametrize(("phrase", "lower", "upper"), [
    ("between 1.5 and 2 million people", 1_500_000, 2_000_000),
    ("between twelve and fifteen thousand people", 12_000, 15_000),
    ("one to two million people", 1_000_000, 2_000_000),
])
def test_a_range_s_lower_end_shares_the_upper_end_s_multiplier(phrase: str, lower: int, upper: int, gaz) -> None:
    found = extract(f"In Pakistan, {phrase} fled the floods.", gaz).figures
    assert [(f.quantity, f.quantity_max) for f in found] == [(lower, upper)]


def test_a_number_in_a_name_is_no_figure(gaz) -> None:
    text = ("In Pakistan, about 19,000 people were staying in relief camps. Rescue 1122, the province's emergency "
            "service, said its boats had carried 9,300 people out of flooded villages.")
    assert [f.quantity for f in extract(text, gaz).figures] == [19000, 9300]
