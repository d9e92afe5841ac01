"""Filtered views of the tables and their export as CSV, HXL-tagged CSV and GeoJSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .normalize import Tables, people_by_place

FORMATS = ("csv", "hxl", "geojson")
# OWASP: a cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HXL_TAGS = {
    "figures": {
        "article_id": "#meta+article", "figure_id": "#meta+id", "quantity": "#affected+num",
        "quantity_max": "#affected+num+max", "unit": "#indicator+unit", "term": "#indicator+term",
        "qualifier": "#indicator+qualifier", "source": "#meta+source", "vague": "#indicator+vague",
        "people_estimate": "#affected+idps", "household_size": "#indicator+household_size",
        "places": "#loc+name", "sentence": "#description", "published": "#date+reported",
        "url": "#meta+url", "title": "#meta+title", "households": "#affected+households",
    },
    "places": {
        "article_id": "#meta+article", "place_id": "#loc+code", "name": "#loc+name", "kind": "#loc+type",
        "country_code": "#country+code", "admin1": "#adm1+name", "lat": "#geo+lat", "lon": "#geo+lon",
        "geonameid": "#loc+geonames", "mentions": "#meta+mentions", "people": "#affected+idps",
    },
    "figure_places": {
        "article_id": "#meta+article", "figure_id": "#meta+id", "place_id": "#loc+code",
        "shared": "#indicator+shared", "name": "#loc+name",
    },
}


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; empty tuples mean no restriction."""

    cities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    def active(self) -> bool:
        return any(getattr(self, f) for f in self.__dataclass_fields__)


def filter_tables(tables: Tables, filters: Filters) -> Tables:
    """The tables narrowed to the filters; figures stay whole (a shared figure is never split)."""
    articles = tables.articles
    if filters.articles:
        articles = articles[articles["article_id"].isin(filters.articles)]
    if filters.date_from:
        articles = articles[articles["published"].fillna("") >= filters.date_from]
    if filters.date_to:
        articles = articles[articles["published"].fillna("9999") <= filters.date_to]
    ids = set(articles["article_id"])
    places = tables.places[tables.places["article_id"].isin(ids)]
    if filters.countries:
        places = places[places["country_code"].isin(filters.countries)]
    if filters.admin1:
        places = places[places["admin1"].isin(filters.admin1) | places["name"].isin(filters.admin1)]
    if filters.cities:
        places = places[places["name"].isin(filters.cities)]
    figures = tables.figures[tables.figures["article_id"].isin(ids)]
    for column, wanted in (("term", filters.terms), ("unit", filters.units), ("source", filters.sources)):
        if wanted:
            figures = figures[figures[column].isin(wanted)]
    links = tables.figure_places
    if filters.cities or filters.countries or filters.admin1:
        keys = places[["article_id", "place_id"]]
        hits = links.merge(keys, on=["article_id", "place_id"])[["article_id", "figure_id"]].drop_duplicates()
        figures = figures.merge(hits, on=["article_id", "figure_id"])
    links = links.merge(figures[["article_id", "figure_id"]], on=["article_id", "figure_id"])
    if filters.terms or filters.units or filters.sources:
        linked = links[["article_id", "place_id"]].drop_duplicates()
        places = places.merge(linked, on=["article_id", "place_id"])
        articles = articles[articles["article_id"].isin(figures["article_id"])]
    elif filters.cities or filters.countries or filters.admin1:
        articles = articles[articles["article_id"].isin(places["article_id"])]
    return Tables(articles.reset_index(drop=True), places.reset_index(drop=True),
                  figures.reset_index(drop=True), links.reset_index(drop=True))


def neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas get a leading apostrophe (OWASP)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            values = out[column].astype("string")
            risky = values.str.startswith(FORMULA_START).fillna(False)
            out[column] = values.where(~risky, "'" + values)
    return out


def figures_for_export(tables: Tables) -> pd.DataFrame:
    """Figures with their article's date, title and url, ready for a spreadsheet."""
    meta = tables.articles[["article_id", "published", "title", "url"]]
    out = tables.figures.merge(meta, on="article_id", how="left")
    households = out["quantity"].where(out["unit"] == "households")
    return out.assign(households=households.astype("Int64"))


def places_for_export(tables: Tables) -> pd.DataFrame:
    """Places with the people displaced attributed to them."""
    totals = people_by_place(tables.figures, tables.figure_places, tables.places)[["place_id", "people"]]
    return tables.places.merge(totals, on="place_id", how="left")


def figure_places_for_export(tables: Tables) -> pd.DataFrame:
    names = tables.places[["article_id", "place_id", "name"]]
    return tables.figure_places.merge(names, on=["article_id", "place_id"], how="left")


def to_csv(frame: pd.DataFrame) -> str:
    """UTF-8 CSV text, one header row, formula cells neutralised."""
    return neutralize(frame).to_csv(index=False, lineterminator="\r\n")


def to_hxl_csv(frame: pd.DataFrame, table: str) -> str:
    """CSV with a second header row of HXL hashtags, as HDX tools expect."""
    tags = HXL_TAGS[table]
    tag_row = pd.DataFrame([[tags.get(c, "") for c in frame.columns]], columns=frame.columns)
    body = neutralize(frame).astype(object)
    return pd.concat([tag_row, body], ignore_index=True).to_csv(index=False, lineterminator="\r\n")


def to_geojson(tables: Tables) -> str:
    """A FeatureCollection of points, one per place, with the people displaced there."""
    places = places_for_export(tables)
    features = []
    for pid, group in places.groupby("place_id", sort=False):
        first = group.iloc[0]
        if pd.isna(first["lat"]) or pd.isna(first["lon"]):
            continue
        people = group["people"].dropna()
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(first["lon"]), float(first["lat"])]},
            "properties": {
                "place_id": pid, "name": first["name"], "kind": first["kind"],
                "country_code": first["country_code"], "admin1": first["admin1"],
                "people_displaced": int(people.iloc[0]) if len(people) else 0,
                "articles": sorted(group["article_id"].unique().tolist()),
                "mentions": int(group["mentions"].sum()),
            },
        })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)


def export_bytes(tables: Tables, table: str, fmt: str) -> bytes:
    """One table in one format, as the bytes a download button or file gets."""
    if fmt == "geojson":
        return to_geojson(tables).encode("utf-8")
    frame = {"figures": figures_for_export, "places": places_for_export,
             "figure_places": figure_places_for_export}[table](tables)
    text = to_hxl_csv(frame, table) if fmt == "hxl" else to_csv(frame)
    return text.encode("utf-8")


def export_tables(tables: Tables, out: Path, fmt: str = "csv") -> list[Path]:
    """Write the tables into a folder: articles/places/figures/figure_places CSV, or places.geojson."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "geojson":
        path = out / "places.geojson"
        path.write_bytes(export_bytes(tables, "places", fmt))
        return [path]
    written = []
    suffix = "_hxl" if fmt == "hxl" else ""
    articles = tables.articles.drop(columns=["text"])
    path = out / f"articles{suffix}.csv"
    path.write_text(to_csv(articles), encoding="utf-8")
    written.append(path)
    for table in ("places", "figures", "figure_places"):
        path = out / f"{table}{suffix}.csv"
        path.write_bytes(export_bytes(tables, table, fmt))
        written.append(path)
    return written
