"""Who a figure is attributed to, and one name per organisation."""

from __future__ import annotations

import pytest

from displacement_monitor.extract import extract
from displacement_monitor.extract.sources import find_source, normalize_source
from displacement_monitor.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    "alias",
    ["IOM", "International Organization for Migration", "International Organisation for Migration",
     "the UN migration agency"],
)
def test_iom_has_one_name(alias: str) -> None:
    assert normalize_source(alias) == "IOM"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The UN refugee agency said 3,000 people crossed on Friday.", "UNHCR"),
        ("According to OCHA, 12,000 people have fled.", "OCHA"),
        ("Some 400 families left, local officials said.", "local officials"),
        ("The Yemeni government says 350,000 may have fled.", "Yemeni government"),
        ("About 800 families fled, Doctors Without Borders reported.", "MSF"),
        ("Some 900 people left, Chad's Ministry of Public Security and Immigration said.",
         "Ministry of Public Security and Immigration"),
        ("The Sudanese Red Crescent reported that 600 families had fled.", "Sudanese Red Crescent"),
        ("Police believe that 300 people fled.", "police"),
        ("The governor of Kassala said 2,000 people had fled.", "governor of Kassala"),
        ("The flood response committee in Kassala State said 2,000 people had fled.",
         "Kassala State flood response committee"),
        ("About 2,000 had fled, Health Minister Amina Bello Tanko told reporters.", "Amina Bello Tanko"),
        ("About 2,000 had fled, according to data released by the Kenyan government.", "Kenyan government"),
        ("Most of the 12,000 residents left, mayor Paulo de Souza Lima said.", "Paulo de Souza Lima"),
        ("Most of the 12,000 residents left, said Mayor Paulo de Souza.", "Paulo de Souza"),
        ("About 2,000 fled, according to Halima Osman, a local official.", "Halima Osman"),
        ("About 2,000 fled, said Kofi Mensah, a spokesman for the regional government.", "Kofi Mensah"),
        ("About 2,000 fled, UN relief chief Maria Lindqvist said on Friday.", "Maria Lindqvist"),
        ("About 2,000 fled, UNHCR spokeswoman Maria Lindqvist told reporters.", "UNHCR"),
        ("About 2,000 are in camps, health director Tomas Berhe told the state news agency.", "Tomas Berhe"),
        ("About 2,000 fled, officials on the eastern bank said.", "officials"),
        ("In the next district, 900 people were taken to safety, the county commissioner added.",
         "county commissioner"),
        ("Some 4,000 people sheltered at UN bases and in churches, OCHA said.", "OCHA"),
        ("About 9,000 sheltered near the UN compound, according to UNICEF.", "UNICEF"),
        ("A deputy governor, Amadou Sy, said that 5,000 people had arrived.", "Amadou Sy"),
        ("Local volunteers said about 4,000 people had arrived in Sennar.", "local volunteers"),
        ("More than 2,300 asylum seekers arrived on Lesbos last week, the coastguard said.", "coastguard"),
        ("According to INGD, 155,000 houses were destroyed or damaged.", "INGD"),
        ("About 6,000 people have fled Tawila, according to local sources.", "local sources"),
        ("Some 750,000 people were moved, disaster management secretary Kamrul Islam said.", "Kamrul Islam"),
    ],
)
def test_attribution(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


def test_no_attribution_verb_means_no_source() -> None:
    assert find_source("About 3,000 people fled the UNHCR camp.") is None


def test_pronoun_takes_the_previous_source() -> None:
    assert find_source("It said 2,000 more arrived overnight.", previous="IOM") == "IOM"



def test_previous_source_is_looked_up_only_when_the_sentence_refers_back() -> None:
    calls: list[str] = []

    def earlier() -> str:
        calls.append("looked up")
        return "IOM"

    assert find_source("It said 2,000 more arrived overnight.", previous=earlier) == "IOM"
    assert find_source("UNHCR said 2,000 more arrived overnight.", previous=earlier) == "UNHCR"
    assert find_source("About 2,000 more arrived overnight.", previous=earlier) is None
    assert calls == ["looked up"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("About 2,000 had fled, the department said.", None),  # which department, the sentence does not say
    ("Earlier this week activists said 2,000 had fled.", "activists"),
    ("Fighting near Aleppo where agencies said 2,000 had fled.", "agencies"),
])
def test_words_before_a_body_that_are_not_its_name(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("Some 32,000 people fled clashes between the National Liberation Army (ELN) and other groups, the "
     "country's ombudsman said.", "ombudsman"),
    ("Nearly 120,000 people were evacuated, according to the Permanent Contingency Commission (COPECO).", "COPECO"),
    ("The Provincial Disaster Management Authority (PDMA) said 310,000 people had left.", "PDMA"),
])
def test_a_body_defined_with_an_acronym_speaks_only_if_the_sentence_says_so(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("Nearly 5,000 people fled, the U.N. migration agency said Tuesday.", "IOM"),
    ("Floods damaged the shelters of 10,000 families, the U.N. said Monday.", "United Nations"),
    ("Floods displaced 650,000 people, the disaster management agency SoDMA said.", "SoDMA"),
    ("Partners report that about 40,000 people fled towards Tawila.", "partners"),
    ("About 5,000 people have fled fresh fighting, the local civil society said.", "local civil society"),
    ("Quakes destroyed 2,000 homes, the Taliban administration said.", "Taliban administration"),
    ("About 30,000 people crossed into Syria, Syria's government said.", "Syria government"),
    ("The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) said 9,000 people fled.", "OCHA"),
    ("Rains destroyed about 700 houses in Kasese, a local official said.", "local official"),
    ("Some 12,000 people fled the clashes, the ombudsman's office said on Tuesday.", "ombudsman's office"),
    ("Officials in the town of Pibor said about 4,000 residents fled.", "Pibor officials"),
    ("Ahmed Salim, a spokesman for the ministry of disasters, said 600 families had lost their homes.",
     "Ahmed Salim"),
    ("About 3,000 people fled, Jean-Paul Kasongo, the governor of the province, said.", "Jean-Paul Kasongo"),
    ("Some 90,000 people fled Rafah, the UN agency for Palestinian refugees (UNRWA) said.", "UNRWA"),
    ("Some 9,000 people fled, the International Rescue Committee said.", "IRC"),
    ("Lebanon's General Security said some 2,500 Syrians had crossed back.", "General Security"),
    ("About 900 buildings were destroyed, Libya's eastern-based government said.", "eastern-based government"),
])
def test_more_ways_reports_name_who_counted(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


def test_an_official_named_by_title_alone_is_the_person_the_story_gave_the_title() -> None:
    text = ("IMPHAL - Some 35,000 people have fled, Chief Minister N. Okram Singh said.\n\n"
            "Nearly 9,000 of them have been evacuated by the army, the chief minister said on Monday.")
    figures = extract(text, load_gazetteer()).figures
    assert [f.source for f in figures] == ["N. Okram Singh", "N. Okram Singh"]


def test_bodies_named_again_are_the_ones_named_before() -> None:
    sentence = "Some 500 homes were lost, according to the agencies."
    assert find_source(sentence, previous="aid agencies") == "aid agencies"
    assert find_source(sentence, previous="IOM") == "agencies"


def test_a_title_said_alone_is_not_the_organisation_before() -> None:
    assert find_source("In Cebu City, the mayor said 23,000 residents remained.", previous="IOM") == "mayor"


def test_a_surname_alone_is_no_new_source() -> None:
    """'Klitschko said' is the Vitali Klitschko the story named before: no new source, so the figure keeps the
    source of the sentences before."""
    assert find_source("About 2,000 people fled, Klitschko said.", "Vitali Klitschko") is None


@pytest.mark.parametrize(("sentence", "source"), [
    ("About 6,000 people fled the coast, according to the country's disaster management agency.",
     "disaster management agency"),
    ("About 6,000 people fled the coast, NaDMA said.", "NaDMA"),
    ("Some 700 families left the settlement, said a site manager.", "site manager"),
    ("Some 700 families left the settlement, a humanitarian source said.", "humanitarian source"),
    ("Some 700 families left, community representatives said.", "community representatives"),
])
def test_more_ways_to_name_who_speaks(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


@pytest.mark.parametrize("sentence", [
    "About 4,000 IDPs said they had fled the town.",
    "About 4,000 people fled the town, McDonald said.",
])
def test_plurals_and_surnames_are_no_acronyms(sentence: str) -> None:
    assert find_source(sentence) is None


@pytest.mark.parametrize(("sentence", "source"), [
    ("About 8,000 people fled after troops took over a U.N. base, local officials said.", "local officials"),
    ("About 12,000 sought shelter next to the UN base, according to UNICEF.", "UNICEF"),
])
def test_an_organisations_premises_are_not_its_word(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("Some 4,000 people fled Kalehe (OCHA, 2 May 2023).", "OCHA"),
    ("- 210,000 people internally displaced (IOM DTM, June)", "IOM"),
    ("About 900 families were evacuated in Sindh (PDMA flash update, 12 August).", "PDMA"),
    ("About 900 families fled Kalehe (South Kivu) in May.", None),
    ("About 900 families fled Kalehe (see the map below).", None),
])
def test_a_reference_in_brackets_names_the_source(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


def test_a_clause_after_a_semicolon_may_name_its_own_source() -> None:
    text = ("The UN refugee agency said more than 60,000 people had arrived from the region; UNICEF estimated "
            "that about 20,000 of them were children.")
    assert [f.source for f in extract(text, load_gazetteer()).figures] == ["UNHCR", "UNICEF"]


@pytest.mark.parametrize(("text", "source"), [
    ("More than 12,000 people have been displaced in Ethiopia's Afar region, the region's disaster preparedness "
     "office said.", "Afar disaster preparedness office"),
    ("About 5,000 people fled in Nigeria's Borno state, the state's emergency management agency said.",
     "Borno emergency management agency"),
])
def test_a_body_of_the_area_just_named_is_named_by_it(text: str, source: str) -> None:
    assert [f.source for f in extract(text, load_gazetteer()).figures] == [source]


def test_the_bodies_a_plural_refers_back_to_are_found_a_few_sentences_back() -> None:
    text = ("About 127,000 people are living in shelters, aid agencies said on Wednesday. The authorities put the "
            "number affected at 1.8 million. At least 400 people died. Some 90,000 homes have been damaged, "
            "according to the agencies.")
    assert [f.source for f in extract(text, load_gazetteer()).figures] == ["aid agencies", "aid agencies"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("About 38,000 people fled north this week, the Syrian Response Coordinators group said.",
     "Syrian Response Coordinators group"),
    ("About 3,000 people fled, the group said.", None),
])
def test_a_group_speaks_when_the_sentence_says_which(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


def test_an_acronym_defined_in_brackets_with_a_citation_names_the_body() -> None:
    sentence = ("Floods displaced around 1,250 people, according to the National Institute for Disaster Management "
                "(INGC, 15 January 2017).")
    assert find_source(sentence) == "INGC"


@pytest.mark.parametrize(("sentence", "source"), [
    ("The region hosts 11,500 returnees, according to OCHA and UNHCR.", "OCHA and UNHCR"),
    ("UNHCR and the IOM said 7.7 million Venezuelans had left.", "UNHCR and IOM"),
])
def test_two_organisations_named_together_are_both_the_source(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


def test_the_agency_is_the_agency_named_before_not_a_government_in_between() -> None:
    text = ("More than 250,000 people displaced by the conflict have been registered, the UN refugee agency said. "
            "The government now believes "
            "that as many as 350,000 may have fled. Around 22,000 of them are in the city, the agency said.")
    assert [f.source for f in extract(text, load_gazetteer()).figures] == ["UNHCR", "government", "UNHCR"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("More than 630,000 people were displaced, the National Disaster Risk Reduction and Management Council said.",
     "National Disaster Risk Reduction and Management Council"),
    ("About 3,000 people fled, the Ministry of Migration and Displacement said.",
     "Ministry of Migration and Displacement"),
])
def test_a_body_s_name_may_join_two_parts_with_and(sentence: str, source: str) -> None:
    assert find_source(sentence) == source


def test_a_title_of_a_place_keeps_the_place_s_particles() -> None:
    sentence = "The governor of Norte de Santander told reporters that about 18,500 people were housed in shelters."
    assert find_source(sentence) == "governor of Norte de Santander"


def test_a_municipality_is_a_source() -> None:
    assert find_source("In Tyre, the municipality said 1,800 families had come back.") == "municipality"
