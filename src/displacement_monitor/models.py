"""Frozen values handed between stages, and the column schemas of the tidy tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import SchemaError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, an upload or the clipboard."""

    id: str
    text: str
    title: str = ""
    published: str | None = None  # ISO date
    outlet: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, resolved to a gazetteer record."""

    start: int
    end: int
    surface: str
    record: int
    name: str
    kind: str  # city | admin1 | country
    country: str
    admin1: str
    lat: float
    lon: float
    geonameid: int
    population: int
    demonym: bool = False
    near: str = ""  # for places the gazetteer lacks: the known place whose point they were given
    offset: str = ""  # ... and how far from it, when the text says ("50 km north-west of")
    admin1_code: str = ""  # GeoNames' first-level division code, which names an admin area across spellings


@dataclass(frozen=True)
class Figure:
    """One displacement figure with its evidence."""

    quantity: int
    unit: str  # people | households | houses
    term: str  # displaced | evacuated | returned | homeless | sheltered | refugees | destroyed
    start: int
    end: int
    number_text: str
    sentence: str
    sentence_start: int
    qualifier: str | None = None
    source: str | None = None
    vague: bool = False
    quantity_max: int | None = None
    places: tuple[int, ...] = field(default_factory=tuple)  # indexes into the article's place list


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor found in one article."""

    places: tuple[PlaceMention, ...]
    countries: tuple[str, ...]
    figures: tuple[Figure, ...]


# Table schemas: declared once, checked where one stage hands a table to the next.
ARTICLES_SCHEMA: dict[str, str] = {
    "article_id": "string", "title": "string", "published": "string", "outlet": "string",
    "url": "string", "path": "string", "text": "string", "countries": "string", "n_chars": "Int64",
}
PLACES_SCHEMA: dict[str, str] = {
    "article_id": "string", "place_id": "string", "name": "string", "kind": "string",
    "country_code": "string", "admin1": "string", "lat": "Float64", "lon": "Float64",
    "geonameid": "Int64", "mentions": "Int64", "surfaces": "string", "geocoder": "string",
}
FIGURES_SCHEMA: dict[str, str] = {
    "article_id": "string", "figure_id": "string", "quantity": "Int64", "quantity_max": "Int64",
    "unit": "string", "term": "string", "qualifier": "string", "source": "string",
    "vague": "boolean", "people_estimate": "Int64", "household_size": "Float64",
    "sentence": "string", "start": "Int64", "end": "Int64", "number_text": "string",
    "places": "string", "n_places": "Int64",
}
FIGURE_PLACES_SCHEMA: dict[str, str] = {
    "article_id": "string", "figure_id": "string", "place_id": "string", "shared": "boolean",
}


def empty_table(schema: dict[str, str]) -> pd.DataFrame:
    """A zero-row DataFrame with the schema's columns and dtypes."""
    import pandas as pd  # imported here so extraction alone does not pay for pandas

    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in schema.items()})


def conform(df: pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """Return df with exactly the schema's columns, cast to their dtypes; raise if one is missing."""
    missing = [col for col in schema if col not in df.columns]
    if missing:
        raise SchemaError(f"table lacks columns: {', '.join(missing)}")
    try:
        return df.loc[:, list(schema)].astype(schema)
    except (TypeError, ValueError) as err:
        raise SchemaError(f"table has a column of the wrong type: {err}") from err
