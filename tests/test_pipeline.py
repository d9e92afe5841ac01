"""pipeline.py: the stages composed; bad files become Failures, built-in examples load once."""

from __future__ import annotations

from pathlib import Path

import pytest

from displacement_monitor import config
from displacement_monitor.ingest import article_from_text, read_article
from displacement_monitor.pipeline import (
    Failure,
    Processed,
    builtin_articles,
    ensure_builtin,
    ingest,
    process_article,
    process_paths,
)
from displacement_monitor.store import Store

pytestmark = pytest.mark.usefixtures("no_internet")


def test_process_article_on_the_seed(seed_path: Path) -> None:
    done = process_article(read_article(seed_path))
    assert sorted(done.tables.figures["quantity"].tolist()) == [40_000, 500_000]
    assert set(done.tables.places["name"]) == {"Mosul", "Tikrit", "Baghdad", "Samarra"}
    assert done.extraction.countries[0] == "IQ"


def test_process_paths_yields_failures_and_continues(tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    results = list(process_paths([empty, missing, seed_path]))
    assert results[:2] == [Failure(str(empty), f"{empty}: the file is empty"),
                           Failure(str(missing), f"{missing}: no such file")]
    assert isinstance(results[2], Processed)
    assert results[2].article.path == str(seed_path)


def test_process_paths_applies_the_size_limit(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(sample_text, encoding="utf-8")
    [failure] = process_paths([path], max_bytes=10)
    assert isinstance(failure, Failure)
    assert failure.message.endswith("bytes is over the 10-byte limit")


def test_ingest_skips_what_is_stored(db_path: Path, sample_text: str) -> None:
    article = article_from_text(sample_text)
    with Store() as store:
        stored, skipped = ingest([article], store)
        assert ([d.article.id for d in stored], skipped) == ([article.id], [])
        stored, skipped = ingest([article], store)
        assert (stored, skipped) == ([], [article])
        stored, _ = ingest([article], store, replace=True)
        assert [d.article.id for d in stored] == [article.id]
        assert store.count_articles() == 1


def test_builtin_articles_put_the_seed_first() -> None:
    articles = builtin_articles()
    assert articles[0].path is not None and articles[0].path.endswith("seed-mosul-2014.txt")


def test_ensure_builtin_loads_an_empty_store_once(db_path: Path) -> None:
    expected = len(builtin_articles())
    with Store() as store:
        assert ensure_builtin(store) == expected
        version = store.version()
        assert ensure_builtin(store) == 0
        assert store.count_articles() == expected
        assert store.version() == version


def test_ensure_builtin_leaves_a_used_store_alone(db_path: Path, sample_text: str) -> None:
    with Store() as store:
        ingest([article_from_text(sample_text)], store)
        assert ensure_builtin(store) == 0
        assert store.count_articles() == 1


def test_ensure_builtin_reads_the_configured_folder(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path, sample_text: str) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(sample_text, encoding="utf-8")
    (folder / "two.md").write_text("Some 300 families fled Goma.\n", encoding="utf-8")
    monkeypatch.setattr(config, "ARTICLES_DIR", folder)
    with Store() as store:
        assert ensure_builtin(store) == 2
        assert sorted(a.path for a in store.articles()) == [str(folder / "one.txt"), str(folder / "two.md")]
