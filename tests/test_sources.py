"""Who a figure is attributed to, and one name per organisation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from displacement_monitor.extract.sources import _prefix_tree, find_source, normalize_source


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


@given(st.lists(st.text(alphabet="ab .'", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="abAB .'\n", max_size=40))
def test_prefix_tree_matches_what_the_longest_first_alternation_matches(words: list[str], text: str) -> None:
    flat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)
    tree = re.compile(r"\b(" + _prefix_tree(words) + r")\b", re.I)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
