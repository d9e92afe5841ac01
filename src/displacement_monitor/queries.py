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


class _Params(dict[str, object]):
    """Named SQL parameters, so predicates can nest in any order."""

    def bind(self, value: object) -> str:
        name = f"p{len(self)}"
        self[name] = value
        return f":{name}"

    def any_of(self, column: str, values: Sequence[object]) -> str:
        return f"{column} IN ({', '.join(self.bind(v) for v in values)})"


def _all(conditions: list[str]) -> str:
    return " AND ".join(conditions) if conditions else "1"


def _by_article(filters: Filters) -> bool:
    return bool(filters.articles or filters.date_from or filters.date_to)


def _by_place(filters: Filters) -> bool:
    return bool(filters.cities or filters.countries or filters.admin1)


def _by_figure(filters: Filters) -> bool:
    return bool(filters.terms or filters.units or filters.sources)


def _article_pred(filters: Filters, a: str, params: _Params) -> str:
    conditions = []
    if filters.articles:
        conditions.append(params.any_of(f"{a}.article_id", filters.articles))
    if filters.date_from:
        conditions.append(f"COALESCE({a}.published, '') >= {params.bind(filters.date_from)}")
    if filters.date_to:
        conditions.append(f"COALESCE({a}.published, '9999') <= {params.bind(filters.date_to)}")
    return _all(conditions)


def _in_articles(filters: Filters, column: str, params: _Params, depth: int) -> list[str]:
    if not _by_article(filters):
        return []
    a = f"a{depth}"
    return [
        f"{column} IN (SELECT {a}.article_id FROM articles {a} WHERE {_article_pred(filters, a, params)})"
    ]


def _place_pred(filters: Filters, p: str, params: _Params, depth: int = 0) -> str:
    """Places the place filters keep, before figure filters narrow them further."""
    conditions = _in_articles(filters, f"{p}.article_id", params, depth)
    if filters.countries:
        conditions.append(params.any_of(f"{p}.country_code", filters.countries))
    if filters.admin1:
        conditions.append(
            f"({params.any_of(f'{p}.admin1', filters.admin1)}"
            f" OR {params.any_of(f'{p}.name', filters.admin1)})"
        )
    if filters.cities:
        conditions.append(params.any_of(f"{p}.name", filters.cities))
    return _all(conditions)


_KEYS = {"figures": "figure_id", "places": "place_id"}


def _linked_rowids(alias: str, table: str, other_pred: str, depth: int) -> str:
    """alias's rows (figures or places) linked to a row of the other table that other_pred keeps, as a
    rowid set built once from the other side: 13 ms for a city on a 10,000-article store, where a
    per-row EXISTS took 157 ms and a row-value IN over the link table over a second."""
    other = "places" if table == "figures" else "figures"
    link, them, me = f"l{depth}", f"o{depth}", f"m{depth}"
    return (
        f"{alias}.rowid IN (SELECT {me}.rowid FROM {other} {them} JOIN figure_places {link}"
        f" ON {link}.article_id = {them}.article_id AND {link}.{_KEYS[other]} = {them}.{_KEYS[other]}"
        f" JOIN {table} {me} ON {me}.article_id = {link}.article_id AND {me}.{_KEYS[table]} = {link}.{_KEYS[table]}"
        f" WHERE {other_pred})"
    )


def figure_pred(filters: Filters, f: str, params: _Params, depth: int = 0) -> str:
    """SQL condition on figures alias f: the figures export.filter_tables keeps."""
    conditions = _in_articles(filters, f"{f}.article_id", params, depth)
    for column, wanted in (("term", filters.terms), ("unit", filters.units), ("source", filters.sources)):
        if wanted:
            conditions.append(params.any_of(f"{f}.{column}", wanted))
    if _by_place(filters):
        conditions.append(_linked_rowids(f, "figures", _place_pred(filters, f"o{depth}", params, depth + 1), depth))
    return _all(conditions)


def place_pred(filters: Filters, p: str, params: _Params, depth: int = 0) -> str:
    """SQL condition on places alias p: the place rows export.filter_tables keeps."""
    conditions = [_place_pred(filters, p, params, depth)]
    if _by_figure(filters):
        conditions.append(_linked_rowids(p, "places", figure_pred(filters, f"o{depth}", params, depth + 1), depth))
    return _all(conditions)


def article_pred(filters: Filters, a: str, params: _Params, depth: int = 0) -> str:
    """SQL condition on articles alias a: the articles export.filter_tables keeps."""
    conditions = [_article_pred(filters, a, params)]
    if _by_figure(filters):
        f = f"f{depth}"
        conditions.append(
            f"{a}.article_id IN (SELECT {f}.article_id FROM figures {f}"
            f" WHERE {figure_pred(filters, f, params, depth + 1)})"
        )
    elif _by_place(filters):
        p = f"p{depth}"
        conditions.append(
            f"{a}.article_id IN (SELECT {p}.article_id FROM places {p}"
            f" WHERE {_place_pred(filters, p, params, depth + 1)})"
        )
    return _all(conditions)


def _frame(
    conn: sqlite3.Connection,
    sql: str,
    params: _Params,
    schema: dict[str, str] | None = None,
    dtypes: dict[str, str] | None = None,
) -> pd.DataFrame:
    frame = pd.read_sql_query(sql, conn, params=dict(params))
    if schema is None:
        return frame.astype(dtypes or {})
    for column in _BOOLEAN_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("boolean")
    return conform(frame, schema)


def _columns(schema: dict[str, str], alias: str, skip: Sequence[str] = ()) -> str:
    return ", ".join(f"NULL AS {c}" if c in skip else f'{alias}."{c}"' for c in schema)


def filtered_tables(source: Source, filters: Filters) -> Tables:
    """The four tables narrowed to filters (as export.filter_tables does), article text left out."""
    conn, params = _conn(source), _Params()
    articles = _frame(
        conn,
        f"SELECT {_columns(ARTICLES_SCHEMA, 'a', ('text',))} FROM articles a"
        f" WHERE {article_pred(filters, 'a', params)} ORDER BY a.rowid",
        params,
        ARTICLES_SCHEMA,
    )
    params = _Params()
    places = _frame(
        conn,
        f"SELECT {_columns(PLACES_SCHEMA, 'p')} FROM places p"
        f" WHERE {place_pred(filters, 'p', params)} ORDER BY p.rowid",
        params,
        PLACES_SCHEMA,
    )
    params = _Params()
    figures = _frame(
        conn,
        f"SELECT {_columns(FIGURES_SCHEMA, 'f')} FROM figures f"
        f" WHERE {figure_pred(filters, 'f', params)} ORDER BY f.rowid",
        params,
        FIGURES_SCHEMA,
    )
    params = _Params()
    links = _frame(
        conn,
        f"SELECT {_columns(FIGURE_PLACES_SCHEMA, 'l')} FROM figure_places l"
        " JOIN figures f ON f.article_id = l.article_id AND f.figure_id = l.figure_id"
        f" WHERE {figure_pred(filters, 'f', params)} ORDER BY l.rowid",
        params,
        FIGURE_PLACES_SCHEMA,
    )
    return Tables(articles, places, figures, links)


def metrics(source: Source, filters: Filters) -> Metrics:
    """People displaced (each figure once, as normalize.people_displaced), and counts, for filters."""
    conn, params = _conn(source), _Params()
    people, vague, figures, sources = conn.execute(
        f"SELECT COALESCE(SUM(CASE WHEN {_COUNTED} THEN f.people_estimate END), 0),"
        f" COALESCE(SUM(f.vague = 1 AND f.term IN {_TERMS}), 0), COUNT(*), COUNT(DISTINCT f.source)"
        f" FROM figures f WHERE {figure_pred(filters, 'f', params)}",
        params,
    ).fetchone()
    params = _Params()
    places = conn.execute(
        f"SELECT COUNT(DISTINCT p.place_id) FROM places p WHERE {place_pred(filters, 'p', params)}", params
    ).fetchone()[0]
    params = _Params()
    articles = conn.execute(
        f"SELECT COUNT(*) FROM articles a WHERE {article_pred(filters, 'a', params)}", params
    ).fetchone()[0]
    params = _Params()
    sizes = conn.execute(
        f"SELECT DISTINCT f.household_size FROM figures f WHERE {_COUNTED}"
        " AND f.unit = 'households' AND f.household_size IS NOT NULL"
        f" AND {figure_pred(filters, 'f', params)} ORDER BY 1",
        params,
    ).fetchall()
    return Metrics(
        int(people),
        int(vague),
        int(places),
        int(articles),
        int(figures),
        int(sources),
        tuple(float(s) for (s,) in sizes),
    )


def people_by_place_term(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per filtered place and term; a figure naming n places counts fully on each
    (people) and 1/n on each (people_share)."""
    params = _Params()
    sql = (
        "SELECT p.place_id, MAX(p.name) AS name, MAX(p.country_code) AS country_code,"
        " MAX(p.admin1) AS admin1, MAX(p.lat) AS lat, MAX(p.lon) AS lon, f.term,"
        " SUM(f.people_estimate) AS people, SUM(f.people_estimate * 1.0 / f.n_places) AS people_share,"
        " COUNT(*) AS figures, SUM(f.n_places > 1) AS shared,"
        " GROUP_CONCAT(DISTINCT f.source) AS sources, COUNT(DISTINCT f.article_id) AS articles"
        " FROM figure_places l"
        " JOIN figures f ON f.article_id = l.article_id AND f.figure_id = l.figure_id"
        " JOIN places p ON p.article_id = l.article_id AND p.place_id = l.place_id"
        f" WHERE {_COUNTED} AND {figure_pred(filters, 'f', params)} AND {_place_pred(filters, 'p', params)}"
        " GROUP BY p.place_id, f.term ORDER BY people DESC, name"
    )
    return _frame(
        _conn(source),
        sql,
        params,
        dtypes={"people": "Int64", "figures": "Int64", "shared": "Int64", "articles": "Int64"},
    )


def places_summary(source: Source, filters: Filters) -> pd.DataFrame:
    """One row per filtered place: where it is, how often it is named, in how many articles, and the
    title of the one stored last (joining every article for a title costs too much on a large store)."""
    conn, params = _conn(source), _Params()
    sql = (
        "SELECT p.place_id, MAX(p.name) AS name, MAX(p.kind) AS kind, MAX(p.country_code) AS country_code,"
        " MAX(p.admin1) AS admin1, MAX(p.lat) AS lat, MAX(p.lon) AS lon, MAX(p.geocoder) AS geocoder,"
        " SUM(p.mentions) AS mentions,"
        " COUNT(*) AS articles, MAX(p.rowid) AS last_row"
        f" FROM places p WHERE {place_pred(filters, 'p', params)}"
        " GROUP BY p.place_id ORDER BY mentions DESC, name"
    )
    frame = _frame(conn, sql, params, dtypes={"mentions": "Int64", "articles": "Int64"})
    rows = _Params()
    wanted = rows.any_of("p.rowid", [int(r) for r in frame["last_row"]]) if len(frame) else "0"
    titles = dict(conn.execute("SELECT p.rowid, a.title FROM places p JOIN articles a"
                               f" ON a.article_id = p.article_id WHERE {wanted}", rows).fetchall())
    return frame.assign(latest_title=frame["last_row"].map(titles)).drop(columns="last_row")


def people_by_date(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per publication date and term (date NA for undated articles)."""
    params = _Params()
    sql = (
        "SELECT a.published, f.term, SUM(f.people_estimate) AS people, COUNT(*) AS figures"
        " FROM figures f JOIN articles a ON a.article_id = f.article_id"
        f" WHERE {_COUNTED} AND {figure_pred(filters, 'f', params)}"
        " GROUP BY a.published, f.term ORDER BY a.published"
    )
    return _frame(_conn(source), sql, params, dtypes={"people": "Int64", "figures": "Int64"})


def people_by_source(source: Source, filters: Filters) -> pd.DataFrame:
    """People displaced per named source (NA when the figure names none)."""
    params = _Params()
    sql = (
        "SELECT f.source, SUM(f.people_estimate) AS people, COUNT(*) AS figures FROM figures f"
        f" WHERE {_COUNTED} AND {figure_pred(filters, 'f', params)} GROUP BY f.source ORDER BY people DESC"
    )
    return _frame(_conn(source), sql, params, dtypes={"people": "Int64", "figures": "Int64"})


def evidence(source: Source, filters: Filters, *, limit: int = 20) -> pd.DataFrame:
    """The filtered figures with their article's title, date and url, largest first, at most limit rows."""
    params = _Params()
    sql = (
        f"SELECT {_columns(FIGURES_SCHEMA, 'f')}, a.title, a.published, a.outlet, a.url FROM figures f"
        f" JOIN articles a ON a.article_id = f.article_id WHERE {figure_pred(filters, 'f', params)}"
        " ORDER BY f.people_estimate IS NULL, f.people_estimate DESC, a.published DESC, f.start"
        f" LIMIT {params.bind(limit)}"
    )
    return _frame(
        _conn(source),
        sql,
        params,
        dtypes={
            "quantity": "Int64",
            "quantity_max": "Int64",
            "people_estimate": "Int64",
            "start": "Int64",
            "end": "Int64",
            "n_places": "Int64",
            "vague": "boolean",
        },
    )


def _distinct(conn: sqlite3.Connection, sql: str) -> tuple[str, ...]:
    return tuple(str(v) for (v,) in conn.execute(sql).fetchall() if v not in (None, ""))


def filter_options(source: Source) -> Options:
    """Every value the sidebar filters can offer."""
    conn = _conn(source)
    articles = pd.read_sql_query(
        "SELECT article_id, title, published FROM articles ORDER BY published DESC, title", conn
    )
    low, high = conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return Options(
        cities=_distinct(conn, "SELECT DISTINCT name FROM places WHERE kind = 'city' ORDER BY name"),
        countries=_distinct(conn, "SELECT DISTINCT country_code FROM places ORDER BY 1"),
        admin1=_distinct(
            conn, "SELECT admin1 FROM places UNION SELECT name FROM places WHERE kind = 'admin1' ORDER BY 1"
        ),
        terms=_distinct(conn, "SELECT DISTINCT term FROM figures ORDER BY 1"),
        units=_distinct(conn, "SELECT DISTINCT unit FROM figures ORDER BY 1"),
        sources=_distinct(conn, "SELECT DISTINCT source FROM figures ORDER BY 1"),
        articles=articles,
        date_min=low,
        date_max=high,
    )


def article_text(source: Source, article_id: str) -> str | None:
    """The full text of one article (the only query that reads the text column)."""
    row = _conn(source).execute("SELECT text FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def article_marks(source: Source, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What to highlight in one article: its figures (with spans) and its places (with spellings)."""
    conn = _conn(source)
    figures = pd.read_sql_query(
        'SELECT figure_id, start, "end", number_text, quantity, unit, term, source,'
        " places FROM figures WHERE article_id = ? ORDER BY start",
        conn,
        params=[article_id],
    )
    places = pd.read_sql_query(
        "SELECT place_id, name, kind, surfaces FROM places WHERE article_id = ? ORDER BY name",
        conn,
        params=[article_id],
    )
    return figures, places


def articles_page(source: Source, filters: Filters, *, limit: int = 1000) -> tuple[pd.DataFrame, int]:
    """The newest filtered articles (no text), at most limit of them, and how many match in all."""
    conn, params = _conn(source), _Params()
    where = article_pred(filters, "a", params)
    total = int(conn.execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params).fetchone()[0])
    columns = _columns(ARTICLES_SCHEMA, "a", ("text",))
    frame = _frame(
        conn,
        f"SELECT {columns} FROM articles a WHERE {where}"
        f" ORDER BY a.published DESC, a.title LIMIT {params.bind(limit)}",
        params,
        ARTICLES_SCHEMA,
    )
    return frame.drop(columns="text"), total
