"""How often the extractor names the same source as the annotators, on the development corpus.

The shared scorer (../shared/corpus/score.py) does not score sources, so this does. A gold figure counts
when the extractor found a figure of the same quantity and unit; the two sources agree when they are the
same name after folding case and acronyms (IOM = International Organization for Migration), or both none.

    python benchmarks/score_sources.py [--corpus ../shared/corpus] [--misses]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from displacement_monitor.extract import extract
from displacement_monitor.extract.sources import normalize_source
from displacement_monitor.gazetteer import load_gazetteer
from displacement_monitor.ingest import read_article

REPO = Path(__file__).resolve().parent.parent


def _key(source: str | None) -> str:
    return normalize_source(source).lower() if source else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--misses", action="store_true", help="list each disagreement")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    agree = total = 0
    for gold_path in sorted(args.corpus.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found = extract(read_article(text_path).text, gazetteer).figures
        for wanted in gold.get("figures", []):
            same = [f for f in found if f.quantity == wanted["quantity"] and f.unit == wanted["unit"]]
            if not same or wanted.get("vague"):
                continue
            total += 1
            if _key(wanted.get("source")) == _key(same[0].source):
                agree += 1
            elif args.misses:
                print(f"{gold_path.stem} {wanted['quantity']}: gold {wanted.get('source')!r}, ours {same[0].source!r}")
    print(f"source agreement: {agree}/{total} = {agree / total:.3f}" if total else "no figures matched")


if __name__ == "__main__":
    main()
