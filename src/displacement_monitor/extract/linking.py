"""Which places a figure is about: its clause's places, origins before destinations."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Protocol

from ..gazetteer import ADMIN1, CITY
from ..models import Figure, PlaceMention
from .lexicon import Caseless
from .places import is_dateline
from .sentences import Sentence

ORIGIN = Caseless(r"\b(?:from|fled|left|fleeing|flee|escaped|abandoned|leaving|out of|deserted|uprooted"
                  r"|displaced (?:from|in)|evacuated (?:from)?|emptied|of)\s+(?:the\s+)?(?:\w+\s+){0,3}$")
# "of" makes an origin ("residents of X", "parts of X") unless X only says where another place lies
# ("on the outskirts of X", "50 km north of X", "the capital of X").
_WHERE_OF = Caseless(r"\b(?:outskirts|north|south|east|west|outside|km|kilometres|kilometers|miles|capital)"
                     r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}$")
DESTINATION = Caseless(r"\b(?:to|for|towards|toward|into|reached|reach|arrived in|entered|headed for"
                       r"|heading for|made their way to)\s+(?:the\s+)?(?:\w+\s+){0,2}$")
# Places listed together ("Tikrit and Samarra"), or one inside the other ("Ituri's Djugu territory").
_LIST_GAP = re.compile(r"^(?:\s*(?:,|and|, and|or|&)\s*|['\u2019]s\s+)$")
ANAPHORA = {"the city": CITY, "the town": CITY, "the province": ADMIN1, "the governorate": ADMIN1,
            "the region": ADMIN1, "the state": ADMIN1}


class Span(Protocol):
    """What linking reads of a figure: where its number is (a Figure, or a figure still being read)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _role(text: str, mention: PlaceMention, sentence_start: int) -> str:
    lead = text[max(sentence_start, mention.start - 45):mention.start]
    if _WHERE_OF.search(lead):
        return "locator"  # "on the outskirts of Imphal" says where the place before it is
    if ORIGIN.search(lead):
        return "origin"
    if DESTINATION.search(lead):
        return "destination"
    return "neutral"


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


def _owner(group: list[tuple[int, PlaceMention]], figures: Sequence[Span], text: str) -> int:
    """The figure a group of places belongs to: the figure before it when a verb or preposition
    links them ('40,000 people fled the cities of X'), else the nearest one ('X with 13,554')."""
    start = group[0][1].start
    before = [k for k, f in enumerate(figures) if f.end <= start]
    if before and _GOVERNED.search(text[figures[before[-1]].end:start]):
        return before[-1]
    return min(range(len(figures)), key=lambda k: _distance(group, figures[k]))


def _main_place(places: Sequence[PlaceMention]) -> int | None:
    counts = Counter(p.record for p in places if p.kind != "country")
    if not counts:
        return None
    top = max(counts.values())
    for i, p in enumerate(places):
        if p.kind != "country" and counts[p.record] == top:
            return i
    return None


def _last_before(places: Sequence[PlaceMention], kind: str, offset: int, starts: Sequence[int] | None) -> int | None:
    """The index of the last place of a kind that starts before offset; starts (the places' sorted start
    offsets) lets a long text skip the places after it."""
    end = bisect.bisect_left(starts, offset) if starts is not None else len(places)
    for i in range(end - 1, -1, -1):
        if places[i].kind == kind and places[i].start < offset:
            return i
    return None


def _anaphor(sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None) -> int | None:
    lowered = sentence.text.lower()
    for phrase, kind in ANAPHORA.items():
        if phrase in lowered:
            earlier = _last_before(places, kind, sentence.start, starts)
            if earlier is not None:
                return earlier
    return None


_ANAPHORIC_ORIGIN = re.compile(r"\b(?:from|fled|left|fleeing|out of)\s+(the (?:city|town|province|governorate"
                               r"|region|state))\b", re.IGNORECASE)


def _anaphoric_origin(sentence: Sentence, places: Sequence[PlaceMention], starts: Sequence[int] | None) -> int | None:
    """'350 families from the city': the city named last before this sentence."""
    found = _ANAPHORIC_ORIGIN.search(sentence.text)
    if not found:
        return None
    return _last_before(places, ANAPHORA[found.group(1).lower()], sentence.start, starts)


def link_places(figures: list[Figure], sentence: Sentence, places: Sequence[PlaceMention],
                text: str, previous: tuple[int, ...] = ()) -> list[Figure]:
    """Figures of one sentence with the indexes of their places filled in; previous holds the places of
    the figure before, which a sentence naming no place continues."""
    found = place_indexes(figures, sentence, places, text, previous)
    return [replace(fig, places=indexes) for fig, indexes in zip(figures, found, strict=True)]


def place_indexes(figures: Sequence[Span], sentence: Sentence, places: Sequence[PlaceMention],
                  text: str, previous: tuple[int, ...] = (), starts: Sequence[int] | None = None
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
              and not is_dateline(text, places[i].start, places[i].end)]
    groups = _groups(inside, text)
    roles = [[_role(text, p, sentence.start) for _, p in g] for g in groups]
    # Each group of places belongs to the figure nearest to it.
    owner = [_owner(g, figures, text) for g in groups]
    sentence_origins = [g for g, r in zip(groups, roles, strict=True) if "origin" in r]
    found: list[tuple[int, ...]] = []
    for k, fig in enumerate(figures):
        own = [(g, r) for gi, (g, r) in enumerate(zip(groups, roles, strict=True)) if owner[gi] == k]
        # Where its own places say people came from; else its own places unless they are only where people
        # went, in which case where the sentence says they came from; else whatever it owns.
        neutral = [g for g, r in own if "destination" not in r and "locator" not in r]
        chosen = [g for g, r in own if "origin" in r] or neutral or sentence_origins
        if not chosen:
            referent = _anaphoric_origin(sentence, places, starts)
            chosen = [[(referent, places[referent])]] if referent is not None else [g for g, r in own]
        if not chosen and groups:
            chosen = [min(groups, key=partial(_distance, fig=fig))]
        indexes = [i for g in chosen for i, _ in g]
        if not indexes:
            fallback = _anaphor(sentence, places, starts)
            if fallback is None and previous:
                indexes = list(previous)
            else:
                fallback = fallback if fallback is not None else _main_place(places)
                indexes = [fallback] if fallback is not None else []
        found.append(tuple(dict.fromkeys(indexes)))
    return found
