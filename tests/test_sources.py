"""Who a figure is attributed to, and one name per organisation."""

from __future__ import annotations

import pytest

from displacement_monitor.extract.sources import find_source, normalize_source


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
