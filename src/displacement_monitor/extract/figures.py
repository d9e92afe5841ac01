"""Displacement figures: a number, what it counts, what happened to them, who says so, and where."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from ..models import Figure, PlaceMention
from .lexicon import (
    ABROAD,
    ADJECTIVE_TERMS,
    CASUALTY,
    CASUALTY_WORDS,
    COUNT_REFERENCE,
    CROSSING_VERB,
    DENIAL,
    FORECAST,
    HOUSE_NOUNS,
    HOUSEHOLD_NOUNS,
    IMPLICIT_STARTERS,
    MONTHS,
    NOUN_TERMS,
    OTHER_NOUNS,
    PEOPLE_NAMES,
    PEOPLE_NOUNS,
    PERFECT_AFTER_MODAL,
    POPULATION,
    QUALIFIERS,
    SKIPPABLE,
    TERM_PATTERNS,
    TERM_RANK,
    Caseless,
    alternation,
    holds_any,
    word_regex,
)
from .linking import place_indexes
from .numbers import MULTIPLIERS, WORD_NUMBERS, NumberMatch, find_numbers, parse_quantity
from .sentences import Sentence, headline_end, split_sentences
from .sources import ORGANISATIONS, find_source, is_title, named_officials
from .tables import Row, key_figures, table_rows

_WORD = re.compile(r"[\w'\u2019-]+|[^\w\s]")
_WINDOW = 40
_BREAK_WORDS = ("but", "whereas", "although")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[\u2013\u2014-]\s|\b(?:" + "|".join(_BREAK_WORDS) + r")\b")
_PUNCTUATION = {",", ".", ";", ":", "(", ")", "\u2013", "\u2014", "\"", "\u201c", "\u201d"}
_MAYBE_NOUN = {"displaced", "homeless", "more", "idp"}  # nouns on their own, adjectives before a noun
# A transitive verb right before the number moves the people it counts ("IOM moved 640 migrants").
# "taken in" is hosting them, not moving them.
_MOVED_BY_OTHERS = word_regex(r"\b(?:moved|moving|brought|flew|flown|flying|took(?! in\b)|taken(?! in\b)|bused"
                              r"|bussed|airlifted|relocated|transferred|carried"
                              # ("dhows, some carrying more than 100 passengers": what each boat held)
                              r"|(?<!some )(?<!each )(?<!many )(?<!most )(?<!one )carrying)\s+(?:\w+\s+){0,3}$")
# "the Kablewa camp, which was already close to full with almost 10,000 people", "shelters that now hold
# more than 900 people": a camp's or shelter's occupants.
_CAPACITY = word_regex(r"\b(?:camps?|shelters?|sites?|centres?|centers?|settlements?|showgrounds?|tent cit(?:y|ies))\b"
                       r"[^.;]{0,110}"
                       r"\b(?:holds?|held|holding|house[sd]?|housing|hosts?|hosted|hosting|shelters?|sheltering"
                       r"|accommodat\w+|full with|crowded with|packed with|home to|stands? at|stood at"
                       r"|(?:swelled|swollen|grown|grew|risen|rose|doubled|tripled)(?: [\w ]{0,25})? to)"
                       r"\s+(?:\w+\s+){0,2}$")
# One of these is in every _CAPACITY match.
_CAPACITY_WORDS = ("camp", "shelter", "site", "cent", "settlement", "showground", "tent cit")
CAPACITY_WINDOW = 150
AFTER_WINDOW = 70
RELATIVE_CLAUSE = 50  # how much further the words after a number are read past what the people are or do
BEFORE_WINDOW = 60
GOVERNING_DISTANCE = 25
FORECAST_REACH = 120  # how far after a number its verb may be and still be read for a modal before it
_HOUSING = re.compile(rf"\b(?:{'|'.join(sorted(HOUSE_NOUNS))}|housing|roofs?)\b", re.IGNORECASE)
# "destroyed the homes of (about) 1,200 families": the number counts the homes' occupants.
_HOMES_OF = re.compile(rf"\b(?:{'|'.join(sorted(HOUSE_NOUNS))})\s+of\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
# What one thing did to other people, who are counted after it: ", forcing about 35 people to evacuate".
_CONSEQUENCE = re.compile(r",\s+(?:forcing|forced|prompting|leaving|causing|sending|driving|displacing)\s+"
                          r"(?:[\w-]+\s+){0,3}?\d", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\b|;")
_COUNTED_NOUNS = PEOPLE_NOUNS | HOUSEHOLD_NOUNS | HOUSE_NOUNS
_NOT_A_PEOPLE_NAME = OTHER_NOUNS | PEOPLE_NOUNS  # 'Syrians fled' names people, 'Syrian refugees' is an adjective
_NEW_FIGURE_NOUNS = PEOPLE_NOUNS | HOUSEHOLD_NOUNS | NOUN_TERMS.keys()
# Things counted alongside a figure, which count no one.
_THINGS = frozenset("shops businesses stores schools classrooms vehicles cars boats livestock cattle animals hectares"
                    " acres tonnes hospitals clinics mosques churches bridges roads wells".split())


# Tuples rather than frozen dataclasses: one or two are made for every number, and a tuple is made faster.
class _Reading(NamedTuple):
    """What the words right after a number say it counts."""

    unit: str | None  # people | households | houses | implicit | None (not people at all)
    noun_term: str | None
    noun_end: int  # offset in the sentence just after the noun phrase


class _Found(NamedTuple):
    """A figure as its sentence reads it, before its source and places are known. The Figure is made once, when
    they are: a frozen dataclass is slow to make, and slower still to copy with a field replaced."""

    quantity: int
    unit: str
    term: str
    start: int
    end: int
    number_text: str
    qualifier: str | None
    vague: bool


class _Prior(NamedTuple):
    """The figure just before, which an elliptical number ('and 100,000 for Erbil') continues."""

    unit: str
    term: str
    same_sentence: bool


# Words of a short head or tail of a text are its own words, except that the last word of a head (the first of
# a tail) may be cut short: a head or tail with more words than asked for is enough, and so is one that is the
# whole text.
def _first_words(text: str, count: int) -> list[str]:
    words = _WORD.findall(text[:_WINDOW])
    return (words if len(words) > count or len(text) <= _WINDOW else _WORD.findall(text))[:count]


def _last_words(text: str, count: int) -> list[str]:
    words = _WORD.findall(text[-_WINDOW:])
    return (words if len(words) > count or len(text) <= _WINDOW else _WORD.findall(text))[-count:]


def _tail_start(text: str, chunks: int) -> int:
    """Where the last `chunks` whitespace-separated chunks of text begin (0 if it has no more than that):
    a pattern that must end the text and spans at most that many chunks cannot match before there."""
    parts = text.rsplit(None, chunks)
    return len(parts[0]) if len(parts) > chunks else 0


_HEAD_NOUNS = (PEOPLE_NOUNS - {"more", "others"}) | HOUSEHOLD_NOUNS
_INSTITUTIONS = {"care", "nursing", "retirement", "children's", "childrens", "foster", "old-age"}


def _noun_follows(after: str, match: re.Match[str]) -> bool:
    rest = [w.lower() for w in _first_words(after[match.end():], 3)]
    # ("500 more troops": what the word qualifies is no one displaced)
    return any(w in _COUNTED_NOUNS for w in rest) or bool(rest) and rest[0] in OTHER_NOUNS


def _is_plural_people(word: str) -> bool:
    """'Syrians', 'Kurds', 'Congolese', 'Rohingya': capitalised words that name people."""
    return word[:1].isupper() and (len(word) > 3 and (word.endswith("s") or word.endswith("ese"))
                                   or word.lower() in PEOPLE_NAMES)


_QUOTES = frozenset('"\u201c\u201d')
# Buildings no one lives in: "30,000 commercial buildings collapsed".
_NOT_LIVED_IN = frozenset({"commercial", "public", "government", "office", "industrial", "school", "religious",
                           "municipal", "administrative"})


def _read_noun(after: str, base: int) -> _Reading:
    """The head noun after the number, skipping qualifiers and adjectives; base is the number's end."""
    adjective: str | None = None
    unknown = False
    word = ""
    for count, match in enumerate(_WORD.finditer(after)):
        previous = word
        raw = match.group()
        word = raw.lower().strip("'\u2019")
        if word in _QUOTES:
            continue  # 2,000 "terrorists": the word quoted is what is counted
        if count > 7 or word in _PUNCTUATION:
            break
        end = base + match.end()
        if raw.endswith(("'", "\u2019")) and len(raw) > 2:
            continue  # "120,000 families' homes": the possessor is not what is counted
        word = _unglue(word)
        if word in HOUSEHOLD_NOUNS:
            return _Reading("households", adjective, end)
        if word == "housing" and (unit := _HOUSING_UNITS.match(after, match.end())):
            return _Reading("houses", adjective, base + unit.end())  # "99,000 housing units were damaged"
        if word in HOUSE_NOUNS:
            if word in ("buildings", "structures") and previous in _NOT_LIVED_IN:
                return _Reading(None, None, end)  # "30,000 commercial buildings": no one's home
            if word == "home" and adjective is not None:
                return _Reading("implicit", adjective, base)  # "3,000 returned home": where they went
            return _Reading("houses", adjective, end)
        if word in ADJECTIVE_TERMS and (word not in PEOPLE_NOUNS or _noun_follows(after, match)):
            adjective = ADJECTIVE_TERMS[word]
            continue
        if word in PEOPLE_NOUNS and not (word in _MAYBE_NOUN and _noun_follows(after, match)):
            return _Reading("people", NOUN_TERMS.get(word, adjective), end)
        if word in OTHER_NOUNS or word in MONTHS and (word != "may" or raw[:1] == "M"):
            return _Reading(None, None, end)  # ("350,000 may have fled": the verb, not the month)
        if raw[:1].isupper():
            if _is_plural_people(raw):  # "2,000 Syrians", "4,000 undocumented Afghans"
                nxt = [w.lower() for w in _first_words(after[match.end():], 2)]
                # ... but "2,400 Rohingya refugee households" are households
                if not (nxt and nxt[0] in _NOT_A_PEOPLE_NAME) and not any(w in _HEAD_NOUNS for w in nxt):
                    return _Reading("people", adjective, end)
            continue
        if word in _INSTITUTIONS and after[match.end():match.end() + 6].lower().startswith(" home"):
            return _Reading(None, None, end)  # "two care homes": not where families live
        if word in SKIPPABLE or word.endswith("ly") or word in ("so", "more") and previous == "or" \
                or word == "or" and _QUALIFIER_AFTER.match(after, match.start() - 1):
            continue  # ("another 11,000 or so arrived")
        if not unknown and (word in IMPLICIT_STARTERS or _term_word(word)):
            return _Reading("implicit", adjective, base)
        if _PLURAL_NOUN.fullmatch(word):
            return _Reading(None, None, end)  # the head noun, of something else: "Two earthquakes in Herat"
        unknown = True
    return _Reading(None if unknown else "implicit", adjective, base)


# Where the people are, said between them and their verb: places, lists of them, and what they are.
_WHERE_AFTER = re.compile(r"\s+(?:in|from|at|across)\s+(?:the\s+)?(?:(?:[A-Z][\w'\u2019-]*|and|of|al|el)[,\s]+)+"
                          r"(?:(?:settlements?|camps?|districts?|provinces?|regions?|villages?|towns?|areas?|counties"
                          r"|county|states?|governorates?|neighbou?rhoods?)\b)?")
_HOUSING_UNITS = re.compile(r"\s+units\b")
# A qualifier said after the number: "11,000 or so", "4,000 or more".
_QUALIFIER_AFTER = re.compile(r"\s+or\s+(so|more)\b")
_AFTER_QUALIFIERS = {"so": "about", "more": "more than"}
_PLURAL_NOUN = re.compile(r"[a-z]{3,}[^su']s")
_GLUED_HEAD = re.compile(r"^(new|more|other|additional|newly)([a-z]{5,})$")
_GLUED_TAIL = re.compile(r"^(people|persons|families|households|homes|houses|refugees|residents)"
                         r"(?:were|was|are|have|had|who|in|from|fled|remain\w*)$")
# Text pulled out of PDFs loses spaces ("hadevacuated", "weredisplaced"): split before a term's stem.
_STEMS = r"evacuat|displac|destroy|damag|refuge|fled\b|return"
_STEM = re.compile(_STEMS)
_GLUED_STEM = re.compile(rf"(?<=[a-z])(?=(?:{_STEMS}))")
_CAMEL_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# Whether _CAMEL_GLUE has a place in a text: it finds the capital after each, and opens with it, so the regex engine
# skips from capital to capital instead of trying every offset.
_CAMEL_GLUED = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])(?=[a-z])")
# Every term pattern in one: a single scan tells that a window names no term, as most windows do. Their
# alternatives in one alternation, grouped by first letter, make the scan cheaper; a match of it starts where one
# of some term does (only its start is used), though it may end elsewhere.
_ANY_TERM = word_regex(r"\b(?:" + "|".join(pattern.pattern[5:-3] for pattern in TERM_PATTERNS.values()) + r")\b")
# Matches only where some term starts; a look-ahead per term, in a group named after it, tells which ones do.
_TERM_STARTS = re.compile(
    f"(?={_ANY_TERM.pattern})"
    + "".join(f"(?:(?=(?P<{term}>{pattern.pattern})))?" for term, pattern in TERM_PATTERNS.items())
)
# Every term opens with a letter after a word boundary: it starts at the text's start or right after a non-word
# character, and this, which opens with one, finds the others. The regex engine skips from one such character to
# the next, instead of trying every offset; a match ends where the term starts.
_TERM_STARTS_AFTER_GAP = re.compile(r"\W" + _TERM_STARTS.pattern)


# The words after numbers are the same few ("people", "families", "were") article after article.
@lru_cache(maxsize=4096)
def _unglue(word: str) -> str:
    """The counted noun in a word that PDF extraction damaged: glued to the next word ('peoplewere'), to the
    word before ('newdisplacements'), split at a line end ('fami-lies'), or misspelt ('familis')."""
    match = _GLUED_TAIL.match(word) if len(word) > 6 else None  # none is shorter than 'homesin'
    if match:
        return match.group(1)
    if word in _COUNTED_NOUNS or len(word) < 6:
        return word
    joined = word.replace("-", "")
    if joined in _COUNTED_NOUNS:
        return joined
    glued = _GLUED_HEAD.match(word)
    if glued and glued.group(2) in _COUNTED_NOUNS:
        return glued.group(2)
    return _NEAR_MISS.get(word, word)


def _near_misses(words: set[str]) -> dict[str, str]:
    """Every one-letter deletion inside the longer counted nouns, mapped to the noun ('familis' -> 'families');
    not of the first or last letter, which makes other words ('resident', 'displace')."""
    found: dict[str, str] = {}
    for word in sorted(words):
        if len(word) >= 7 and "-" not in word:
            for i in range(1, len(word) - 1):
                found.setdefault(word[:i] + word[i + 1:], word)
    known = words | _COUNTED_NOUNS | OTHER_NOUNS | SKIPPABLE | {"refuges"}
    return {typo: word for typo, word in found.items() if typo not in known}


# Nouns whose misspellings are worth catching; a deletion from "villagers" is "villages", a real word.
_NEAR_MISS = _near_misses({"families", "households", "persons", "individuals", "civilians", "children",
                           "refugees", "returnees", "evacuees", "displacements", "residents"})


@lru_cache(maxsize=4096)
def _term_word(word: str) -> bool:
    """A verb form of a term ('fled', 'displaced'); nouns such as 'displacement' do not count."""
    if word.endswith(("ment", "ments", "tion", "tions", "ees")):
        return False
    return any(p.fullmatch(word) for p in TERM_PATTERNS.values())


def _terms(text: str, reverse: bool = False) -> dict[str, int]:
    """Each term found in text with its distance from the start (or from the end when reverse)."""
    if _CAMEL_GLUED.search(text):
        text = _CAMEL_GLUE.sub(" ", text)  # "fledShirqat": a lost space before a capital
    lowered = text.lower()
    if _STEM.search(lowered):
        lowered = _GLUED_STEM.sub(" ", lowered)
    return _distances_from_end(lowered, len(text)) if reverse else _distances_from_start(lowered)


def _distances_from_start(lowered: str) -> dict[str, int]:
    """Where each term first starts, in the order of TERM_PATTERNS: one scan visits only the places where some
    term starts."""
    first = _TERM_STARTS.match(lowered)
    found = [first] if first else []
    found += _TERM_STARTS_AFTER_GAP.finditer(lowered)
    if not found:
        return {}  # as for most texts: no term
    starts: dict[str, int] = {}
    for match in found:
        at = match.end()  # where the look-aheads start
        # The groups are the terms' look-aheads, in the order of TERM_PATTERNS; None where a term does not start.
        for term, look in zip(TERM_PATTERNS, match.groups(), strict=True):
            if look is not None:
                starts.setdefault(term, at)
    # Most windows start one term or none, and then there is no order to restore.
    return starts if len(starts) < 2 else {term: starts[term] for term in TERM_PATTERNS if term in starts}


def _distances_from_end(lowered: str, length: int) -> dict[str, int]:
    """How far before length each term's last match ends (as each term's own scan finds its matches): only the
    terms that start somewhere are scanned for, from where they first start."""
    found: dict[str, int] = {}
    for term, start in _distances_from_start(lowered).items():
        for match in TERM_PATTERNS[term].finditer(lowered, start):
            found[term] = length - match.end()  # the last match ends last
    return found


def _choose_term(noun_term: str | None, after: dict[str, int], before: dict[str, int], before_text: str) -> str | None:
    """The most specific term that governs the number: its own noun, a verb after it, or one just before
    (before_text, which before measures back from its end)."""
    if noun_term in ("refugees", "returned", "evacuated", "homeless"):
        # (refugees a fire "left without a home" are homeless, however long the words between)
        # Evacuees staying in shelters are sheltered: where they are now, not what was done to them.
        later = ("returned", "sheltered" if noun_term == "evacuated" else "evacuated", "homeless")
        late = [t for t in later if t != noun_term
                and after.get(t, AFTER_WINDOW) < (AFTER_WINDOW if t == "homeless" else 40)]
        return late[0] if late else noun_term
    # The verb right before the number governs it ("uproot 28,000", "is hosting 55,000"), unless it is
    # another clause's ("houses were destroyed and 140,000 people fled").
    nearest = min(before.items(), key=lambda kv: kv[1], default=None)
    governs = nearest is not None and nearest[1] <= GOVERNING_DISTANCE \
        and not _OTHER_CLAUSE.search(before_text, len(before_text) - nearest[1])
    governing = {nearest[0]: nearest[1]} if governs and nearest else {}
    close = {t: d for t, d in after.items() if d <= 45 or t in ("returned", "evacuated")}
    candidates = {**governing, **close} or ({} if after else before) or after
    for term in TERM_RANK:
        if term in candidates:
            return term
    return noun_term


# The two sides of a number's clause are read apart: most numbers are turned down by the words after them alone.
# Most sentences are one clause, so each side is searched only if it holds what a break is made of.
def _clause_before(sentence: str, start: int) -> str:
    """Text of the number's clause before it (which starts at start), cut at semicolons, dashes and 'but'."""
    before = sentence[:start]
    if _may_break(before):
        cuts = list(_CLAUSE_BREAK.finditer(before))
        if cuts:
            before = before[cuts[-1].end():]
    return before


def _clause_after(sentence: str, end: int) -> str:
    """Text of the number's clause after it (which ends at end), cut at semicolons, dashes and 'but'."""
    after = sentence[end:]
    if _may_break(after):
        nxt = _CLAUSE_BREAK.search(after)
        if nxt:
            after = after[:nxt.start()]
    return after


def _may_break(side: str) -> bool:
    """Whether side holds a character or word a clause break is made of (see _CLAUSE_BREAK): text without any
    has no break. Spelled out, the tests cost a third of any() over a tuple of them."""
    return (";" in side or ":" in side or "-" in side or "\u2013" in side or "\u2014" in side or "but" in side
            or "whereas" in side or "although" in side)


def _qualifier(before: str, segment: str) -> str | None:
    tail = before[-40:].lower()
    # A qualifier is a phrase of at most QUALIFIER_WORDS words ending the text: no match starts before them.
    start = _tail_start(tail, QUALIFIER_WORDS)
    if _ANY_QUALIFIER.search(tail, start):  # most figures have none
        for name, pattern in QUALIFIERS:
            if pattern.search(tail, start):
                return name
    lowered = segment.lower()
    # Each pattern needs its words, which most segments lack: looking for those first is cheaper.
    if "estimat" in lowered and _ESTIMATED.search(lowered):
        return "estimated"
    if ("believed" in lowered or "thought to" in lowered) and _BELIEVED.search(lowered):
        return "believed"
    return None


QUALIFIER_WORDS = 3  # "just short of", "in excess of": the longest qualifiers
_ANY_QUALIFIER = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in QUALIFIERS))
_ESTIMATED = re.compile(r"\bestimat\w*")
_BELIEVED = re.compile(r"\bbelieved\b|\bthought to\b")


_MONTH_RE = "|".join(MONTHS)
_EXCLUDED_AFTER = re.compile(
    r"\s*(?:%|percent\b|per cent\b|-year|-month|-day|-week|-km|km\b|:\d|\.\d|th\b|st\b|nd\b|rd\b"
    # a compound word: "a three-wheeler driver", "two-storey houses" (but "3,000-odd people" counts them)
    r"|-(?!odd\b|plus\b)[a-z]"
    # a month (lower-case "may" is the verb: "350,000 may have fled")
    rf"|(?!may\b)(?:{_MONTH_RE})\b|(?-i:May)\b"
    # "one in five", "1 in 1,000", but not "211,000 in 2016"
    r"|(?:in|out of)\s+(?:every\s+)?(?:\d{1,3}(?:,\d{3})*(?![\d,])|ten|five|four|three|two|hundred)\b"
    r"(?!\s+(?:hours|days|weeks|months|years|minutes))"
    # a density: "40,000 people per square kilometre"
    r"|(?:[a-z]+\s+)?per\s+(?:square|sq\b|km|kilomet|hectare|household|family|latrine|tap|toilet))",
    re.IGNORECASE,
)
_NOT_COUNT_WORDS = ("aged", "age", "ages", "no.", "number", "resolution", "article", "phase", "category", "level",
                    "route", "highway", "chapter", "section", "kilometre", "km", "mile", "room", "flight", "page",
                    "age of", "bodies of", "mother of", "father of", "every",  # ("one latrine for every 4,000 people")
                    "camp", "block", "sector", "ward", "plot", "gate",  # a label: "Camp 11 in Balukhali"
                    "according to")  # who told it: "according to two refugees who arrived last week"
_DIGIT_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _backwards(words: Sequence[str]) -> str:
    return alternation(word[::-1] for word in words)


# What ends the text before a number that is no count: money ('US$', 'Rs.'), a word such as 'aged' or 'route', a
# ratio ('one in', '3 out of'). Read backwards, at the start of the reversed text: one try, where a pattern anchored
# at the end ('(?:usd|...)\s*$') is tried at every offset. In the forward order the branches read
# (?:[$\u20ac\u00a3\u00a5]|us\$|usd|eur|gbp|chf|rs\.?|\d\s*[-\u2013/])\s*$, \b(?:words)\s*$ and
# \b(?:one|...|nine|\d+)\s+(?:in|out of)\s*$.
_EXCLUDED_BEFORE_BACKWARDS = Caseless(
    rf"\s*(?:[$\u20ac\u00a3\u00a5]|\$su|(?:dsu|rue|pbg|fhc|\.?sr)\b|[-\u2013/]\s*\d"  # not "shelters 270,000"
    rf"|{_backwards(_NOT_COUNT_WORDS)}\b"
    rf"|(?:ni|fo tuo)\s+(?:{_backwards(_DIGIT_NAMES)}|\d+)\b)"
)
# A month before a number makes it a day ("on May 3", "Sept. 12"), when it can be one: "since May 3,000 people have
# fled" and "by 14 June 45,000 had left" count people. (Years after a month are _YEAR's.)
_MONTH_BEFORE_BACKWARDS = Caseless(rf"\s*\.?{_backwards(MONTHS)}\b")
_LAST_DAY = 31
_COUNT_REFERENCE = Caseless(COUNT_REFERENCE.pattern)  # its matches are of the lowered text
_AFFECTED_BEFORE = re.compile(r"\baffect(?:ed|s|ing)\s+(?:(?:more than|over|at least|some|about|around|nearly"
                              r"|almost|an estimated|up to)\s+)?$", re.IGNORECASE)
# The hedging words that may stand between a verb and its number: "stranded nearly", "designed for up to".
_HEDGES = (r"(?:(?:some|about|around|nearly|almost|roughly|more than|over|at least|an estimated|up to|only|just"
           r"|a further|another|as many as)\s+)*")
# People cut off where they are, not moved: "floods stranded 1.2 million families", "500 families were left trapped".
_STUCK = r"(?:stranded|stranding|trapped|trapping|marooned|cut off|isolated|besieged|encircled)"
_STUCK_BEFORE = re.compile(rf"\b{_STUCK}\s+{_HEDGES}$", re.IGNORECASE)
_STUCK_AFTER = re.compile(r",?\s+(?:(?:were|was|are|is|have been|had been|has been|remain|remained|remains|still|now"
                          r"|left|being|(?:believed|thought|said|feared|reported) to (?:be|have been))\s+)*"
                          rf"{_STUCK}\b", re.IGNORECASE)
_STUCK_WORDS = ("strand", "trap", "maroon", "cut off", "isolat", "besieg", "encircl")  # one per _STUCK match
_COUNT_WORDS = ("number", "total", "tally", "figure", "count")  # one is in every _COUNT_REFERENCE match
_POPULATION_WORDS = ("toll", "home to", "population", "city of", "town of", "country of", "nation of", "island of",
                     "village of", "inhabited by",
                     "census", "of its",
                     "of their", "'s", "\u2019s", "which ha", "that ha")  # ... POPULATION
_DENIAL_WORDS = ("deni", "deny", "rejected claim", "no evidence")  # ... DENIAL match
_ABROAD_WORDS = ("countr", "abroad", "border", "kingdom")  # ... and ABROAD match
_DAY_RANGE = re.compile(r"\s*[-\u2013/]\s*\d{1,2}\b(?!,\d)")
_YEAR = re.compile(r"\d{4}")
_LET_BACK_BEFORE = re.compile(rf"\b(?:allowed|allowing|enabled|enabling|permitted|helped|helping)\s+{_HEDGES}$",
                              re.IGNORECASE)
_COMMA_OR_AND = re.compile(r"[,;]|\band\b")
_BRINGING = re.compile(r"\b(?:bringing|brought|bring|brings|raising|raised|taking|took|pushing|pushed)\s+"
                       r"(?:it\s+)?to\s+(?:(?:some|about|around|nearly|more than|over|at least|an estimated)\s+)?$",
                       re.IGNORECASE)
_THE_NUMBER = re.compile(r"\s+the\s+(?:total\s+)?(?:number|total)\s+(?:of\s+(?:\w+\s+)?(?P<noun>[a-z-]+)\s+)?"
                         r"(?:who\s+)?(?:(?:have|had|has)\s+)?(?:been\s+)?", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",?\s+(?:and|but|while|though)\s+(?!(?:\w+\s+){0,3}\d)")
_PUSHED_OR_RECEIVED = re.compile(rf"\b(?:pushed|driven|drove|received|receiving|receives)\s+{_HEDGES}$", re.IGNORECASE)
_MORE_OF_THEM = re.compile(r"\s+(?:more|others|other people)")
# Refugees whom a displacement moved again, within the country they live in: "the raid displaced an estimated
# 40,000 Palestine refugees", "3,000 refugees in Kakuma were uprooted again by floods".
_DISPLACED_BEFORE = re.compile(rf"\b(?:displac|uproot)\w*\s+{_HEDGES}$", re.IGNORECASE)
_DISPLACED_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:were|was|have been|has been|had been|are|is|being)\s+"
                              r"(?:\w+\s+)?(?:displaced|uprooted)\b", re.IGNORECASE)
# The verb right after the people: "2.2 million persons need humanitarian assistance" counts no one moved.
_IN_NEED = re.compile(r"\s+(?:\w+\s+){0,2}?(?:need|needs|needed|needing|require|requires|required|in need"
                      r"|in urgent need)\b", re.IGNORECASE)
_LET_BACK_AFTER = re.compile(r"\s+to (?:return|go back|go home)\b")
# A building people stay in, and "where" its number of people sleep or stay.
_FACILITY_WHERE = re.compile(rf"\b(?:schools?|gymnasiums?|gyms?|church(?:es)?|mosques?|stadiums?|halls?|classrooms?"
                             rf"|centres?|centers?|camps?|shelters?|sites?|tents?|warehouses?|buildings?|monaster(?:y|ies)"
                             rf"|temples?|hostels?)\b[^.;,]{{0,40}}\bwhere\s+{_HEDGES}$", re.IGNORECASE)
_STAY_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:sleep|slept|sleeping|stay|stayed|staying|live|lived|living|remain"
                         r"|remained|are crammed|are crowded)\b", re.IGNORECASE)


# Houses the water got into: "were flooded", "remain under water".
_FLOODED = re.compile(r"\s*(?:\w+\s+){0,3}?(?:flooded|inundated|submerged|under\s+water)\b")
# A person's age, set off by commas after the name: "Mohamed, 43, who ..."; "said Amina, 37."
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z'\u2019-]+,\s*$")
_SET_OFF = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$)")
_OLDEST = 120
_AGE_LIMIT = re.compile(r"\b(?:are|were|is|was|aged|ages?)\s+(?:under|over|below|above|younger than|older than)\s*$",
                        re.IGNORECASE)
_YEARS = re.compile(r"\s+years?\b", re.IGNORECASE)
# A number that ends a name: a capitalised word right before it, not opening the clause ("Another 900."), and
# nothing it counts after it.
_NAME_BEFORE = re.compile(r"\S\s+[A-Z][a-z][\w'\u2019-]* $")
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z][\w'\u2019-]*)")
# A headline in Title Case has a capital on every word: "Floods Force 24 Families From Homes".
_TITLE_WORDS = re.compile(r"[A-Z]\w*\s+[A-Z]\w*\s+[A-Z]\w*\s+$")
_SET_OFF_OR_LISTED = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$|(?:and|or)\b)")
_NAMED_NUMBER = 1000
_NAME_OPENING = re.compile(r"\s*[A-Z][a-z][\w'\u2019-]* ")  # a clause that opens with a name, then the number
_HEDGE_WORDS = frozenset("some about around nearly almost roughly over only just another".split())
# A person's own kin: "with his wife and five children", "her three sons".
_FAMILY_BEFORE = re.compile(r"\b(?:his|her|my|our)\s+(?:[a-z-]+\s+){0,2}$")
_FAMILY = 20


def _excluded(before: str, after: str, num: NumberMatch, moved: bool = False) -> bool:
    """Money, percentages, ratios, dates, years, ages, day ranges, population counts (unless the people counted
    are moved ones: moved, as "home to more than 190,000 IDPs")."""
    if _EXCLUDED_AFTER.match(after) or _DAY_RANGE.match(after):
        return True
    if _YEAR.fullmatch(num.text) and 1900 <= num.value <= 2100:
        return True
    if num.value == 1 and after.startswith(" of "):
        return True  # "one of the largest displacements", "one of more than a dozen camps": not a count
    if num.value < _SMALL_PAIR and (_SMALL_OR_AFTER.match(after) or _SMALL_OR_BEFORE.search(before[-12:])):
        return True  # "sharing a single room with two or three displaced families": what each one holds
    if num.value < _OLDEST and before.endswith((",", ", ")) and _AGE_AFTER_NAME.search(before[-30:]) \
            and _SET_OFF.match(after):
        return True  # "said Mohamed, 43, who lost his home"
    if num.value < _OLDEST and _AGE_LIMIT.search(before[-30:]) and (_SET_OFF.match(after) or _YEARS.match(after)):
        return True  # "70 per cent of the new arrivals are under 18": an age
    if num.value < _FAMILY and _FAMILY_BEFORE.search(before[-40:]):
        return True  # "who returned with his wife and five children": one family's story
    # (or a long number written without separators, as counts of people are not: "Rescue 1122, the emergency service")
    if (num.value < _NAMED_NUMBER or num.text.isdigit()) and before.endswith(" ") \
            and _NAME_BEFORE.search(before[-30:]) \
            and (_SET_OFF_OR_LISTED.match(after)
                 or num.text.isdigit() and (name_after := _NAME_AFTER.match(after)) is not None
                 and name_after.group(1).lower() not in _COUNTED_NOUNS and not _TITLE_WORDS.search(before[-30:])):
        # part of a name: "the neighbourhoods of Solino, Nazon and Delmas 30", "Camp 5", "North 24 Parganas"
        return True
    if num.value >= _NAMED_NUMBER and num.text.isdigit() and _SET_OFF.match(after) \
            and _NAME_OPENING.fullmatch(before) and before.split()[0].lower() not in _HEDGE_WORDS:
        return True  # "Rescue 1122, the province's emergency service, said"
    # The patterns end at the number, so only its last few words matter.
    backwards = before[-30:][::-1]
    if _EXCLUDED_BEFORE_BACKWARDS.match(backwards):
        return True
    if num.value <= _LAST_DAY and _MONTH_BEFORE_BACKWARDS.match(backwards):
        return True
    if "out of" in before[-30:] and _OUT_OF.search(before[-30:]):
        return True  # "2,200 homes had been washed away, out of about 6,000 buildings": the whole, not a figure
    if ("for" in before[-30:] or " to " in before[-30:]) and _BUILT_FOR.search(before[-40:]):
        return True  # "the transit centre, designed for 3,000 people, now hosts 12,000": what it can hold
    window = before[-60:].lower()
    if moved or not (holds_any(window, _POPULATION_WORDS) and POPULATION.search(window)):
        return False
    # A camp's people are a figure ("Kutupalong, the largest of the camps, is home to 600,000 people").
    around = before[-CAPACITY_WINDOW:].lower()
    return not (holds_any(around, _CAPACITY_WORDS) and _CAPACITY.search(around))


# People the words after them say were moved: "home to 1.8 million people uprooted by the insurgency".
_MOVED_AFTER = re.compile(r"\s+(?:who\s+(?:have\s+|had\s+|has\s+)?(?:been\s+)?)?(?:uprooted|displaced|fled|evacuated"
                          r"|driven from|forced from|forced out)\b")
_SMALL_PAIR = 10
_SMALL_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)"
_SMALL_OR_AFTER = re.compile(rf"\s+or\s+{_SMALL_WORD}\b")
_SMALL_OR_BEFORE = re.compile(rf"\b{_SMALL_WORD}\s+or\s+$")
_OUT_OF = re.compile(rf"\bout of\s+(?:the\s+|a total of\s+)?{_HEDGES}$", re.IGNORECASE)
_BUILT_FOR = re.compile(rf"\b(?:(?:designed|built|meant|intended|planned|equipped|made|capacity|room|space) for"
                        rf"|(?:designed|built|meant|intended|planned|able|expected) to (?:hold|house|accommodate|take"
                        rf"|shelter))\s+{_HEDGES}$", re.IGNORECASE)


def _casualty_near(before: str, after: str) -> bool:
    """'264 civilians killed', 'killed 15 people': the number counts the dead or hurt."""
    # (The two sides are looked through as one, lowered once: no casualty word spans the line break between them.)
    if not holds_any((after + "\n" + before).lower(), CASUALTY_WORDS):
        return False  # as for most numbers: no word near them can be a casualty word
    # One search of both sides, on a line each: no match spans the line break, nor ends or starts differently
    # next to it than at the end or start of its side.
    words_before = _last_words(before, 4)
    if words_before and words_before[-1].lower() == "and" and _terms(" ".join(_first_words(after, 3))):
        words_before = []  # "300 people died in Goma and 2,000 have fled": the dead are the other clause's
    words_after = _first_words(after, 5)
    for i, word in enumerate(words_after[1:-1], 1):
        if word.lower() == "and" and words_after[i + 1][:1].isdigit():
            words_after = words_after[:i]  # "2,000 people fled and 30 died": so did another number's people
            break
    near = " ".join(words_after) + "\n" + " ".join(words_before)
    if "and " in near and ("wounded" in near or "injured" in near or "sick" in near):
        # "evacuated 5,000 foreign workers and wounded Libyans": the wounded are others
        near = _OTHERS_HURT.sub(" ", near)
    return bool(CASUALTY.search(near.lower()))


# Hurt people listed after the counted ones: "5,000 foreign workers and wounded Libyans".
_OTHERS_HURT = re.compile(r"\band (?:wounded|injured|sick) (?:[A-Z][\w-]+|people|civilians|children|women|men)\b")


def _forecast(before: str, after: str, verb_after: bool, verb_at: int = 0) -> bool:
    """'could displace 200,000', '200,000 may flee', 'at risk': not an event that happened. The words after the
    number are read up to its verb (verb_at, where it is known), however far: "20,000 more people living along
    the Esmeraldas and Chone rivers could be forced to leave"."""
    written = after[:max(60, min(verb_at, FORECAST_REACH))] if verb_after else before[-50:]
    span = written.lower()
    word = FORECAST.search(span)  # most spans hold no forecast word
    # "May" is the month ("have left since May"); "moved out of houses at risk of further slides": the houses
    # the people left are at risk, not the people.
    while word is not None and (word.group() == "may" and written[word.start()] == "M"
                                or word.group().startswith(("at risk", "risk of"))
                                and _PLACE_AT_RISK.search(span, 0, word.start())):
        word = FORECAST.search(span, word.end())
    return word is not None and not PERFECT_AFTER_MODAL.search(span)


_PLACE_AT_RISK = re.compile(r"\b(?:of|from|in|near)\s+(?:the\s+)?(?:houses|homes|areas|zones|buildings|slopes|villages)"
                            r"\s+(?:at\s+)?$")
# The word before a country's name, past "the" and "neighbouring": "fled to neighbouring Chad".
_WORD_BEFORE_COUNTRY = re.compile(r"(\w+)\s+(?:the\s+)?(?:neighbou?ring\s+)?$")


# Reaching the far side of a border, by a nationality ("arrived on the Congolese side") or without one; not being
# there ("stranded on the Syrian side").
_OTHER_SIDE = re.compile(r"\b(?:arrived|crossed|fled|gone|went|moved|reached|escaped)\s+(?:on|to|onto)\s+the\s+"
                         r"(?:other|far|[A-Z][a-z]+(?:an|ese|i|ish|ic))\s+side\b")


def _crosses_border(after: str, countries: re.Pattern[str] | None) -> bool:
    """'fled into Turkey', 'have fled Libya', 'fled their country': displaced people who became refugees. What
    some of them did is not what they all did ("forced 10,000 residents to flee, and some crossed into Kenya")."""
    window = after[:110]
    if holds_any(window, _SOME_DID_WORDS):
        window = _SOME_DID.split(window, maxsplit=1)[0]
    lowered = window.lower()
    if holds_any(lowered, _ABROAD_WORDS) and ABROAD.search(lowered):
        return True
    if " side" in window and _OTHER_SIDE.search(window):
        return True  # "arrived on the Congolese side", "crossed to the other side"
    if countries is None:
        return False
    for match in countries.finditer(window):
        if window[match.end():match.end() + 2] in ("'s", "\u2019s"):
            continue  # "Niger's Bosso" is a town inside the country, not a crossing
        lead = window[max(0, match.start() - 60):match.start()]
        # "fled Libya", "crossed into Turkey", "fled to Chad"; not "left Mosul city of Iraq"
        adjacent = _WORD_BEFORE_COUNTRY.search(lead)
        word = adjacent.group(1).lower() if adjacent else ""
        if CROSSING_VERB.fullmatch(word):
            return True
        # ("fled across Bangladesh" is all over it, "across the border into Bangladesh" a crossing)
        # ("sought refuge in neighbouring Congo": a neighbouring country is another one)
        if word in ("into", "to", "toward", "towards", "for") or word == "in" and "neighbo" in lead[-18:]:
            verbs = list(CROSSING_VERB.finditer(lead))
            # ... in the same phrase: not "flee to nearby villages, according to the Sudan Doctors Network"
            if verbs and "," not in lead[verbs[-1].end():]:
                return True
    return False


# A crossing into a province or district, not a country: "crossed into neighbouring Nasarawa State" (but "crossed
# into Uganda's West Nile region" is abroad).
_CROSSED_INTO_AREA = re.compile(r"\bcross(?:ed|ing)\s+(?:over\s+)?into\s+(?:(?:neighbou?ring|nearby|the)\s+){0,2}"
                                r"(?:(?:[A-Z][\w-]+\s+){1,3}(?:State|Province|Region|Governorate|District|County|Oblast)"
                                r"|(?:state|province|region|governorate|district|county|oblast)\b)")
# Where the people counted are from, or are, before an aside about the place: "3,000 families from Dala, a poor
# township across the river, were still in camps".
_FROM_PLACE = re.compile(r"\s+(?:from|in|of|at)\s+[A-Z][\w'\u2019-]*(?:[ -][A-Z][\w'\u2019-]*){0,3}(?=,)")
# (not "and some 300 shops": there "some" qualifies a number)
_SOME_DID = re.compile(r"(?:,\s*|\s+)(?:and|while|but|with)\s+(?:some|others|a few|several)\b(?!\s+\d)")
_SOME_DID_WORDS = ("some", "other", "few", "several")  # one is in every _SOME_DID match
# Where a share of refugees went: "(including) 250,000 to Egypt".
_TO_WHERE = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:to|into|in)\s+(?:neighbou?ring\s+)?")


def _abroad_too(after: str, prior: _Prior | None, countries: re.Pattern[str] | None) -> bool:
    """Whether a figure shares out refugees counted just before among the countries they went to ("600,000
    people have fled to neighbouring countries, including 250,000 to Egypt, 180,000 to Chad")."""
    if prior is None or not prior.same_sentence or prior.term != "refugees" or countries is None:
        return False
    to = _TO_WHERE.match(after)
    return to is not None and countries.match(after, to.end()) is not None


def _implicit_unit(reference: re.Match[str] | None, after_terms: dict[str, int], before_terms: dict[str, int],
                   prior: _Prior | None, offset_in_sentence: int) -> tuple[str | None, str | None]:
    """Unit (and inherited term) of a number with no noun: from a verb right after it, a 'number of
    displaced households' before it, or the figure it continues."""
    if reference:
        noun = (reference.group("noun") or "").lower()
        following = _WORD.findall(reference.string[reference.end():reference.end() + 30].lower())[:2]
        if noun in ("households", "families") or {"households", "families"} & set(following):
            return "households", None
        if noun in ("homes", "houses", "dwellings", "buildings"):
            return "houses", None  # "put the number of homes damaged at 11,000"
        if noun:
            return "people", None
        if prior is not None:
            return prior.unit, prior.term
    if min(after_terms.values(), default=99) <= 25:
        verb = min(after_terms, key=after_terms.__getitem__)
        if prior is not None and prior.unit == "houses" and verb == "destroyed":
            return "houses", None  # "3,200 homes were destroyed and 7,400 damaged"
        return "people", None
    if prior is not None and (prior.same_sentence or offset_in_sentence <= 30):
        return prior.unit, prior.term
    if min(before_terms.values(), default=99) <= 20:
        return "people", None
    return None, None


def _share_end(article: str, sentence: Sentence, num: NumberMatch, following: list[NumberMatch]) -> int:
    """Where the number's share of the sentence ends: at the next number that starts a figure of its own."""
    nxt = next((n for n in following if _starts_new_figure(article, num, n)), None)
    return nxt.start - sentence.start if nxt else len(sentence.text)


# "11,000 people had been affected": counted as touched by a disaster, not as moved by it.
_AFFECTED_AFTER = re.compile(r"\s+(?:(?:were|was|have|has|had|are|is)\s+)?(?:been\s+)?(?:\w+ly\s+)?affected\b")
_PART_AFTER = re.compile(r"\s+of (?:them|whom)\b")
_ASIDE = re.compile(r",[^,;.]{1,80},")


def _affected_after(text: str, at: int) -> bool:
    """Whether the words after a counted noun say the people were affected, maybe after an aside ("8 million,
    more than a quarter of the population, have been affected")."""
    aside = _ASIDE.match(text, at) if text.startswith(",", at) else None
    return _AFFECTED_AFTER.match(text, aside.end() if aside else at) is not None


_KILLED_BEFORE = re.compile(rf"\b(?:killed|killing|kills|kill|injured|injuring|wounded|wounding|massacred|executed)\s+"
                            rf"{_HEDGES}$", re.IGNORECASE)
_KILLED_WORDS = ("kill", "injur", "wound", "massacr", "execut")  # one is in every _KILLED_BEFORE match
_BUILDING_BEFORE = re.compile(rf"\b(?:build|builds|building|built|construct\w*|erect\w*|install\w*)\s+{_HEDGES}"
                              r"(?:new\s+)?$", re.IGNORECASE)
# A number that a plan or a readiness governs: "preparing for as many as 100,000 more arrivals", "ready to receive
# up to 1,500 returnees a week".
_FORECAST_GOVERNS = re.compile(rf"\b(?:(?:prepar\w+|bracing|braced|planning|plans?) for|ready to \w+)\s+{_HEDGES}$",
                               re.IGNORECASE)
# A modal verb that governs the number: "a further rise could push another 50,000 people out of their homes" (but
# not "could have displaced").
_MODAL_GOVERNS = re.compile(rf"\b(?:could|might|would|will|may)\s+(?!have\b|already\b)[a-z]+\s+{_HEDGES}$")
_DIED = re.compile(r"\s+(?:(?:were|was|have been|had been|has been|are|being|have|had|has)\s+)?(?:\w+ly\s+)?"
                   r"(?:killed|injured|wounded|died|executed|massacred|drowned|slain|murdered"
                   r"|burn(?:ed|t) (?:to death|alive))\b")
# A comma-enclosed aside right after the counted noun, with no term of its own before its closing comma.
# (A comma inside a number is none of its own: ", including 9,000 children,".)
# (or one between dashes: "1.9 million people – 90 per cent of the population – were displaced")
_APPOSITIVE = re.compile(r"(?:,\s+(?:the|a|an|including|among|around|about|some|most|many|mostly|all|both|of"
                         r"|\d[\d,]*)\b(?:[^,;:]|(?<=\d),(?=\d{3})|,(?=\s+[A-Z])){0,100}?,"
                         r"|\s+[-\u2013\u2014]{1,2}\s+[^-\u2013\u2014;:]{1,100}?\s+[-\u2013\u2014]{1,2})"
                         r"(?=\s+(?:\w+\s+){0,2}?(?:were|was|have|had|has|are|is|fled|left|returning|returned"
                         r"|arriving|arrived|fleeing)\b)")


def _read_figure(article: str, sentence: Sentence, num: NumberMatch, lo: int, following: list[NumberMatch],
                 prior: _Prior | None, countries: re.Pattern[str] | None) -> _Found | None:
    """The figure a number stands for, or None; lo and the numbers following it in the sentence bound the
    number's share of the sentence."""
    text = sentence.text
    start, end = num.start - sentence.start, num.end - sentence.start
    after = _clause_after(text, end)
    reading = _read_noun(after, end)
    if reading.unit is None and after.startswith(" the ") and (counted := _THE_NUMBER.match(after)) \
            and _BRINGING.search(text, max(0, start - 30), start):
        # "bringing to 2,610 the number returned to Banki": what the number counts comes after it
        noun = (counted.group("noun") or "people").lower()
        counts = "households" if noun in HOUSEHOLD_NOUNS else "people" if noun in PEOPLE_NOUNS else None
        reading = _Reading(counts, NOUN_TERMS.get(noun), end + counted.end())
    # The cheaper tests first: each of them alone rules the number out.
    if reading.unit is None or reading.unit == "implicit" and (num.value < 10 or after.startswith(" of which") and not (
            prior is not None and prior.same_sentence and prior.unit == "houses")):
        # ("1,040 collective shelters, 960 of which are full": things, not people; but "142,000 houses, some 38,000
        # of which were destroyed")
        return None
    if start >= 2 and text[start - 1] == ":" and text[start - 2].isdigit():
        return None  # the minutes of a time, "at 14:45" (whose hour _excluded turns down)
    before = _clause_before(text, start)
    if _excluded(before, after, num, reading.noun_term is not None or _MOVED_AFTER.match(text, reading.noun_end)
                 is not None):
        return None
    if reading.unit == "houses" and _IN_BEFORE.search(before[-40:]) \
            and text[end:reading.noun_end].rstrip().lower().endswith("shelters"):
        return None  # "took refuge in nearly 9,000 cyclone shelters": the buildings people went to
    if reading.noun_term is not None and holds_any(before[-40:], _KILLED_WORDS) and _KILLED_BEFORE.search(before[-40:]):
        return None  # "the outbreak has killed 41 refugees": refugees, but dead ones
    if _DIED.match(text, reading.noun_end) or "," in text[reading.noun_end:reading.noun_end + 2] and (
            (aside := _APPOSITIVE.match(text, reading.noun_end)) and _DIED.match(text, aside.end())
            # "19 people, 11 of them children, were burned to death": a part of the dead, in an aside
            or before.endswith(", ") and _PART_AFTER.match(after) and _DIED.match(text, reading.noun_end + 1)) \
            or reading.noun_term is None and reading.unit != "houses" \
            and _casualty_near(before, after):
        # "264 civilians killed"; "90 IDPs were killed" even though IDPs are displaced people, and "nine refugees,
        # most of them children, have died"; but houses do not die ("1,391 people had died and 1.7 million houses
        # had been damaged")
        return None
    if reading.noun_term is None and ("ffect" in before[-40:] and _AFFECTED_BEFORE.search(before[-40:])
                                      or "ffect" in text[reading.noun_end:reading.noun_end + 140]
                                      and _affected_after(text, reading.noun_end)):
        return None  # "floods affected 400,000 people and forced 120,000 into camps": only the second moved
    if reading.noun_term is None and _IN_NEED.match(text, reading.noun_end):
        return None  # "where 2.2 million persons need humanitarian assistance": in need, not moved
    if reading.noun_term is None and holds_any(text.lower(), _STUCK_WORDS) and _stuck(text, before, reading.noun_end):
        return None  # "the floods stranded 1.2 million families and forced 500,000 into shelters": the second moved
    hi = _share_end(article, sentence, num, following)
    stop = min(hi, end + len(after))
    after_text = text[reading.noun_end:stop][:AFTER_WINDOW]
    if ", " in after_text and (cut := _CONSEQUENCE.search(text, reading.noun_end, stop + 40)) \
            and cut.start() < reading.noun_end + len(after_text):
        # "Nine houses were flooded, forcing about 35 people to evacuate": the verb of the number after
        stop = cut.start()
        after_text = text[reading.noun_end:stop]
    after_terms: dict[str, int] | None = None  # the terms of after_text, once they are read
    if " who " in after_text and "," not in after_text.partition(" who ")[0] \
            or "," not in after_text and not (after_terms := _terms(after_text)):
        # "5,000 residents of coastal districts of Surigao City who had fled to higher ground had returned home",
        # "1,800 people living on the slopes of Mount Merapi in the Magelang and Sleman districts have remained in
        # government shelters": the main verb comes after what the people are or do, further on
        after_text = text[reading.noun_end:stop][:AFTER_WINDOW + RELATIVE_CLAUSE]
        after_terms = None
    if "of them" in after_text or "of whom" in after_text:
        # "17,000 families remain displaced, many of them in transitory shelters": what part of them did is
        # not what they all did
        after_text = _SOME_OF_THEM.split(after_text, maxsplit=1)[0]
        after_terms = None
    if holds_any(after_text, _SOME_DID_WORDS) and (some := _SOME_DID.search(after_text)):
        after_text = after_text[:some.start()]  # "forced 10,000 residents to flee, and some crossed into Kenya"
        after_terms = None
    after_from = reading.noun_end  # where after_text starts
    aside = _APPOSITIVE.match(text, reading.noun_end)
    if not aside and (origin := _FROM_PLACE.match(text, reading.noun_end)):
        aside = _APPOSITIVE.match(text, origin.end())  # "3,000 families from Dala, a township across the river,"
    if aside:  # "150 people, the whole population of X, were displaced": the verb comes after the aside
        after_from = aside.end()
        after_text = text[aside.end():aside.end() + AFTER_WINDOW]
        after_terms = None
    elif (where := _WHERE_AFTER.match(text, reading.noun_end, stop)) and len(where.group()) > AFTER_WINDOW // 2:
        # "13,000 households in Nairobi's Mathare, Mukuru and Kibera settlements had lost their homes"
        after_text = where.group() + text[where.end():stop][:AFTER_WINDOW]
        after_terms = None
    if after_terms is None:
        after_terms = _terms(after_text)
    if not after_terms and reading.unit == "houses" and hi < len(text) \
            and _COORDINATED.fullmatch(text, reading.noun_end, hi):
        # "225,000 homes and 30,000 commercial buildings collapsed": the verb after the next number is this one's
        shared_terms = _terms(text[hi:hi + AFTER_WINDOW])
        if "destroyed" in shared_terms:
            after_terms = {"destroyed": shared_terms["destroyed"]}
    elif not after_terms and reading.unit in ("people", "households") and hi < len(text) \
            and _SHARED_VERB_GAP.fullmatch(text, reading.noun_end, hi) \
            and _same_noun(text[end:reading.noun_end], text[hi:hi + 40]):
        # "some 2,130 families in Batticaloa and around 900 families in Ampara are staying with relatives": both
        # do what the second does
        after_terms = {term: 0 for term in _terms(text[hi:hi + AFTER_WINDOW])}
    if not after_terms and _LET_BACK_AFTER.match(after_text) and _LET_BACK_BEFORE.search(before[-40:]):
        after_terms = {"returned": 0}  # "a lull in fighting has allowed about 1,000 families to return"
    elif not after_terms and "where" in before[-60:] and _STAY_AFTER.match(after_text) \
            and _FACILITY_WHERE.search(before[-60:]):
        after_terms = {"sheltered": 0}  # "a school gymnasium in Anamizu where about 400 people sleep"
    lowered = before.lower()
    # (A clause whose lowering differs gets the case-blind regex, which may match what its lowered text lacks.)
    may_refer = not before.isascii() or holds_any(lowered, _COUNT_WORDS)
    references = list(_COUNT_REFERENCE.finditer(before)) if may_refer else []
    reference = references[-1] if references else None
    if reference is None and holds_any(lowered[-_SUBJECT_REACH:], _REACHED_WORDS):
        # "South Sudanese refugees in neighbouring countries passed one million": the subject says what is counted
        reference = _SUBJECT_COUNT.search(before, max(0, len(before) - _SUBJECT_REACH))
    if reference is not None and "affect" in lowered[reference.start():]:
        return None  # "put the number affected at 1.8 million": touched by the disaster, not moved by it
    reach = min(BEFORE_WINDOW, start - lo) if reference is None else len(before) - reference.start()
    before_terms = _terms(before[-reach:] if reach > 0 else "", reverse=True)
    if _MOVED_BY_OTHERS.search(before[-40:].lower()):
        before_terms["evacuated"] = 0
    elif holds_any(before[-40:], ("pushed", "driven", "drove", "receiv")) and _PUSHED_OR_RECEIVED.search(before[-40:]):
        # "Boko Haram incursions have pushed 2,100 households from Kolofata"; "the crossing has received more
        # than 4,500 people": arrivals
        before_terms["displaced"] = 0
    else:
        window = before[-CAPACITY_WINDOW:].lower()
        if holds_any(window, _CAPACITY_WORDS) and _CAPACITY.search(window):
            before_terms["sheltered"] = 0
    unit: str | None = reading.unit
    inherited: str | None = None
    if unit == "people" and prior is not None and prior.same_sentence and prior.unit != "people" \
            and text[end:reading.noun_end].rstrip().lower().endswith(("more", "others")):
        unit = prior.unit  # "destroyed 6,000 homes and damaged 35,000 more": more homes
    if unit == "implicit" and ":" in text[max(0, start - _LISTED_REACH):start] \
            and (listed := _LISTED.search(text, max(0, start - _LISTED_REACH - _LEAD_REACH), start)):
        # "Most of the refugees are staying at two reception centres in Dundo: about 8,700 at Cacanda and some
        # 5,400 at Mussungue": the clause before the colon says who they are and what they did
        nouns = _LISTED_NOUN.findall(listed.group("lead").lower())  # "the displaced families": the last
        unit = "households" if nouns[-1] in HOUSEHOLD_NOUNS else "people"
        noun = "refugees" if "refugees" in nouns else nouns[-1]
        before_terms = {term: 0 for term in _terms(listed.group("lead"))}
        if noun == "refugees" and "sheltered" in before_terms:
            before_terms = {"refugees": 0}  # refugees in camps are refugees still
    if unit == "implicit":
        unit, inherited = _implicit_unit(reference, after_terms, before_terms, prior, start)
        if unit is None:
            return None
    if unit == "houses":  # "1,300 shelters were burned in the Abu Shouk camp": the camp shelters no houses
        after_terms.pop("sheltered", None)
        before_terms.pop("sheltered", None)
        if "destroyed" in after_terms:  # "camps that host a million refugees, some 1,300 shelters were damaged"
            before_terms = {t: d for t, d in before_terms.items() if t == "destroyed"}
    term = _choose_term(reading.noun_term, after_terms, before_terms, before) or inherited
    if term is None and prior is not None and (prior.same_sentence or _MORE_OF_THEM.fullmatch(
            text, end, reading.noun_end)):
        # "3,633 Egyptians home ... and 1,450 more", "1,500 families, or 9,000 people"; "The camp shelters
        # 100,000 refugees. An estimated 12,000 more live in villages"
        term = prior.term
    if term == "sheltered" and reading.noun_term is None and prior is not None and prior.term == "refugees" \
            and (prior.same_sentence or _CONTINUES.search(before[-25:]) or _PART_AFTER.match(text, end)):
        # "..., while 159,000 have squeezed into camps", "Another 21,000 are with host families", "About 3,000 of
        # them are at a transit camp"
        term = "refugees"
    if term == "destroyed" and unit != "houses" and not _HOUSING.search(text, max(lo, start - len(before)), hi):
        # "30,000 people were displaced after two dams collapsed": what was destroyed was not their homes
        after_terms.pop("destroyed", None)
        before_terms.pop("destroyed", None)
        term = _choose_term(reading.noun_term, after_terms, before_terms, before) or inherited
    if term is None and unit == "houses" and _FLOODED.match(after_text):
        term = "destroyed"  # "1,000 homes were flooded": damaged
    if term is None or unit is None:
        return None
    if term == "refugees" and reading.noun_term == "refugees" and (
            _DISPLACED_BEFORE.search(before[-40:]) or _DISPLACED_AFTER.match(after_text)):
        term = "displaced"  # (and refugees again if they were driven across a border, as below)
    if term == "refugees" and reading.noun_term != "refugees" and "cross" in text[end:hi] \
            and _CROSSED_INTO_AREA.search(text, end, hi):
        term = "displaced"  # "2,000 families had crossed into neighbouring Nasarawa State": still in their country
    # Only up to the next figure's number: "3.7 million remain displaced and 6.5 million have fled abroad".
    if term in ("displaced", "sheltered") and (_crosses_border(after[:hi - end], countries) or _abroad_too(
            after, prior, countries)):
        term = "refugees"
    if unit == "houses" and term in ("evacuated", "displaced"):
        if text[end:reading.noun_end].endswith("units") or _BUILDING_BEFORE.search(before[-40:]):
            # "building 10,000 housing units for families evacuated", "are building some 25,000 briquette houses
            # for displaced families": new homes, not lost ones
            return None
        unit = "households"  # "80 homes were evacuated": the households living in them
    if unit in ("households", "people") and ("destroyed" in after_terms or "destroyed" in before_terms) \
            and _HOMES_OF.search(before[-40:]):
        # "destroyed the homes of 1,200 families": a home per family destroyed; "of 5,000 people": homeless
        unit, term = ("houses", "destroyed") if unit == "households" else ("people", "homeless")
    elif unit == "houses" and term != "destroyed":
        return None
    if unit != "houses" and term == "destroyed":
        term = "homeless" if unit == "people" else "displaced"
    # Only the number's share of the clause says whether it is a forecast: "2,500 have fled, and 3,400 more are at
    # risk" forecasts the second number only; a number with no verb of its own is told by what follows it too.
    share = after[:max(0, hi - end)]
    # (a verb right before the number, in its own clause: not "2.5m people have fled their homes, and 3.4 mln")
    governed = any(d <= GOVERNING_DISTANCE for d in before_terms.values()) \
        and not _COMMA_OR_AND.search(before, max(0, len(before) - GOVERNING_DISTANCE))
    if governed and _NEXT_CLAUSE.match(share, reading.noun_end - end):
        # "Fighting displaced 2,000 people and could displace 5,000 more": the modal is the next clause's
        share = share[:reading.noun_end - end]
    # "up to 1.5 million refugees and 2 million displaced people could return": one verb for both numbers
    shared = share.endswith((" and ", " or ")) and _SHARED_VERB.fullmatch(share) is not None
    # (a number with a verb of its own before it is not read up to some other verb after it)
    verb_at = 0 if governed else after_from - end + min(after_terms.values(), default=0)
    if _forecast(before, share, bool(after_terms), verb_at) or shared and _forecast(before, after, True) \
            or not after_terms and not governed and _forecast(before, share[:40], True) \
            or ("for" in before[-40:] or "ready" in before[-40:]) and _FORECAST_GOVERNS.search(before[-40:]) \
            or _MODAL_GOVERNS.search(before[-40:]) \
            or holds_any(lowered, _DENIAL_WORDS) and DENIAL.search(lowered):
        return None
    segment = text[max(lo, start - len(before)):min(hi, end + len(after))]
    qualifier = _qualifier(before, segment) or (
        _AFTER_QUALIFIERS[said.group(1)] if (said := _QUALIFIER_AFTER.match(after)) else None)
    return _Found(num.value, unit, term, num.start, num.end, num.text, qualifier, num.vague)


# A number that adds to the one before: "Another 21,000 are staying with host families".
# A list after a colon, of numbers with no noun, and the clause before it with the people they count: "Most of the
# refugees are staying at two reception centres: about 8,700 at Cacanda and some 5,400 at Mussungue".
_LISTED_NOUN = re.compile(r"\b(?:refugees|idps|displaced|evacuees|returnees|people|persons|families|households)\b")
_LISTED = re.compile(rf"(?P<lead>{_LISTED_NOUN.pattern}[^.;:]{{0,120}}):\s+(?:[^.;:]{{0,60}}?(?:,|\band\b)\s+)?"
                     + _HEDGES + "$", re.IGNORECASE)
_LISTED_REACH = 80  # how far before the number the colon may be
_LEAD_REACH = 130  # and how far before the colon the noun of the clause it ends
# A subject that has a term, then a verb of reaching a number: "refugees in neighbouring countries passed one
# million", "the displaced now number 45,000".
_REACHED_WORDS = ("pass", "top", "exceed", "surpass", "reach", "hit", "rose", "risen", "climb", "number", "total")
_SUBJECT_COUNT = re.compile(rf"\b(?P<noun>refugees|idps|displaced|evacuees|returnees)\b(?:[\w'\u2019 -]{{0,60}}?)\s+"
                            rf"(?:now\s+|had\s+|has\s+|have\s+)?(?:passed|topped|exceeded|surpassed|reached|hit"
                            rf"|(?:rose|risen|climbed) to|number|numbered|totall?ed|total)\s+{_HEDGES}$",
                            re.IGNORECASE)
_SUBJECT_REACH = 100
_CONTINUES = re.compile(rf"\b(?:another|a further|an additional)\s+{_HEDGES}$", re.IGNORECASE)
_IN_BEFORE = re.compile(rf"\b(?:in|into|at|across|to)\s+{_HEDGES}$", re.IGNORECASE)


def _stuck(text: str, before: str, noun_end: int) -> bool:
    """Whether a number's people are cut off where they are ("stranded 1.2 million families", "30,000 families
    were left stranded"), and not then moved ("5,000 people isolated by the water were evacuated")."""
    if _STUCK_BEFORE.search(before[-40:]):
        return True
    state = _STUCK_AFTER.match(text, noun_end)
    if state is None or _terms(text[state.end():state.end() + AFTER_WINDOW]):
        return False
    # "rescued 1,200 people trapped by the water" moved them; "the floods left 30,000 families stranded" did not
    return not _terms(before[-30:]) or _LEFT_BEFORE.search(before[-30:]) is not None


_LEFT_BEFORE = re.compile(rf"\b(?:left|leaving|leave|leaves)\s+{_HEDGES}$", re.IGNORECASE)


_SHARED_VERB = re.compile(r"\s+(?:[a-z-]+\s+){1,2}(?:and|or)\s+")  # a noun, then the next number's
_SOME_OF_THEM = re.compile(r",\s*(?:many|most|some|half|all|several|the majority|the rest|others|\d[\d,]*)"
                           r" of (?:them|whom)\b")


def _same_noun(counted: str, after_next: str) -> bool:
    """Whether the words after the next number name what this one counts ("families" and "900 families")."""
    words = counted.split()
    return bool(words) and re.match(rf"[\d.,\s]+{re.escape(words[-1])}\b", after_next) is not None


# Between two counts of people that share the verb after the second: where the first are, and "and".
# (the second counts the same thing: "families in A and 900 families in B")
_SHARED_VERB_GAP = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3},?\s+and\s+"
                              r"(?:(?:some|about|around|nearly|another|more than|over|almost)\s+)?")
_COORDINATED = re.compile(r"(?P<people>\s+(?:children|adults|women|men|minors|boys|girls))?,?\s+(?:and|or)\s+")
# "500 of the 4,000 villagers": a part of a whole, which tells what the part counts.
# ("1.7 million of the Gaza Strip's 2.3 million people": the whole may be a place's)
_PARTITIVE = re.compile(r"\s+of\s+(?:(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['\u2019]s\s+"
                        r"|(?:the|those|these)\s+(?:(?:estimated|roughly|approximately|almost|over)\s+)?"
                        r"|(?:an estimated|some|about|around|nearly|roughly)\s+)")


def _read_part(article: str, sentence: Sentence, part: NumberMatch, whole: NumberMatch, lo: int,
               following: list[NumberMatch], prior: _Prior | None, countries: re.Pattern[str] | None) -> _Found | None:
    """The figure of the part, read as the whole is read ('500 of the 4,000 villagers had left': 500 people
    displaced)."""
    figure = _read_figure(article, sentence, whole, lo, following, prior, countries)
    if figure is None:
        return None
    # What is said of the part alone: "plans to relocate 100,000 of the one million Rohingya in the camps"; "500
    # of the roughly 4,000 villagers" is 500, not roughly 500.
    before = _clause_before(sentence.text, part.start - sentence.start)
    if _forecast(before, "", False):
        return None
    return figure._replace(quantity=part.value, start=part.start, end=part.end, number_text=part.text,
                           vague=part.vague, qualifier=_qualifier(before, ""))


def _moved_whole(sentence: Sentence, whole: NumberMatch) -> bool:
    """Whether the whole of a part counts people its own noun says were moved ("the 1.7 million internally
    displaced people", "the 90,000 refugees"), not a population of whom only the part moved."""
    end = whole.end - sentence.start
    return _read_noun(_clause_after(sentence.text, end), end).noun_term is not None


_RANGE_GAP = re.compile(r"\s*(?:to|-|\u2013)\s*")
_BETWEEN = re.compile(r"\bbetween(?:\s+(?:\w+\s+){0,2})?$")  # "between159,000" lost its space
_DATE_BEFORE = re.compile(r"\b(?:" + _MONTH_RE + r")\.?\s*$", re.IGNORECASE)


def _dated(text: str, start: int) -> bool:
    """'March 3-5': a number right after a month is a day."""
    return bool(_DATE_BEFORE.search(text[max(0, start - 12):start]))


def _ranges(numbers: list[NumberMatch], text: str) -> tuple[list[NumberMatch], dict[int, int]]:
    """Join 'between 3,000 and 5,000' and '3,000 to 5,000' into one number with an upper bound."""
    kept: list[NumberMatch] = []
    upper: dict[int, int] = {}
    skip = -1
    for i, num in enumerate(numbers):
        if i == skip:
            continue
        # "between 1.5 and 2 million", "between twelve and fifteen thousand": a lower end too small to be read
        # as a number of its own, which shares the upper end's multiplier
        if (written := _TRAILING_MULTIPLIER.search(num.text)) \
                and (bare := _BARE_LOWER.search(text, max(0, num.start - 30), num.start)):
            multiplier = MULTIPLIERS[written.group(1).lower()]
            lower = round(float(bare.group(1)) * multiplier) if bare.group(1)[0].isdigit() \
                else parse_quantity(bare.group(1)) * multiplier
            if lower < num.value and not _dated(text, bare.start(1)):
                if kept and kept[-1].end > bare.start(1):
                    kept.pop()  # ("one to two million": "one" was read alone)
                upper[bare.start(1)] = num.value
                kept.append(NumberMatch(bare.start(1), num.end, text[bare.start(1):num.end], lower))
                continue
        if i + 1 < len(numbers) and not num.vague:
            nxt = numbers[i + 1]
            gap = text[num.end:nxt.start]
            joined = _RANGE_GAP.fullmatch(gap) or (
                gap.strip() == "and" and _BETWEEN.search(text[max(0, num.start - 20):num.start].lower()))
            lower = _shared_multiplier(num, nxt) if joined else 0  # most numbers are no range's lower end
            if joined and _FROM_BEFORE.search(text, max(0, num.start - 8), num.start):
                continue  # "rose from 100,000 to 150,000": the number before is gone, the one after is the figure
            if joined and lower < nxt.value <= 20 * lower and not _dated(text, num.start) \
                    and not _years(num, nxt):
                upper[num.start] = nxt.value
                skip = i + 1
                num = NumberMatch(num.start, nxt.end, text[num.start:nxt.end], lower)
        kept.append(num)
    return kept, upper


_TIME_AFTER = re.compile(r"\s+(?:nights?|days?|weeks?|months?|years?|hours?|minutes?|decades?)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# (a decimal, or a number word below a hundred: "zero" to "ninety")
_BARE_LOWER = re.compile(rf"(?<![\w.,])(\d+\.\d+|{'|'.join(WORD_NUMBERS[:WORD_NUMBERS.index('hundred')])})"
                         r"\s*(?:and|to|-|\u2013)\s*$", re.IGNORECASE)


def _years(num: NumberMatch, nxt: NumberMatch) -> bool:
    """Whether two numbers are a span of years ("destroyed in 2014-2015"), not a range of people."""
    return all(_YEAR.fullmatch(n.text) and 1900 <= n.value <= 2100 for n in (num, nxt)) \
        and nxt.value - num.value <= 30


_TRAILING_MULTIPLIER = re.compile(r"(?:\d|\s)(thousand|million|millions|billion|mln|mio|mn|bn|lakhs?|crore|m|k)$",
                                  re.IGNORECASE)


def _shared_multiplier(num: NumberMatch, nxt: NumberMatch) -> int:
    """The lower end of a range whose multiplier is written once, after the upper end ("between 2 and 3
    million" is 2 million); else the number's own value."""
    if not num.text.isdigit():
        return num.value
    written = _TRAILING_MULTIPLIER.search(nxt.text)
    return num.value * MULTIPLIERS[written.group(1).lower()] if written else num.value


# Both end the gap between two numbers and span at most four chunks of it.
_COORDINATION = re.compile(r"(?:\band|\bwhile|\bwhereas|\bbut|\banother|\bincluding|,)\s+(?:\w+\s+){0,3}$")
_RESTATED = re.compile(r"\bor\s+(?:\w+\s+){0,3}$|\b(?:people|persons|individuals)\s+(?:from|in)\s+$")


def _starts_new_figure(text: str, num: NumberMatch, nxt: NumberMatch) -> bool:
    """Whether the next number begins a figure of its own ('and nearly 16,000 refugees'), rather than
    restating this one ('125 families (800 people)', ', or 18,000 people') or counting something small."""
    gap = text[num.end:nxt.start]
    tail = _tail_start(gap, 4)
    if gap.count("(") > gap.count(")") or _RESTATED.search(gap, tail):
        return False
    following = [w.lower() for w in _first_words(text[nxt.end:nxt.end + 40], 3)]
    names_people = any(w in _NEW_FIGURE_NOUNS for w in following)
    if not names_people and following and following[0] in _THINGS:
        return False  # "100 houses and some 300 shops had been burned": the verb after the things is the houses'
    return names_people or nxt.value >= 10 and bool(_COORDINATION.search(gap, tail))


def _country_pattern(places: Sequence[PlaceMention]) -> re.Pattern[str] | None:
    names = {p.surface for p in places if p.kind == "country" and not p.demonym}
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def extract_figures(text: str, places: Sequence[PlaceMention]) -> list[Figure]:
    """Every displacement figure in text, with the indexes of the places it is about."""

    sentences = split_sentences(text)
    numbers, upper = _ranges(find_numbers(text), text)
    # A span of time counts no one, and is no number a figure's clause runs up to ("40,000 people spent at least
    # one night in shelters").
    numbers = [n for n in numbers if not _TIME_AFTER.match(text, n.end)]
    countries = _country_pattern(places)
    # Places come in text order; their starts let each sentence find its own by bisection.
    ordered = [p.start for p in places]
    starts = ordered if ordered == sorted(ordered) else None
    figures: list[Figure] = []
    # What each table row's or key figure's number counts, as its heading or label says.
    rows = {start: (label, "", "", "") for start, label in key_figures(text).items()}
    # (a row's own word for what it counts says it as its heading would: "Chiure: 3,200 families"; a grid's
    # column is read before the grid's caption)
    grid = {row.number_start: row for row in table_rows(text)}
    rows.update((row.number_start, (row.heading, row.unit, row.kind, row.above) if row.kind
                 else (f"{row.heading} {row.unit}".rstrip(), "", "", ""))
                for row in table_rows(text))
    prior: _Prior | None = None
    sources: dict[int, str | None] = {}
    officials: dict[str, str] | None = None  # read from the text when a title alone is a source
    demonyms = {p.start: p for p in places if p.demonym}  # nationalities a figure may count ("2,000 Syrians")
    headings = _place_headings(text, places)
    cursor = 0
    # The story is told after the headline: a figure there is not the one before the body's first.
    body = headline_end(text)
    for index, sentence in enumerate(sentences):
        in_sentence = []
        while cursor < len(numbers) and numbers[cursor].start < sentence.end:
            if numbers[cursor].start >= sentence.start:
                in_sentence.append(numbers[cursor])
            cursor += 1
        if not in_sentence:
            prior = None
            continue
        found: list[_Found] = []
        whole = -1
        for k, num in enumerate(in_sentence):
            if k == whole:
                continue  # the whole of "500 of the 4,000 villagers" is not a figure; its part is
            if num.start in rows:
                if (row := _row_figure(num, *rows[num.start])) is not None:
                    found.append(row)
                continue
            lo = in_sentence[k - 1].end - sentence.start if k else 0
            if k + 1 < len(in_sentence) and _PARTITIVE.fullmatch(text, num.end, in_sentence[k + 1].start):
                whole = k + 1
                figure = _read_part(text, sentence, num, in_sentence[whole], lo, in_sentence[k + 2:], prior, countries)
                if _moved_whole(sentence, in_sentence[whole]):
                    whole = -1  # "1.4 million of the 1.7 million internally displaced people": both are figures
            else:
                figure = _read_figure(text, sentence, num, lo, in_sentence[k + 1:], prior, countries)
                shared = _COORDINATED.fullmatch(text, num.end, in_sentence[k + 1].start) \
                    if figure is None and k + 1 < len(in_sentence) else None
                if shared:
                    # "1,200 and 3,400 people fled Tikrit and Samarra respectively": the two share a noun and verb;
                    # "480 children and 560 adults had been evacuated", a verb (and people as the unit)
                    figure = _read_part(text, sentence, num, in_sentence[k + 1], lo, in_sentence[k + 2:], prior,
                                        countries)
                    if figure is not None and shared.group("people") and figure.unit != "people":
                        figure = None
            if figure is not None:
                found.append(figure)
                prior = _Prior(figure.unit, figure.term, True)
        if found:
            source = _sentence_source(sentences, index, sources)
            if source and is_title(source):  # "the chief minister said": the one the story named so
                officials = named_officials(text) if officials is None else officials
                source = officials.get(source, source)
            elif source and source.islower() and "'s " in sentence.text:
                source = _owned_source(source, sentence, places)
            # (Not a table row's: the text after a table is about more than its last row.)
            previous = figures[-1].places if figures and figures[-1].start > body \
                and figures[-1].start not in rows else None
            # A place heading a section ("Gaza Strip", "AFAR") is where the section's figures are, when they
            # name no place, rather than where the figure before the heading was.
            heading = next((h for h in reversed(headings) if h[0] < sentence.start), None)
            if heading is not None and (not figures or figures[-1].start < heading[0]):
                previous = (heading[1],)
            linked = place_indexes(found, sentence, places, text, previous, starts)
            if "which" in sentence.text:
                linked = [_antecedent(f, places, text) or i for f, i in zip(found, linked, strict=True)]
            found = [f._replace(term="refugees") if _foreigners(f, i, sentence, places, text, demonyms) else f
                     for f, i in zip(found, linked, strict=True)]
            figures.extend(
                Figure(quantity=f.quantity, unit=f.unit, term=f.term, start=f.start, end=f.end,
                       number_text=f.number_text, sentence=sentence.text, sentence_start=sentence.start,
                       qualifier=f.qualifier, source=_clause_source(sentence, f.start) or source, vague=f.vague,
                       quantity_max=upper.get(f.start), places=i)
                for f, i in zip(found, linked, strict=True))
        prior = _Prior(prior.unit, prior.term, same_sentence=False) if prior and found else None
    if grid:
        _share_grid(figures, grid)
    return _dedupe(figures, text, places)


# "Al-Jufainah camp, which was already hosting more than 9,800 families": the place the clause is about.
_WHICH_HOSTS = re.compile(rf"(?:\s+(?:alone|itself))?,?\s+which\s+"
                          rf"(?:(?:is|was|has|had|have|been|already|now|still|currently)\s+)*"
                          rf"(?:hosting|hosts|hosted|sheltering|shelters|sheltered|houses|housing|home to"
                          rf"|accommodat\w+)\s+{_HEDGES}", re.IGNORECASE)


def _antecedent(figure: _Found, places: Sequence[PlaceMention], text: str) -> tuple[int, ...] | None:
    """The place a relative clause holding the figure is about, when the clause says the place hosts the
    figure's people ("Al-Jufainah camp, which was already hosting 9,800 families"); else None."""
    index = max((i for i, p in enumerate(places) if p.end <= figure.start), key=lambda i: places[i].end, default=-1)
    if index < 0 or places[index].kind == "country" or not _WHICH_HOSTS.fullmatch(text, places[index].end,
                                                                                    figure.start):
        return None
    return (index,)


# What may follow a place's name on a line that heads a section: "KARENNI (KAYAH)", "Afar Region:".
_HEADING_REST = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*(?:region|state|province|governorate|district)?\s*:?\s*",
                           re.IGNORECASE)


def _place_headings(text: str, places: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """(offset, place index) of each line that is a place's name alone, in order: the heading of a section."""
    found = []
    for index, place in enumerate(places):
        if place.kind == "country" or (place.start and text[place.start - 1] != "\n"):
            continue
        line_end = text.find("\n", place.end)
        line_end = len(text) if line_end < 0 else line_end
        if _HEADING_REST.fullmatch(text, place.end, line_end):
            found.append((place.start, index))
    return found


def _share_grid(figures: list[Figure], grid: dict[int, Row]) -> None:
    """What a table says once holds for all its figures: the source its caption or heading (or the text before
    it) names, and a total row is about the places of the rows above it, together."""
    tables: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.start in grid:
            tables.setdefault(grid[figure.start].table, []).append(index)
    for members in tables.values():
        source = next((figures[i].source for i in members if figures[i].source), None)
        named = tuple(sorted({p for i in members if not _total(grid[figures[i].start]) for p in figures[i].places}))
        for i in members:
            figure = figures[i]
            if _total(grid[figure.start]) and named:
                figure = replace(figure, places=named)
            if figure.source is None and source is not None:
                figure = replace(figure, source=source)
            figures[i] = figure


def _total(row: Row) -> bool:
    return row.name_end == row.name_start


# "the region's disaster preparedness office": a body of the area the text has just named.
_AREA_OWNS = re.compile(r"\bthe (region|state|province|governorate|county|district|city|town)['\u2019]s ")
_OWNER_KINDS = {"city": ("city",), "town": ("city",)}


def _owned_source(source: str, sentence: Sentence, places: Sequence[PlaceMention]) -> str:
    """A body named as the area's ("the region's disaster preparedness office") named by the area, the last of
    its kind the text names before ("Afar disaster preparedness office")."""
    owner = next((m for m in _AREA_OWNS.finditer(sentence.text) if sentence.text.startswith(source, m.end())), None)
    if owner is None:
        return source
    at = sentence.start + owner.start()
    kinds = _OWNER_KINDS.get(owner.group(1), ("admin1", "admin2", "region"))
    area = next((p for p in reversed(places) if p.start < at and p.kind in kinds), None)
    if area is None:
        return source
    name = area.name.rsplit(" ", 1)[0] if area.name.endswith((" Region", " State", " Province", " Governorate",
                                                              " County", " District", " Oblast")) else area.name
    return f"{name} {source}"


def _clause_source(sentence: Sentence, at: int) -> str | None:
    """The source a clause of its own names for a figure in it, where a semicolon splits a sentence between two
    ("The UN refugee agency said 100,000 had arrived; UNICEF estimated that about 30,000 were children")."""
    if ";" not in sentence.text:
        return None  # as for most sentences: one clause
    offset = at - sentence.start
    start = sentence.text.rfind(";", 0, offset) + 1
    stop = sentence.text.find(";", offset)
    if start == 0 and stop < 0:
        return None
    return find_source(sentence.text[start:stop if stop >= 0 else len(sentence.text)])


_SENT_BACK = re.compile(r"\b(?:deport|expel|expuls)", re.IGNORECASE)
_SENT_BACK_WORDS = ("deport", "expel", "expul")  # ('expuls' may be written with a long s, which matches an s)
# Words between a number and a nationality it counts: "a million Syrians", "2,000 more registered Afghans".
_TO_NATIONALITY = re.compile(r"\s+(?:[a-z-]+\s+){0,2}$")


def _foreigners(figure: _Found, linked: Sequence[int], sentence: Sentence, places: Sequence[PlaceMention],
                text: str, demonyms: dict[int, PlaceMention]) -> bool:
    """Whether the people a figure counts as displaced or sheltered are another country's nationals where they
    are: refugees ("Turkish officials say the country is hosting a million Syrians"). Where they are is
    where the sentence's other places are, else where the figure's places are (which may come from an earlier
    sentence); nationals of any of those countries ("3,000 Afghans were displaced in Kunduz") stay displaced."""
    if figure.unit != "people" or figure.term not in ("displaced", "sheltered") or not demonyms:
        return False  # (without a nationality named in the text, none is counted)
    # Every _SENT_BACK match holds one of its words, lowered: most sentences hold none, and the case-blind search,
    # tried at every offset, is skipped there.
    if holds_any(sentence.text.lower(), _SENT_BACK_WORDS) and _SENT_BACK.search(sentence.text):
        return False  # "1,500 Haitians were deported from the Dominican Republic": sent back, not refugees
    noun = next((demonyms[at] for at in range(figure.end + 1, figure.end + 31)
                 if at in demonyms and _TO_NATIONALITY.fullmatch(text, figure.end, at)), None)
    if noun is None:
        return False
    # The places come in text order: the sentence's are found by bisection.
    first = bisect.bisect_left(places, sentence.start, key=lambda p: p.start)
    last = bisect.bisect_left(places, sentence.end, key=lambda p: p.start)
    where = {p.country for p in places[first:last] if p is not noun} or {places[i].country for i in linked}
    return bool(where) and noun.country not in where


_HOUSEHOLD_HEAD = re.compile(r"\b(?:households|families|hhs?)\b", re.IGNORECASE)  # ("Displaced (HH)")


def _row_figure(num: NumberMatch, heading: str, column: str = "", kind: str = "", above: str = "") -> _Found | None:
    """The figure of a table row whose heading says what its numbers count ("People displaced by district:",
    then "Quelimane: 21,400"), of a key figure's label ("Displaced: 581,638"), or of a grid's cell, whose
    column says it ("Displaced households"), or says only a unit ("Families") and leaves the term to the
    grid's caption: the term, and the unit (houses destroyed, else households if named, else people). What
    counts the dead or hurt, or has no term, makes no figures. The displaced in a grid of camps or sites (its
    first column says so) are sheltered."""
    said = column or heading
    if num.vague or _casualty_near(said, ""):
        return None
    if not column and ("," in heading or ";" in heading):
        # The clause that ends with the colon says what the rows count: "... destroyed 217,000 homes, OCHA
        # said, and listed the provinces with the most displaced people:"
        said = heading.replace(";", ",").rsplit(",", 1)[-1]
        if not (_terms(said) or _noun_terms(said)):
            said = heading
    found = _terms(said) or _noun_terms(said)
    if not found and column and _BARE_UNIT.fullmatch(column) and not _casualty_near(heading, ""):
        found = _terms(heading) or _noun_terms(heading)
    term = min(found, key=TERM_RANK.index) if found else None
    if term is None and column and _SHELTER_COLUMN.search(column) and not _casualty_near(heading, ""):
        term = "sheltered"  # a column of people "In tents/containers" or "In evacuation centres"
    if term is None:
        return None
    if term == "displaced" and _SHELTER_KIND.search(kind) and not _FROM_CAMPS.search(above or heading):
        term = "sheltered"  # (but not "Displacement from the northern West Bank camps. Estimates by camp:")
    # (the unit of a column "Displaced" in a grid of "Displaced families by district" is the caption's)
    counted = column if _HEAD_UNIT.search(column) else f"{heading} {column}"
    unit = "houses" if term == "destroyed" else "households" if _HOUSEHOLD_HEAD.search(counted) else "people"
    return _Found(num.value, unit, term, num.start, num.end, num.text, None, False)


def _noun_terms(heading: str) -> dict[str, int]:
    """The terms of a heading's nouns that are terms themselves ("Evacuees", "Returnees")."""
    return {NOUN_TERMS[word]: 0 for word in _HEAD_WORD.findall(heading.lower()) if word in NOUN_TERMS}


_HEAD_WORD = re.compile(r"[a-z-]+")
# A grid's column of people where they shelter: "In tents/containers", "In evacuation centres", "With host families"
# (but a column "Shelters" counts the shelters).
_SHELTER_COLUMN = re.compile(r"\b(?:in|with|at)\s+(?:tents?|camps?|shelters?|containers?|evacuation cent(?:re|er)s?"
                             r"|collective cent(?:re|er)s?|host famil(?:y|ies))\b", re.IGNORECASE)
_FROM_CAMPS = re.compile(r"\bfrom\b[^.:]{0,60}\b(?:camps?|sites?|settlements?)\b", re.IGNORECASE)
# A grid's first column that names where people shelter: "Camp", "IDP site", "Collective centre", "Shelter".
_SHELTER_KIND = re.compile(r"\b(?:camps?|sites?|settlements?|shelters?|(?:collective|evacuation) cent(?:re|er)s?)\b",
                           re.IGNORECASE)
_HEAD_UNIT = re.compile(r"\b(?:families|households|hhs?|individuals|people|persons|houses|homes|shelters)\b",
                        re.IGNORECASE)
# A column that names only what it counts: "Families", "No. of individuals", "Households (HH)".
_BARE_UNIT = re.compile(rf"(?:(?:no\.?|number) of |total )?{_HEAD_UNIT.pattern}(?: \([^)]*\))?", re.IGNORECASE)


def _sentence_source(sentences: list[Sentence], index: int, seen: dict[int, str | None]) -> str | None:
    """The source of the figures of sentence index: its own, the one it refers back to ('the agency said'), or
    else the last one named in the two sentences before. seen holds the source each sentence names itself (as
    find_source reads it alone), so that a sentence is read once even when a later one looks back at it."""
    referred = False

    def earlier() -> str | None:
        nonlocal referred
        referred = True
        return _source_before(sentences, index, seen, _EARLIER_REACH, bool)

    source = find_source(sentences[index].text, earlier)
    if not referred:
        seen[index] = source  # the sentences before played no part: this is what it names itself
    if source and source.isalpha() and source.islower() and source.endswith("s"):
        # "according to the agencies", after "aid agencies said"
        word = source
        source = _source_before(sentences, index, seen, _NAMED_BEFORE_REACH,
                                lambda named: named != word and named.lower().endswith(" " + word)) or source
    elif source and source not in ORGANISATIONS and _THE_AGENCY.search(sentences[index].text):
        # "the agency said" is no government's word
        source = _source_before(sentences, index, seen, _NAMED_BEFORE_REACH,
                                lambda named: named in ORGANISATIONS or "agency" in named.lower()) or source
    return source or _source_before(sentences, index, seen, _EARLIER_REACH, bool)


_THE_AGENCY = re.compile(r"\bthe (?:agency|organi[sz]ation)\s+(?:said|says|added|estimated|reported)\b",
                         re.IGNORECASE)
_EARLIER_REACH = 2  # sentences: how far back a figure's source is looked for ('... IOM said. The agency added')
_NAMED_BEFORE_REACH = 6  # sentences: how far back what a sentence refers to ("the agencies") is looked for


def _source_before(sentences: list[Sentence], index: int, seen: dict[int, str | None], reach: int,
                   wanted: Callable[[str], bool]) -> str | None:
    """The last source that the reach sentences before sentence index name themselves and wanted accepts."""
    for k in range(index - 1, max(-1, index - reach - 1), -1):
        if k not in seen:
            seen[k] = find_source(sentences[k].text)
        named = seen[k]
        if named and wanted(named):
            return named
    return None


def _dedupe(figures: list[Figure], text: str, places: Sequence[PlaceMention]) -> list[Figure]:
    """One figure reported twice is kept once: twice in the body with the same term (unless one sentence
    gives them for different places), or in the headline and again in the body (then with the body's
    details and the more specific of the two terms)."""
    body = headline_end(text)
    headline = {(f.quantity, f.unit): f for f in figures if f.start < body}
    kept: dict[tuple[int, str, str], Figure] = {}
    distinct: list[Figure] = []
    for fig in figures:
        if fig.start < body:
            continue
        lead = headline.pop((fig.quantity, fig.unit), None)
        if lead is not None:
            term = min(fig.term, lead.term, key=TERM_RANK.index)
            # The headline's places too, unless the body says the figure is the whole country's.
            named = {places[i].record for i in fig.places}
            more = tuple(i for i in lead.places if places[i].record not in named) if fig.places else ()
            fig = replace(fig, term=term, places=fig.places + more)
        same = kept.get((fig.quantity, fig.unit, fig.term))
        if same is None:
            kept[(fig.quantity, fig.unit, fig.term)] = fig
        elif same.sentence_start == fig.sentence_start and not set(same.places) & set(fig.places):
            distinct.append(fig)  # "2,000 from Imphal and another 2,000 from Moreh": two figures
    kept.update({(f.quantity, f.unit, f.term): f for f in headline.values()})
    return sorted([*kept.values(), *distinct], key=lambda f: f.start)
