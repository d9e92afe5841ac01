"""Dashboard benchmark: first render, a City filter change and a download on a 10,000-article store.

Run from the repository root with the project's venv active:

    python benchmarks/bench_dashboard.py                     # builds /tmp/dm-bench-10k.db once, then measures
    python benchmarks/bench_dashboard.py --articles 10000 --repeats 3 --json dash.json

The store is built without re-running the extractor 10,000 times: each distinct base text (the
shared corpus and data/articles) goes through `pipeline.process_article` once; every copy gets the
base text plus one appended sentence that no extractor rule reads (so its content hash, and with it
every article, figure and link id, is new), a sampled publication date, and its tables from
`normalize.normalize(copy, base_extraction)`. The appended sentence sits after the last character
the extraction refers to, so the base extraction's offsets stay true for the copy. Copies are saved
through `Store.save` in batches.

Each repeat is a fresh child process (this script with --child) that drives `dashboard.py` with
Streamlit's AppTest: the first render, the figures CSV download of the whole store, a change of the
multiselect labelled "City", and the filtered download, then reports its peak RSS. Medians of the
repeats are printed; nothing here is a test and no time is asserted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import resource
import statistics
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_extract import DEFAULT_SOURCES, source_files

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = REPO / "dashboard.py"
DEFAULT_DB = Path("/tmp/dm-bench-10k.db")
TARGETS = {"first_render_s": 3.0, "filter_change_s": 0.5, "peak_rss_mib": 800.0}
FIRST_DAY = dt.date(2014, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
BATCH = 500
DOWNLOAD_LABEL = "Download figures (CSV)"


# ---------------------------------------------------------------- the store


def _tag(index: int) -> str:
    """A letters-only tag per copy: digits could be read as a figure, capitals as a place name."""
    letters = string.ascii_lowercase
    out = ""
    index += 26**3  # at least four letters, so tags never spell a short word
    while index:
        index, rest = divmod(index, 26)
        out = letters[rest] + out
    return out


def build_store(db: Path, n: int, seed: int) -> dict:
    """A store of n articles: base texts processed once, copies stored with new ids and dates."""
    from dataclasses import replace

    from displacement_monitor.ingest import article_from_text, article_id
    from displacement_monitor.normalize import Tables, normalize
    from displacement_monitor.pipeline import process_article
    from displacement_monitor.store import Store

    started = time.perf_counter()
    bases = []
    for path in source_files([f for f in DEFAULT_SOURCES if f.is_dir()]):
        article = article_from_text(path.read_text(encoding="utf-8"), name=str(path))
        bases.append(process_article(article))
    extracted = time.perf_counter()

    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    db.unlink(missing_ok=True)
    with Store(db) as store:
        batch: list[Tables] = []
        for i in range(n):
            base = bases[i % len(bases)] if i < len(bases) else rng.choice(bases)
            text = f"{base.article.text}\n\nArchive copy {_tag(i)}."
            day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
            copy = replace(base.article, id=article_id(text), text=text, published=day.isoformat(),
                           title=f"{base.article.title} ({_tag(i)})", path=None)
            batch.append(normalize(copy, base.extraction))
            if len(batch) == BATCH or i == n - 1:
                store.save(Tables.concat(batch))
                batch = []
        stored = store.count_articles()
    return {"bases": len(bases), "articles": stored, "extract_bases_s": extracted - started,
            "build_s": time.perf_counter() - started, "db_mib": db.stat().st_size / 2**20}


def store_size(db: Path) -> int:
    """Articles in an existing store, 0 when there is none."""
    if not db.exists():
        return 0
    from displacement_monitor.store import Store

    with Store(db) as store:
        return store.count_articles()


# ---------------------------------------------------------------- the child: one AppTest session


def _capture_media_managers() -> list:
    """Keep the MediaFileManager AppTest creates: deferred download bytes are produced through it."""
    import streamlit.testing.v1.app_test as app_test_module

    managers: list = []
    real = app_test_module.MediaFileManager

    def keep(storage: Any) -> Any:
        manager = real(storage)
        managers.append((manager, storage))
        return manager

    app_test_module.MediaFileManager = keep
    return managers


def _download(at: Any, managers: list, label: str) -> bytes:
    """Run a deferred download button's callable and return the bytes a browser would receive."""
    widget = next(b for b in at.download_button if b.label == label)
    manager, storage = managers[-1]
    url = manager.execute_deferred(widget.proto.deferred_file_id)
    return storage.get_file(url.rsplit("/", 1)[-1]).content


def _csv_rows(data: bytes) -> int:
    """Data rows of a CSV download (cells may hold newlines, so lines are not rows)."""
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8")))) - 1


def _timed(func: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def _check(at: Any) -> None:
    if at.exception:
        raise SystemExit("dashboard raised: " + "; ".join(e.message for e in at.exception))


def child_session(app: Path, city: str | None) -> dict:
    """First render, full download, City filter change, filtered download; timings and peak RSS."""
    t0 = time.perf_counter()
    managers = _capture_media_managers()
    from streamlit.testing.v1 import AppTest

    imported = time.perf_counter() - t0
    at = AppTest.from_file(str(app), default_timeout=600)
    _, first_render = _timed(at.run)
    _check(at)
    all_bytes, download_all = _timed(lambda: _download(at, managers, DOWNLOAD_LABEL))

    box = next(m for m in at.multiselect if m.label == "City")
    chosen = city if city in box.options else box.options[0]
    _, filter_change = _timed(lambda: box.set_value([chosen]).run())
    _check(at)
    some_bytes, download_city = _timed(lambda: _download(at, managers, DOWNLOAD_LABEL))
    return {
        "import_s": imported, "first_render_s": first_render, "download_all_s": download_all,
        "download_all_rows": _csv_rows(all_bytes), "download_all_mib": len(all_bytes) / 2**20,
        "city": chosen, "city_options": len(box.options), "filter_change_s": filter_change,
        "download_city_s": download_city, "download_city_rows": _csv_rows(some_bytes),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_session(app: Path, db: Path, city: str | None, cpu: int | None) -> dict:
    """One child process against the store; its JSON report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(app), city or ""]
    env = {**os.environ, "DISPLACEMENT_MONITOR_DB": str(db)}

    def pin() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True,
                          preexec_fn=pin if cpu is not None and hasattr(os, "sched_setaffinity") else None)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"session failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


# ---------------------------------------------------------------- report


def summarize(sessions: list[dict]) -> dict:
    keys = ("import_s", "first_render_s", "download_all_s", "filter_change_s", "download_city_s",
            "peak_rss_mib")
    return {k: statistics.median(s[k] for s in sessions) for k in keys}


def format_report(result: dict) -> str:
    med, runs = result["median"], result["sessions"]
    first = runs[0]

    def verdict(key: str) -> str:
        return "meets" if med[key] <= TARGETS[key] else "MISSES"

    def each(key: str, scale: float = 1.0, fmt: str = "{:.2f}") -> str:
        return ", ".join(fmt.format(s[key] * scale) for s in runs)

    rows = [
        ("first render", f"{med['first_render_s']:.2f} s", "<= 3 s", verdict("first_render_s"),
         each("first_render_s")),
        (f"City filter -> {first['city']}", f"{med['filter_change_s']:.2f} s", "<= 0.5 s",
         verdict("filter_change_s"), each("filter_change_s")),
        (f"download figures CSV, all ({first['download_all_rows']:,} rows)", f"{med['download_all_s']:.2f} s",
         "", "", each("download_all_s")),
        (f"download figures CSV, city ({first['download_city_rows']:,} rows)",
         f"{med['download_city_s']:.2f} s", "", "", each("download_city_s")),
        ("peak RSS", f"{med['peak_rss_mib']:,.0f} MiB", "<= 800 MiB", verdict("peak_rss_mib"),
         each("peak_rss_mib", fmt="{:.0f}")),
        ("import streamlit + AppTest", f"{med['import_s']:.2f} s", "", "", each("import_s")),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    store = result["store"]
    lines = [f"app: {result['app']}",
             f"store: {result['db']} ({store['articles']:,} articles, {store.get('db_mib', 0):.0f} MiB);"
             f" {first['city_options']:,} City options; medians of {len(runs)} sessions"
             " (each run listed last)", ""]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store (default 10000)")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"store to build or reuse ({DEFAULT_DB})")
    parser.add_argument("--rebuild-db", action="store_true", help="build the store even if it has N articles")
    parser.add_argument("--seed", type=int, default=0, help="seed for copies' dates (default 0)")
    parser.add_argument("--repeats", type=int, default=3, help="AppTest sessions, each a new process (3)")
    parser.add_argument("--city", default="Mosul", help="City to select (default Mosul, else the first)")
    parser.add_argument("--cpu", type=int, default=max(cpus) if cpus else None,
                        help="core to pin sessions to")
    parser.add_argument("--json", type=Path, help="write the measurements to this JSON file")
    parser.add_argument("--app", type=Path, default=DASHBOARD, help="the Streamlit script (dashboard.py)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeats < 1:
        parser.error("--articles and --repeats must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child_session(Path(args.child[0]), args.child[1] or None)), flush=True)
        return 0
    app = args.app.resolve()
    if not app.exists():
        raise SystemExit(f"{app} does not exist yet")
    have = store_size(args.db)
    if args.rebuild_db or have != args.articles:
        store = build_store(args.db, args.articles, args.seed)
        print(f"built {args.db}: {store['articles']:,} articles from {store['bases']} base texts in"
              f" {store['build_s']:.1f} s ({store['extract_bases_s']:.1f} s extracting the bases)")
    else:
        store = {"articles": have, "db_mib": args.db.stat().st_size / 2**20, "reused": True}
    sessions = [run_session(app, args.db, args.city, args.cpu) for _ in range(args.repeats)]
    result = {"app": str(app), "db": str(args.db), "store": store, "cpu": args.cpu, "sessions": sessions,
              "median": summarize(sessions), "targets": TARGETS}
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
