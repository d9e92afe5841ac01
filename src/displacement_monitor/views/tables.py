"""Tables shaped for display, and declarative column formats the dashboard turns into column configs."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pycountry

from ..queries import Metrics

HOUSEHOLD_NOTE = (
    "Households are converted to people with the average household size of the place's country "
    "(UN data; {sizes}). Each figure is counted once, even when it names several places. "
    "Vague figures (such as 'thousands') and housing figures are not counted."
)


@dataclass(frozen=True)
class Column:
    """How one displayed column looks: kind is text | number | link | progress | date | check."""

    label: str
    kind: str = "text"
    fmt: str | None = None
    help: str | None = None
    max_value: float | None = None


def country_name(code: str | None) -> str:
    """'IQ' -> 'Iraq' (the code itself when pycountry does not know it)."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def household_note(metrics: Metrics) -> str:
    """The assumption behind the people figure, for the metric's help text."""
    sizes = ", ".join(f"{s:g} persons" for s in metrics.household_sizes) or "5 persons when we lack a figure"
    return HOUSEHOLD_NOTE.format(sizes=f"here {sizes}" if metrics.household_sizes else sizes)


def figures_table(evidence: pd.DataFrame) -> pd.DataFrame:
    """Figures with their article, in reading order for a person checking them."""
    columns = [
        "people_estimate",
        "quantity",
        "unit",
        "term",
        "places",
        "source",
        "qualifier",
        "vague",
        "published",
        "title",
        "url",
        "sentence",
        "article_id",
        "figure_id",
    ]
    return evidence.loc[:, columns].reset_index(drop=True)


FIGURE_COLUMNS = {
    "people_estimate": Column("People", "number", "localized", "People displaced (households converted)"),
    "quantity": Column("Figure", "number", "localized", "The number as written"),
    "unit": Column("Unit"),
    "term": Column("Term"),
    "places": Column("Places"),
    "source": Column("Source"),
    "qualifier": Column("Qualifier"),
    "vague": Column("Vague", "check"),
    "published": Column("Published", "date"),
    "title": Column("Article"),
    "url": Column("Link", "link", "open"),
    "sentence": Column("Evidence"),
    "article_id": Column("Article id"),
    "figure_id": Column("Figure id"),
}


def places_table(by_place_term: pd.DataFrame, places: pd.DataFrame, total: int) -> pd.DataFrame:
    """One row per place: people displaced there (shared figures split evenly), its share of the total,
    and how often it is named."""
    people = by_place_term.groupby("place_id", as_index=False).agg(
        people=("people", "sum"), people_share=("people_share", "sum"), figures=("figures", "sum")
    )
    out = places.merge(people, on="place_id", how="left")
    share = out["people_share"].astype("Float64") / total if total else pd.Series(0.0, index=out.index)
    out = out.assign(
        country=out["country_code"].map(country_name),
        share=share.fillna(0.0).astype(float),
        people=out["people"].astype("Int64"),
        figures=out["figures"].fillna(0).astype("Int64"),
    )
    columns = [
        "name",
        "admin1",
        "country",
        "people",
        "share",
        "figures",
        "mentions",
        "articles",
        "kind",
        "lat",
        "lon",
        "place_id",
    ]
    return (
        out.sort_values(["people", "mentions"], ascending=False, na_position="last")
        .loc[:, columns]
        .reset_index(drop=True)
    )


PLACE_COLUMNS = {
    "name": Column("Place"),
    "admin1": Column("Governorate / province"),
    "country": Column("Country"),
    "people": Column("People", "number", "localized", "People displaced in figures naming this place"),
    "share": Column(
        "Share",
        "progress",
        "percent",
        "Share of the people displaced in this view (a figure naming several places is split evenly)",
        1.0,
    ),
    "figures": Column("Figures", "number", "localized"),
    "mentions": Column("Mentions", "number", "localized"),
    "articles": Column("Articles", "number", "localized"),
    "kind": Column("Kind"),
    "lat": Column("Lat", "number", "%.4f"),
    "lon": Column("Lon", "number", "%.4f"),
    "place_id": Column("Place id"),
}


def articles_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles, newest first, with a clickable link when they have one."""
    columns = ["published", "title", "outlet", "url", "countries", "n_chars", "article_id"]
    return (
        articles.sort_values("published", ascending=False, na_position="last")
        .loc[:, columns]
        .reset_index(drop=True)
    )


ARTICLE_COLUMNS = {
    "published": Column("Published", "date"),
    "title": Column("Title"),
    "outlet": Column("Outlet"),
    "url": Column("Link", "link", "open"),
    "countries": Column("Countries"),
    "n_chars": Column("Characters", "number", "localized"),
    "article_id": Column("Article id"),
}


def article_label(title: object, published: object) -> str:
    """How an article is named in selectors: 'Title (2014-06-14)'."""
    name = str(title) if title is not None and pd.notna(title) and str(title) else "(untitled)"
    return f"{name} ({published})" if published is not None and pd.notna(published) else name


def _text(value: object, default: str = "") -> str:
    return str(value) if value is not None and pd.notna(value) and str(value) else default


def figure_place_names(places: object) -> list[str]:
    """'Tikrit; Samarra' -> ['Tikrit', 'Samarra']."""
    return [p for p in _text(places).split("; ") if p]


def figure_caption(figure: pd.Series) -> str:
    """One line under an evidence sentence: what the figure counts, where, who says so, in which article."""
    people = figure.get("people_estimate")
    if figure.get("vague") is True or people is None or pd.isna(people):
        amount = f"{_text(figure.get('number_text'))} {_text(figure.get('unit'))} (not counted)"
    else:
        amount = f"{int(people):,} people"
    return (
        f"{amount} {_text(figure.get('term'))} · {_text(figure.get('places'), 'no place named')} · "
        f"source: {_text(figure.get('source'), 'not named')} · "
        f"{article_label(figure.get('title'), figure.get('published'))}"
    )
