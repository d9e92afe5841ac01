"""Filtered tables and aggregates computed in SQL, so a view never loads every stored row."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .export import Filters
from .models import ARTICLES_SCHEMA, FIGURE_PLACES_SCHEMA, FIGURES_SCHEMA, PLACES_SCHEMA, conform
from .normalize import DISPLACEMENT_TERMS, Tables
from .store import Store

Source = Store | sqlite3.Connection
_TERMS = f"({', '.join(repr(t) for t in DISPLACEMENT_TERMS)})"
_COUNTED = f"f.term IN {_TERMS} AND COALESCE(f.vague, 0) = 0"
_BOOLEAN_COLUMNS = ("vague", "shared")


@dataclass(frozen=True)
class Metrics:
    """Headline numbers of a filtered view."""

    people: int
    vague: int
    places: int
    articles: int
    figures: int
    sources: int
    household_sizes: tuple[float, ...] = ()


@dataclass(frozen=True)
class Options:
    """The values each sidebar filter can take, as stored."""

    cities: tuple[str, ...]
    countries: tuple[str, ...]
    admin1: tuple[str, ...]
    terms: tuple[str, ...]
    units: tuple[str, ...]
    sources: tuple[str, ...]
    articles: pd.DataFrame  # article_id, title, published
    date_min: str | None
    date_max: str | None


def _conn(source: Source) -> sqlite3.Connection:
    return source.conn if isinstance(source, Store) else source


def _in(column: str, values: Sequence[object], params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def _article_conditions(filters: Filters, params: list[object]) -> list[str]:
    conditions = []
    if filters.articles:
        conditions.append(_in("article_id", filters.articles, params))
    if filters.date_from:
        conditions.append("COALESCE(published, '') >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        conditions.append("COALESCE(published, '9999') <= ?")
        params.append(filters.date_to)
    return conditions


def _place_conditions(filters: Filters, params: list[object]) -> list[str]:
    conditions = ["article_id IN (SELECT article_id FROM fa0)"]
    if filters.countries:
        conditions.append(_in("country_code", filters.countries, params))
    if filters.admin1:
        conditions.append(f"({_in('admin1', filters.admin1, params)} OR {_in('name', filters.admin1, params)})")
    if filters.cities:
        conditions.append(_in("name", filters.cities, params))
    return conditions


def _figure_conditions(filters: Filters, params: list[object]) -> list[str]:
    conditions = ["article_id IN (SELECT article_id FROM fa0)"]
    for column, wanted in (("term", filters.terms), ("unit", filters.units), ("source", filters.sources)):
        if wanted:
            conditions.append(_in(column, wanted, params))
    if _by_place(filters):
        conditions.append("(article_id, figure_id) IN (SELECT l.article_id, l.figure_id FROM figure_places l"
                          " JOIN fp0 p ON p.article_id = l.article_id AND p.place_id = l.place_id)")
    return conditions


def _by_place(filters: Filters) -> bool:
    return bool(filters.cities or filters.countries or filters.admin1)


def _by_figure(filters: Filters) -> bool:
    return bool(filters.terms or filters.units or filters.sources)


def selection(filters: Filters) -> tuple[str, list[object]]:
    """A WITH clause naming the filtered keys (fa articles, fp places, ff figures, fl links), as
    export.filter_tables selects them, and its parameters."""
    params: list[object] = []
    fa0 = f"SELECT article_id FROM articles {_where(_article_conditions(filters, params))}"
    fp0 = f"SELECT article_id, place_id FROM places {_where(_place_conditions(filters, params))}"
    ff = f"SELECT article_id, figure_id FROM figures {_where(_figure_conditions(filters, params))}"
    fl = ("SELECT l.article_id, l.figure_id, l.place_id FROM figure_places l"
          " JOIN ff ON ff.article_id = l.article_id AND ff.figure_id = l.figure_id")
    fp, fa = "SELECT article_id, place_id FROM fp0", "SELECT article_id FROM fa0"
    if _by_figure(filters):
        fp += " WHERE (article_id, place_id) IN (SELECT article_id, place_id FROM fl)"
        fa += " WHERE article_id IN (SELECT article_id FROM ff)"
    elif _by_place(filters):
        fa += " WHERE article_id IN (SELECT article_id FROM fp0)"
    parts = {"fa0": fa0, "fp0": fp0, "ff": ff, "fl": fl, "fp": fp, "fa": fa}
    return "WITH " + ", ".join(f"{name} AS ({sql})" for name, sql in parts.items()), params


def _frame(conn: sqlite3.Connection, sql: str, params: Sequence[object], schema: dict[str, str]) -> pd.DataFrame:
    frame = pd.read_sql_query(sql, conn, params=list(params))
    for column in _BOOLEAN_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("boolean")
    return conform(frame, schema)


def _select(schema: dict[str, str], alias: str, skip: Sequence[str] = ()) -> str:
    return ", ".join(f"NULL AS {c}" if c in skip else f"{alias}.\"{c}\"" for c in schema)


def filtered_tables(source: Source, filters: Filters) -> Tables:
    """The four tables narrowed to filters (as export.filter_tables does), article text left out."""
    conn = _conn(source)
    with_, params = selection(filters)
    articles = _frame(conn, f"{with_} SELECT {_select(ARTICLES_SCHEMA, 'a', ('text',))} FROM articles a"
                            " WHERE a.article_id IN (SELECT article_id FROM fa) ORDER BY a.rowid",
                      params, ARTICLES_SCHEMA)
    places = _frame(conn, f"{with_} SELECT {_select(PLACES_SCHEMA, 'p')} FROM places p"
                          " WHERE (p.article_id, p.place_id) IN (SELECT article_id, place_id FROM fp)"
                          " ORDER BY p.rowid", params, PLACES_SCHEMA)
    figures = _frame(conn, f"{with_} SELECT {_select(FIGURES_SCHEMA, 'f')} FROM figures f"
                           " WHERE (f.article_id, f.figure_id) IN (SELECT article_id, figure_id FROM ff)"
                           " ORDER BY f.rowid", params, FIGURES_SCHEMA)
    links = _frame(conn, f"{with_} SELECT {_select(FIGURE_PLACES_SCHEMA, 'l')} FROM figure_places l"
                         " WHERE (l.article_id, l.figure_id) IN (SELECT article_id, figure_id FROM ff)"
                         " ORDER BY l.rowid", params, FIGURE_PLACES_SCHEMA)
    return Tables(articles, places, figures, links)


def metrics(source: Source, filters: Filters) -> Metrics:
    """People displaced (each figure once, as normalize.people_displaced), and counts, for filters."""
    conn = _conn(source)
    with_, params = selection(filters)
    figures = "FROM figures f JOIN ff ON ff.article_id = f.article_id AND ff.figure_id = f.figure_id"
    row = conn.execute(
        f"{with_} SELECT (SELECT COALESCE(SUM(f.people_estimate), 0) {figures} WHERE {_COUNTED}),"
        f" (SELECT COUNT(*) {figures} WHERE f.vague = 1 AND f.term IN {_TERMS}),"
        " (SELECT COUNT(DISTINCT place_id) FROM fp), (SELECT COUNT(*) FROM fa), (SELECT COUNT(*) FROM ff),"
        f" (SELECT COUNT(DISTINCT f.source) {figures})",
        params).fetchone()
    sizes = conn.execute(f"{with_} SELECT DISTINCT f.household_size {figures} WHERE {_COUNTED}"
                         " AND f.unit = 'households' AND f.household_size IS NOT NULL ORDER BY 1",
                         params).fetchall()
    return Metrics(*(int(v) for v in row), household_sizes=tuple(float(s) for (s,) in sizes))


def people_by_place_term(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per filtered place and term; a figure naming n places counts fully on each
    (people) and 1/n on each (people_share)."""
    with_, params = selection(filters)
    sql = (f"{with_} SELECT p.place_id, MAX(p.name) AS name, MAX(p.country_code) AS country_code,"
           " MAX(p.admin1) AS admin1, MAX(p.lat) AS lat, MAX(p.lon) AS lon, f.term,"
           " SUM(f.people_estimate) AS people, SUM(f.people_estimate * 1.0 / f.n_places) AS people_share,"
           " COUNT(*) AS figures, SUM(f.n_places > 1) AS shared,"
           " GROUP_CONCAT(DISTINCT f.source) AS sources, COUNT(DISTINCT f.article_id) AS articles"
           " FROM fl JOIN fp ON fp.article_id = fl.article_id AND fp.place_id = fl.place_id"
           " JOIN places p ON p.article_id = fp.article_id AND p.place_id = fp.place_id"
           " JOIN figures f ON f.article_id = fl.article_id AND f.figure_id = fl.figure_id"
           f" WHERE {_COUNTED} GROUP BY p.place_id, f.term ORDER BY people DESC, name")
    frame = pd.read_sql_query(sql, _conn(source), params=params)
    return frame.astype({"people": "Int64", "figures": "Int64", "shared": "Int64", "articles": "Int64"})


def places_summary(source: Source, filters: Filters, *, max_titles: int = 3) -> pd.DataFrame:
    """One row per filtered place: where it is, how often it is named, and in which articles."""
    with_, params = selection(filters)
    sql = (f"{with_}, pa AS (SELECT p.place_id, MAX(p.name) AS name, MAX(p.kind) AS kind,"
           " MAX(p.country_code) AS country_code, MAX(p.admin1) AS admin1, MAX(p.lat) AS lat,"
           " MAX(p.lon) AS lon, SUM(p.mentions) AS mentions, COUNT(*) AS articles FROM places p"
           " JOIN fp ON fp.article_id = p.article_id AND fp.place_id = p.place_id GROUP BY p.place_id),"
           " ranked AS (SELECT fp.place_id, a.title, ROW_NUMBER() OVER (PARTITION BY fp.place_id"
           " ORDER BY a.published DESC, a.title) AS n FROM fp JOIN articles a ON a.article_id = fp.article_id)"
           " SELECT pa.*, (SELECT GROUP_CONCAT(title, '\n') FROM ranked r WHERE r.place_id = pa.place_id"
           " AND r.n <= ?) AS titles FROM pa ORDER BY pa.mentions DESC, pa.name")
    frame = pd.read_sql_query(sql, _conn(source), params=[*params, max_titles])
    return frame.astype({"mentions": "Int64", "articles": "Int64"})


def people_by_date(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per publication date and term (date NA for undated articles)."""
    with_, params = selection(filters)
    sql = (f"{with_} SELECT a.published, f.term, SUM(f.people_estimate) AS people, COUNT(*) AS figures"
           " FROM figures f JOIN ff ON ff.article_id = f.article_id AND ff.figure_id = f.figure_id"
           f" JOIN articles a ON a.article_id = f.article_id WHERE {_COUNTED}"
           " GROUP BY a.published, f.term ORDER BY a.published")
    frame = pd.read_sql_query(sql, _conn(source), params=params)
    return frame.astype({"people": "Int64", "figures": "Int64"})


def people_by_source(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per named source (NA when the figure names none)."""
    with_, params = selection(filters)
    sql = (f"{with_} SELECT f.source, SUM(f.people_estimate) AS people, COUNT(*) AS figures"
           " FROM figures f JOIN ff ON ff.article_id = f.article_id AND ff.figure_id = f.figure_id"
           f" WHERE {_COUNTED} GROUP BY f.source ORDER BY people DESC")
    frame = pd.read_sql_query(sql, _conn(source), params=params)
    return frame.astype({"people": "Int64", "figures": "Int64"})


def evidence(source: Source, filters: Filters, *, limit: int = 20) -> pd.DataFrame:
    """The filtered figures with their article's title and date, largest first, at most limit rows."""
    with_, params = selection(filters)
    sql = (f"{with_} SELECT f.*, a.title, a.published, a.outlet, a.url FROM figures f"
           " JOIN ff ON ff.article_id = f.article_id AND ff.figure_id = f.figure_id"
           " JOIN articles a ON a.article_id = f.article_id"
           " ORDER BY f.people_estimate IS NULL, f.people_estimate DESC, a.published DESC, f.start LIMIT ?")
    frame = pd.read_sql_query(sql, _conn(source), params=[*params, limit])
    return frame.astype({"vague": "boolean", "quantity": "Int64", "people_estimate": "Int64",
                         "start": "Int64", "end": "Int64"})


def _distinct(conn: sqlite3.Connection, sql: str) -> tuple[str, ...]:
    return tuple(str(v) for (v,) in conn.execute(sql).fetchall() if v not in (None, ""))


def filter_options(source: Source) -> Options:
    """Every value the sidebar filters can offer."""
    conn = _conn(source)
    articles = pd.read_sql_query("SELECT article_id, title, published FROM articles"
                                 " ORDER BY published DESC, title", conn)
    low, high = conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return Options(
        cities=_distinct(conn, "SELECT DISTINCT name FROM places WHERE kind = 'city' ORDER BY name"),
        countries=_distinct(conn, "SELECT DISTINCT country_code FROM places ORDER BY 1"),
        admin1=_distinct(conn, "SELECT admin1 FROM places UNION SELECT name FROM places WHERE kind = 'admin1'"
                               " ORDER BY 1"),
        terms=_distinct(conn, "SELECT DISTINCT term FROM figures ORDER BY 1"),
        units=_distinct(conn, "SELECT DISTINCT unit FROM figures ORDER BY 1"),
        sources=_distinct(conn, "SELECT DISTINCT source FROM figures ORDER BY 1"),
        articles=articles, date_min=low, date_max=high,
    )


def article_text(source: Source, article_id: str) -> str | None:
    """The full text of one article (the only query that reads the text column)."""
    row = _conn(source).execute("SELECT text FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def article_marks(source: Source, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What to highlight in one article: its figures (with spans) and its places (with spellings)."""
    conn = _conn(source)
    figures = pd.read_sql_query("SELECT figure_id, start, \"end\", number_text, quantity, unit, term, source,"
                                " places FROM figures WHERE article_id = ? ORDER BY start", conn,
                                params=[article_id])
    places = pd.read_sql_query("SELECT place_id, name, kind, surfaces FROM places WHERE article_id = ?"
                               " ORDER BY name", conn, params=[article_id])
    return figures, places
