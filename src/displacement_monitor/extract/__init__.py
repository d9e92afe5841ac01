"""Extraction: places (gazetteer matching) and figures (numbers, units, terms) from article text."""

from __future__ import annotations

from ..gazetteer import Gazetteer, load_gazetteer
from ..models import Extraction
from .figures import extract_figures
from .places import extract_places


def extract(text: str, gazetteer: Gazetteer | None = None) -> Extraction:
    """Places, countries and figures of one article's text."""
    gaz = gazetteer or load_gazetteer()
    places, countries = extract_places(text, gaz)
    figures = extract_figures(text, places)
    return Extraction(places=tuple(places), countries=tuple(countries), figures=tuple(figures))


__all__ = ["extract", "extract_figures", "extract_places"]
