"""Word lists turned into regexes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from displacement_monitor.extract.lexicon import alternation


@given(st.lists(st.text(alphabet="ab .'", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="abAB .'\n", max_size=40))
def test_alternation_matches_what_the_longest_first_alternation_matches(words: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        flat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", flags)
        tree = re.compile(r"\b(" + alternation(words) + r")\b", flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
