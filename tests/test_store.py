"""store.py: a real SQLite file; idempotent saves, deletes, versions, the geocoder cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from displacement_monitor.errors import StoreError
from displacement_monitor.ingest import article_from_text
from displacement_monitor.models import Extraction, Figure, PlaceMention
from displacement_monitor.normalize import TABLE_SCHEMAS, Tables, normalize
from displacement_monitor.store import Store

MOSUL = PlaceMention(20, 25, "Mosul", 1, "Mosul", "city", "IQ", "Nineveh", 36.335, 43.11889, 99072, 1_683_000)
TIKRIT = PlaceMention(30, 36, "Tikrit", 2, "Tikrit", "city", "IQ", "Salah ad Din", 34.6, 43.7, 90150, 160_000)


def make_tables(text: str, quantity: int = 40_000) -> Tables:
    figure = Figure(quantity, "people", "displaced", 5, 11, f"{quantity:,}", text, 0, places=(0, 1))
    vague = Figure(1000, "people", "displaced", 40, 49, "thousands", text, 0, vague=True, places=(0,))
    extraction = Extraction(places=(MOSUL, TIKRIT), countries=("IQ",), figures=(figure, vague))
    return normalize(article_from_text(text, published="2014-06-14"), extraction)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store() as opened:  # the path comes from $DISPLACEMENT_MONITOR_DB
        yield opened


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLE_SCHEMAS}


def test_store_uses_the_env_path(store: Store, db_path: Path) -> None:
    assert store.path == db_path
    assert db_path.is_file()


def test_new_store_is_empty_at_version_zero(store: Store) -> None:
    assert store.version() == 0
    assert store.count_articles() == 0
    assert all(frame.empty for frame in vars(store.load()).values())


def test_save_then_load_round_trips_with_dtypes(store: Store) -> None:
    tables = make_tables("Some 40,000 people fled Mosul and Tikrit.")
    assert store.save(tables) == tables.articles["article_id"].tolist()
    loaded = store.load()
    for name in TABLE_SCHEMAS:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(tables, name))


def test_save_twice_changes_no_row_and_no_version(store: Store, db_path: Path) -> None:
    tables = make_tables("Some 40,000 people fled Mosul and Tikrit.")
    store.save(tables)
    counts, version = row_counts(db_path), store.version()
    assert store.save(tables) == []
    assert row_counts(db_path) == counts == {"articles": 1, "places": 2, "figures": 2, "figure_places": 3}
    assert store.version() == version == 1


def test_replace_rewrites_and_bumps_the_version(store: Store) -> None:
    text = "Some 40,000 people fled Mosul and Tikrit."
    first = make_tables(text)
    store.save(first)
    assert store.save(make_tables(text, quantity=45_000), replace=True) == first.articles["article_id"].tolist()
    assert store.version() == 2
    assert sorted(store.read_table("figures")["quantity"].tolist()) == [1000, 45_000]
    assert store.count_articles() == 1


def test_delete_removes_every_child_row(store: Store, db_path: Path) -> None:
    first = make_tables("Some 40,000 people fled Mosul and Tikrit.")
    second = make_tables("Some 12,000 people fled Mosul and Tikrit again.", quantity=12_000)
    store.save(first)
    store.save(second)
    gone = first.articles.loc[0, "article_id"]
    assert store.delete_article(gone) is True
    assert store.version() == 3
    assert row_counts(db_path) == {"articles": 1, "places": 2, "figures": 2, "figure_places": 3}
    for name in TABLE_SCHEMAS:
        assert gone not in set(store.read_table(name)["article_id"])
    assert store.has_article(second.articles.loc[0, "article_id"])


def test_delete_unknown_article_is_false_and_keeps_the_version(store: Store) -> None:
    assert store.delete_article("0000000000000000") is False
    assert store.version() == 0


def test_articles_come_back_as_values(store: Store) -> None:
    tables = make_tables("Some 40,000 people fled Mosul and Tikrit.")
    store.save(tables)
    [article] = store.articles()
    assert article.id == tables.articles.loc[0, "article_id"]
    assert article.text == "Some 40,000 people fled Mosul and Tikrit."
    assert article.published == "2014-06-14"


def test_read_table_with_where(store: Store) -> None:
    store.save(make_tables("Some 40,000 people fled Mosul and Tikrit."))
    mosul = store.read_table("places", "WHERE name = ?", ("Mosul",))
    assert mosul["place_id"].tolist() == ["gn:99072"]


def test_data_survives_reopening(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(make_tables("Some 40,000 people fled Mosul and Tikrit."))
    with Store(db_path) as store:
        assert store.count_articles() == 1
        assert store.version() == 1


def test_geocode_cache_get_and_put(store: Store) -> None:
    assert store.get("nominatim", "Mosul, Iraq") == (False, None)
    store.put("nominatim", "Mosul, Iraq", (36.34, 43.13, "Mosul, Nineveh, Iraq"))
    store.put("nominatim", "Atlantis, Nowhere", None)
    assert store.get("nominatim", "Mosul, Iraq") == (True, (36.34, 43.13, "Mosul, Nineveh, Iraq"))
    assert store.get("nominatim", "Atlantis, Nowhere") == (True, None)
    assert store.get("photon", "Mosul, Iraq") == (False, None)


def test_geocode_cache_put_overwrites(store: Store) -> None:
    store.put("nominatim", "Mosul, Iraq", None)
    store.put("nominatim", "Mosul, Iraq", (36.0, 43.0, "Mosul"))
    assert store.get("nominatim", "Mosul, Iraq") == (True, (36.0, 43.0, "Mosul"))


def test_corrupt_file_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database, just garbage bytes " * 100)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == f"{path}: not a usable SQLite database: file is not a database"


def test_store_error_is_a_runtime_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(RuntimeError, match="not a usable SQLite database"):
        Store(path)
