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
    # A figure's places name its country even when the text never does ("130,000 fled Rakhine").
    where = [places[i].country for fig in figures for i in fig.places if places[i].country]
    countries = list(dict.fromkeys([*countries, *where]))
    return Extraction(places=tuple(places), countries=tuple(countries), figures=tuple(figures))


__all__ = ["extract", "extract_figures", "extract_places"]
