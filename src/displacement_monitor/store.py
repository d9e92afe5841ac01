"""SQLite store: articles and their tables, keyed by content hash, plus the geocoder cache."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from . import config
from .errors import StoreError
from .models import ARTICLES_SCHEMA, FIGURE_PLACES_SCHEMA, FIGURES_SCHEMA, PLACES_SCHEMA, Article, conform
from .normalize import TABLE_SCHEMAS, Tables

SCHEMA_VERSION = 1
_SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "Float64": "REAL", "boolean": "INTEGER"}
_KEYS = {
    "articles": "PRIMARY KEY (article_id)",
    "places": "PRIMARY KEY (article_id, place_id)",
    "figures": "PRIMARY KEY (article_id, figure_id)",
    "figure_places": "PRIMARY KEY (article_id, figure_id, place_id)",
}
_INDEXES = [
    "CREATE INDEX IF NOT EXISTS places_name ON places(name)",
    "CREATE INDEX IF NOT EXISTS places_place ON places(place_id)",
    "CREATE INDEX IF NOT EXISTS figure_places_place ON figure_places(place_id, article_id, figure_id)",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
    # the dashboard's filters: term, unit and source narrow figures; these keep broad filters fast
    "CREATE INDEX IF NOT EXISTS figures_term ON figures(term, article_id, figure_id)",
    "CREATE INDEX IF NOT EXISTS figures_unit ON figures(unit, article_id, figure_id)",
    "CREATE INDEX IF NOT EXISTS figures_source ON figures(source, article_id, figure_id)",
    "CREATE INDEX IF NOT EXISTS places_country ON places(country_code, article_id, place_id)",
    "CREATE INDEX IF NOT EXISTS places_admin1 ON places(admin1, article_id, place_id)",
]


def _ddl(table: str, schema: dict[str, str]) -> str:
    columns = ", ".join(f"{col} {_SQL_TYPES[dtype]}" for col, dtype in schema.items())
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns}, {_KEYS[table]})"


class Store:
    """One SQLite file holding every processed article; safe to open from several processes."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = config.db_path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._create()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable SQLite database: {err}") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _create(self) -> None:
        with self.conn:
            for table, schema in TABLE_SCHEMAS.items():
                self.conn.execute(_ddl(table, schema))
            for statement in _INDEXES:
                self.conn.execute(statement)
            self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS geocode_cache (service TEXT, query TEXT, lat REAL, lon REAL,"
                " address TEXT, found INTEGER, fetched REAL, PRIMARY KEY (service, query))")
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('version', '0')")
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            with self.conn:
                yield self.conn
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: {err}") from err

    def version(self) -> int:
        """A counter that changes whenever stored data changes (a cache key for views)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        return int(row[0])

    def _bump(self, conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='version'")

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this content hash is stored."""
        return self.conn.execute("SELECT 1 FROM articles WHERE article_id=?", (article_id,)).fetchone() is not None

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def save(self, tables: Tables, *, replace: bool = False) -> list[str]:
        """Store the tables' articles; ones already stored are skipped unless replace. Returns ids written."""
        ids = [a for a in tables.articles["article_id"].tolist() if replace or not self.has_article(a)]
        if not ids:
            return []
        with self._transaction() as conn:
            for article in ids:
                self._delete(conn, article)
            for name, schema in TABLE_SCHEMAS.items():
                frame = getattr(tables, name)
                frame = conform(frame[frame["article_id"].isin(ids)], schema)
                self._insert(conn, name, frame)
            self._bump(conn)
        return ids

    def _insert(self, conn: sqlite3.Connection, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        columns = list(frame.columns)
        rows = [tuple(None if pd.isna(v) else (int(v) if isinstance(v, bool) else v) for v in row)
                for row in frame.astype(object).itertuples(index=False)]
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         rows)

    def _delete(self, conn: sqlite3.Connection, article_id: str) -> None:
        for table in ("figure_places", "figures", "places", "articles"):
            conn.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it; False when it was not stored."""
        if not self.has_article(article_id):
            return False
        with self._transaction() as conn:
            self._delete(conn, article_id)
            self._bump(conn)
        return True

    def articles(self) -> list[Article]:
        """Stored articles as values (for re-processing with a newer extractor)."""
        rows = self.conn.execute("SELECT article_id, text, title, published, outlet, url, path FROM articles"
                                 " ORDER BY published, title").fetchall()
        return [Article(*row) for row in rows]

    def read_table(self, table: str, where: str = "", params: Sequence[object] = ()) -> pd.DataFrame:
        """A whole table (or the rows a WHERE clause selects), with its declared dtypes."""
        schema = TABLE_SCHEMAS[table]
        frame = pd.read_sql_query(f"SELECT {', '.join(schema)} FROM {table} {where}", self.conn, params=params)
        if "vague" in frame or "shared" in frame:
            for col in ("vague", "shared"):
                if col in frame:
                    frame[col] = frame[col].astype("boolean")
        return conform(frame, schema)

    def load(self) -> Tables:
        """Every stored table."""
        return Tables(*(self.read_table(name) for name in TABLE_SCHEMAS))

    # geocoder cache (geocode.GeocodeCache protocol)
    def get(self, service: str, query: str) -> tuple[bool, tuple[float, float, str] | None]:
        row = self.conn.execute("SELECT lat, lon, address, found FROM geocode_cache WHERE service=? AND query=?",
                                (service, query)).fetchone()
        if row is None:
            return False, None
        return True, ((row[0], row[1], row[2]) if row[3] else None)

    def put(self, service: str, query: str, result: tuple[float, float, str] | None) -> None:
        lat, lon, address = result if result else (None, None, None)
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (service, query, lat, lon, address, int(result is not None), time.time()))


__all__ = ["Store", "ARTICLES_SCHEMA", "PLACES_SCHEMA", "FIGURES_SCHEMA", "FIGURE_PLACES_SCHEMA"]
