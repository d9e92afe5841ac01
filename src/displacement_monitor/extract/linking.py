"""Which places a figure is about: its clause's places, origins before destinations."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Protocol

from ..gazetteer import ADMIN1, ADMIN2, CITY, capitals, fold
from ..models import Figure, PlaceMention
from .lexicon import DIRECTION, Caseless, holds_any
from .localities import LOCALITY
from .sentences import Sentence, is_dateline, is_venue, sentence_around

# ("fled their homes in the X neighbourhood": homes in a place are where people came from)
ORIGIN = Caseless(r"\b(?:from|fled|left|fleeing|flee|escaped|abandoned|leaving|out of|deserted|uprooted"
                  r"|displaced (?:from|in|by (?:\w+ ){1,3}in)|evacuated (?:from)?|emptied|homes in|of)\s+(?:the\s+)?"
                  r"(?:\w+\s+){0,3}$")
# "of" makes an origin ("residents of X", "parts of X") unless X only says where another place lies
# ("on the outskirts of X", "50 km north of X", "the capital of X").
_WHERE_OF = Caseless(r"\b(?:outskirts|edges?|north|south|east|west|outside|km|kilometres|kilometers|miles|capital"
                     r"|(?:main|largest|biggest|second|principal) (?:town|city)"
                     r"|\bin the (?:state|province|region|governorate|county|district|department))"
                     r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}$")
# "Bor South County of Jonglei State", "the Carrefour-Feuilles neighbourhood of Port-au-Prince": the second place
# says where the first lies.
_AREA_OF = re.compile(r"[A-Z][\w'\u2019-]*\s+(?:County|District|Province|State|Region|Governorate|Department"
                      r"|Municipality|Territory|county|district|province|territory|counties|districts|provinces"
                      r"|territories|Counties|Districts|Provinces|Territories|neighbourhood|neighborhood|suburb|quarter"
                      r"|township|commune|Township|Commune)\s+(?:of|in)\s+"
                      rf"(?:{DIRECTION}(?:ern)?\s+)?$")
DESTINATION = Caseless(r"\b(?:to|for|towards|toward|into|reached|reach|arrived in|entered|headed for"
                       r"|heading for|made their way to)\s+(?:the\s+)?(?:\w+\s+){0,2}$")
# Places listed together ("Tikrit and Samarra"), or one inside the other ("Ituri's Djugu territory").
# "Sake and the town of Goma" is a list too (but "the Amhara region, the city of Dessie" names where Dessie is).
_LIST_GAP = re.compile(r"^(?:\s*(?:,|and|, and|or|&)\s*|,?\s+(?:and|or)\s+the\s+(?:nearby\s+|neighbou?ring\s+)?"
                       r"(?:town|city|village|camp|settlement|area|district|province|region|state|county|governorate)"
                       r"\s+of\s+|['\u2019]s\s+)$")
# "The village" and "the district" may be places the gazetteer lacks (most districts are). "The town" and "the
# city" still mean a town it knows: letting them mean a locality too cost as much as it gained on our reports.
_TOWNS = (CITY, LOCALITY)
_DISTRICTS = (ADMIN2, LOCALITY)
ANAPHORA: dict[str, tuple[str, ...]] = {
    "the city": (CITY,), "the town": (CITY,), "the village": _TOWNS, "the camp": ("camp",), "the province": (ADMIN1,),
    "the governorate": (ADMIN1,), "the region": (ADMIN1,), "the state": (ADMIN1,), "the prefecture": (ADMIN1,),
    "the district": _DISTRICTS, "the county": _DISTRICTS, "the township": _DISTRICTS}


class Span(Protocol):
    """What linking reads of a figure: where its number is (a Figure, or a figure still being read)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def term(self) -> str: ...


# A place in an aside that describes the place before it: "Minova, a town on the shore of Lake Kivu in South Kivu,",
# "Saguiaran, the first town on the road from Marawi to Iligan," (the road's ends only say where the town is).
# (Not "of": "In Amhara, the city of Dessie".)
_DESCRIBED_IN = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|district|camp|settlement"
                           r"|commune|municipality|locality|hamlet|port|suburb|neighbou?rhood|area)\b[^,;.()]{0,60}?"
                           r"\b(?:in|near|from|to|between|and)\s+(?:the\s+)?$")


# A place that names whose officials speak: "the Red Sea state authorities reported that 3,000 families arrived in
# Port Sudan" is about Port Sudan.
# The bodies that speak for a place, after its name or before "of" and its name.
_SPEAKING_BODIES = r"authorities|officials|government|governor|administration|ministry|council|mayor|minister"
_SPEAKERS_OF = re.compile(r"(?:\s+(?:state|province|provincial|regional|district|county|city|municipal|local))?"
                          rf"\s+(?:{_SPEAKING_BODIES})\b", re.IGNORECASE)


# ... or, named before it, whose place it is: "the governor of Norte de Santander said 18,500 people were housed in
# shelters in Cucuta" is about Cucuta.
_SPEAKER_OF = re.compile(rf"\b(?:{_SPEAKING_BODIES})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_NEAR = re.compile(r"\b(?:near|outside|around|beside|close to|next to)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_KIND_BEFORE_OF = re.compile(r"\b(?:town|city|village|camp|settlement|district|province|region|state|county"
                             r"|governorate|area|department|prefecture|municipality|commune|territory|zone|oblast)\s+$",
                             re.IGNORECASE)


def _origins_of_the_same(origins: list[tuple[list[tuple[int, PlaceMention]], int]], figures: Sequence[Span],
                         fig: Span) -> list[list[tuple[int, PlaceMention]]]:
    """Where the sentence says people came from, as (group, owning figure), unless one figure counts returns and
    the other does not: where 12,000 remain displaced from is not where 5,000 who returned to Tel Afar came from."""
    return [g for g, k in origins if (figures[k].term == "returned") == (fig.term == "returned")]


def _role(text: str, mention: PlaceMention, sentence_start: int) -> str:
    if _SPEAKERS_OF.match(text, mention.end) or _SPEAKER_OF.search(text, max(0, mention.start - 30), mention.start):
        return "locator"
    lead = text[max(sentence_start, mention.start - 45):mention.start]
    if _WHERE_OF.search(lead) or (" of " in lead[-22:] or " in " in lead[-22:]) and _AREA_OF.search(lead):
        return "locator"  # "on the outskirts of Imphal" says where the place before it is
    if "," in text[max(sentence_start, mention.start - 110):mention.start] \
            and _DESCRIBED_IN.search(text, max(sentence_start, mention.start - 110), mention.start):
        return "locator"
    origin = ORIGIN.search_last(lead)
    if origin is not None and origin.group().startswith("of"):
        kind = _KIND_BEFORE_OF.search(lead, 0, origin.start())
        if kind is not None:  # "the town of Dhusamareb": that "of" only names the town, and what comes before
            lead = lead[:kind.start()]  # "the town" says where people went ("towards the port city of Hodeidah")
            if _NEAR.search(lead):
                return "neutral"  # ("landfall near the port city of Quelimane" says where, not whence)
            if DESTINATION.search_last(lead) is None:
                return "origin"  # ("fleeing the assault on the city of Homs")
            origin = ORIGIN.search_last(lead)
    destination = DESTINATION.search_last(lead)
    # The word nearer the place says which: "displaced from Mayom county to Bentiu" went to Bentiu, and so did
    # people "forced to flee to" it.
    if origin and not (destination and destination.start() > origin.start()):
        return "origin"
    if destination:
        return "destination"
    return "neutral"


# A place owning the next one: "Rakhine state's Minbya", "Manica's Mossurize".
_OWNS = re.compile(r"(?:\s+(?i:state|province|region|district|governorate|county))?['\u2019]s\s+")


def _groups(mentions: list[tuple[int, PlaceMention]], text: str) -> list[list[tuple[int, PlaceMention]]]:
    """Places listed together ('Tikrit and Samarra') form one group."""
    groups: list[list[tuple[int, PlaceMention]]] = []
    for item in mentions:
        if groups and _LIST_GAP.match(text[groups[-1][-1][1].end:item[1].start]):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _distance(group: list[tuple[int, PlaceMention]], fig: Span) -> int:
    start, end = group[0][1].start, group[-1][1].end
    return max(start - fig.end, fig.start - end, 0)


_GOVERNED = Caseless(r"\b(?:from|in|into|to|of|at|near|across|around|for|towards|toward|out|outside"
                     r"|fled|left|flee|fleeing|displaced|evacuated|returned|arrived|crossed|reached)\b")


# A new clause: what follows it is not governed by a verb before it ("..., while Kaya hosts 120,000").
# (", bringing the total in Salahuddin to 150,000": a clause of its own, with its own figure)
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|although|though|bringing|raising|taking|pushing)\b|;\s")


NO_FIGURE = -1  # the owner of places in a clause of their own that gives no figure


def _owner(group: list[tuple[int, PlaceMention]], figures: Sequence[Span], text: str) -> int:
    """The figure a group of places belongs to: the figure before it when a verb or preposition
    links them ('40,000 people fled the cities of X'), else the nearest one ('X with 13,554')."""
    start = group[0][1].start
    before = [k for k, f in enumerate(figures) if f.end <= start]
    between = text[figures[before[-1]].end:start] if before else ""
    if before and not _CLAUSE_BREAK.search(between):
        if _GOVERNED.search(between):
            return before[-1]
    elif before:  # a clause of its own: its figure, if it has one ("..., while Kaya hosts 120,000")
        end = group[-1][1].end
        after = next((k for k, f in enumerate(figures) if f.start >= end), None)
        if after is not None and not _CLAUSE_BREAK.search(text[end:figures[after].start]):
            return after
        if after is None:
            return NO_FIGURE  # "..., while in Myanmar's Sittwe thousands fled": no figure of this sentence's
    return min(range(len(figures)), key=lambda k: _distance(group, figures[k]))


# A figure that is part of the one before: "2,100 people, including 530 children, from Pokrovsk".
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+(?:\w+\s+)?$", re.IGNORECASE)


_WHO = re.compile(r"\b(?:who|whom|whose|which|that)\b")


def _whole(k: int, figures: Sequence[Span], text: str) -> int:
    """The figure that figure k is a part of, if the text says it is one ("including 530 children"); else k."""
    while k > 0 and _PART_OF.search(text, max(figures[k - 1].end, figures[k].start - 25), figures[k].start):
        k -= 1
    return k


def _main_place(places: Sequence[PlaceMention], text: str) -> int | None:
    """The place named most often, the first of equals (often the dateline's, which reports call "the
    capital" or "the city" when they come back to it); where someone spoke ("told reporters in Geneva")
    does not count."""
    counts = Counter(p.record for p in places if p.kind != "country" and not is_venue(text, p.start, p.end))
    if not counts:
        return None
    top = max(counts.values())
    for i, p in enumerate(places):
        if p.kind != "country" and counts[p.record] == top:
            return i
    return None


def _last_before(places: Sequence[PlaceMention], kinds: tuple[str, ...], offset: int, starts: Sequence[int] | None,
                 text: str) -> int | None:
    """The index of the last place of one of kinds that starts before offset, but for where someone spoke ("told
    reporters in Geneva"); starts (the places' sorted start offsets) lets a long text skip the places after it."""
    end = bisect.bisect_left(starts, offset) if starts is not None else len(places)
    for i in range(end - 1, -1, -1):
        if places[i].kind in kinds and places[i].start < offset and not is_venue(text, places[i].start,
                                                                                 places[i].end):
            return i
    return None


# "there" as a place ("17,000 people there", "families living there", "authorities there registered 23,000", "taken
# from there"), not as in "there were" or "said there had".
_THERE = re.compile(r"\b(?:people|persons|residents|families|households|villagers|civilians|refugees|displaced|idps"
                    r"|others|inhabitants|those|living|staying|sheltering|arrived|remain|remained|moved|fled|settled"
                    r"|authorities|officials|camps|shelters|sites|registered|arrivals|homes|houses|from)"
                    r"\s+there\b(?!,?\s+(?:said|say|says|told|added|reported))",  # ("officials there said": who spoke)
                    re.IGNORECASE)


def _there(sentence: Sentence, places: Sequence[PlaceMention], text: str) -> int | None:
    """The place "there" stands for, when the sentence says it: the last one the sentence names before it
    ("Local authorities in Dollow said 3,000 families had arrived there"), else the first the sentence before
    names, below country level and not only to say where another place lies."""
    there = _THERE.search(sentence.text)
    if there is None:
        return None
    at = sentence.start + there.start()
    before = sentence_around(text, sentence.start - 1, sentence.start - 1)[0]
    own = [i for i, place in enumerate(places) if sentence.start <= place.start < at and place.kind != "country"
           and not is_dateline(text, place.start, place.end)]
    if own:
        return own[-1]
    for i, place in enumerate(places):
        if before <= place.start < sentence.start and place.kind != "country" \
                and not is_dateline(text, place.start, place.end) and _role(text, place, before) != "locator":
            return i
    return None


def _anaphor(sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None,
             text: str) -> int | None:
    lowered = sentence.text.lower()
    for phrase, kinds in ANAPHORA.items():
        if phrase not in lowered:
            continue
        said = next((m.start() for m in re.finditer(rf"\b{phrase}\b", lowered)
                     if not _MODIFIER_AFTER.match(lowered, m.end())), None)
        if said is not None:
            # the last such place named before the phrase, in this sentence too ("The Donetsk regional
            # administration said 1,150 houses in the region had been damaged")
            earlier = _last_before(places, kinds, sentence.start + said, starts, text)
            if earlier is not None:
                return earlier
    return None


# "the state capital", "the state emergency agency", "a state of emergency": the words say what kind of thing,
# and refer back to no place.
_MODIFIER_AFTER = re.compile(r"\s+(?:capital|government|governor|emergency|agency|authority|authorities|council"
                             r"|officials?|police|media|news|radio|television|assembly|legislature|administration"
                             r"|ministry|department|budget|of emergency|of disaster|of siege)\b"
                             # "the town of Tawila" names a town (not "a town of 20,000" or "the town of their birth")
                             r"|\s+of\s+(?!\d|(?:the|its|their|his|her|our|some|about|around|more|over|nearly|origin)\b)")


_WIDER = re.compile(r"\b(?:in total|the total|overall|altogether|in all|brought the number|bringing the number"
                    r"|the capital)\b", re.IGNORECASE)
# (and "12,500 of the town's displaced", "the city's residents": people of the place)
_ANAPHORIC_ORIGIN = Caseless(r"\b(?:from|fled|left|fleeing|out of)\s+(the (?:city|town|village|province|governorate"
                             r"|region|state|prefecture|district|county|township))\b"
                             r"|\b(the (?:city|town|village|district|township))['\u2019]s\s+(?:displaced|residents"
                             r"|evacuees|people|inhabitants|families|households)\b"
                             # ("have left Haiti's shattered capital")
                             r"|\b(?:from|fled|left|fleeing|out of)\s+(?:the|\w+['\u2019]s)\s+(?:\w+\s+)?(capital)\b")


# What every _ANAPHORIC_ORIGIN match ends in, in the three cases texts write it in.
_REFERENCE_WORDS = tuple(form for word in ("city", "town", "village", "province", "governorate", "region", "state",
                                           "prefecture", "district", "county", "township", "capital")
                         for form in (word, word.title(), word.upper()))


def _may_refer_back(sentence: str) -> bool:
    return holds_any(sentence, _REFERENCE_WORDS)


def _moved_within(sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None,
                  own: list[tuple[list[tuple[int, PlaceMention]], list[str]]],
                  text: str) -> list[list[tuple[int, PlaceMention]]]:
    """The town people moved within, when a figure's own places are only where they went and the sentence
    refers back to the town ("left their neighbourhoods for safer parts of the town and for the Kalma and Otash
    camps on its outskirts": Nyala's)."""
    if not own or not _may_refer_back(sentence.text):
        return []
    town = _anaphor(sentence, places, starts, text)
    return [[(town, places[town])]] if town is not None else []


# Where the figure's own clause says it is, by a word for a place named before: "housed in 91 camps across the
# district, most of them in Meppadi" is the district's; "crossed into Brazil through the town" the town's.
_IN_THE_AREA = re.compile(r"\b(?:in|across|throughout|through|at)\s+(?:\d[\d,]*\s+\w+\s+(?:in|across)\s+)?"
                          r"(the (?:district|province|region|state|county|governorate|city|town))\b(?!['\u2019])")


# What a word for a place may stand for when the sentence itself names the place: towns the gazetteer lacks, and
# districts it has as their towns.
_LOOSELY: dict[str, tuple[str, ...]] = {"the town": _TOWNS, "the city": _TOWNS, "the district": (*_DISTRICTS, CITY),
                                        "the county": (*_DISTRICTS, CITY)}


def _in_the_area(fig: Span, sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None,
                 text: str) -> list[list[tuple[int, PlaceMention]]]:
    """The place a word like "the district" in the figure's own clause, after it, stands for (see _IN_THE_AREA)."""
    stop = _PARTED.search(text, fig.end, sentence.end)
    found = _IN_THE_AREA.search(text, fig.end, stop.start() if stop else sentence.end)
    if found is None or _MODIFIER_AFTER.match(text[found.end():found.end() + 40].lower()):
        return []
    phrase = found.group(1).lower()
    # A place the sentence names first is the one meant, if it may be one ("In Koyra, 1,280 people were housed in
    # a college in the town"; "Muzaffargarh: about 500,000 remain displaced in the district"); else the last one
    # of the kind named before.
    here = _last_before(places, _LOOSELY.get(phrase, ANAPHORA[phrase]), found.start(1), starts, text)
    if here is not None and places[here].start >= sentence.start:
        return [[(here, places[here])]]
    # (a district the gazetteer knows before a locality, which may be a village: "houses across the district")
    referent = _last_before(places, (ADMIN2,), sentence.start, starts, text) if phrase == "the district" else None
    if referent is None:
        referent = _last_before(places, ANAPHORA[phrase], sentence.start, starts, text)
    return [[(referent, places[referent])]] if referent is not None else []


def _anaphoric_origin(sentence: Sentence, places: Sequence[PlaceMention],
                      starts: Sequence[int] | None, text: str) -> tuple[int, int] | None:
    """'350 families from the city': the city named last before this sentence, and where the sentence says so."""
    found = _ANAPHORIC_ORIGIN.search(sentence.text)
    if not found:
        return None
    if found.group(3):  # the capital of the country of the places named, if the text names it
        named = capitals()
        referent = next((i for i, p in enumerate(places) if p.kind == CITY and named.get(p.country) == fold(p.name)),
                        None)
    else:
        referent = _last_before(places, ANAPHORA[(found.group(1) or found.group(2)).lower()], sentence.start,
                                starts, text)
    return None if referent is None else (referent, sentence.start + found.start())


# Words that make a figure the whole country's.
# ("in the northwest": a part of the country with no bounds, which is no place either, as the schema has it)
_NATIONWIDE = Caseless(r"\b(?:across|throughout|around|all over) the country\b|\bnation-?wide\b|\bcountry-?wide\b"
                       r"|\bnationally\b"
                       r"|\b(?:in|inside|within) the country\b(?!['\u2019]s)|\bacross (?:the )?(?:nation|territory)\b"
                       r"|\b(?:in|across|throughout) the (?:far )?(?:north|south|east|west|north-?east|north-?west"
                       r"|south-?east|south-?west)(?:(?![\w-])|ern (?:parts?|regions?|areas?)\b)(?! of\b)"
                       r"(?!['\u2019]s)(?!\s+[A-Z])")


# Every _NATIONWIDE match holds one of these, in lower case, Title Case or capitals.
_NATIONWIDE_PARTS = ("ountr", "ation", "erritor", "OUNTR", "ATION", "ERRITOR", "orth", "outh", "ast", "est", "ORTH",
                     "OUTH", "AST", "EST")


def _national(sentence: Sentence, places: Sequence[PlaceMention], first: int, last: int, text: str,
              figures: Sequence[Span]) -> set[int]:
    """Which figures of a sentence that names no place below country level are a whole country's: the
    figure of the clause (see _clause_figure) that names a country (see _country_cues) or says "across the
    country". A part of a country without clear bounds ("southern Bangladesh", "Mali's north") is no place
    below it either."""
    cues = [c.start for c in _country_cues(sentence, places, first, last, text)] + _nationwide(sentence)
    # A country's people as what is counted ("drove two million Burkinabe from their homes"), unless they are
    # refugees, whom a demonym does not place.
    # (Not when the sentence puts them in a place it refers back to: "6,500 Venezuelans were living in 11 shelters in
    # the city".)
    ends = {f.end + 1 for f in figures}
    if not _IN_THE_PLACE.search(sentence.text):
        cues += [places[i].start for i in range(first, last) if places[i].demonym and places[i].start in ends
                 and not _ABROAD_NOUN.match(text, places[i].end)]
    national = {_clause_figure(figures, at, text) for at in cues}
    # "278,380 people, or 55,676 families, across Kenya": a figure restated is the same figure.
    for k in sorted(national, reverse=True):
        if k > 0 and _RESTATED.fullmatch(text, figures[k - 1].end, figures[k].start):
            national.add(k - 1)
    return national


# A clause of its own, about something else, after a figure: ", as families slept on beaches in Beirut". Another
# clause may tell where part of the figure is ("40,000 fled in Iraq, most of them from Tikrit", ", with Jonglei
# and Unity states worst hit"): its places stay the figure's.
_OTHER_EVENT = re.compile(r",\s+(?:as|while|whereas|but|although|though)\s+(?!(?:many|most|some|half|all)\b)"
                          r"|;\s", re.IGNORECASE)
_IN_COUNTRY = re.compile(rf"\b(?:in|across|throughout|within|inside|over)\s+(?:{DIRECTION}(?:ern)?\s+)?$",
                         re.IGNORECASE)


_IN_THE_PLACE = re.compile(r"\b(?:in|at|across|around) the (?:city|town|village|camp)\b")
_ABROAD_NOUN = re.compile(r"\s+(?:refugees?|asylum|migrants?|nationals|workers|citizens)\b")


def _country_cues(sentence: Sentence, places: Sequence[PlaceMention], first: int, last: int, text: str
                  ) -> list[PlaceMention]:
    """The countries the sentence names as the place of what it tells: by name, or by its government ("the
    Ukrainian government estimates"). A demonym alone ("Syrian refugees" can be anywhere), a country owning
    a town ("South Sudan's capital") or a dateline's country ("ERBIL, Iraq -") does not count."""
    cues: list[PlaceMention] = []
    for i in range(first, last):
        c = places[i]
        if c.kind != "country" or not sentence.start <= c.start < sentence.end:
            continue
        if c.demonym and _GOVERNMENT.match(text, c.end) or not c.demonym and not _POSSESSIVE.match(text, c.end) \
                and not is_dateline(text, c.start, c.end) \
                and not _DATELINE_CITY.search(text, max(0, c.start - 40), c.start):
            cues.append(c)
    return cues


def _nationwide(sentence: Sentence) -> list[int]:
    """Where the sentence says "across the country", "nationwide" and the like."""
    if not holds_any(sentence.text, _NATIONWIDE_PARTS):
        return []
    return [sentence.start + m.start() for m in _NATIONWIDE.finditer(sentence.text)]


def _clause_figure(figures: Sequence[Span], at: int, text: str) -> int:
    """The figure of the clause holding offset at: the one before it unless a comma parts them ("fled to
    Uganda"), else the one after it unless a comma parts them ("in the country to over 700,000"), else
    whichever there is."""
    before = max((k for k, f in enumerate(figures) if f.end <= at), default=None)
    after = min((k for k, f in enumerate(figures) if f.start >= at), default=None)
    if before is not None and not _PARTED.search(text, figures[before].end, at):
        return before
    if after is not None and not _PARTED.search(text, at, figures[after].start):
        return after
    return before if before is not None else after if after is not None else 0


_PARTED = re.compile(r"[,;]")


def _in_clause(figure: Span, at: int, text: str) -> bool:
    """Whether offset at is in the figure's clause: no comma or semicolon parts them."""
    start, end = (figure.end, at) if figure.end <= at else (at, figure.start)
    return not _PARTED.search(text, start, end)


# One figure said twice: "278,380 people, or 55,676 families", "125 families (800 people)", "9,328 people from
# 2,514 families".
_RESTATED = re.compile(r"\s+\w+,\s+or\s+(?:about\s+|some\s+|nearly\s+|around\s+)?|\s+\w+\s+\("
                       r"|\s+(?:people|persons|individuals)\s+(?:from|in)\s+", re.IGNORECASE)


_THE_COUNTRYS = re.compile(r"\bthe (?:country|nation)['\u2019]s\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_GOVERNMENT = re.compile(r"\s+(?:government|authorities|cabinet|president|prime minister|ministry)\b")
# A country owning a town: "South Sudan's capital", "Iraq's second city" (but "Pakistan's floods" are national).
_POSSESSIVE = re.compile(r"['\u2019][sS]\s+(?:(?:second|third|largest|biggest|main|commercial)\s+)?(?:capital|city|town"
                         r"|port)\b", re.IGNORECASE)
# The city of a dateline before its country: "GORIS, Armenia, Sept 30 -".
_DATELINE_CITY = re.compile(r"(?:^|\n)[A-Z][A-Z .'\u2019-]+,\s*$")


# A relative clause after a place, up to its figure: "Marib city, which already shelters about".
_RELATIVE = re.compile(r"(?:\s+(?:city|town|camp|district|province|governorate|region|state|area))?,?\s+"
                       r"(?:which|where|that)\s+[^,;.]{0,60}$")


def _antecedent(groups: list[list[tuple[int, PlaceMention]]], roles: list[list[str]], fig: Span,
                text: str) -> list[list[tuple[int, PlaceMention]]]:
    """The place a figure's relative clause hangs on ("Marib city, which already shelters about one million
    people"), whatever the sentence before it says people left or reached; unless the clause itself says
    where they came from ("Erbil, where 350 families from the city arrived", or from a place it names)."""
    before = [k for k, g in enumerate(groups) if g[-1][1].end <= fig.start]
    if not before:
        return []
    host = groups[before[-1]]
    clause = _RELATIVE.match(text, host[-1][1].end, fig.start)
    if clause is None:
        return []
    # "Goma, the capital of North Kivu province, where 500,000 people live": past the appositive's locator
    while len(before) > 1 and all(r == "locator" for r in roles[before[-1]]) \
            and _APPOSITIVE_GAP.fullmatch(text, groups[before[-2]][-1][1].end, host[0][1].start):
        before.pop()
        host = groups[before[-1]]
    stop = _CLAUSE_END.search(text, fig.end)
    rest = text[clause.start():stop.start() if stop else len(text)]
    later = [k for k in range(before[-1] + 1, len(groups)) if groups[k][0][1].start < clause.start() + len(rest)]
    if _ANAPHORIC_ORIGIN.search(rest) or any("origin" in roles[k] for k in later):
        return []
    return [host]


_CLAUSE_END = re.compile(r"[.;]|,\s+(?:while|whereas|but)\b")
_APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+)?[\w\s-]{0,40}?\s+of\s+(?:the\s+)?")


def link_places(figures: list[Figure], sentence: Sentence, places: Sequence[PlaceMention],
                text: str, previous: tuple[int, ...] | None = None) -> list[Figure]:
    """Figures of one sentence with the indexes of their places filled in; previous holds the places of
    the figure before (None when there is none), which a sentence naming no place continues, even none at
    all when that figure was the whole country's."""
    found = place_indexes(figures, sentence, places, text, previous)
    return [replace(fig, places=indexes) for fig, indexes in zip(figures, found, strict=True)]


def place_indexes(figures: Sequence[Span], sentence: Sentence, places: Sequence[PlaceMention],
                  text: str, previous: tuple[int, ...] | None = None, starts: Sequence[int] | None = None
                  ) -> list[tuple[int, ...]]:
    """For each figure of one sentence, the indexes of the places it is about (see link_places); starts,
    the places' start offsets in order, lets a long text find a sentence's places without a full scan."""
    if not figures:
        return []
    first, last = 0, len(places)
    if starts is not None:
        first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    inside = [(i, places[i]) for i in range(first, last)
              if sentence.start <= places[i].start < sentence.end and places[i].kind != "country"
              and not is_dateline(text, places[i].start, places[i].end)
              and not is_venue(text, places[i].start, places[i].end)]
    groups = _groups(inside, text)
    roles = [[_role(text, p, sentence.start) for _, p in g] for g in groups]
    for k in range(len(groups) - 1):
        if _OWNS.fullmatch(text, groups[k][-1][1].end, groups[k + 1][0][1].start):
            # "fled their homes in Rakhine state's Minbya and Mrauk-U townships": the towns are what people
            # fled, and the state only says where they are
            roles[k + 1] = [roles[k][-1] if role == "neutral" else role for role in roles[k + 1]]
            roles[k] = ["locator"] * len(roles[k])
    # Each group of places belongs to the figure nearest to it, or to the whole of which that figure is a part.
    owner = [_owner(g, figures, text) for g in groups]
    # (but "among them 300 families who had come from Deir al-Zor": a relative clause says the part's own origin)
    owner = [k if k != NO_FIGURE and figures[k].end <= g[0][1].start
             and _WHO.search(text, figures[k].end, g[0][1].start) else _whole(k, figures, text)
             for g, k in zip(groups, owner, strict=True)]
    if NO_FIGURE in owner:  # places in a clause with no figure are no figure's: set them aside
        kept = [k for k, o in enumerate(owner) if o != NO_FIGURE]
        groups, roles, owner = [groups[k] for k in kept], [roles[k] for k in kept], [owner[k] for k in kept]
        inside = [member for g in groups for member in g]
    sentence_origins = [(g, o) for g, r, o in zip(groups, roles, owner, strict=True) if "origin" in r]
    # With places below country level in the sentence, only "across the country" and the like make a figure
    # that owns none of them the whole country's ("49,000 in Zambezia, bringing the total across the country
    # to 58,000").
    if not inside:
        national = _national(sentence, places, first, last, text, figures)
    else:
        # A figure whose own clause names only its country is the country's, whatever other clauses name ("1.2
        # million displaced in Lebanon, the prime minister said, as families slept on beaches in Beirut");
        # "across the country" does that even for a figure that owns no places in another clause.
        # Only a country the clause puts the figure in counts here: not one people went to ("fled Nagorno-Karabakh
        # to Armenia"), nor one that acts ("since Azerbaijan's offensive").
        placed = {o for g, o in zip(groups, owner, strict=True) if _in_clause(figures[o], g[0][1].start, text)}
        cues = [] if len(placed) == len(figures) else [
            c.start for c in _country_cues(sentence, places, first, last, text)
            if _IN_COUNTRY.search(text, max(sentence.start, c.start - 24), c.start)]
        clauses = [(_clause_figure(figures, at, text), at) for at in cues]
        national = {k for k, at in clauses if k not in placed and _in_clause(figures[k], at, text)
                    and all(_OTHER_EVENT.search(text, figures[k].end, g[0][1].start)
                            for g, o in zip(groups, owner, strict=True) if o == k)}
        if len(set(owner)) < len(figures):  # (only a figure that owns no places can be the country's)
            clauses = [(_clause_figure(figures, at, text), at) for at in _nationwide(sentence)]
            national |= {k for k, at in clauses if _in_clause(figures[k], at, text)}
    # Most sentences say neither "from the city" nor "which": those tests run only where they can match.
    referent = _anaphoric_origin(sentence, places, starts, text) if _may_refer_back(sentence.text) else None
    if referent is None and "from there" in sentence.text:  # "taken from there to Poltava": where they came from
        there = _there(sentence, places, text)
        referent = None if there is None else (there, sentence.start + sentence.text.index("from there"))
    relative = "which" in sentence.text or "where" in sentence.text or "that" in sentence.text
    found: list[tuple[int, ...]] = []
    for k, fig in enumerate(figures):
        if _THE_COUNTRYS.search(text, max(sentence.start, fig.start - 40), fig.start):
            found.append(())  # "most of the country's 4.5 million displaced people": the whole country's
            continue
        own = [(g, r) for gi, (g, r) in enumerate(zip(groups, roles, strict=True)) if owner[gi] == k]
        if inside and k in national:
            found.append(())  # "..., bringing the total across the country to 58,000"
            continue
        # Where its own places say people came from, or "from the city"; else its own places unless they are
        # only where people went, in which case where the sentence says they came from; else whatever it owns.
        # (People who went home went to their own places: "returned to Tel Afar" is about Tel Afar.)
        neutral = [g for g, r in own if ("destination" not in r or fig.term == "returned") and "locator" not in r]
        went_home = [g for g, r in own if "destination" in r] if fig.term == "returned" else []
        origins = [g for g, r in own if "origin" in r]
        if origins and fig.term == "destroyed":  # houses stay where they stand: "of" or "from" says no origin
            origins = [g for g, r in own if "locator" not in r and "destination" not in r]
        chosen = (_antecedent(groups, roles, fig, text) if relative else []) or went_home or origins \
            or ([[(referent[0], places[referent[0]])]] if referent and _in_clause(fig, referent[1], text) else []) \
            or (_in_the_area(fig, sentence, places, starts, text) if " the " in sentence.text else []) \
            or neutral or _origins_of_the_same(sentence_origins, figures, fig) \
            or _moved_within(sentence, places, starts, own, text) \
            or [g for g, r in own if "locator" not in r] or [g for g, r in own]
        if not chosen and groups:
            chosen = [min(groups, key=partial(_distance, fig=fig))]
        indexes = [i for g in chosen for i, _ in g]
        if k == 0 and previous and fig.term != "returned" and _OF_THOSE.match(sentence.text) \
                and not any("origin" in r for _, r in own):
            # "Of those, about 43,000 have sought shelter in Daraa province": a part of the figure before, whose
            # places say where they all came from
            indexes = list(previous)
        if k > 0 and _EARLIER_COUNT.search(text, max(sentence.start, fig.start - 40), fig.start):
            indexes = list(found[-1])  # "20,000 are sheltering in Malakal ..., up from around 10,000": the same count
        if not indexes and (" two " in sentence.text or "both" in sentence.text):
            # "houses were destroyed in the two districts": the last two named (even where the sentence names the
            # country, as its government or its agency: "Nepal's disaster authority said")
            indexes = _the_two(sentence, places, starts, text)
        if not indexes and k in national:
            pass  # "Burkina Faso now counts two million displaced", "1.3 million across the country"
        elif not indexes and k > 0:
            indexes = list(found[-1])  # "3.7 million remain displaced, while 6.5 million are refugees"
        elif not indexes:
            fallback = _anaphor(sentence, places, starts, text)
            if fallback is None and " there" in sentence.text:
                fallback = _there(sentence, places, text)  # "17,000 people there": in the place just named
            # A total ("brought the number of displaced households to 2,725") or "the capital" is about more
            # than the figure before: the article's main place, as for a first figure.
            if fallback is None and previous is not None and not _WIDER.search(sentence.text):
                indexes = list(previous)
            else:
                fallback = fallback if fallback is not None else _main_place(places, text)
                indexes = [fallback] if fallback is not None else []
        # One place named twice ("Kayin (Karen) state") is listed once, where it is first named.
        once: dict[tuple[int, str], int] = {}
        for i in indexes:
            once.setdefault(_identity(places[i]), i)
        found.append(tuple(once.values()))
    # "3,870 households, or 19,350 people, had been displaced in the Horo Guduru Wollega zone": one figure said
    # twice, about the places the clause after it names (or, with none there, those before it).
    for k in range(1, len(figures)):
        if _RESTATED.fullmatch(text, figures[k - 1].end, figures[k].start):
            found[k - 1] = found[k] = found[k] or found[k - 1]
    return _respectively(found) if "respectively" in sentence.text else found


# "the two districts", "both townships": the last two such places named before.
_THE_TWO = re.compile(r"\b(?:the two|both(?: the)?) (districts|townships|provinces|regions|states|governorates|towns"
                      r"|cities|villages|camps)\b", re.IGNORECASE)
_PLURAL_KINDS: dict[str, tuple[str, ...]] = {
    "districts": _DISTRICTS, "townships": _DISTRICTS, "provinces": (ADMIN1,), "regions": (ADMIN1,),
    "states": (ADMIN1,), "governorates": (ADMIN1,), "towns": _TOWNS, "cities": _TOWNS, "villages": _TOWNS,
    "camps": ("camp",)}


def _the_two(sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None,
             text: str) -> list[int]:
    """The two places "the two districts" (and the like) stand for: the last two of that kind named before the
    sentence, one place each however often named; none unless there are two."""
    found = _THE_TWO.search(sentence.text)
    if found is None:
        return []
    kinds = _PLURAL_KINDS[found.group(1).lower()]
    chosen: dict[tuple[int, str], int] = {}
    offset = sentence.start
    while len(chosen) < 2 and (i := _last_before(places, kinds, offset, starts, text)) is not None:
        chosen.setdefault(_identity(places[i]), i)
        offset = places[i].start
    return sorted(chosen.values()) if len(chosen) == 2 else []


# A count's earlier value: "up from around 10,000 before the assault", "down from a peak of over one million".
_EARLIER_COUNT = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased) from\s+(?:a peak of\s+)?"
                            r"(?:(?:about|around|some|nearly|almost|roughly|over|more than|fewer than|less than"
                            r"|just over|just under)\s+)?$", re.IGNORECASE)
_OF_THOSE = re.compile(r"(?:Of|Among) (?:those|them|these)\b")


def _respectively(found: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """'1,200 and 3,400 people fled Tikrit and Samarra respectively': figures that share as many places as
    there are of them take one each, in order."""
    k = 0
    while k < len(found):
        run = 1
        while k + run < len(found) and found[k + run] == found[k]:
            run += 1
        if run > 1 and len(found[k]) == run:
            shared = found[k]
            found[k:k + run] = [(place,) for place in shared]
        k += run
    return found


def _identity(place: PlaceMention) -> tuple[int, str]:
    """What makes two mentions one place: the gazetteer record, or the name of a place it lacks."""
    return place.record, place.name if place.record < 0 else ""
