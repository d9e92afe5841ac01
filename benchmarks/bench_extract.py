"""Extractor benchmark: cold start, warm throughput on one core, peak memory, gazetteer matching cost.

Run from the repository root with the project's venv active:

    python benchmarks/bench_extract.py --n 2000
    python benchmarks/bench_extract.py --n 2000 --rebuild --json bench.json --profile extract.prof

Every measurement runs in a fresh child process (this script again, with --child), pinned to one
core, so the numbers do not depend on what the parent imported or allocated. The machine this runs
on is usually shared and noisy, hence medians over several runs; tests never assert these timings.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (Path("/work/shared/corpus"), REPO / "data" / "articles")
TARGETS = {"articles_per_s": 500.0, "cold_start_s": 3.0, "peak_rss_mib": 1024.0}
MATCH_TEXT_BYTES = 1_000_000
WARMUP_ARTICLES = 200


# ---------------------------------------------------------------- corpus


def source_files(folders: list[Path]) -> list[Path]:
    """The .txt articles of the given folders, sorted so a seed always picks the same files."""
    files = [f for folder in folders for f in sorted(folder.glob("*.txt"))]
    if not files:
        raise SystemExit(f"no .txt articles in {', '.join(map(str, folders))}")
    return files


def build_corpus(folders: list[Path], n: int, seed: int) -> list[str]:
    """n article texts sampled with replacement, front matter stripped by the package's own reader."""
    from displacement_monitor.ingest import article_from_text

    files = source_files(folders)
    texts = {f: article_from_text(f.read_text(encoding="utf-8"), name=str(f)).text for f in files}
    rng = random.Random(seed)
    return [texts[rng.choice(files)] for _ in range(n)]


def text_of_size(texts: list[str], n_bytes: int) -> str:
    """Corpus texts joined (and cycled) until the UTF-8 text is about n_bytes long."""
    parts: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        parts.append(texts[i % len(texts)])
        size += len(parts[-1].encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts).encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


# ---------------------------------------------------------------- child processes


def _pin(cpu: int | None) -> None:
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def _peak_rss_mib() -> float:
    # Linux reports ru_maxrss in KiB (macOS in bytes; this benchmark targets Linux).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_cold(article_path: str) -> dict:
    """Import, load the gazetteer, read and extract one article; report the phases."""
    t0 = time.perf_counter()
    from displacement_monitor.extract import extract
    from displacement_monitor.gazetteer import _cache_paths, load_gazetteer
    from displacement_monitor.ingest import article_from_text

    t1 = time.perf_counter()
    # Private helper, used only to report whether this run read the cache or had to build it.
    was_cached = all(p.exists() for p in _cache_paths())
    gaz = load_gazetteer()
    t2 = time.perf_counter()
    article = article_from_text(Path(article_path).read_text(encoding="utf-8"))
    extraction = extract(article.text, gaz)
    t3 = time.perf_counter()
    return {"import_s": t1 - t0, "gazetteer_s": t2 - t1, "first_extract_s": t3 - t2,
            "in_process_s": t3 - t0, "was_cached": was_cached, "figures": len(extraction.figures),
            "peak_rss_mib": _peak_rss_mib(), "package": _package_dir()}


def _package_dir() -> str:
    """Where displacement_monitor was imported from (PYTHONPATH can point at another checkout)."""
    import displacement_monitor

    return str(Path(displacement_monitor.__file__).parent)


def _time_runs(func, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def child_warm(corpus_path: str, runs: int) -> dict:
    """Extraction throughput over the corpus, then the gazetteer matcher alone on 1 MB."""
    from displacement_monitor.extract import extract, extract_places
    from displacement_monitor.gazetteer import fold_text, load_gazetteer

    texts: list[str] = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    gaz = load_gazetteer()
    for text in texts[:WARMUP_ARTICLES]:
        extract(text, gaz)

    def extract_all() -> None:
        for text in texts:
            extract(text, gaz)

    def places_all() -> None:
        for text in texts:
            extract_places(text, gaz)

    extract_times = _time_runs(extract_all, runs)
    # The place stage alone, so the split between places and figures needs no profiler.
    places_times = _time_runs(places_all, runs)
    corpus_bytes = sum(len(t.encode("utf-8")) for t in texts)

    big = text_of_size(texts, MATCH_TEXT_BYTES)
    folded = fold_text(big)
    n_matches = sum(1 for _ in gaz.matches(folded))
    fold_times = _time_runs(lambda: fold_text(big), runs)
    match_times = _time_runs(lambda: sum(1 for _ in gaz.matches(fold_text(big))), runs)
    return {
        "articles": len(texts), "corpus_bytes": corpus_bytes, "extract_runs_s": extract_times,
        "places_runs_s": places_times,
        "match_text_bytes": len(big.encode("utf-8")), "match_text_chars": len(big),
        "raw_matches": n_matches, "gazetteer_keys": len(gaz.keys), "gazetteer_records": len(gaz),
        "fold_runs_s": fold_times, "fold_and_match_runs_s": match_times, "peak_rss_mib": _peak_rss_mib(),
        "package": _package_dir(),
    }


def child_profile(corpus_path: str, out: str, top: int) -> dict:
    """One profiled pass of the warm extract loop; writes pstats to out and prints the top functions."""
    import cProfile
    import io
    import pstats

    from displacement_monitor.extract import extract
    from displacement_monitor.gazetteer import load_gazetteer

    texts: list[str] = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    gaz = load_gazetteer()
    for text in texts[:WARMUP_ARTICLES]:
        extract(text, gaz)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        extract(text, gaz)
    profiler.disable()
    profiler.dump_stats(out)
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return {"profile": out, "report": report.getvalue()}


def run_child(args: list[str], cpu: int | None, env: dict[str, str] | None = None) -> tuple[dict, float]:
    """Start this script as a child; return its JSON report and the wall time until the report arrived."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env,
                          preexec_fn=(lambda: _pin(cpu)) if cpu is not None else None) as proc:
        assert proc.stdout is not None
        # The clock stops when the report is written, before the interpreter spends time tearing down.
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        rest = proc.stdout.read()
    if proc.returncode != 0 or not line.strip():
        raise SystemExit(f"child {' '.join(args)} failed (exit {proc.returncode}): {line}{rest}")
    return json.loads(line), elapsed


# ---------------------------------------------------------------- measurements


def measure_cold(article: Path, runs: int, cpu: int | None) -> dict:
    """Median wall time from process start to the first extracted article, gazetteer from the disk cache."""
    prime, _ = run_child(["cold", str(article)], cpu)  # builds the default cache if it is stale
    results = [run_child(["cold", str(article)], cpu) for _ in range(runs)]
    walls = [wall for _, wall in results]
    phases = {k: statistics.median(r[k] for r, _ in results)
              for k in ("import_s", "gazetteer_s", "first_extract_s", "peak_rss_mib")}
    return {"runs_s": walls, "median_s": statistics.median(walls), "phases_median": phases,
            "prime_had_cache": prime["was_cached"],
            "all_runs_cached": all(r["was_cached"] for r, _ in results)}


def measure_rebuild(article: Path, cpu: int | None) -> dict:
    """One cold start with an empty cache folder: the index is built from GeoNames data and saved."""
    with tempfile.TemporaryDirectory(prefix="dm-bench-cache-") as folder:
        env = {**os.environ, "DISPLACEMENT_MONITOR_CACHE": folder}
        report, wall = run_child(["cold", str(article)], cpu, env)
        cache_mib = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    return {"wall_s": wall, "gazetteer_s": report["gazetteer_s"], "was_cached": report["was_cached"],
            "cache_files_mib": cache_mib, "peak_rss_mib": report["peak_rss_mib"]}


def summarize_warm(report: dict) -> dict:
    """Medians and rates from the warm child's raw run times."""
    median_s = statistics.median(report["extract_runs_s"])
    match_s = statistics.median(report["fold_and_match_runs_s"])
    fold_s = statistics.median(report["fold_runs_s"])
    mb = report["corpus_bytes"] / 1e6
    seconds_per_mb = median_s / mb
    return {
        **report, "median_s": median_s, "articles_per_s": report["articles"] / median_s,
        # The fastest run is the least disturbed by other processes on a shared machine.
        "best_articles_per_s": report["articles"] / min(report["extract_runs_s"]),
        "mb_per_s": mb / median_s, "mean_article_bytes": report["corpus_bytes"] / report["articles"],
        "places_share_of_extract": statistics.median(report["places_runs_s"]) / median_s,
        "fold_median_s": fold_s, "fold_and_match_median_s": match_s,
        "match_only_median_s": match_s - fold_s,
        # What the matcher costs per MB, next to what the whole extractor costs per MB.
        "match_share_of_extract": (match_s / (report["match_text_bytes"] / 1e6)) / seconds_per_mb,
    }


# ---------------------------------------------------------------- report


def _verdict(value: float, target: float, higher_is_better: bool) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "meets" if ok else "MISSES"


def format_report(result: dict) -> str:
    """The results as a small plain-text table."""
    warm, cold = result["warm"], result["cold"]
    rows = [
        ("warm throughput", f"{warm['articles_per_s']:,.0f} articles/s", ">= 500 articles/s",
         _verdict(warm["articles_per_s"], TARGETS["articles_per_s"], True)),
        ("warm throughput", f"{warm['mb_per_s']:.2f} MB/s", "", ""),
        ("  best run", f"{warm['best_articles_per_s']:,.0f} articles/s", "", ""),
        ("  place stage share", f"{warm['places_share_of_extract']:.0%}", "rest is figures", ""),
        ("cold start (median)", f"{cold['median_s']:.2f} s", "<= 3 s",
         _verdict(cold["median_s"], TARGETS["cold_start_s"], False)),
        ("  import package", f"{cold['phases_median']['import_s']:.2f} s", "", ""),
        ("  load gazetteer cache", f"{cold['phases_median']['gazetteer_s']:.2f} s", "", ""),
        ("  first article", f"{cold['phases_median']['first_extract_s'] * 1000:.0f} ms", "", ""),
        ("peak RSS, warm child", f"{warm['peak_rss_mib']:,.0f} MiB", "<= 1024 MiB",
         _verdict(warm["peak_rss_mib"], TARGETS["peak_rss_mib"], False)),
        ("peak RSS, cold child", f"{cold['phases_median']['peak_rss_mib']:,.0f} MiB", "", ""),
        ("fold_text, 1 MB", f"{warm['fold_median_s'] * 1000:.0f} ms", "", ""),
        ("fold + matches, 1 MB", f"{warm['fold_and_match_median_s'] * 1000:.0f} ms",
         f"{warm['raw_matches']:,} raw matches", ""),
        ("  matcher share of extract", f"{warm['match_share_of_extract']:.0%}", "", ""),
    ]
    if "rebuild" in result:
        rows.append(("cache rebuild (1 run)", f"{result['rebuild']['wall_s']:.1f} s",
                     f"{result['rebuild']['cache_files_mib']:.0f} MiB written", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = (f"package: {warm['package']} (checkout {result['commit']}, python {result['python']})\n"
              f"articles: {warm['articles']} (seed {result['seed']},"
              f" mean {warm['mean_article_bytes']:,.0f} bytes)"
              f"; cpu: {result['cpu']}; extract runs: "
              + ", ".join(f"{t:.2f}" for t in warm["extract_runs_s"])
              + " s; cold runs: " + ", ".join(f"{t:.2f}" for t in cold["runs_s"]) + " s")
    lines = [header, ""]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def _git_commit() -> str | None:
    """HEAD of this checkout, marked '+dirty' when src/ has uncommitted changes."""
    commit = _git("rev-parse", "--short", "HEAD")
    if commit and _git("status", "--porcelain", "--untracked-files=no", "--", "src"):
        commit += "+dirty"
    return commit


def _default_cpu() -> int | None:
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the sampled corpus (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over the corpus (default 3)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold starts to time (default 5)")
    parser.add_argument("--cpu", type=int, default=_default_cpu(),
                        help="core to pin the children to (default: the last one allowed)")
    parser.add_argument("--source", action="append", type=Path,
                        help="folder of .txt articles to sample (repeatable;"
                             " default: shared corpus + data/articles)")
    parser.add_argument("--rebuild", action="store_true", help="also time one build of the gazetteer cache")
    parser.add_argument("--json", type=Path, help="write all measurements to this JSON file")
    parser.add_argument("--profile", type=Path, help="profile one warm pass with cProfile into this file")
    parser.add_argument("--top", type=int, default=15, help="functions to print from the profile")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.n < 1 or args.runs < 1 or args.cold_runs < 1:
        parser.error("--n, --runs and --cold-runs must be at least 1")
    return args


def run_as_child(spec: list[str]) -> None:
    """Dispatch a --child request and write its JSON report as one line."""
    kind, *rest = spec
    if kind == "cold":
        report = child_cold(rest[0])
    elif kind == "warm":
        report = child_warm(rest[0], int(rest[1]))
    elif kind == "profile":
        report = child_profile(rest[0], rest[1], int(rest[2]))
    else:
        raise SystemExit(f"unknown child kind {kind!r}")
    print(json.dumps(report), flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        run_as_child(args.child)
        return 0
    folders = args.source or [f for f in DEFAULT_SOURCES if f.is_dir()]
    texts = build_corpus(folders, args.n, args.seed)
    result: dict = {"n": args.n, "seed": args.seed, "cpu": args.cpu, "sources": [str(f) for f in folders],
                    "python": sys.version.split()[0], "commit": _git_commit(), "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="dm-bench-") as tmp:
        corpus_path = Path(tmp) / "corpus.json"
        corpus_path.write_text(json.dumps(texts), encoding="utf-8")
        first_article = Path(tmp) / "first.txt"
        first_article.write_text(texts[0], encoding="utf-8")

        result["cold"] = measure_cold(first_article, args.cold_runs, args.cpu)
        if args.rebuild:
            result["rebuild"] = measure_rebuild(first_article, args.cpu)
        warm, _ = run_child(["warm", str(corpus_path), str(args.runs)], args.cpu)
        result["warm"] = summarize_warm(warm)
        if not Path(warm["package"]).is_relative_to(REPO):
            result["commit"] = "not this checkout"  # PYTHONPATH points at another copy of the package
        if args.profile:
            profile, _ = run_child(["profile", str(corpus_path), str(args.profile.resolve()), str(args.top)],
                                   args.cpu)
            result["profile"] = profile["profile"]
    print(format_report(result))
    if args.profile:
        print(f"\nprofile of one warm pass over {args.n} articles (written to {args.profile}):")
        print(profile["report"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
