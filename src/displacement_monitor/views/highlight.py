"""Article text and evidence sentences as HTML with figures, places and sources marked; always escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..extract.sources import ORGANISATIONS

# Marks by kind; a figure wins over a place or source it overlaps (its span comes from the extractor).
STYLES = {
    "figure": "background:#fde68a;padding:0 2px;border-radius:3px;font-weight:600",
    "place": "background:#bfdbfe;padding:0 2px;border-radius:3px",
    "source": "background:#ddd6fe;padding:0 2px;border-radius:3px",
}
PRIORITY = {"figure": 0, "place": 1, "source": 2}
_BOX = (
    "white-space:pre-wrap;line-height:1.6;font-family:inherit;font-size:0.95rem;"
    "max-height:32rem;overflow-y:auto;padding:0.5rem;border:1px solid rgba(128,128,128,0.3);border-radius:6px"
)


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: [start, end) offsets, its kind and a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""


def find_spans(
    text: str, phrases: Iterable[str], kind: str, title: str = "", *, ignore_case: bool = False
) -> list[Span]:
    """Every whole-word occurrence of each phrase in text."""
    words = sorted({p for p in phrases if isinstance(p, str) and p.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
        re.IGNORECASE if ignore_case else 0,
    )
    return [Span(m.start(), m.end(), kind, title or m.group(0)) for m in pattern.finditer(text)]


def resolve(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans sorted by start, clipped to the text, overlaps dropped (figures first, then longer)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    ranked = sorted(valid, key=lambda s: (PRIORITY.get(s.kind, 9), -(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def highlight(text: str, spans: Iterable[Span]) -> str:
    """HTML of text with each span in a <mark>; every piece of the text is escaped."""
    parts: list[str] = []
    cursor = 0
    for span in resolve(spans, len(text)):
        parts.append(html.escape(text[cursor : span.start]))
        style = STYLES.get(span.kind, "")
        parts.append(
            f'<mark class="dm-{html.escape(span.kind)}" style="{style}" title="{html.escape(span.title)}">'
            f"{html.escape(text[span.start : span.end])}</mark>"
        )
        cursor = span.end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def source_spellings(source: str | None) -> tuple[str, ...]:
    """The ways a canonical source can be written: 'IOM' -> 'International Organization for Migration', ..."""
    if not isinstance(source, str) or not source:
        return ()
    return (source, *ORGANISATIONS.get(source, ()))


def _surfaces(places: pd.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in places.itertuples(index=False):
        spellings = [s for s in str(row.surfaces or "").split("|") if s] or [str(row.name)]
        out.setdefault(str(row.name), []).extend(spellings)
    return out


def article_spans(text: str, figures: pd.DataFrame, places: pd.DataFrame) -> list[Span]:
    """Figures at their extracted offsets, places wherever a stored spelling occurs, named sources."""
    spans = [
        Span(int(f.start), int(f.end), "figure", _figure_title(f))
        for f in figures.itertuples(index=False)
        if pd.notna(f.start) and pd.notna(f.end)
    ]
    for name, spellings in _surfaces(places).items():
        spans += find_spans(text, spellings, "place", name)
    for source in figures["source"].dropna().unique() if "source" in figures else ():
        spans += find_spans(
            text, source_spellings(str(source)), "source", f"source: {source}", ignore_case=True
        )
    return spans


def _figure_title(figure: object) -> str:
    quantity = getattr(figure, "quantity", None)
    number = f"{int(quantity):,}" if quantity is not None and pd.notna(quantity) else ""
    bits = [number, getattr(figure, "unit", "") or "", getattr(figure, "term", "") or ""]
    where = getattr(figure, "places", None)
    text = " ".join(str(b) for b in bits if b and pd.notna(b))
    return f"{text} ({where})" if isinstance(where, str) and where else text


def article_html(text: str, figures: pd.DataFrame, places: pd.DataFrame) -> str:
    """The whole article, escaped, in a scrollable box with every figure, place and source marked."""
    body = highlight(text, article_spans(text, figures, places))
    return f'<div class="dm-article" style="{_BOX}">{body}</div>'


def sentence_html(sentence: str, number_text: str | None, places: Sequence[str], source: str | None) -> str:
    """One evidence sentence, escaped, with its number, places and source marked."""
    spans = find_spans(
        sentence, [number_text] if isinstance(number_text, str) else [], "figure", "the figure"
    )
    spans += find_spans(sentence, places, "place")
    spans += find_spans(sentence, source_spellings(source), "source", f"source: {source}", ignore_case=True)
    return f'<div class="dm-sentence" style="line-height:1.6">{highlight(sentence, spans)}</div>'


def legend_html() -> str:
    """A one-line key to the marks."""
    return " ".join(
        f'<mark style="{STYLES[k]}">{label}</mark>'
        for k, label in (("figure", "figure"), ("place", "place"), ("source", "source"))
    )
