"""Which places each figure is about."""

from __future__ import annotations

import pytest

from displacement_monitor.extract import extract
from displacement_monitor.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def linked(text: str, gaz) -> dict[int, list[str]]:
    result = extract(text, gaz)
    return {f.quantity: sorted(result.places[i].name for i in f.places) for f in result.figures}


def test_places_listed_together_share_one_figure(gaz) -> None:
    text = "About 6,000 people fled Tikrit and Samarra in Iraq on Tuesday."
    assert linked(text, gaz) == {6000: ["Samarra", "Tikrit"]}


def test_each_figure_gets_the_places_after_its_verb(gaz) -> None:
    text = "Some 9,000 people have fled Kirkuk, adding to 20,000 who have left Mosul in Iraq."
    assert linked(text, gaz) == {9000: ["Kirkuk"], 20000: ["Mosul"]}


def test_origin_beats_destination(gaz) -> None:
    text = "Roughly 15,000 people who left Mosul had headed for Erbil in Iraq."
    assert linked(text, gaz) == {15000: ["Mosul"]}


def test_destination_when_no_origin_is_given(gaz) -> None:
    assert linked("An additional 2,700 people fled to Chibok in Nigeria.", gaz) == {2700: ["Chibok"]}


def test_sentence_without_places_falls_back_to_the_article_place(gaz) -> None:
    text = "Fighting reached Mosul in Iraq on Monday.\nAbout 5,000 people have fled, officials said."
    assert linked(text, gaz) == {5000: ["Mosul"]}
