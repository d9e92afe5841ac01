"""Numbers in news prose: "144,500", "12 000", "1.2 million", "2.5m", "forty thousand", "thousands"."""

from __future__ import annotations

import functools
import re
import string
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from text_to_num import text2num

from ..errors import ParseError
from .lexicon import MONTHS, Caseless, alternation

MULTIPLIERS = {
    "thousand": 1_000, "k": 1_000, "million": 1_000_000, "millions": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "hundred": 100,
}
FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "third": Decimal(1) / 3,
             "three quarters": Decimal("0.75"), "two thirds": Decimal(2) / 3}
WORD_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion"
).split()
# "thousands of people": the smallest value the words allow.
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000,
    # "several" is three at least, "a few" two
    "several dozen": 36, "several hundred": 300, "several thousand": 3_000,
    "a few dozen": 24, "a few hundred": 200, "a few thousand": 2_000,
}

# A decimal comma before a multiplier ("1,2 million") comes first; thousands grouped with dots ("12.000") are
# read by _digits_value.
_DIGITS = (r"\d{1,3},\d{1,2}(?=\s?(?:million|billion|mln|mio|mn|bn|m\b))"
           r"|\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| (?=\d{3}(?!\d)))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*")
# Digits glued to a word by a space lost in PDF extraction ("with14,593", "between159,000") count only in
# thousands-grouped form, so "M23" or "covid19" stay words.
_GROUPED = r"\d{1,3}(?:,\d{3})+(?![\d,])"
# One-letter multipliers only when written against the number ("2.5m"); "2.5 m deep" is metres.
_MULT = r"(?:\s?(?:thousand|million|millions|billion|mln|mio|mn|bn|lakhs?|crore)|\s(?:hundred)|(?:m|k))"
_WORD = r"(?:" + "|".join(WORD_NUMBERS) + r")"
_WORD_RUN = rf"{_WORD}(?:(?:\s+|-|\s+and\s+){_WORD})*"
_FRACTION = r"(?:(?:a|one)\s+)?(?:half|quarter|third|three[- ]quarters|two[- ]thirds)(?:\s+of)?\s+(?:a|one)\s+million"

_NUMBER = (
    rf"(?:(?<![\w.])(?P<frac>{_FRACTION})"
    # digits may follow a letter when PDF extraction lost a space ("with14,593")
    rf"|(?<![\w.])(?P<andhalf>(?:\d+|{_WORD})\s+and\s+a\s+half\s+(?:million|thousand))\b"
    rf"|(?<![\d.,])(?:(?<![a-z])|(?<=[a-z]{{2}})(?={_GROUPED}))(?P<digits>{_DIGITS})(?:(?P<mult>{_MULT})\b)?"
    rf"|(?<![\w.])(?P<few>(?:several|a\s+few)\s+(?:dozen|hundred|thousand))\b"
    rf"|(?<![\w.])(?P<amult>an?\s+(?:hundred|thousand|million|billion))\b"
    # ("two-thirds of the evacuees" is a share, not two)
    rf"|(?<![\w.])(?P<words>{_WORD_RUN})\b(?![- ](?:thirds|quarters|fifths|tenths)\b)"
    rf"|(?<![\w.])(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|thousands|hundreds|millions|dozens|scores)"
    rf"(?=\s+(?:of\b|more\b|(?:\w+\s+){{0,2}}(?:people|families|households|homes|houses|residents"
    rf"|civilians|refugees|displaced|children|villagers|individuals)))"
    rf")"
)
NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
# find_numbers runs it as an exact regex on the lowered text where it can (see Caseless); its matches then have
# the lowered text, which every value reader lowers anyway.
_NUMBER_CASELESS = Caseless(_NUMBER)


class NumberMatch(NamedTuple):
    """A number phrase in the text and its value (a tuple: one is made for every number, and a tuple is made
    about three times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    value: int
    vague: bool = False


_SEPARATORS = re.compile(r"[,\u202f\u00a0\u2009 ]")


_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


# The same few number phrases ("2,000", "one", "2023") come up article after article.
@functools.lru_cache(maxsize=4096)
def _digits_value(digits: str, mult: str | None) -> int:
    if _DECIMAL_COMMA.fullmatch(digits):
        digits = digits.replace(",", ".")  # "1,2 million"
    elif not mult and _DOT_GROUPS.fullmatch(digits):
        digits = digits.replace(".", "")  # "12.000 people": a count is never a fraction
    clean = _SEPARATORS.sub("", digits)
    try:
        value = Decimal(clean)
    except InvalidOperation as err:
        raise ParseError(f"not a number: {digits!r}") from err
    if mult:
        value *= MULTIPLIERS[mult.strip().lower()]
    elif "." in clean:
        raise ParseError(f"a decimal without a multiplier is not a count: {digits!r}")
    return int(value)


@functools.lru_cache(maxsize=4096)
def _words_value(words: str) -> int:
    phrase = re.sub(r"[\s-]+", " ", words.lower()).strip()
    phrase = re.sub(r"^an? ", "one ", phrase)
    try:
        return int(text2num(phrase, "en"))
    except ValueError as err:
        raise ParseError(f"not a number in words: {words!r}") from err


def _fraction_value(phrase: str) -> int:
    low = re.sub(r"[\s-]+", " ", phrase.lower())
    for name, share in sorted(FRACTIONS.items(), key=lambda kv: -len(kv[0])):
        if name in low:
            return int(share * 1_000_000)
    raise ParseError(f"not a fraction of a million: {phrase!r}")


def parse_quantity(phrase: str) -> int:
    """The integer a number phrase stands for; raises ParseError for anything else."""
    match = NUMBER_RE.fullmatch(phrase.strip())
    if match is None:
        vague = VAGUE.get(re.sub(r"\s+", " ", phrase.strip().lower()))
        if vague is not None:
            return vague
        raise ParseError(f"not a number: {phrase!r}")
    return _match_value(match)[0]


def _and_a_half(phrase: str) -> int:
    whole, _, unit = re.split(r"\s+and\s+a\s+half\s+", phrase.lower())[0], None, phrase.lower().split()[-1]
    base = int(whole) if whole.isdigit() else _words_value(whole)
    return int((Decimal(base) + Decimal("0.5")) * MULTIPLIERS[unit])


def _match_value(match: re.Match[str]) -> tuple[int, bool]:
    if match.group("andhalf"):
        return _and_a_half(match.group("andhalf")), False
    if match.group("frac"):
        return _fraction_value(match.group("frac")), False
    if match.group("digits"):
        return _digits_value(match.group("digits"), match.group("mult")), False
    if match.group("amult"):
        return _words_value(match.group("amult")), False
    if match.group("words"):
        return _words_value(match.group("words")), False
    return VAGUE[re.sub(r"\s+", " ", (match.group("vague") or match.group("few")).lower())], True


# Words a number phrase can start with; the full pattern is only tried where one of these (or a digit) is.
_STARTS = frozenset(WORD_NUMBERS) | {"a", "an", "half", "quarter", "third", "three", "two", "tens", "hundreds",
                                     "thousands", "millions", "dozens", "scores", "several"}
# A run of digits, or a whole run of ASCII letters that is one of those words in any case, found in text whose
# A-Z are lowered and whose other characters are not turned into ASCII letters (offsets stay). Two scans, as
# one of r"\d+|(?<![a-z])word(?![a-z])" would find them (digit runs and words never overlap), because each
# opens with a character class: the regex engine then skips to the next digit, or to the next character
# before a word, instead of trying the pattern at every offset.
_DIGIT_RUN = re.compile(r"[\d]\d*")
_START_WORD = re.compile(r"[^a-z](" + alternation(_STARTS) + r")(?![a-z])")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _candidates(letters: str) -> list[int]:
    """Where a number phrase may start in letters, ascending (see _DIGIT_RUN and _START_WORD)."""
    # The space in front stands for the start of the text, where a word may start too.
    words = [match.start(1) - 1 for match in _START_WORD.finditer(" " + letters)]
    return sorted([match.start() for match in _DIGIT_RUN.finditer(letters)] + words)


# "Sept. 12 400 families": after a month, a first group that can be a day is the day, not thousands spaced out.
_SPACED_DAY = re.compile(r"(0?[1-9]|[12]\d|3[01])[\u202f\u00a0\u2009 ]\d{3}\b")
_MONTH_BEFORE = re.compile(r"\b(?:" + alternation(MONTHS) + r")\.?\s*$", re.IGNORECASE)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in text, left to right; phrases that do not parse are skipped."""
    found: list[NumberMatch] = []
    end = 0
    number, target = _NUMBER_CASELESS.prepare(text)
    letters = target if number is _NUMBER_CASELESS.exact else text.translate(_ASCII_LOWER)
    for start in _candidates(letters):
        if start < end:
            continue
        match = number.match(target, start)
        if match is None:
            continue
        try:
            value, vague = _match_value(match)
        except ParseError:
            continue
        day = _SPACED_DAY.match(text, match.start()) if value > 999 else None
        if day and _MONTH_BEFORE.search(text, max(0, start - 12), start):
            found.append(NumberMatch(start, day.end(1), day.group(1), int(day.group(1))))
            end = day.end(1)
            continue
        found.append(NumberMatch(match.start(), match.end(), text[match.start():match.end()], value, vague))
        end = match.end()
    return found
