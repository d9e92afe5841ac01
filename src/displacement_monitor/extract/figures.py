"""Displacement figures: a number, what it counts, what happened to them, who says so, and where."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Figure, PlaceMention
from .numbers import NumberMatch, find_numbers
from .sources import find_source

PEOPLE_NOUNS = {
    "people", "persons", "person", "individuals", "civilians", "residents", "inhabitants", "villagers",
    "children", "women", "men", "idps", "idp", "migrants", "citizens", "nationals", "others", "more",
    "returnees", "refugees", "evacuees", "displaced", "homeless", "survivors", "asylum-seekers",
    "newcomers", "arrivals", "minors", "pupils", "students", "farmers", "herders", "pastoralists",
    "fishermen", "workers", "patients", "elderly", "girls", "boys", "adults", "orphans", "dwellers",
}
HOUSEHOLD_NOUNS = {"families", "family", "households", "household"}
HOUSE_NOUNS = {"houses", "homes", "shelters", "dwellings", "buildings", "huts", "residences", "apartments",
               "flats", "house", "home", "homesteads", "structures", "tents"}
NOUN_TERMS = {"refugees": "refugees", "returnees": "returned", "evacuees": "evacuated",
              "displaced": "displaced", "idps": "displaced", "idp": "displaced", "homeless": "homeless",
              "asylum-seekers": "refugees"}
# Nouns that end the search: the number counts something that is not displaced people.
OTHER_NOUNS = {
    "killed", "dead", "deaths", "died", "casualties", "wounded", "injured", "bodies", "victims",
    "soldiers", "troops", "fighters", "militants", "rebels", "police", "policemen", "officers", "insurgents",
    "combatants", "jihadists", "gunmen", "members", "militiamen", "recruits", "trucks", "lorries",
    "vehicles", "cars", "schools", "camps", "sites", "hospitals", "clinics", "tonnes", "tons", "meals",
    "doses", "cases", "cattle", "livestock", "head", "km", "kilometres", "kilometers", "miles", "metres",
    "meters", "hectares", "acres", "dollars", "euros", "pounds", "francs", "shillings", "rials", "riyals",
    "dinars", "percent", "per", "hours", "days", "weeks", "months", "years", "year", "minutes", "votes",
    "seats", "times", "units", "beds", "kits", "litres", "liters", "kg", "mm", "cm", "degrees", "points",
    "districts", "villages", "towns", "cities", "provinces", "countries", "states", "communes", "localities",
    "organisations", "organizations", "agencies", "partners", "staff", "teachers", "doctors", "nurses",
    "year-old", "years-old", "aid", "projects", "tents", "rounds", "missiles", "rockets", "strikes",
    "attacks", "incidents", "arrests", "detainees", "prisoners", "hostages", "abductions",
}
SKIPPABLE = {
    "internally", "newly", "other", "additional", "new", "more", "local", "mostly", "recently", "already",
    "registered", "vulnerable", "affected", "poor", "of", "the", "them", "those", "whom", "from", "a", "an",
    "estimated", "some", "also", "still", "now", "displaced", "homeless", "young", "elderly", "further",
    "and", "or", "nearly", "about", "around", "who", "had", "have", "has", "were", "are", "been",
}
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()

TERM_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("refugees", re.compile(r"\b(?:refugees?|crossed (?:into|over|the border)|crossing into|sought "
                            r"(?:refuge|asylum)|asylum|fled (?:across|over) the border)\b")),
    ("returned", re.compile(r"\b(?:returned|returnees?|returning|went back|gone back|have gone home"
                            r"|go home|come home|came home|back to their homes)\b")),
    ("evacuated", re.compile(r"\b(?:evacuat\w*|relocated|rescued|moved to safety|airlifted)\b")),
    ("homeless", re.compile(r"\b(?:homeless|without shelter|lost their homes|without a roof)\b")),
    ("destroyed", re.compile(r"\b(?:destroy\w*|damaged|razed|flattened|burn(?:ed|t) down|burn(?:ed|t)"
                             r"|washed away|swept away|collapsed|levelled|leveled)\b")),
    ("sheltered", re.compile(r"\b(?:shelter(?:ing|ed|s)?|in (?:\w+ )?camps?|housed|hosted|hosting|host "
                             r"famil\w+|hosts?|staying with|living with|living in|taken in|took in|taking in"
                             r"|accommodated|lodged|sleeping in|camped)\b")),
    ("displaced", re.compile(r"\b(?:displac\w+|fled|flee|flees|fleeing|left(?! behind)|leave|leaving"
                             r"|uprooted|forced (?:from|out|to leave|to flee|to move)|driven (?:from|out)"
                             r"|escaped|abandon\w*|idps?|on the move|arrived|arrivals|moved|made their way"
                             r"|headed|heading|exodus|run from|ran from|poured)\b")),
]
CASUALTY = re.compile(r"\b(?:killed|kill|dead|died|die|deaths?|injured|injuring|wounded|wounding|missing"
                      r"|casualties|death toll|toll|massacred|executed|slain|murdered|drowned|buried)\b")
FORECAST = re.compile(r"\b(?:could|may|might|would|will|shall|expected to|likely to|set to|projected"
                      r"|forecast|plans? to|planning to|prepar\w+ for|contingency|at risk|risk of"
                      r"|threaten\w*|fears?|feared|warned|warns|potentially|if)\b")
PERFECT_AFTER_MODAL = re.compile(r"\b(?:could|may|might|would|will)\s+(?:have|already have|well have)\b")
DENIAL = re.compile(r"\b(?:denied|denies|deny|no one|nobody|not|never|false|rejected)\b")
POPULATION = re.compile(r"\b(?:home to|population of|populations? (?:is|was|of)|city of|town of|inhabited by"
                        r"|pre-war population|census)\W*(?:\w+\W+){0,2}$")
QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("more than", re.compile(r"\b(?:more than|over|upwards of|in excess of|above|exceeding|exceeded)\s*$")),
    ("at least", re.compile(r"\b(?:at least|no fewer than|no less than|a minimum of|minimum)\s*$")),
    ("nearly", re.compile(r"\b(?:nearly|almost|close to|just under|just short of|approaching)\s*$")),
    ("up to", re.compile(r"\b(?:up to|as many as|as much as|a maximum of)\s*$")),
    ("estimated", re.compile(r"\b(?:an estimated|estimated|est\.)\s*$")),
    ("about", re.compile(r"\b(?:about|around|roughly|approximately|some|circa|approx\.|an average of"
                         r"|more or less|nearly about|of about|of around|of some)\s*$")),
    ("less than", re.compile(r"\b(?:less than|fewer than|under|below)\s*$")),
]
ORIGIN_WORDS = {"from", "fled", "left", "fleeing", "flee", "escaped", "abandoned", "leaving", "out", "deserted",
                "uprooted", "displaced", "evacuated", "emptied", "empties"}
DESTINATION_WORDS = {"to", "for", "towards", "toward", "into", "reached", "reach", "arrived", "entered"}

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(\d])|\n+")
# A full stop after these does not end a sentence ("Feb. 11", "U.S. officials", "Mr. Ali").
ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                 "sept", "oct", "nov", "dec", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "u.s", "u.n",
                 "approx", "est", "vs", "etc", "e.g", "i.e", "mt", "ft"}
_WORD = re.compile(r"[\w'\u2019-]+|[^\w\s]")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[\u2013\u2014-]\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its offset."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; abbreviations such as 'Feb.' and 'U.S.' do not end one."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        end = match.start() + len(match.group().rstrip())
        _add_sentence(sentences, text, pos, end)
        pos = match.end()
    _add_sentence(sentences, text, pos, len(text))
    return sentences


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + (len(chunk) - len(chunk.lstrip()))
        out.append(Sentence(offset, offset + len(stripped), stripped))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@dataclass
class _Reading:
    """What the words around one number say."""

    unit: str | None
    noun_term: str | None
    noun_end: int  # offset in the sentence just after the head noun (or the number)


def _head_noun(after: str, number_end: int) -> _Reading:
    """The first noun after the number that says what is counted."""
    offset = 0
    for count, match in enumerate(_WORD.finditer(after)):
        if count > 7:
            break
        word = match.group().lower().strip("'\u2019")
        if word in {",", ".", ";", ":", "(", ")", "\u2013", "\u2014"}:
            break
        offset = match.end()
        if word in HOUSEHOLD_NOUNS:
            return _Reading("households", None, number_end + offset)
        if word in HOUSE_NOUNS and word != "tents":
            return _Reading("houses", None, number_end + offset)
        if word in PEOPLE_NOUNS and not (word in {"displaced", "homeless", "more"} and _next_is_noun(after, match)):
            return _Reading("people", NOUN_TERMS.get(word), number_end + offset)
        if word in OTHER_NOUNS or word in MONTHS:
            return _Reading(None, None, number_end + offset)
        if word in SKIPPABLE or match.group()[:1].isupper() or word.endswith("ly"):
            continue
        if _is_plural_demonym(match.group()):
            return _Reading("people", None, number_end + offset)
        return _Reading("implicit", None, number_end)
    return _Reading("implicit", None, number_end)


def _next_is_noun(after: str, match: re.Match[str]) -> bool:
    rest = _words(after[match.end():])[:3]
    return any(w in PEOPLE_NOUNS | HOUSEHOLD_NOUNS | HOUSE_NOUNS for w in rest)


def _is_plural_demonym(word: str) -> bool:
    return word[:1].isupper() and re.search(r"(?:ans|is|ese|ans|ians)$", word) is not None


def _term_in(text: str, reverse: bool = False) -> tuple[str, int] | None:
    """The displacement term nearest the start of text (or its end when reverse), with its distance."""
    best: tuple[str, int] | None = None
    for term, pattern in TERM_PATTERNS:
        for match in pattern.finditer(text):
            distance = len(text) - match.end() if reverse else match.start()
            if best is None or distance < best[1]:
                best = (term, distance)
    return best


def _clause_window(sentence: str, start: int, end: int) -> tuple[str, str]:
    """Text of the number's clause before and after it, cut at semicolons, dashes and 'but'."""
    before = sentence[:start]
    after = sentence[end:]
    cut = list(_CLAUSE_BREAK.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    nxt = _CLAUSE_BREAK.search(after)
    if nxt:
        after = after[: nxt.start()]
    return before, after


def _qualifier(before: str, clause: str) -> str | None:
    tail = before[-40:].lower()
    for name, pattern in QUALIFIERS:
        if pattern.search(tail):
            return name
    if re.search(r"\bestimat\w*", clause.lower()):
        return "estimated"
    if re.search(r"\bbelieved\b|\bthought to\b", clause.lower()):
        return "believed"
    return None


def _excluded(sentence: str, num: NumberMatch, start: int, end: int) -> bool:
    """Money, percentages, dates, years, ages, ranges of days, population counts."""
    before = sentence[:start]
    after = sentence[end:]
    if re.search(r"(?:[$\u20ac\u00a3\u00a5]|US\$|USD|EUR|GBP|CHF|Rs\.?)\s*$", before):
        return True
    if re.match(r"\s*(?:%|percent\b|per cent\b|-year|-month|-day|-week|-km|km\b|:|\.\d|th\b|st\b|nd\b|rd\b)", after):
        return True
    if re.search(r"\d\s*[-\u2013/]\s*$", before) or re.match(r"\s*[-\u2013/]\s*\d{1,2}\b(?!,\d)", after):
        return True
    if re.match(r"\d{4}$", num.text) and 1900 <= num.value <= 2100:
        return True
    if re.search(r"\b(?:" + "|".join(MONTHS) + r")\.?\s*$", before.lower()):
        return True
    if re.match(r"\s*(?:" + "|".join(MONTHS) + r")\b", after.lower()):
        return True
    if re.search(r"\b(?:aged|age|ages|no\.|number|resolution|article|phase|category|level|route|highway"
                 r"|chapter|section|kilometre|km|mile|room|flight|page)\s*$", before.lower()):
        return True
    return bool(POPULATION.search(before.lower()))


def _casualty_near(before: str, after: str) -> bool:
    """'264 civilians killed', 'killed 15 people': the number counts the dead or hurt."""
    near_after = " ".join(_words(after)[:5])
    near_before = " ".join(_words(before)[-4:])
    return bool(CASUALTY.search(near_after) or CASUALTY.search(near_before))


def _forecast(before: str, after: str, term_after: bool) -> bool:
    """'could displace 200,000', '200,000 may flee', 'at risk': not an event that happened."""
    span = after[:60] if term_after else before[-50:]
    lowered = span.lower()
    if PERFECT_AFTER_MODAL.search(lowered):
        return False
    return bool(FORECAST.search(lowered))


def _denied(before: str) -> bool:
    return bool(re.search(r"\b(?:denied|denies|deny|rejected claims?)\b", before.lower()))


def _read_figure(sentence: Sentence, num: NumberMatch, lo: int, hi: int) -> Figure | None:
    """The figure a number stands for, or None; lo and hi bound the number's share of the sentence."""
    start, end = num.start - sentence.start, num.end - sentence.start
    text = sentence.text
    if _excluded(text, num, start, end):
        return None
    before, after = _clause_window(text, start, end)
    reading = _head_noun(after, end)
    if reading.unit is None:
        return None
    if _casualty_near(before, after) and reading.noun_term is None:
        return None
    term_after = _term_in(after[: 90])
    term_before = _term_in(before[-70:], reverse=True)
    term = reading.noun_term
    if term is None or term == "displaced":
        found = _pick_term(term_before, term_after)
        term = found or term
    if term is None:
        return None
    if reading.unit == "implicit":
        if term_after is None or term_after[1] > 25:
            return None
        reading = _Reading("people", None, end)
    if reading.unit == "houses":
        if term != "destroyed":
            return None
    elif term == "destroyed":
        term = "homeless" if reading.unit == "people" else "displaced"
    if _forecast(before, after, term_after is not None and (term_before is None or term_after[1] <= 40)):
        return None
    if _denied(before):
        return None
    segment = text[max(lo, start - len(before)):min(hi, end + len(after))]
    return Figure(
        quantity=num.value, unit=reading.unit, term=term, start=num.start, end=num.end,
        number_text=num.text, sentence=text, sentence_start=sentence.start,
        qualifier=_qualifier(before, segment), vague=num.vague,
    )


def _pick_term(before: tuple[str, int] | None, after: tuple[str, int] | None) -> str | None:
    """The term closest to the number; a term just after it wins ties ('40,000 people have fled')."""
    if after and (before is None or after[1] <= before[1] + 15):
        return after[0]
    if before:
        return before[0]
    return None


def _ranges(numbers: list[NumberMatch], text: str) -> tuple[list[NumberMatch], dict[int, int]]:
    """Join 'between 3,000 and 5,000' and '3,000 to 5,000' into one number with an upper bound."""
    kept: list[NumberMatch] = []
    upper: dict[int, int] = {}
    skip: set[int] = set()
    for i, num in enumerate(numbers):
        if i in skip:
            continue
        if i + 1 < len(numbers):
            nxt = numbers[i + 1]
            gap = text[num.end:nxt.start]
            lead = text[max(0, num.start - 8):num.start].lower()
            if (re.fullmatch(r"\s*(?:to|-|\u2013)\s*", gap) or ("between" in lead and gap.strip() == "and")) \
                    and nxt.value > num.value and not num.vague:
                upper[num.start] = nxt.value
                skip.add(i + 1)
        kept.append(num)
    return kept, upper


def extract_figures(text: str, places: Sequence[PlaceMention]) -> list[Figure]:
    """Every displacement figure in text, with the indexes of the places it is about."""
    figures: list[Figure] = []
    sentences = split_sentences(text)
    numbers, upper = _ranges(find_numbers(text), text)
    by_sentence: dict[int, list[NumberMatch]] = {}
    for num in numbers:
        for si, sentence in enumerate(sentences):
            if sentence.start <= num.start < sentence.end:
                by_sentence.setdefault(si, []).append(num)
                break
    from .linking import link_places

    previous_source: str | None = None
    for si, sentence in enumerate(sentences):
        source = find_source(sentence.text, previous_source)
        if source:
            previous_source = source
        found = []
        in_sentence = by_sentence.get(si, [])
        for k, num in enumerate(in_sentence):
            lo = in_sentence[k - 1].end - sentence.start if k else 0
            hi = in_sentence[k + 1].start - sentence.start if k + 1 < len(in_sentence) else len(sentence.text)
            figure = _read_figure(sentence, num, lo, hi)
            if figure is not None:
                found.append(replace(figure, quantity_max=upper.get(num.start), source=source))
        figures.extend(link_places(found, sentence, sentences, places, text))
    return _dedupe(figures, text)


def _dedupe(figures: list[Figure], text: str) -> list[Figure]:
    """One figure reported twice (headline and body) is kept once, with the body's details."""
    headline_end = text.find("\n") if "\n" in text.strip() else -1
    kept: dict[tuple[int, str, str], Figure] = {}
    for fig in figures:
        key = (fig.quantity, fig.unit, fig.term)
        old = kept.get(key)
        if old is None:
            kept[key] = fig
        elif old.start < headline_end <= fig.start:
            kept[key] = replace(fig, places=tuple(dict.fromkeys(fig.places + old.places)))
    return sorted(kept.values(), key=lambda f: f.start)
