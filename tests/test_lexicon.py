"""Word lists turned into regexes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from displacement_monitor.extract import figures, sources
from displacement_monitor.extract.lexicon import (
    CASUALTY,
    CASUALTY_WORDS,
    Caseless,
    alternation,
    by_first_letter,
    word_regex,
    written_out,
)


@given(st.lists(st.text(alphabet="ab .'", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="abAB .'\n", max_size=40))
def test_alternation_matches_what_the_longest_first_alternation_matches(words: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        flat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", flags)
        tree = re.compile(r"\b(" + alternation(words) + r")\b", flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


# Alternatives as the lexicon writes them: words, phrases, regex pieces, and some that open with no lower-case letter.
_ALTERNATIVE = st.sampled_from(["a", "ab", "abc", "b", "ba", "a b", "ab?", "a?b", "a\\w*", "b(?:a|b)", "(?:a|b) a",
                                "[ab]b", "\\.a", "a(?! b)", "ba\\b(?!a)", "c", "A", "Ab", "[|]a"])


@given(st.lists(_ALTERNATIVE, min_size=1, max_size=7), st.sampled_from([r"\b", r"\s+(?:\w+\s+){0,2}$", ""]),
       st.text(alphabet="abcAB .-|\n", max_size=40))
def test_by_first_letter_matches_what_the_flat_alternation_matches(alternatives: list[str], suffix: str,
                                                                   text: str) -> None:
    pattern = r"\b(?:" + "|".join(alternatives) + ")" + suffix
    for flags in (0, re.IGNORECASE):
        flat, grouped = re.compile(pattern, flags), re.compile(by_first_letter(pattern), flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
        assert [bool(grouped.fullmatch(w)) for w in text.split()] == [bool(flat.fullmatch(w)) for w in text.split()]


def test_by_first_letter_groups_alternatives_by_first_letter() -> None:
    assert by_first_letter(r"\b(?:fled|left|flee|(?:in|at) camps|leave)\b") == \
        r"\b(?:f(?:led|lee)|l(?:eft)|(?:in|at) camps|l(?:eave))\b"
    assert by_first_letter(r"\b(?:from|of|fled)\s+$") == r"\b(?:f(?:rom|led)|o(?:f))\s+$"
    assert word_regex(r"\b(?:fled|flee)\b").search("they fled").group() == "fled"


@given(st.lists(_ALTERNATIVE | st.sampled_from(["(?:a|b(?:a|c)) b", "(?:a|ab)?b", "(?:b|a)c", "(?:a|(?:b|c)a)"]),
                min_size=1, max_size=7), st.sampled_from([r"\b", r"\s+(?:\w+\s+){0,2}$", ""]),
       st.text(alphabet="abcAB .-|\n", max_size=40))
def test_written_out_matches_what_the_pattern_matches(alternatives: list[str], suffix: str, text: str) -> None:
    pattern = r"\b(?:" + "|".join(alternatives) + ")" + suffix
    for flags in (0, re.IGNORECASE):
        plain, grouped = re.compile(pattern, flags), re.compile(by_first_letter(written_out(pattern)), flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_written_out_writes_out_groups_that_open_alternatives() -> None:
    assert written_out(r"\b(?:fled|(?:in|at) (?:camps|sites)|(?:a|b)?c)\b") == \
        r"\b(?:fled|in (?:camps|sites)|at (?:camps|sites)|(?:a|b)?c)\b"
    assert by_first_letter(written_out(r"\b(?:fled|(?:left|leaving) home|flee)\b")) == \
        r"\b(?:f(?:led|lee)|l(?:eft home|eaving home))\b"


@pytest.mark.parametrize(("pattern", "message"), [
    (r"(?:fled|left)", "not a pattern that opens with"),
    (r"\b(?:fled|left", "unbalanced parentheses"),
    (r"\b(?:f(led)|left)\b", "would renumber the capturing groups"),
])
def test_by_first_letter_refuses_other_patterns(pattern: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        by_first_letter(pattern)


_CASE_SOUP = st.lists(st.sampled_from([
    "UN", "u.n.", "Said", "SAYS", "according to", "Number of", "TOTAL", "families", "aged", "Feb", "US$", "Rs.",
    "one out of", "5 -", "the Agency", "It", "reported", "M\u00c9DECINS SANS FRONTI\u00c8RES", "\u0130", "\u0131",
    "\u017f", "\u03a3", "\u212a", "K", "s", "i", " ", "  ", "\n", ",", "."]), max_size=12).map("".join)


@given(_CASE_SOUP)
def test_caseless_patterns_match_like_case_blind_ones(text: str) -> None:
    for caseless in (sources._ORG_RE, sources._ATTRIBUTION, sources._PRONOUN_ATTRIBUTION,
                     figures._EXCLUDED_BEFORE_BACKWARDS, figures._COUNT_REFERENCE):
        found = [(m.span(), [g and g.lower() for g in m.groups()]) for m in caseless.finditer(text)]
        expected = [(m.span(), [g and g.lower() for g in m.groups()]) for m in caseless.blind.finditer(text)]
        assert found == expected


def test_caseless_falls_back_to_case_blind_matching_where_lowering_differs() -> None:
    said = Caseless(r"\bsaid\b")
    assert said.search("He SA\u0131D so") is not None  # dotless i matches i only case-blind
    assert said.search("\u0130 SAID").span() == (2, 6)  # 'İ' lowers to two characters
    assert said.match("Said it").group() == "said"


@pytest.mark.parametrize("phrase", ["killed", "kill", "killing", "dead", "died", "die", "death", "deaths", "injured",
                                    "injuring", "wounded", "wounding", "missing", "casualties", "death toll", "toll",
                                    "massacred", "executed", "slain", "murdered", "drowned", "buried", "bodies",
                                    "burned alive", "burned to death", "lost their lives", "lost his wife",
                                    "lost her two sons"])
def test_a_casualty_word_is_in_every_casualty_phrase(phrase: str) -> None:
    assert CASUALTY.fullmatch(phrase)
    assert any(word in phrase for word in CASUALTY_WORDS)


@given(st.text(alphabet="abdeiklnorstuwy \n,", max_size=30))
def test_text_without_a_casualty_word_holds_no_casualty_phrase(text: str) -> None:
    assert any(word in text for word in CASUALTY_WORDS) or not CASUALTY.search(text)
