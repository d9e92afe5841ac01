"""Places and countries named in a text, matched against the gazetteer and disambiguated."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..gazetteer import (
    ADMIN1,
    ADMIN2,
    AREAS,
    ARTICLE_PREFIXES,
    CITY,
    COUNTRY,
    MAJOR_CITY_POPULATION,
    REGION,
    UNIFORM_ADMIN_TYPES,
    District,
    Gazetteer,
    admin_display_name,
    fold,
    fold_text,
    km,
    skeleton,
)
from ..models import PlaceMention
from .localities import (
    NAME_PATTERN,
    Anchors,
    extract_localities,
    gazetteer_mention,
    main_place,
    names_before,
    on_road,
    repeats,
)
from .sentences import ends_with_title, is_dateline, is_venue, sentence_around
from .tables import table_rows

# Words after a name that make it an administrative area ("Saada province", "Borno State").
ADMIN_WORDS = {"province", "governorate", "state", "region", "prefecture", "oblast", "department",
               "county", "division", "wilaya", "muhafazah"}
# Words after a name that keep it the place it names ("Mosul city", "Tyre district", "Zaatari camp").
PLACE_WORDS = ADMIN_WORDS | {"city", "town", "district", "camp", "camps", "village", "villages",
                             "municipality", "area", "valley", "border", "crossing", "airport", "port",
                             "refugee", "idp", "settlement", "sub-district", "subdistrict"}
# Words after a name that make it a second-level area, where the gazetteer has one so named ("Feni district").
DISTRICT_WORDS = {"district", "province", "county", "department", "governorate", "prefecture"}
LOCATIVES = {"in", "from", "to", "near", "outside", "around", "into", "towards", "toward", "at",
             "across", "via", "between", "through", "reach", "reached", "fled", "left", "entered"}
# Particles inside names across a space ("Villa del Rosario", "Abu Ghraib"); English words such as "as",
# "of" and "at" only join with a hyphen ("as-Sulaymaniyah"), or "in Mali as of February" is one name.
SPACED_PARTICLES = {"al", "el", "de", "del", "di", "du", "des", "la", "le", "les", "bin", "ibn", "abu", "da", "dos",
                    "do", "y", "van", "von", "der"}
PARTICLES = {"al", "el", "ad", "as", "ar", "an", "ash", "az", "at", "ath", "de", "del", "di", "du", "des",
             "la", "le", "les", "bin", "ibn", "abu", "of", "the", "da", "do", "dos", "y", "wa", "und"}
# Places below this size outside the article's countries are more often a clash than a mention.
NOTABLE_POPULATION = 100_000
REGION_WEIGHT = 1_000_000  # the population a region of the regions table counts as, against its namesakes
# How much distance from the article's other places counts against a namesake (per tenfold km).
NEARBY_WEIGHT = 2.5
# A town with the name of a province may be what the name means ("Diffa", "Kherson") if it holds at least
# 1 in RIVAL_SHARE of the province's people; a smaller one is not.
RIVAL_SHARE = 100
# Words after a name that make it a camp named after a place.
CAMP_WORDS = {"camp", "camps", "site"}
# Words after a name that make it a small local place: a namesake abroad ("Kani township" in a report on
# Myanmar, not Japan's Kani) is not it.
LOCAL_WORDS = {"township", "district", "sub-district", "subdistrict", "village", "neighbourhood", "neighborhood",
               "commune", "locality", "area", "county", "municipality"}
# Villages this small need their country to be one the article is mostly about.
SMALL_PLACE_POPULATION = 5_000
MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}
# A capitalised word before these names a group of people ("Kuki families", "Federal officials").
GROUP_NOUNS = {"families", "people", "refugees", "herders", "fighters", "militants", "militia", "militias",
               "forces", "troops", "officials", "authorities", "government", "rebels", "communities", "community",
               "villagers", "residents", "leaders", "elders", "youths", "women", "men", "children", "tribesmen",
               "insurgents", "soldiers", "police", "army", "clans", "clan", "groups", "group", "farmers"}

# What a government does: a city doing it is the government there ("Islamabad ordered", "Moscow denied").
_GOVERNMENT_VERBS = frozenset("ordered orders said says denied denies accused accuses announced announces insisted"
                              " insists demanded demands warned claimed claims rejected blamed urged agreed refused"
                              " pledged vowed expelled deported recalled launched launches imposed imposes decided"
                              " decides introduced introduces began begins declared declares".split())
# ... and "Moscow-installed officials", "Kyiv-controlled territory", "Tehran-backed militias".
_GOVERNMENT_HYPHENED = frozenset("installed backed controlled appointed allied aligned held sponsored funded"
                                 " supported led".split())
_BORDER_WITH = re.compile(r",?\s+(?:on|near|along|at|close to|by)\s+the\s+(?:[a-z]+\s+)?border\s+with\s+(?:the\s+)?"
                          r"([A-Z][\w'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]*){0,3})")


def _bordering(gaz: Gazetteer, text: str, end: int) -> str | None:
    """The country a place just named is said to border ("Rafah, on the border with Egypt"), which it is not in."""
    found = _BORDER_WITH.match(text, end)
    if found is None:
        return None
    return next((gaz.countries[r] for r in gaz.lookup(found.group(1)) if gaz.kinds[r] == COUNTRY), None)


_PLACED_BY_NEXT = re.compile(r",\s+[A-Z]")
_TOWN_OF = re.compile(r"\b(?:city|town) of $", re.IGNORECASE)
_HYPHENED_WORD = re.compile(r"-([a-z]+)\b")


def _as_government(text: str, cand: _Candidate) -> bool:
    """Whether a name is followed by what a government does ("Islamabad ordered", "Moscow-installed")."""
    return cand.after in _GOVERNMENT_VERBS or text.startswith("-", cand.end) \
        and _hyphened(text, cand.end) in _GOVERNMENT_HYPHENED


def _hyphened(text: str, end: int) -> str:
    """The lower-case word hyphened to a name that ends at end ("Moscow-installed"), or ''."""
    word = _HYPHENED_WORD.match(text, end)
    return word.group(1) if word else ""


_LOCATIVES = frozenset("in from to at near of around outside across into toward towards within".split())
# The rest of a list that ends in a plural admin word: "Sofala, Manica, Tete and Zambezia provinces".
_ADMIN_PLURAL = r"(?:provinces|governorates|states|regions|prefectures|oblasts|departments|counties)"
ADMIN_PLURALS = frozenset(_ADMIN_PLURAL[3:-1].split("|"))
_ADMIN_LIST = re.compile(rf"(?:,\s+(?:{NAME_PATTERN}))*,?\s+and\s+(?:{NAME_PATTERN})\s+{_ADMIN_PLURAL}\b")
# ... or that one opens: "the provinces of Bujumbura Rural, Rumonge and Makamba". The first finds whether a text
# has such a list; the second, searched up to a name, whether the name is in it.
_ADMIN_OPENS = r",?\s+(?:of|including|such\s+as|like)\s+"  # "provinces of", "provinces, including"
_ADMIN_OF_ANY = re.compile(rf"\b{_ADMIN_PLURAL}{_ADMIN_OPENS}")
_ADMIN_OF = re.compile(rf"\b{_ADMIN_PLURAL}{_ADMIN_OPENS}(?:{NAME_PATTERN}(?:,\s+(?:and\s+)?|,?\s+and\s+))*$")
_ADMIN_OF_REACH = 200
_AREA_OF_NAME = re.compile(r"\b(?:state|province|region|governorate|department|county|prefecture|oblast)\s+of\s+$",
                           re.IGNORECASE)
_AREA_OF_REACH = 24


def _called_area(text: str, start: int) -> bool:
    """Whether the text calls the name at start an area of some kind ("the Iraqi province of Erbil")."""
    lo = max(0, start - _AREA_OF_REACH)
    # Every match ends in "of" (in any case) and white space: before most names the text does not, and the search,
    # tried at every offset of the window, is skipped.
    return text[lo:start].rstrip()[-2:].lower() == "of" and _AREA_OF_NAME.search(text, lo, start) is not None


_AREA_HEADING = re.compile(rf"\b(?i:{'|'.join(sorted(ADMIN_WORDS))}|{_ADMIN_PLURAL[3:-1]})\b")
_LAST_IN_LIST = re.compile(r"(?:,|\band)\s+$")
_WATERS = {"gulf", "bay", "sea", "strait", "straits", "lake"}
_WATER_OF = re.compile(r"\b(?:Gulf|Bay|Sea|Strait|Straits|Lake)\s+of\s+$|\b(?:banks?|shores?)\s+of\s+the\s+$")
# Words after a name that make it a river, valley or work of that name, not the place ("the Ngong river").
# (A valley stays: "the Bekaa valley" is the governorate's heartland, and read as the place.)
_FEATURE_WORDS = frozenset({"river", "rivers", "dam", "mountains", "hills", "basin", "delta", "bridge", "canal",
                            "gorge", "reservoir", "nuclear", "volcano", "glacier", "gully", "gullies"})
# ("the Zaporizhzhia nuclear plant", "Mayon volcano")
# Land named after a province is the province's ("the Nineveh plains"), but not after a town's other name or a river
# ("the Rusizi plain", not Cyangugu, the town the Rwandan district of Rusizi is run from).
_LAND_WORDS = frozenset({"plain", "plains", "plateau"})
# "the Donetsk regional administration", "Enga's provincial administrator": the area's own bodies.
_ADMIN_ADJECTIVES = frozenset({"regional", "provincial"})
_STORM_WORDS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "depression"})
# ... or a list of them: "the Juba and Shabelle rivers".
_FEATURE_PLURALS = ("rivers", "dams", "mountains", "hills")
_FEATURES_AFTER = re.compile(rf"(?:,\s+[A-Z][\w'-]+)*,?\s+(?:and|&)\s+[A-Z][\w'-]+\s+"
                             rf"(?:{'|'.join(_FEATURE_PLURALS)})\b")
_OF_NEXT = re.compile(r"\s+of\b")
_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019]*[^\W_])?")
# The first letter of each _TOKEN longer than three characters: such a token is a match, and a shorter one holds
# none (a match inside a token ends where the token does).
_LONG_TOKEN_INITIAL = re.compile(r"([^\W\d_])[\w'\u2019]{2,}[^\W_]")
# Where sentences start after their first: at the first non-space after '. ' (or '?', '!', closing quotes, then
# a space), a line break or an opening quote. The pattern opens with the characters those start with, so the
# regex engine skips straight to them instead of trying every offset.
# A line may open with a list marker ("- In Beira, ..."): its sentence starts after it.
_BULLET = r"(?:[-*\u2022\u00b7\u2013\u2014]\s+|\d{1,2}[.)]\s+)?"
_SENTENCE_START = re.compile(rf"[.!?\n\"\u201c(](?:(?<=[.!?])[\"'\u201d\u2019)]*(?:[^\S\n]*\n\s*{_BULLET}|\s+)"
                             rf"|(?<=[\"\u201c(])\s*|(?<=\n)\s*{_BULLET})(?=\S)")
_FIRST_START = re.compile(rf"\s*{_BULLET}(?=\S)")
# The story's first sentence, after its dateline: "QUITO, March 3 - In Esmeraldas province" ("In" opens it).
_AFTER_DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'\u2019/-]*(?:,[^\n]{0,60}?|\s*\([^)\n]{0,30}\))?"
                             r"\s+[-\u2013\u2014]+\s+(?=\S)")


class _Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


_SPACE_THEN_TOKEN = re.compile(r"\s*([^\W\d_](?:[\w'\u2019]*[^\W_])?)")
_JOIN_GAPS = (" ", "-", "\u2010", "\u2011")
_GAP_THEN_TOKEN = re.compile(rf"[ \-\u2010\u2011]({_TOKEN.pattern})")  # one of _JOIN_GAPS, then a _TOKEN
# The _TOKEN that ends where a backwards reading starts: the whole run of letters, digits and apostrophes there
# (taken possessively), which must end in a letter or digit and start with a letter, as _TOKEN reads forwards.
_TOKEN_BACKWARDS = re.compile(r"[^\W_](?:[^\W_]|['\u2019])*+(?<=[^\W\d_])")


def _sentence_starts(text: str) -> set[int]:
    # (not after a title's stop: in "Gov. Roy Cooper said", Roy opens no sentence; but "zones A, B and C." ends one)
    starts = {m.end() for m in _SENTENCE_START.finditer(text)
              if text[m.start()] != "." or not ends_with_title(text, m.start())}
    first = _FIRST_START.match(text)
    if first:
        starts.add(first.end())  # the text's first sentence
    starts.update(m.end() for m in _AFTER_DATELINE.finditer(text))
    return starts


def _longest_matches(gaz: Gazetteer, folded: str, text: str) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longest first at each position, left to right, without the one-word matches
    that open in lower case (most matches: common words). Those are turned away later anyway, and a match of
    one word overlaps no other match except at its own start, where the other opens in lower case too."""
    keys = gaz.keys
    # In (start, end) order the longest match at a position is the last there (no two keys match the same span).
    ordered = sorted(m for m in gaz.matches(folded) if text[m[0]].isupper() or " " in keys[m[2]])
    chosen: list[tuple[int, int, int]] = []
    last_end = -1
    for i, (start, end, key_id) in enumerate(ordered):
        if start >= last_end and (i + 1 == len(ordered) or ordered[i + 1][0] != start):
            chosen.append((start, end, key_id))
            last_end = end
    return chosen


class _Context:
    """What the surrounding text says about a match: run, sentence position, next and previous words.
    Only the words next to a match are looked at, so the cost follows the matches, not the text."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.sentence_starts = _sentence_starts(text)
        self._title_lines: dict[int, bool] = {}
        self.backwards = text[::-1]  # read from a position backwards with forward regexes

    def is_title_case_line(self, start: int) -> bool:
        """Headlines in Title Case capitalise every word, so capitalisation says nothing there."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if line_start not in self._title_lines:
            line_end = self.text.find("\n", start)
            line = self.text[line_start: line_end if line_end >= 0 else None]
            initials = _LONG_TOKEN_INITIAL.findall(line)
            self._title_lines[line_start] = len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.7 * len(
                initials)
        return self._title_lines[line_start]

    def _after(self, pos: int, joined: bool) -> _Token | None:
        """The word after pos: right after one space or hyphen (joined), or after any whitespace."""
        match = (_GAP_THEN_TOKEN if joined else _SPACE_THEN_TOKEN).match(self.text, pos)
        return _Token(match.start(1), match.end(1), match.group(1)) if match else None

    def _before(self, pos: int, joined: bool) -> _Token | None:
        """The word before pos, ending right before one space or hyphen (joined), or any whitespace."""
        if joined:
            if pos < 1 or self.text[pos - 1] not in _JOIN_GAPS:
                return None
            end = pos - 1
        else:
            end = pos
            while end > 0 and self.text[end - 1].isspace():  # as len(text[:pos].rstrip()), without the copy
                end -= 1
            if end == pos and pos > 0 and not self.text[pos - 1].isspace():
                return None
        word = _TOKEN_BACKWARDS.match(self.backwards, len(self.text) - end)
        if word is None:
            return None
        begin = len(self.text) - word.end()
        return _Token(begin, end, self.text[begin:end])

    def _particle(self, token: _Token) -> bool:
        word = token.text.lower()
        if word in SPACED_PARTICLES:
            return True
        # Whether a hyphen joins it matters only for a particle, which most words are not.
        return word in PARTICLES and (self.text[token.start - 1:token.start] in _JOIN_GAPS[1:]
                                      or self.text[token.end:token.end + 1] in _JOIN_GAPS[1:])

    def word_after(self, end: int) -> str:
        token = self._after(end, joined=False)
        return token.text.lower() if token else ""

    def word_before(self, start: int) -> str:
        token = self._before(start, joined=False)
        return token.text.lower() if token else ""

    def run_outside(self, start: int, end: int, folded: str) -> list[_Token]:
        """Capitalised words joined to the match by a space or hyphen but not inside it."""
        extra: list[_Token] = []
        # A match followed by punctuation (as many are) has no word joined after it: no regex is tried there.
        joins = self.text[end:end + 1] in _JOIN_GAPS and self.text[end - 2:end] not in ("'s", "\u2019s")
        token = self._after(end, joined=True) if joins else None
        while token is not None and (token.capital or self._particle(token)):
            extra.append(token)
            if token.text.endswith(("'s", "\u2019s")):
                break  # "Burundi's Cibitoke province": a possessive ends the name before it
            token = self._after(token.end, joined=True)
        while extra and not extra[-1].capital:
            extra.pop()
        before: list[_Token] = []
        token = self._before(start, joined=True)
        while token is not None and not token.text.endswith(("'s", "\u2019s")):
            at_start = token.start in self.sentence_starts
            if at_start and token.text.lower() in self.gaz.english_words:
                break  # "Neighbouring Dominican Republic": an everyday word that opens the sentence
            if not token.capital and not self._particle(token):
                break
            before.append(token)
            if at_start:
                break
            token = self._before(token.start, joined=True)
        while before and not before[-1].capital:
            before.pop()
        return before + extra


def _acceptable(ctx: _Context, start: int, end: int, key: str, folded: str) -> bool:
    """Capitalisation, run and stop-word rules that every place mention must pass; the match opens with a capital
    or is a 'the ...' key (see extract_places)."""
    text, gaz = ctx.text, ctx.gaz
    surface = text[start:end]
    if key.startswith("the "):  # else the match opens with a capital
        words = surface.split()
        if not words[1 if len(words) > 1 else 0][:1].isupper():
            return False
    # Both patterns of _WATER_OF end in "of" and some spaces: where "of" is not before the match, it is not.
    if (text.find("of", max(0, start - 12), start) >= 0 and _WATER_OF.search(text, max(0, start - 12), start)
            or surface.lower() in _WATERS and _OF_NEXT.match(text, end)):
        return False  # "the Gulf of Aden", "the Bay of Bengal": a sea, not the place (nor Gulf Province)
    if surface.isupper() and len(surface) <= 5 and not is_dateline(text, start, end):
        return key in gaz.demonym_keys or any(gaz.kinds[i] == COUNTRY for i in _records(gaz, key))
    if key not in gaz.stop_keys and key not in MONTH_NAMES:
        # Headlines in Title Case capitalise every word, so there a run says nothing; the run is looked at
        # first because it is cheaper than counting the capitals of the line, and usually passes.
        return _stands_alone(ctx, start, end, folded) or ctx.is_title_case_line(start)
    if key not in gaz.stop_keys and ctx.is_title_case_line(start):
        return True  # a month's name in a Title Case headline
    # A common word must stand alone, by a place word or after a locative, and not be in a Title Case line: the
    # line's capitals are counted last, as most common words fail the other tests.
    if not _stands_alone(ctx, start, end, folded):
        return False
    after = ctx.word_after(end)
    if key in MONTH_NAMES:
        placed = after in PLACE_WORDS
    else:
        # ("the Western and Southern provinces": a list of areas)
        placed = after in PLACE_WORDS or ctx.word_before(start) in LOCATIVES or after in ADMIN_PLURALS \
            or after == "and" and _ADMIN_LIST.match(text, end) is not None
    return placed and (key not in gaz.stop_keys or not ctx.is_title_case_line(start))


def _stands_alone(ctx: _Context, start: int, end: int, folded: str) -> bool:
    """No capitalised word runs on from the match, but for place words ("Saada province") and common
    words opening a sentence."""
    for tok in ctx.run_outside(start, end, folded):
        word = tok.text.lower()
        if word in PLACE_WORDS or word in ctx.gaz.english_words and tok.start in ctx.sentence_starts:
            continue
        if tok.start == _article_before(ctx, start):
            continue  # "Al-Khokha": the article of a name the gazetteer has only without it ("Khokha")
        return False
    return True


# The articles the gazetteer also indexes names without (see name_variants).
_ARTICLES = frozenset(prefix.strip() for prefix in ARTICLE_PREFIXES)
_ARTICLE_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Za-z]{2,3})[-\u2010\u2011]$")


def _article_before(ctx: _Context, start: int) -> int:
    """Where an Arabic article hyphened to the match starts ("Al-" of "Al-Khokha"), or -1."""
    found = _ARTICLE_BEFORE.search(ctx.text, max(0, start - 4), start)
    return found.start() if found and found.group(1).lower() in _ARTICLES else -1


def _records(gaz: Gazetteer, key: str) -> tuple[int, ...]:
    kid = gaz.key_id(key)
    return gaz.key_records[kid] if kid is not None else ()


@dataclass
class _Candidate:
    start: int
    end: int
    key: str
    records: tuple[int, ...]
    admin_word: bool  # "Yei county": the area, else the one the town named so is in
    demonym: bool
    before_group: bool = False
    before_camp: bool = False
    after: str = ""  # the word after it, in lower case
    admin_listed: bool = False  # "the Juba and Yei counties": an area named so, if there is one
    town_named: bool = False  # "the city of Kherson", "Kherson city": the town, if there is one

    @property
    def memo(self) -> tuple:
        """What _resolve reads of a candidate."""
        return self.key, self.admin_word, self.before_group, self.before_camp, self.admin_listed, \
            self.after in DISTRICT_WORDS, self.town_named


@dataclass
class _Evidence:
    """What the unambiguous places of an article say: its countries (votes) and where its places are."""

    countries: dict[str, int] = field(default_factory=dict)
    points: list[tuple[float, float]] = field(default_factory=list)
    by_key: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (country it voted for, votes)
    areas: set[int] = field(default_factory=set)  # the first-level areas the names resolve to on their own

    def without(self, key: str) -> dict[str, int]:
        """Country votes of the other names: a name is no evidence for itself ("Welingara" alone must not
        make an article about Mali one about Gambia)."""
        if key not in self.by_key:
            return self.countries
        own, count = self.by_key[key]
        votes = {c: n - count if c == own else n for c, n in self.countries.items()}
        return {c: n for c, n in votes.items() if n > 0}

    def vote(self, key: str, country: str, point: tuple[float, float]) -> None:
        self.countries[country] = self.countries.get(country, 0) + 1
        self.by_key[key] = (country, self.by_key.get(key, (country, 0))[1] + 1)
        if point not in self.points:
            self.points.append(point)


# The kind word GeoNames ends some first-level divisions' names with ("Borno State", "Kherson Oblast").
_KIND_AFTER = re.compile(r" (?:state|province|region|governorate|oblast|county|department|prefecture|division)$")


@functools.lru_cache(maxsize=1 << 16)
def _bare_key(name: str) -> str:
    """A gazetteer name's key without apostrophes; the same few names come up article after article."""
    return fold(name).replace("'", "")


def _score(gaz: Gazetteer, record: int, context: dict[str, int], want_admin: bool, key: str,
           points: list[tuple[float, float]], area_named: bool = False) -> float:
    """How likely a record is the place a name means; area_named says the name is a province's own and no
    town's ("Hatay", whose capital is Antakya; not "Kherson", a city and its province)."""
    kind = gaz.kinds[record]
    # A region in the table is one the news names often (Luzon, Darfur): it outweighs a village named so.
    score = math.log10((REGION_WEIGHT if kind == REGION else gaz.populations[record]) + 10)
    main = _bare_key(gaz.names[record])
    if main == key.replace("'", "") or kind == ADMIN1 and area_named:
        score += 1.5  # named by its main name, not one of many alternates ("Hatay" the province, not Antakya)
    elif skeleton(main) == skeleton(key):
        score += 0.75  # its main name spelled otherwise ("Sloviansk" is Slovyansk, not Nikopol, once called so)
    score += 4.0 * min(context.get(gaz.countries[record], 0), 3) ** 0.5
    if points:
        # Of two namesakes, the one near the article's other places (Islahiye by Gaziantep, not by Ankara).
        nearest = min(km(gaz.lats[record], gaz.lons[record], lat, lon) for lat, lon in points)
        score -= NEARBY_WEIGHT * math.log10(1 + nearest / 10)
    if want_admin:
        score += 3.0 if kind in AREAS else 0.0
    elif kind in AREAS:
        score -= 1.5
    return score


# Words that name a province in many countries ("North", "South West", "Central"): such a name is a
# province of one of the article's countries or of none.
_DIRECTIONS = frozenset("north south east west northern southern eastern western central upper lower middle"
                        " northeast northwest southeast southwest north-east north-west south-east south-west".split())


def _only_directions(key: str) -> bool:
    return all(word in _DIRECTIONS for word in key.split())


def _named_so(name: str, key: str, shape: str) -> bool:
    """Whether a town's folded name is the key (shape: the key's skeleton), however spelled, or the key and
    "City" ("New York City")."""
    bare = key.replace("'", "")
    return skeleton(name) == shape or name == f"{bare} city"


def _resolve(gaz: Gazetteer, cand: _Candidate, evidence: _Evidence) -> int | None:
    places = [r for r in cand.records if gaz.kinds[r] != COUNTRY]
    if cand.town_named and any(gaz.kinds[r] == CITY for r in places):
        places = [r for r in places if gaz.kinds[r] == CITY]  # "the city of Kherson", after "the Kherson region"
    if not places:
        return None
    context = evidence.without(cand.key)
    points = evidence.points if len(places) > 1 else []
    if len(places) == 1:
        best = places[0]  # nothing to weigh it against
    else:
        # A province's own name, unless a town is named so too, however spelled ("Mykolayiv" the city).
        area_named = any(gaz.kinds[r] == ADMIN1 and _KIND_AFTER.sub("", _bare_key(gaz.main_name(r)))
                         == cand.key.replace("'", "") for r in places)  # ("Borno" is "Borno State")
        if area_named:
            # (a hamlet named so does not count: Louisiana, Missouri, is no rival to the state; nor does a town
            # abroad: Borna in Saxony is no rival to Borno State)
            shape = skeleton(cand.key)
            size = max(gaz.populations[r] for r in places if gaz.kinds[r] == ADMIN1)
            lands = {gaz.countries[r] for r in places if gaz.kinds[r] == ADMIN1}
            area_named = not any(gaz.kinds[r] == CITY and gaz.populations[r] * RIVAL_SHARE >= size
                                 and gaz.countries[r] in lands and _named_so(_bare_key(gaz.names[r]), cand.key, shape)
                                 for r in places)
        # "Feni district" is the district where there is one; "Tyre district" the town where there is none.
        want_admin = cand.admin_word or cand.admin_listed \
            or cand.after in DISTRICT_WORDS and any(gaz.kinds[r] == ADMIN2 for r in places)
        best = max(places, key=lambda r: _score(gaz, r, context, want_admin, cand.key, points, area_named))
    if cand.admin_word and gaz.kinds[best] == CITY and gaz.admin1_record[best] >= 0:
        if context and not context.get(gaz.countries[best]):
            return None  # "Meme division" in Cameroon is no province of the Ivorian village Meme is in
        best = gaz.admin1_record[best]
    weight = context.get(gaz.countries[best], 0)
    if gaz.kinds[best] == ADMIN2 and not weight and gaz.admin1_record[best] not in evidence.areas:
        # a district is named in reports about its country ("Clare", "Kerry" are more often people), or with
        # the province it is in ("Tangipahoa Parish" after "Louisiana")
        return None
    if cand.before_group and not weight or cand.before_camp and context and not weight:
        return None  # "Kuki families" are people; "Dar es Salam camp" in Chad is a camp, not Tanzania's city
    foreign_namesake = gaz.kinds[best] in AREAS and (len(cand.records) > 1 or _only_directions(cand.key))
    notable = gaz.populations[best] >= NOTABLE_POPULATION or gaz.kinds[best] == REGION
    if context and not weight and (not notable or foreign_namesake or cand.after in LOCAL_WORDS):
        return None  # a small town, or a province sharing its name, of a country the article never names
    spelled_otherwise = gaz.kinds[best] == CITY and _bare_key(gaz.names[best]) != cand.key.replace("'", "")
    if context and not weight and spelled_otherwise and gaz.populations[best] < MAJOR_CITY_POPULATION:
        return None  # "Eta" (a storm) for Etah in India, in an article about Honduras
    small = gaz.kinds[best] == CITY and gaz.populations[best] < SMALL_PLACE_POPULATION
    if small and context and weight * 2 < max(context.values()):
        return None
    return best


def _mention(gaz: Gazetteer, cand: _Candidate, record: int, text: str, end: int) -> PlaceMention:
    return PlaceMention(
        start=cand.start, end=end, surface=text[cand.start:end], record=record, name=gaz.names[record],
        kind=gaz.kinds[record], country=gaz.countries[record], admin1=gaz.admin1_names[record],
        lat=float(gaz.lats[record]), lon=float(gaz.lons[record]), geonameid=int(gaz.geonameids[record]),
        population=int(gaz.populations[record]), demonym=cand.demonym, admin1_code=gaz.admin1_codes[record],
    )


def _district_mention(cand: _Candidate, district: District, text: str, end: int) -> PlaceMention:
    name = district[3] if district[3].endswith(" District") else f"{district[3]} District"
    return PlaceMention(start=cand.start, end=end, surface=text[cand.start:end], record=-1, name=name, kind=ADMIN2,
                        country=district[0], admin1=district[2], lat=district[4], lon=district[5], geonameid=0,
                        population=0, admin1_code=district[1])


def _in_sentence_country(gaz: Gazetteer, cand: _Candidate, best: int, evidence: _Evidence, text: str,
                         named_at: list[tuple[int, str]]) -> int:
    """Of a name's namesakes in several countries, one in a country its own sentence names, when the article's
    choice is in none of them: "Ain al-Hilweh, the largest refugee camp in Lebanon, on the outskirts of Saida"
    is Lebanon's Saida in an article that is also about Algeria's fires."""
    first, last = sentence_around(text, cand.start, cand.end)
    here = {code for at, code in named_at[bisect.bisect_left(named_at, (first, "")):] if at < last}
    if not here or gaz.countries[best] in here:
        return best
    others = tuple(r for r in cand.records if gaz.countries[r] in here)
    return (_resolve(gaz, replace(cand, records=others), evidence) if others else None) or best


def _country_named(gaz: Gazetteer, code: str) -> int | None:
    """The record of the country with ISO code code."""
    name = gaz.country_names.get(code)
    return next((r for r in gaz.lookup(name) if gaz.kinds[r] == COUNTRY and gaz.countries[r] == code), None) \
        if name else None


def _country_record(gaz: Gazetteer, cand: _Candidate) -> int | None:
    countries = [r for r in cand.records if gaz.kinds[r] == COUNTRY]
    return countries[0] if countries else None


# (A capitalised word that opens a sentence, "In Far'a camp", is not part of the name.)
_OPENING_WORDS = r"(?:The|A|An|In|At|On|From|Near|Inside|Outside|Into|To|Of|And|But|For|With|By)"
_CAMP = re.compile(rf"\b(?!{_OPENING_WORDS}\s)((?:[A-Z][\w'\u2019-]*|al|el)"
                   r"(?:[ -](?:[A-Z][\w'\u2019-]*|al|el|es|ad|as|ar|an|ash|az|de|du)){0,3})"
                   r"\s+(?:(?:IDP|refugee|displacement|transit|resettlement|relocation|reception)\s+)?"
                   r"(camps?|settlement|sites?|(?<=transit )cent(?:re|er)|(?<=reception )cent(?:re|er))\b")
# A camp word where a _CAMP match can end; the pattern opens with its letters, which the regex engine skips to.
_CAMP_WORD = re.compile(r"(?:camps?|settlement|sites?|(?<=transit )cent(?:re|er)|(?<=reception )cent(?:re|er))\b")
_CAMP_RUN = re.compile(r"[\w'\u2019\s-]*")  # every character of a _CAMP match before its camp word
# "the Kalma and Otash displacement camps": the names before the last one (_CAMP finds that one).
_CAMPS_WORD = re.compile(r",?\s+and\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?"
                         r"\s+(?:(?:IDP|refugee|displacement|transit|resettlement|relocation|reception)\s+)?"
                         r"(?:camps|sites)\b")
_PLACES_WORD = r"\b(?:towns|cities|villages|districts|areas|regions|provinces|countries|states)\b"
_CAMP_LIST = re.compile(rf"(?<![\w'\u2019-])((?:{NAME_PATTERN})(?:,\s+(?:{NAME_PATTERN}))*)$")
# "camps on the outskirts of Goma, including Bulengo and Lushagala": the camps a list after the word names.
# (not "camps on the edges of towns such as Baidoa and Dolow": those are the towns)
_CAMPS_NAMED = re.compile(rf"camps\b(?:\s+(?:on|in|near|around|outside)\s+(?:(?!{_PLACES_WORD})[^,;.:]){{0,40}}?)?,?\s+"
                          rf"(?:such as|including"
                          rf"|like|named|called)\s+((?:{NAME_PATTERN})(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:{NAME_PATTERN}))*)")
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_OWNER_WORDS = re.compile(r"(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*['\u2019]s\s+(?=\S)")
_NOT_CAMP_NAMES = {"idp", "un", "refugee", "the", "a", "transit", "army", "military", "displacement", "new", "main",
                   "largest", "official", "informal", "protection", "makeshift", "tent", "boot", "training", "prison",
                   "civilians", "civilian"}  # ("the Protection of Civilians site")


def _camp_names(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, 'camp', 'site' or 'transit centre') of each camp named in text: "Kalma camp", and each
    member of "the Kalma and Otash displacement camps"."""
    # Most texts name no camp: the patterns, tried at every offset, run only near their words. A _CAMP match ends
    # in a camp word after white space, and holds only the characters of _CAMP_RUN before it; no match runs on past
    # such a word (a name holds no lower-case word but a particle). So the match that _CAMP.finditer would find next
    # is the first found between where one could start before the next such word (and after the last match) and
    # that word's end.
    if "camp" not in text and "site" not in text and "settlement" not in text and " cent" not in text:
        return  # as in about half of texts: no camp word (each match of _CAMP_WORD holds one), so no camp
    end = 0
    backwards = ""
    for word in _CAMP_WORD.finditer(text):
        if word.start() < end or not text[word.start() - 1:word.start()].isspace():
            continue  # 'despite', 'campsite': no camp word
        backwards = backwards or text[::-1]
        run = _CAMP_RUN.match(backwards, len(text) - word.start())
        start = word.start() - len(run.group()) if run else 0  # run is never None: it may be empty
        match = _CAMP.search(text, max(end, start), word.end())
        if match:
            said = match.group(2)
            # ("the Nyakabande transit centre" is named so)
            kind = "site" if said.startswith("site") else "camp" if said.startswith(("camp", "settle")) \
                else text[match.end(1):match.end()].strip()
            yield match.start(1), match.end(), match.group(1), kind
            end = match.end()
    if "camps" not in text and "sites" not in text:
        return
    listed = [(found, "site" if key.group().endswith("sites") else "camp")
              for found, key in names_before(text, _CAMPS_WORD, _CAMP_LIST)]
    listed += [(found, "camp") for found in _CAMPS_NAMED.finditer(text)]
    for found, kind in listed:
        for member in re.finditer(NAME_PATTERN, found.group(1)):
            start = found.start(1) + member.start()
            yield start, start + len(member.group()), member.group(), kind


def _camps(text: str, gaz: Gazetteer, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Camps the gazetteer does not know ("Kalma camp"), placed at the nearest named place in their
    sentence, or at the article's first place; a camp named after a known place is that place."""
    names = list(_camp_names(text))
    if not names:
        return []  # as for most texts: their places need no indexing
    anchors = Anchors(mentions, text)
    countries = [m for m in mentions if m.kind == COUNTRY]
    found: list[PlaceMention] = []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for start, end, name, kind in names:
        owner = _OWNER_WORDS.match(name)
        if owner:  # "Jordan's Zaatari camp" is Zaatari camp, in Jordan
            start, name = start + owner.end(), name[owner.end():]
        words = name.split()
        if words[0].lower() in _NOT_CAMP_NAMES or fold(name) in gaz.common_words or name.isupper():
            continue
        if _names_area(gaz, name, countries):
            continue  # "the northern West Bank camps" are the camps in an area, not one named after it
        if start in covered and not _camp_elsewhere(anchors, start, end, text):
            continue  # "Zaatari camp" where Zaatari is a known town: the town stands for the camp
        if _INDEFINITE.search(text, max(0, start - 4), start):
            continue  # "an Assam Rifles camp" is one of its kind, not a camp's name
        near = _camp_anchor(anchors, start, end, text, countries)
        if near is None:
            continue
        camp = PlaceMention(
            start=start, end=end, surface=text[start:end], record=-1, name=f"{name} {kind}", kind="camp",
            country=near.country, admin1=near.admin1, lat=near.lat, lon=near.lon, geonameid=0, population=0,
            near=near.name,
        )
        road = anchors.road(text, end)
        found.append(on_road(camp, road) if road else camp)
    return found


_RELATION = re.compile(r"\s+(?:[\w'-]+\s+){0,4}?(?:near|outside|in|at|on the outskirts of|north of|south of|east of"
                       r"|west of|beside|close to)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?")


_TOWN_AWAY_KM = 25.0


def _names_area(gaz: Gazetteer, name: str, countries: list[PlaceMention]) -> bool:
    """Whether name is known only as a country or a province or region (no town has it) of one of the
    countries of the article (countries: its country mentions): a camp is named after a town or a village,
    never after such an area (but Djibouti's Markazi camp is no province of Iran's)."""
    records = gaz.lookup(name)
    named = {m.country for m in countries}
    return bool(records) and all(gaz.kinds[r] in (ADMIN1, REGION, COUNTRY) for r in records) \
        and any(gaz.countries[r] in named for r in records)


def _camp_elsewhere(anchors: Anchors, start: int, end: int, text: str) -> bool:
    """Whether a camp named after a known town is said to be at another place far from it ("the Gubio camp
    in Maiduguri": Gubio town is 80 km away)."""
    town = anchors.by_start.get(start)
    relation = _RELATION.match(text, end)
    other = anchors.by_start.get(relation.end()) if relation else None
    return town is not None and other is not None and other.record != town.record \
        and km(town.lat, town.lon, other.lat, other.lon) > _TOWN_AWAY_KM


def _camp_anchor(anchors: Anchors, offset: int, end: int, text: str,
                 countries: list[PlaceMention]) -> PlaceMention | None:
    """Where a camp is: the place a relation names ("Kalma camp near Nyala"), else the closest named
    place in its sentence, else the country its sentence names, else the place the article is mostly
    about, else the first country it names (countries: the article's country mentions)."""
    relation = _RELATION.match(text, end)
    if relation and relation.end() in anchors.by_start:
        return anchors.by_start[relation.end()]
    start, stop = sentence_around(text, offset, end)
    local = anchors.between(start, stop)
    if local:
        return min(local, key=lambda m: abs(m.start - offset))
    # "In Syria's northeast, the al-Hol camp": the country the sentence names, at its main place if it has one.
    named = [m for m in countries if start <= m.start < stop and not m.demonym]
    if named:
        return main_place([m for m in anchors.places if m.country == named[0].country], text) or named[0]
    return anchors.main or (countries[0] if countries else None)


def extract_places(text: str, gaz: Gazetteer) -> tuple[list[PlaceMention], list[str]]:
    """Place mentions (cities, admin areas) and the ISO codes of countries named, in text order."""
    folded = fold_text(text)
    ctx = _Context(text, gaz)
    candidates: list[_Candidate] = []
    lowered = text.lower()
    # Most texts hold none of these words, and then no match can be followed by a list of features or of admin
    # areas, nor come after a storm word (whose lowered form holds only ASCII letters, so the lowered text holds it).
    features = any(word in text for word in _FEATURE_PLURALS)  # as in few texts: "the Juba and Shabelle rivers"
    admin_lists = any(word in text for word in ADMIN_PLURALS)
    # (Every match of _ADMIN_OF_ANY holds a plural admin word: a text without one is not scanned for it.)
    admin_of = admin_lists and _ADMIN_OF_ANY.search(text) is not None  # "the provinces of Rumonge and Makamba"
    storms = any(word in lowered for word in _STORM_WORDS)
    # The places of a table whose heading names provinces ("People displaced by province:"), or of a grid whose
    # first column does ("District"), are such areas.
    area_rows = {row.name_start for row in table_rows(text) if _AREA_HEADING.search(row.kind or row.heading)}
    storm_names: set[str] = set()
    for start, end, key_id in _longest_matches(gaz, folded, text):
        key = gaz.keys[key_id]
        # Most matches are lower-case words: rejected first, without a call or splitting the match.
        if not text[start].isupper() and not key.startswith("the "):
            continue
        if storms and ctx.word_before(start) in _STORM_WORDS:
            storm_names.add(key)
            continue  # "Storm Eta": named after a place, or not one (and known so even from a headline)
        if not _acceptable(ctx, start, end, key, folded):
            continue
        if text[start - 1:start] in _JOIN_GAPS[1:] and (article := _article_before(ctx, start)) >= 0:
            start = article  # the name as the text writes it, article and all ("Al-Khokha")
        after = ctx.word_after(end)
        if key in _STORM_WORDS and text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
            continue  # "Hurricane Milton": the storm's kind, not the town in Utah named Hurricane
        if after in _FEATURE_WORDS or features and _FEATURES_AFTER.match(text, end):
            continue  # "the Ngong river", "the Kakhovka dam"
        if key.endswith(" river") and after not in ADMIN_WORDS and after not in ADMIN_PLURALS \
                and text[max(0, start - 4):start].lower() == "the ":
            continue  # "along the Tana River" is the river; "Tana River county" the county named after it
        records = gaz.key_records[key_id]
        if after in _LAND_WORDS:
            records = tuple(r for r in records if gaz.kinds[r] in AREAS)
            if not records:
                continue
        # A member of a list of areas (a plural word after a name alone is not the name's: "the Darfur states"
        # are five).
        listed = after in ADMIN_PLURALS and _LAST_IN_LIST.search(text, max(0, start - 6), start) is not None \
            or admin_lists and _ADMIN_LIST.match(text, end) is not None \
            or admin_of and _ADMIN_OF.search(text, max(0, start - _ADMIN_OF_REACH), start) is not None \
            or start in area_rows
        # (every _TOWN_OF match ends in "of" and one blank before the name)
        town = after in ("city", "town") or text.startswith("of ", start - 3) \
            and _TOWN_OF.search(text, max(0, start - 12), start) is not None
        candidates.append(_Candidate(start, end, key, records, after in ADMIN_WORDS or after in _ADMIN_ADJECTIVES,
                                     key in gaz.demonym_keys, after in GROUP_NOUNS, after in CAMP_WORDS, after,
                                     listed, town))

    if storm_names:
        # "Hurricane Milton ... Milton was expected to make landfall": the storm again, not the town named so
        # (but "Florence, South Carolina" and "Idai district" are places)
        candidates = [c for c in candidates if c.key not in storm_names or c.after in ADMIN_WORDS
                      or text.startswith(",", c.end)]
    # A name the text calls a state or province ("the Iraqi province of Erbil") is that area; one that a country
    # has too ("the US state of Georgia") is the area wherever it recurs ("SAVANNAH, Georgia").
    called = {c.start for c in candidates
              if _called_area(text, c.start) and any(gaz.kinds[r] == ADMIN1 for r in c.records)}
    if called:
        areas = {c.key for c in candidates if c.start in called and _country_record(gaz, c) is not None}
        candidates = [replace(c, admin_listed=True) if c.start in called or c.key in areas else c for c in candidates]
    mentions: list[PlaceMention] = []
    countries: list[str] = []
    evidence = _Evidence()
    pending: list[_Candidate] = []
    for cand in candidates:
        country = _country_record(gaz, cand)
        # A demonym is the country, unless an area word makes it a province named so ("Ethiopia's Somali region").
        # ("the US state of Florida": a country named with its article names no area)
        area = (cand.admin_word or cand.admin_listed) and any(gaz.kinds[r] == ADMIN1 for r in cand.records) \
            and not cand.key.startswith("the ")
        if country is not None and (cand.demonym or cand.key.startswith("the ")) and not area \
                or country is not None and not (cand.admin_word or cand.admin_listed):
            code = gaz.countries[country]
            mentions.append(_mention(gaz, cand, country, text, cand.end))
            evidence.countries[code] = evidence.countries.get(code, 0) + 1
            if code not in countries:
                countries.append(code)
        else:
            pending.append(cand)

    # Unambiguous or prominent places also tell which countries the article is about.
    # A name resolves the same way wherever it recurs with the same flags: resolve each once.
    alone: dict[tuple, int | None] = {}
    no_evidence = _Evidence()  # (which _resolve only reads)
    by_start = {c.start: c for c in candidates}
    for cand in pending:
        memo = cand.memo
        if memo not in alone:
            alone[memo] = _resolve(gaz, cand, no_evidence)
        best = alone[memo]
        if best is None:
            continue
        if gaz.kinds[best] == ADMIN1:
            evidence.areas.add(best)
        # Only names that belong to one country vote: Tripoli must not vote for Libya in Lebanon. Villages that
        # share a capital's name do not count ("Dhaka" and "Goma" have namesakes of a few thousand people), but
        # they do in "Paris, Texas", where a name is followed by the area or country it is in.
        notable = gaz.populations[best] >= NOTABLE_POPULATION
        if not (len(cand.records) == 1 or notable) or _as_government(text, cand) \
                or is_venue(text, cand.start, cand.end):
            continue  # (nor does where the news was given: "told reporters in New York")
        placed_by = _PLACED_BY_NEXT.match(text, cand.end)
        where = by_start.get(placed_by.end() - 1) if placed_by else None
        namesakes_count = where is not None and any(gaz.kinds[r] in AREAS or gaz.kinds[r] == COUNTRY
                                                    for r in where.records)
        owners = {gaz.countries[r] for r in cand.records if namesakes_count
                  or not (notable and gaz.kinds[r] == CITY and gaz.populations[r] < NOTABLE_POPULATION)}
        if owners == {gaz.countries[best]}:
            evidence.vote(cand.key, gaz.countries[best], (gaz.lats[best], gaz.lons[best]))

    resolved: dict[tuple, int | None] = {}
    borders = "border with" in text
    named_at = sorted((m.start, m.country) for m in mentions if m.kind == COUNTRY and not m.demonym)
    districts: dict[int, District] = {}  # the towns whose districts the text names ("Sinjar district")
    towns_alone: list[tuple[int, _Candidate, int]] = []  # (mention index, candidate, record) of towns named alone
    for cand in pending:
        memo = cand.memo
        if memo not in resolved:
            resolved[memo] = _resolve(gaz, cand, evidence)
        best = resolved[memo]
        if best is not None and named_at and len({gaz.countries[r] for r in cand.records}) > 1:
            best = _in_sentence_country(gaz, cand, best, evidence, text, named_at)
        if best is not None and borders and (beyond := _bordering(gaz, text, cand.end)) == gaz.countries[best]:
            # "Rafah, on the border with Egypt" is the Rafah that is not in Egypt, if there is one
            others = tuple(r for r in cand.records if gaz.countries[r] != beyond)
            best = (_resolve(gaz, replace(cand, records=others), evidence) if others else None) or best
        if best is None:
            continue
        if gaz.kinds[best] == CITY and _as_government(text, cand) and \
                gaz.populations[best] >= NOTABLE_POPULATION and ctx.word_before(cand.start) not in _LOCATIVES:
            # "since Islamabad ordered undocumented foreigners to leave": the government, as "Washington" is
            nation = _country_named(gaz, gaz.countries[best])
            if nation is not None:
                mentions.append(_mention(gaz, cand, nation, text, cand.end))
                if gaz.countries[nation] not in countries:
                    countries.append(gaz.countries[nation])  # the text names the country, as its government
                continue
        if gaz.kinds[best] == CITY and cand.after == "district" and not cand.town_named \
                and (district := gaz.district(cand.key, [gaz.countries[best]], gaz.admin1_codes[best])):
            # "Sinjar district": the district the town is named after, where there is one, and a place apart
            # from the town (which the text may name too)
            mentions.append(_district_mention(cand, district, text, lowered.find("district", cand.end) + 8))
            districts[best] = district
            continue
        if gaz.kinds[best] == CITY and not cand.town_named and not is_dateline(text, cand.start, cand.end):
            towns_alone.append((len(mentions), cand, best))
        end = cand.end
        if gaz.kinds[best] in AREAS and cand.after in ADMIN_WORDS \
                or gaz.kinds[best] == ADMIN2 and cand.after in DISTRICT_WORDS:
            end = lowered.find(cand.after, end) + len(cand.after)
        mentions.append(_mention(gaz, cand, best, text, end))
    # Once the text has named "the Sirwah district", Sirwah alone is the district too: the town is "Sirwah town",
    # "the town of Sirwah" or the dateline's.
    for index, cand, best in towns_alone if districts else ():
        if best in districts:
            mentions[index] = _district_mention(cand, districts[best], text, cand.end)
    mentions = _placed_elsewhere(gaz, text, mentions, countries)
    if _SHARED_NAME_CUE.search(text):
        mentions += _sharing_their_name(gaz, text, mentions)
    camps = _camps(text, gaz, mentions)
    if camps:  # a camp named after a town but elsewhere ("the Gubio camp in Maiduguri") is not the town
        covered = {i for camp in camps for i in range(camp.start, camp.end)}
        mentions = [m for m in mentions if m.start not in covered] + camps
        # "the Nguenyyiel and Kule camps. Nguenyyiel, already hosting 80,000": the camp, named again alone
        bare = {camp.name.rsplit(" ", 1)[0]: camp for camp in camps}
        # ("refugees were staying at Markazi": Djibouti's camp again, not the province of Iran named so)
        mentions = [m for m in mentions if m.kind == "camp" or m.surface not in bare
                    or m.country == bare[m.surface].country]
        mentions += repeats(text, bare, [(m.start, m.end) for m in mentions])
    # With no country named, the places say which country the text is about ("fled Chibok" is Nigeria).
    if not countries:
        for mention in mentions:
            if mention.country and mention.country not in countries:
                countries.append(mention.country)
    mentions.extend(extract_localities(text, gaz, mentions, countries))
    mentions.sort(key=lambda m: m.start)
    if "call" in text:  # "Stepanakert, which Azerbaijan calls Khankendi": one place, named twice
        mentions = _one_place_two_names(text, mentions)
    return _number_unknown(_admin_names_as_written(mentions)), countries


# "North and South Kivu", "East and West Hararghe", "Upper, Middle and Lower Juba": the name after the last
# direction word is every one's.
_SIDES = r"(?:North|South|East|West|Upper|Middle|Lower|Central)(?:ern)?"
# (what every such list holds, and the regex engine can search for fast from its literal start: one regex
# from the first direction word would be tried at every offset of every text, for twenty times the cost)
_SHARED_NAME_CUE = re.compile(rf"and\s+{_SIDES}\s")
_SHARING_BEFORE = re.compile(rf"((?:{_SIDES},\s+)*{_SIDES}),?\s+and\s+$")
_DIRECTION_WORD = re.compile(_SIDES)


def _sharing_their_name(gaz: Gazetteer, text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The places named by the direction words before a place that share its name ("North and South Kivu
    provinces": North Kivu too), where the gazetteer has one so named in the same country."""
    found = []
    taken = {m.start for m in mentions}
    for m in mentions:
        first, _, rest = m.surface.partition(" ")
        if not rest or not _DIRECTION_WORD.fullmatch(first):
            continue
        before = _SHARING_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is None:
            continue
        for word in _DIRECTION_WORD.finditer(text, before.start(1), before.end(1)):
            if word.start() in taken:
                continue  # already a place of its own
            records = [r for r in gaz.lookup(f"{word.group()} {rest}") if gaz.countries[r] == m.country]
            if records:
                same_kind = [r for r in records if gaz.kinds[r] == m.kind]
                # (named as the text implies it, over the direction word's span)
                found.append(gazetteer_mention(gaz, (same_kind or records)[0], word.start(), word.end(),
                                               f"{word.group()} {rest}"))
    return found


# What puts a place inside the next one: "Palma in (northern) Mozambique", "Palma, in Cabo Delgado".
_INSIDE = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|far)[\w-]*\s+)?$")


# Another name for the place just named: "Stepanakert, which Azerbaijan calls Khankendi".
_CALLED = re.compile(r",\s+(?:which|what)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}calls?\s+$")


def _one_place_two_names(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions without the other names the text gives a place it has just named; a place the gazetteer
    lacks takes the record of its other name ("Stepanakert, which Azerbaijan calls Khankendi" is Khankendi's
    point, named Stepanakert)."""
    by_end = {m.end: m for m in mentions}
    known: dict[str, PlaceMention] = {}  # the name the text uses first -> the record of the other name
    dropped: set[int] = set()
    for m in mentions:
        called = _CALLED.search(text, max(0, m.start - 60), m.start)
        first = by_end.get(called.start()) if called else None
        if first is not None and first.kind != COUNTRY:
            dropped.add(m.start)
            if first.record < 0 <= m.record:
                known[first.name] = m
    # The other name's mention, where the first name stands and named as it is.
    return [replace(known[m.name], start=m.start, end=m.end, surface=m.surface, name=m.name)
            if m.name in known and m.record < 0 else m
            for m in mentions if m.start not in dropped]


def _placed_elsewhere(gaz: Gazetteer, text: str, mentions: list[PlaceMention],
                      named: Sequence[str]) -> list[PlaceMention]:
    """Mentions, with the towns the text itself puts in another country taken as that country's namesake
    ("Tripoli in Lebanon"), or dropped when it has none: "the coastal town of Palma in Mozambique's Cabo
    Delgado province" is not Spain's Palma (and is then found as a town GeoNames lacks). Nor is Palma listed
    after Mocimboa da Praia, when the text names Mozambique and not Spain, and names no other Spanish place."""
    ordered = sorted(mentions, key=lambda m: m.start)
    moved: dict[int, PlaceMention | None] = {}
    for i, here in enumerate(ordered):
        before = ordered[i - 1] if i else None
        there = ordered[i + 1] if i + 1 < len(ordered) else None
        if here.kind != CITY:
            continue
        # ("Tripoli in Lebanon", "Paris, Texas")
        if there is not None and there.country != here.country and (there.kind == COUNTRY or there.kind in AREAS) \
                and (_INSIDE.match(text, here.end, there.start) or text[here.end:there.start] == ", "):
            country = there.country
        elif here.country not in named and (country := _listed_with(text, before, here, there)) in named \
                and all(m.surface == here.surface for m in mentions if m.country == here.country):
            pass  # a town of a country the text names no other way, listed with towns of one it names
        else:
            continue
        namesakes = [r for r in gaz.lookup(here.surface) if gaz.countries[r] == country and gaz.kinds[r] == CITY]
        best = max(namesakes, key=lambda r: gaz.populations[r], default=None)
        moved[id(here)] = None if best is None else gazetteer_mention(gaz, best, here.start, here.end, here.surface)
    if not moved:
        return mentions
    kept = (moved.get(id(m), m) for m in mentions)
    return [m for m in kept if m is not None]


_LISTED = re.compile(r",\s+|,?\s+and\s+")


def _listed_with(text: str, before: PlaceMention | None, here: PlaceMention, there: PlaceMention | None) -> str:
    """The country of the places listed right before or after here ("Mocimboa da Praia, Palma and ..."), when
    those listed are of one country, not here's; else ''."""
    listed = {m.country for m in (before, there) if m is not None and m.kind != COUNTRY
              and _LISTED.fullmatch(text, *((m.end, here.start) if m is before else (here.end, m.start)))}
    return listed.pop() if len(listed) == 1 and here.country not in listed else ""


def _admin_names_as_written(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """An admin area is named as the article first spells it ("East Darfur State", "Amran Governorate"),
    not by GeoNames' often older or French form ("Eastern Darfur", "Omran", "Nord Kivu"); its id stays
    the GeoNames code, so spellings still meet across articles."""
    names: dict[int, str] = {}
    for m in mentions:
        if m.kind == ADMIN1 and m.record not in names:
            names[m.record] = _written_admin_name(m)
    renamed = [replace(m, name=names[m.record]) if m.kind == ADMIN1 and m.name != names[m.record] else m
               for m in mentions]
    # Places put near an area say its name as written too ("near North Kivu Province").
    written = {m.name: r.name for m, r in zip(mentions, renamed, strict=True) if m.name != r.name}
    return [replace(m, near=written[m.near]) if m.near in written else m for m in renamed] if written else renamed


def _written_admin_name(mention: PlaceMention) -> str:
    words = mention.surface.split()
    kind = ""
    while len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        kind = words.pop().title()
    core = " ".join(words)
    if core.isupper() or core.islower() or core.lower().startswith("the "):
        return mention.name
    # The kind the article writes wins over the country's usual one ("Sagaing Region", not "Sagaing State"), where
    # the country has more than one.
    if kind and mention.country not in UNIFORM_ADMIN_TYPES:
        return f"{core} {kind}"
    return admin_display_name(core, mention.country)


def _number_unknown(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Places outside the gazetteer get record numbers below zero, one per name, so that counting
    mentions by record tells two camps apart."""
    numbers: dict[str, int] = {}
    return [replace(m, record=numbers.setdefault(m.name, -1 - len(numbers))) if m.record < 0 else m
            for m in mentions]
