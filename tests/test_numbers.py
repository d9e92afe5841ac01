"""extract/numbers.py: number phrases in news prose -> integers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from displacement_monitor.errors import ParseError
from displacement_monitor.extract.numbers import NumberMatch, find_numbers, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("144,500", 144_500),
        ("12 000", 12_000),
        ("1 000 000", 1_000_000),
        ("1,234,567", 1_234_567),
        ("12\u202f000", 12_000),
        ("12\u00a0000", 12_000),
        ("350", 350),
        ("0", 0),
        ("1.2 million", 1_200_000),
        ("1,2 million", 1_200_000),  # a decimal comma
        ("12.000", 12_000),  # thousands grouped with dots
        ("1.200.000", 1_200_000),
        ("1.25 million", 1_250_000),
        ("2.5m", 2_500_000),
        ("3.4 mln", 3_400_000),
        ("1.5 bn", 1_500_000_000),
        ("12k", 12_000),
        ("100 thousand", 100_000),
        ("2 lakh", 200_000),
        ("forty", 40),
        ("twenty-one", 21),
        ("forty thousand", 40_000),
        ("two million", 2_000_000),
        ("one hundred and twenty thousand", 120_000),
        ("eleven hundred", 1_100),
        ("a thousand", 1_000),
        ("a million", 1_000_000),
        ("a quarter of a million", 250_000),
        ("half a million", 500_000),
        ("three quarters of a million", 750_000),
        ("  12,000  ", 12_000),
    ],
)
def test_parse_quantity_exact(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == value


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("thousands", 1_000),
        ("Thousands", 1_000),
        ("tens of thousands", 10_000),
        ("hundreds of thousands", 100_000),
        ("hundreds", 100),
        ("dozens", 24),
        ("millions", 1_000_000),
        ("several hundred", 300),
        ("a few thousand", 2_000),
        ("Several dozen", 36),
    ],
)
def test_parse_quantity_vague_gives_the_smallest_value_the_words_allow(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == value


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("", "not a number: ''"),
        ("abc", "not a number: 'abc'"),
        ("twelve apples", "not a number: 'twelve apples'"),
        ("-5", "not a number: '-5'"),
        ("1e6", "not a number: '1e6'"),
        ("12,00", "not a number: '12,00'"),
        ("12.5.3", "not a number: '12.5.3'"),
        ("1.2", "a decimal without a multiplier is not a count: '1.2'"),
    ],
)
def test_parse_quantity_rejects_garbage_with_its_reason(phrase: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_quantity(phrase)
    assert str(caught.value) == message


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_quantity("none at all")


def test_parse_quantity_a_hundred() -> None:
    assert parse_quantity("a hundred") == 100


def test_find_numbers_reports_spans_values_and_vagueness() -> None:
    text = "Some 1,200 families and forty thousand people fled; thousands of people left."
    assert find_numbers(text) == [
        NumberMatch(5, 10, "1,200", 1_200),
        NumberMatch(24, 38, "forty thousand", 40_000),
        NumberMatch(52, 61, "thousands", 1_000, vague=True),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2.5m were displaced", [("2.5m", 2_500_000)]),
        ("half a million people", [("half a million", 500_000)]),
        ("tens of thousands of people fled", [("tens of thousands", 10_000)]),
        ("some 12 000 people", [("12 000", 12_000)]),
        ("on Sept. 12 400 families", [("12", 12), ("400", 400)]),  # a day, then the count
        ("since 12 May 3,000 people", [("12", 12), ("3,000", 3_000)]),
        ("3.5% of people", []),
        ("version v1.2.3", []),
        ("thousands fled", []),  # a vague word needs "of", "more" or a people noun after it
        ("no numbers here", []),
        ("more than 16 hundred houses", [("16 hundred", 1_600)]),  # digits and a word, as some reports write
        ("nearly two-thirds of the evacuees", []),  # a share, not two
        ("three quarters of them", []),
    ],
)
def test_find_numbers_table(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.text, m.value) for m in find_numbers(text)] == found


def test_find_numbers_one_and_a_half_million() -> None:
    assert [(m.text, m.value) for m in find_numbers("one and a half million people fled")] == [
        ("one and a half million", 1_500_000)]


def test_find_numbers_does_not_read_metres_as_millions() -> None:
    assert all(m.value != 2_500_000 for m in find_numbers("The water was 2.5 m deep."))


# --- properties: render an integer the ways reporters write it, parse it back --------------------

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen").split()
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (1, ""))


def _below_hundred(n: int) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def _below_thousand(n: int, use_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        parts.append(("and " if hundreds and use_and else "") + _below_hundred(rest))
    return " ".join(parts)


def to_words(n: int, use_and: bool = False) -> str:
    """English words for 0 <= n < 10**12: 120500 -> 'one hundred twenty thousand five hundred'."""
    if n == 0:
        return "zero"
    groups = []
    for scale, name in SCALES:
        count, n = divmod(n, scale)
        if count:
            groups.append(f"{_below_thousand(count, use_and)} {name}".strip())
    return " ".join(groups)


def test_to_words_renders_like_a_reporter() -> None:
    assert to_words(120_500) == "one hundred twenty thousand five hundred"
    assert to_words(2_000_021, use_and=True) == "two million twenty-one"
    assert to_words(305, use_and=True) == "three hundred and five"


@given(st.integers(0, 10**12 - 1), st.sampled_from([",", " ", ""]))
def test_digits_with_separators_round_trip(n: int, sep: str) -> None:
    assert parse_quantity(f"{n:,}".replace(",", sep)) == n


@given(st.integers(1, 9_999), st.sampled_from(["{} million", "{}m", "{} mln"]))
def test_decimal_millions_round_trip(tenths: int, template: str) -> None:
    whole, tenth = divmod(tenths, 10)
    phrase = template.format(f"{whole}.{tenth}" if tenth else f"{whole}")
    assert parse_quantity(phrase) == tenths * 100_000


@given(st.integers(0, 10**12 - 1), st.booleans())
def test_words_round_trip(n: int, use_and: bool) -> None:
    assert parse_quantity(to_words(n, use_and)) == n


@given(st.text())
def test_find_numbers_spans_index_arbitrary_text(text: str) -> None:
    for match in find_numbers(text):
        assert text[match.start:match.end] == match.text


@given(st.lists(st.sampled_from(["12,000", "forty thousand", "2.5m", "people", "fled", "the", ",", "\n"])))
def test_find_numbers_spans_index_number_soup(words: list[str]) -> None:
    text = " ".join(words)
    for match in find_numbers(text):
        assert text[match.start:match.end] == match.text
        assert match.value == parse_quantity(match.text)


@pytest.mark.parametrize(("text", "values"), [
    ("households with14,593 members", [14593]),
    ("between159,000 and 192,000", [159000, 192000]),
    ("M23 rebels and covid19 cases", []),
])
def test_digits_glued_to_a_word_count_only_in_grouped_form(text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text)] == values


def test_several_hundred_is_one_vague_number_not_a_hundred() -> None:
    assert [(n.text, n.value, n.vague) for n in find_numbers("Several hundred had crossed the river.")] == [
        ("Several hundred", 300, True)]
