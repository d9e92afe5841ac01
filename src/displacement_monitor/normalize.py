"""Extractions -> tidy pandas tables (articles, places, figures, figure_places) with declared dtypes."""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from . import config
from .extract.sentences import headline_end
from .models import (
    ARTICLES_SCHEMA,
    FIGURE_PLACES_SCHEMA,
    FIGURES_SCHEMA,
    PLACES_SCHEMA,
    Article,
    Extraction,
    PlaceMention,
    conform,
    empty_table,
)

# Terms that count towards "people displaced" in totals: people who had to leave and have not returned.
DISPLACEMENT_TERMS = ("displaced", "evacuated", "homeless", "sheltered", "refugees")


@dataclass(frozen=True)
class Tables:
    """The four tidy tables for one or many articles."""

    articles: pd.DataFrame
    places: pd.DataFrame
    figures: pd.DataFrame
    figure_places: pd.DataFrame

    @classmethod
    def empty(cls) -> Tables:
        return cls(empty_table(ARTICLES_SCHEMA), empty_table(PLACES_SCHEMA), empty_table(FIGURES_SCHEMA),
                   empty_table(FIGURE_PLACES_SCHEMA))

    @classmethod
    def concat(cls, parts: Iterable[Tables]) -> Tables:
        items = list(parts)
        if not items:
            return cls.empty()
        return cls(*(conform(pd.concat([getattr(t, name) for t in items], ignore_index=True), schema)
                     for name, schema in TABLE_SCHEMAS.items()))


TABLE_SCHEMAS = {"articles": ARTICLES_SCHEMA, "places": PLACES_SCHEMA, "figures": FIGURES_SCHEMA,
                 "figure_places": FIGURE_PLACES_SCHEMA}


@functools.cache
def household_sizes() -> dict[str, float]:
    """Average persons per household by ISO country code (see resources/household_size.csv)."""
    with (config.RESOURCES_DIR / "household_size.csv").open(encoding="utf-8") as handle:
        return {row["country_code"]: float(row["persons_per_household"]) for row in csv.DictReader(handle)}


def household_size(country: str | None) -> float:
    """Persons per household for a country, or the default of 5 when we have no figure."""
    return household_sizes().get(country or "", config.DEFAULT_HOUSEHOLD_SIZE)


def place_id(mention: PlaceMention) -> str:
    """A stable id for a gazetteer place: its GeoNames id, or country+admin1 for derived areas."""
    if mention.geonameid:
        return f"gn:{mention.geonameid}"
    if mention.kind == "admin1" and mention.admin1_code:
        return f"adm1:{mention.country}.{mention.admin1_code}"
    prefix = {"camp": "camp", "locality": "loc", "region": "region", "admin2": "adm2"}.get(mention.kind, "adm1")
    return f"{prefix}:{mention.country}.{mention.name}"


def _how_placed(mention: PlaceMention) -> str:
    """'offline' for a gazetteer point; places the gazetteer lacks say which known place they were put at."""
    if mention.near:
        return f"offline, approximate: {mention.offset or 'near'} {mention.near}"
    return "offline" if mention.geonameid or mention.kind != "locality" else "offline, not found"


def _figure_id(article: str, start: int) -> str:
    return hashlib.sha1(f"{article}:{start}".encode()).hexdigest()[:12]


def articles_table(articles: Iterable[tuple[Article, Extraction]]) -> pd.DataFrame:
    """One row per article."""
    rows = [{
        "article_id": a.id, "title": a.title, "published": a.published, "outlet": a.outlet, "url": a.url,
        "path": a.path, "text": a.text, "countries": ",".join(e.countries), "n_chars": len(a.text),
    } for a, e in articles]
    return conform(pd.DataFrame(rows, columns=list(ARTICLES_SCHEMA)), ARTICLES_SCHEMA)


def normalize_places(article: Article, extraction: Extraction) -> pd.DataFrame:
    """One row per place (below country level) per article, with its mention count and spellings, in the order
    the story names them: a place the headline names comes where the body first does ("Houthi push on Marib" may
    be the town or the governorate, and the body says which it names first)."""
    rows: dict[str, dict] = {}
    body = headline_end(article.text)
    first: dict[str, int] = {}
    for mention in extraction.places:
        if mention.kind == "country":
            continue
        pid = place_id(mention)
        row = rows.setdefault(pid, {
            "article_id": article.id, "place_id": pid, "name": mention.name, "kind": mention.kind,
            "country_code": mention.country, "admin1": mention.admin1, "lat": mention.lat, "lon": mention.lon,
            "geonameid": mention.geonameid or None, "mentions": 0, "surfaces": [], "geocoder": _how_placed(mention),
        })
        row["mentions"] += 1
        at = mention.start if mention.start > body else len(article.text) + mention.start
        first[pid] = min(first.get(pid, at), at)
        if mention.surface not in row["surfaces"]:
            row["surfaces"].append(mention.surface)
    for row in rows.values():
        row["surfaces"] = "|".join(row["surfaces"])
    ordered = sorted(rows.values(), key=lambda row: first[row["place_id"]])
    return conform(pd.DataFrame(ordered, columns=list(PLACES_SCHEMA)), PLACES_SCHEMA)


def normalize_figures(article: Article, extraction: Extraction) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures table and the figure x place table of one article."""
    figure_rows = []
    link_rows: list[dict[str, object]] = []
    for fig in extraction.figures:
        fid = _figure_id(article.id, fig.start)
        mentions = [extraction.places[i] for i in fig.places]
        pids = list(dict.fromkeys(place_id(m) for m in mentions))
        names = list(dict.fromkeys(m.name for m in mentions))
        country = mentions[0].country if mentions else (extraction.countries[0] if extraction.countries else None)
        size = household_size(country) if fig.unit == "households" else None
        estimate = fig.quantity if fig.unit == "people" else round(fig.quantity * size) if size else None
        figure_rows.append({
            "article_id": article.id, "figure_id": fid, "quantity": fig.quantity,
            "quantity_max": fig.quantity_max, "unit": fig.unit, "term": fig.term, "qualifier": fig.qualifier,
            "source": fig.source, "vague": fig.vague, "people_estimate": estimate, "household_size": size,
            "sentence": fig.sentence, "start": fig.start, "end": fig.end, "number_text": fig.number_text,
            "places": "; ".join(names), "n_places": len(pids),
        })
        link_rows.extend({"article_id": article.id, "figure_id": fid, "place_id": pid, "shared": len(pids) > 1}
                         for pid in pids)
    figures = conform(pd.DataFrame(figure_rows, columns=list(FIGURES_SCHEMA)), FIGURES_SCHEMA)
    links = conform(pd.DataFrame(link_rows, columns=list(FIGURE_PLACES_SCHEMA)), FIGURE_PLACES_SCHEMA)
    return figures, links


def normalize(article: Article, extraction: Extraction) -> Tables:
    """All four tables for one article."""
    figures, links = normalize_figures(article, extraction)
    return Tables(articles_table([(article, extraction)]), normalize_places(article, extraction), figures, links)


def people_displaced(figures: pd.DataFrame) -> int:
    """People displaced, each figure once: households converted, vague figures and housing left out."""
    counted = figures[figures["term"].isin(DISPLACEMENT_TERMS) & ~figures["vague"].fillna(False).astype(bool)]
    return int(counted["people_estimate"].fillna(0).sum())


def people_by_place(figures: pd.DataFrame, figure_places: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """People displaced attributed to each place; a figure shared by n places is shown on each
    place but flagged, and the column 'people_share' splits it evenly so sums never double count."""
    counted = figures[figures["term"].isin(DISPLACEMENT_TERMS) & ~figures["vague"].fillna(False).astype(bool)]
    links = figure_places.merge(counted[["article_id", "figure_id", "people_estimate", "n_places", "term"]],
                                on=["article_id", "figure_id"])
    # Only places still in view: a filter on Tikrit keeps the shared figure but not Samarra's row.
    links = links.merge(places[["article_id", "place_id"]].drop_duplicates(), on=["article_id", "place_id"])
    links = links.assign(people_share=links["people_estimate"].astype("Float64") / links["n_places"])
    names = places.drop_duplicates("place_id")[["place_id", "name", "country_code", "lat", "lon"]]
    grouped = (links.groupby("place_id", as_index=False)
               .agg(people=("people_estimate", "sum"), people_share=("people_share", "sum"),
                    figures=("figure_id", "nunique")))
    out = grouped.merge(names, on="place_id", how="left")
    return out.sort_values("people", ascending=False, ignore_index=True)
