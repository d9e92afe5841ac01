"""Sentences with their offsets; 'Feb. 11' and 'U.S. officials' do not end one."""

from __future__ import annotations

import re
from typing import NamedTuple

# '. ' (or '?', '!', closing quotes) before a capital, digit or opening quote; or a line break. The pattern opens
# with the characters either starts with, so the engine skips straight to them.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(\d])|(?<=\n)\n*)")
ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                 "sept", "oct", "nov", "dec", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "u.s", "u.n",
                 "approx", "est", "vs", "etc", "e.g", "i.e", "mt", "ft"}


_LAST_WORD = re.compile(r"([\w.]+)$")


class Sentence(NamedTuple):
    """A sentence of the article with its offset (a tuple: made faster than a frozen dataclass)."""

    start: int
    end: int
    text: str


def _word_before(text: str, dot: int) -> str:
    word = _LAST_WORD.search(text[max(0, dot - 12):dot])
    return word.group(1).lower() if word else ""


def ends_with_title(text: str, dot: int) -> bool:
    """Whether the full stop at dot ends an abbreviation of a title or a word ("Gov.", "Dr.", "Sept."), not an
    initial or a letter ("Camp A.")."""
    return _word_before(text, dot) in ABBREVIATIONS


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    token = _word_before(text, dot)
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        out.append(Sentence(offset, offset + len(stripped), stripped))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of text, in order, each with its start and end offsets."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        _add(sentences, text, pos, match.start() + len(match.group().rstrip()))
        pos = match.end()
    _add(sentences, text, pos, len(text))
    return sentences


_DATELINE_END = re.compile(r",|\s*\(|\s+[-\u2013\u2014]\s")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] starts and stops: at the nearest full stop or line break on
    either side. Rougher than split_sentences, and enough to find the places a sentence names."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    last = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return first, last


def headline_end(text: str) -> int:
    """Where a text's first line ends, when it has more than one (else -1): its headline, if it has one."""
    return text.find("\n") if "\n" in text.strip() else -1


def is_dateline(text: str, start: int, end: int) -> bool:
    """'BAMAKO, June 17 -', 'KABUL (AFP) -', 'MANILA - ', 'CARACAS / CUCUTA -': an all-capitals place
    opening a line (or after another such place and a slash), where the reporter filed from."""
    if not text[start:end].isupper():
        return False  # as for most places: tested first, before the line's start is looked for
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 2 and not _FIRST_DATELINE.fullmatch(text, line_start, start):
        return False
    return _DATELINE_END.match(text, end) is not None or _NEXT_DATELINE.match(text, end) is not None


def is_venue(text: str, start: int, end: int) -> bool:
    """'told a briefing in Geneva', 'told reporters in Nairobi', 'briefing journalists in Geneva', 'at a news
    conference in Dakar', 'the Geneva-based agency': where someone spoke or sits, not what the text is about."""
    return text.startswith("-based", end) or text.startswith(" in ", start - 4) \
        and _VENUE.search(text, max(0, start - _VENUE_REACH), start) is not None


_VENUE = re.compile(r"(?:\b(?:told|briefing|briefed|addressing)\s+(?:reporters|journalists|diplomats"
                    r"|(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|conference))"
                    r"|\b(?:at|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|conference|summit|meeting"
                    r"|forum|session))\s+in\s+$", re.IGNORECASE)
_VENUE_REACH = 70


# A place before another in one dateline, and what may follow the first: "CARACAS / CUCUTA -".
_FIRST_DATELINE = re.compile(r"\s*[A-Z][A-Z .'\u2019-]*\s*/\s*")
_NEXT_DATELINE = re.compile(r"\s*/\s*[A-Z][A-Z .'\u2019-]*(?:,|\s*\(|\s+[-\u2013\u2014]\s)")
