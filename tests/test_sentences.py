"""Sentences with their offsets."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from displacement_monitor.extract.sentences import _SENTENCE_END, is_venue, sentence_around, split_sentences

_PLAIN_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(\d])|\n+")


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "On Feb. 11 U.S. officials said 300 fled. Mr. Ali left.\nNew line here"
    assert [s.text for s in split_sentences(text)] == [
        "On Feb. 11 U.S. officials said 300 fled.", "Mr. Ali left.", "New line here"]


@given(st.lists(st.sampled_from(["a", "B", "1", ".", "!", "?", "\"", "'", "\u201d", "\u201c", ")", "(", " ", "\n",
                                 "\u00a0"]), max_size=30).map("".join))
def test_sentence_end_pattern_matches_like_the_plain_one(text: str) -> None:
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]


@given(st.text(max_size=60))
def test_sentences_point_at_their_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_briefing_journalists_in_a_city_is_where_someone_spoke() -> None:
    text = "Briefing journalists in Geneva, a UNHCR spokesperson said 23,000 people had crossed at Pagak."
    start = text.index("Geneva")
    assert is_venue(text, start, start + len("Geneva"))


def test_the_sentence_around_a_span_runs_from_full_stop_or_line_break_to_the_next() -> None:
    text = "Fighting went on. Many fled Kassala, officials said. Others stayed\nin Gedaref."
    start = text.index("Kassala")
    assert text[slice(*sentence_around(text, start, start + 7))].strip() == "Many fled Kassala, officials said"
    assert sentence_around(text, 0, 0) == (0, text.index(". "))
    assert text[slice(*sentence_around(text, text.index("Gedaref"), len(text)))] == "in Gedaref."
