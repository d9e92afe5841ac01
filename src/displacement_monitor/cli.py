"""The `displacement-monitor` command: extract, ingest, export, reprocess, remove, list."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import config
from .errors import DisplacementMonitorError
from .export import FORMATS, Filters, export_tables, filter_tables
from .pipeline import Failure, Processed, ingest, open_geocoder, process_paths
from .store import Store


def _float_or_none(value: object) -> float | None:
    """A coordinate for JSON: places the gazetteer lacks and nothing anchors have none (null)."""
    return None if pd.isna(value) else float(value)  # type: ignore[arg-type]


def _jsonl_record(done: Processed, path: str) -> dict:
    ex = done.extraction
    places = done.tables.places
    locations = [{"name": r.name, "country": r.country_code, "lat": _float_or_none(r.lat),
                  "lon": _float_or_none(r.lon), "kind": r.kind, "admin1": r.admin1,
                  "geonameid": None if pd.isna(r.geonameid) else int(r.geonameid),
                  "mentions": int(r.mentions), "aliases": r.surfaces.split("|"), "geocoder": r.geocoder}
                 for r in places.itertuples(index=False)]
    figures = []
    for fig, row in zip(ex.figures, done.tables.figures.itertuples(index=False), strict=True):
        names = list(dict.fromkeys(ex.places[i].name for i in fig.places))
        figures.append({
            "quantity": fig.quantity, "quantity_max": fig.quantity_max, "unit": fig.unit, "term": fig.term,
            "locations": names, "source": fig.source, "qualifier": fig.qualifier, "vague": fig.vague,
            "people_estimate": None if pd.isna(row.people_estimate) else int(row.people_estimate),
            "sentence": fig.sentence, "start": fig.start, "end": fig.end,
        })
    return {"path": path, "id": done.article.id, "title": done.article.title,
            "published": done.article.published, "locations": locations, "countries": list(ex.countries),
            "figures": figures}


def _table_lines(done: Processed) -> str:
    figures = done.tables.figures[["quantity", "unit", "term", "qualifier", "source", "places"]]
    places = done.tables.places[["name", "country_code", "admin1", "lat", "lon", "mentions"]]
    return (f"# {done.article.title} ({done.article.id})\n"
            f"countries: {', '.join(done.extraction.countries) or '-'}\n\n"
            f"{places.to_string(index=False) if not places.empty else 'no places'}\n\n"
            f"{figures.to_string(index=False) if not figures.empty else 'no figures'}\n")


def cmd_extract(args: argparse.Namespace) -> int:
    failures = 0
    results = []
    given = {str(Path(p)): p for p in args.files}
    for item in process_paths(args.files):
        if isinstance(item, Failure):
            print(f"error: {item.message}", file=sys.stderr)
            failures += 1
            continue
        path = given.get(item.article.path or "", item.article.path or "")
        if args.format == "jsonl":
            print(json.dumps(_jsonl_record(item, path), ensure_ascii=False), flush=True)
        elif args.format == "table":
            print(_table_lines(item))
        else:
            results.append(item)
    if args.format == "csv" and results:
        frame = pd.concat([r.tables.figures.assign(path=r.article.path) for r in results], ignore_index=True)
        frame.to_csv(sys.stdout, index=False)
    return 1 if failures else 0


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db)


def cmd_ingest(args: argparse.Namespace) -> int:
    failures = 0
    with _store(args) as store:
        geocoder = open_geocoder(args.geocoder, store) if args.geocoder != "offline" else None
        for item in process_paths(args.paths, geocoder=geocoder):
            if isinstance(item, Failure):
                print(f"error: {item.message}", file=sys.stderr)
                failures += 1
                continue
            if store.has_article(item.article.id):
                print(f"unchanged: {item.article.path} (already stored as {item.article.id})")
                continue
            store.save(item.tables)
            print(f"stored: {item.article.path} as {item.article.id}: {len(item.tables.places)} places,"
                  f" {len(item.tables.figures)} figures")
    return 1 if failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        tables = store.load()
    filters = Filters(cities=tuple(args.city or ()), countries=tuple(args.country or ()),
                      terms=tuple(args.term or ()), articles=tuple(args.article or ()))
    written = export_tables(filter_tables(tables, filters), Path(args.out), args.format)
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    with _store(args) as store:
        articles = store.articles()
        if args.article:
            articles = [a for a in articles if a.id in args.article]
        geocoder = open_geocoder(args.geocoder, store) if args.geocoder != "offline" else None
        stored, _ = ingest(articles, store, geocoder=geocoder, replace=True)
    print(f"reprocessed {len(stored)} article(s)")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    missing = 0
    with _store(args) as store:
        for article in args.article:
            if store.delete_article(article):
                print(f"removed {article}")
            else:
                print(f"error: no stored article {article}", file=sys.stderr)
                missing += 1
    return 1 if missing else 0


def cmd_list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        articles = store.read_table("articles")
    for row in articles.itertuples(index=False):
        print(f"{row.article_id}  {row.published or '----------'}  {row.title}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="displacement-monitor", description=__doc__)
    parser.add_argument("--db", help="SQLite store (default $DISPLACEMENT_MONITOR_DB or data/displacement.db)")
    parser.add_argument("--geocoder", default="offline",
                        help="'offline' (bundled GeoNames) or a geopy service such as 'nominatim'")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print what each article file contains")
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="process article files or folders into the store")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="write the stored tables (optionally filtered)")
    p.add_argument("--out", required=True, help="folder to write into")
    p.add_argument("--format", choices=list(FORMATS), default="csv")
    p.add_argument("--city", action="append", help="keep figures about this place (repeatable)")
    p.add_argument("--country", action="append", help="keep places in this ISO country code")
    p.add_argument("--term", action="append", help="keep figures with this term")
    p.add_argument("--article", action="append", help="keep this article id")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("reprocess", help="run the current extractor again over stored articles")
    p.add_argument("article", nargs="*", help="article ids (default: all)")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("remove", help="delete stored articles by id")
    p.add_argument("article", nargs="+")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("list", help="list stored articles")
    p.set_defaults(func=cmd_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the displacement-monitor command."""
    args = build_parser().parse_args(argv)
    if args.db:
        args.db = str(config.db_path(args.db))
    try:
        return int(args.func(args))
    except DisplacementMonitorError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
