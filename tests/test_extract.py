"""The whole extractor: the built-in article, properties over any text, and the corpus targets."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from displacement_monitor.extract import extract
from displacement_monitor.gazetteer import load_gazetteer
from displacement_monitor.ingest import read_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "articles" / "seed-mosul-2014.txt"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_seed_article(gaz) -> None:
    result = extract(read_article(SEED).text, gaz)
    places = {p.name: p for p in result.places if p.kind != "country"}
    assert set(places) == {"Mosul", "Tikrit", "Samarra", "Baghdad"}
    truth = {"Mosul": (36.335, 43.119), "Tikrit": (34.616, 43.679), "Samarra": (34.196, 43.886),
             "Baghdad": (33.341, 44.401)}
    for name, point in truth.items():
        assert km((places[name].lat, places[name].lon), point) < 5
    assert set(result.countries) == {"IQ", "IR", "US", "SY"}
    figs = [(f.quantity, f.unit, f.term, f.qualifier, f.source,
             sorted(result.places[i].name for i in f.places)) for f in result.figures]
    assert figs == [
        (40000, "people", "displaced", "estimated", "IOM", ["Samarra", "Tikrit"]),
        (500000, "people", "displaced", "believed", "IOM", ["Mosul"]),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_never_raises_and_spans_index_the_text(gaz, text: str) -> None:
    result = extract(text, gaz)
    for place in result.places:
        assert text[place.start:place.end] == place.surface
    for fig in result.figures:
        assert text[fig.start:fig.end] == fig.number_text
        assert all(0 <= i < len(result.places) for i in fig.places)


_WORDS = st.sampled_from(["people", "fled", "Mosul", "and", "about", "1,200", "families", "Iraq", "the",
                          "thousands", "of", "killed", "2.5m", "camps", "in", ",", ".", "-", "'s", "\n"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_never_raises_on_news_like_word_salad(gaz, text: str) -> None:
    for fig in extract(text, gaz).figures:
        assert text[fig.start:fig.end] == fig.number_text and fig.quantity >= 0


def _score(corpus: Path) -> dict:
    cmd = f"{sys.executable} -m displacement_monitor.cli extract --format jsonl"
    proc = subprocess.run([sys.executable, str(SHARED / "corpus" / "score.py"), str(corpus), "--cmd", cmd, "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.skipif(not (SHARED / "corpus" / "score.py").exists(), reason="../shared/corpus is not beside the repo")
def test_development_corpus_scores() -> None:
    """Regression floor on the annotated corpus (issue 3 targets are higher; see the README)."""
    res = _score(SHARED / "corpus")
    assert res["articles_missing_from_output"] == 0
    assert res["figure"][2] >= 0.92
    assert res["term_accuracy"] >= 0.85
    assert res["country"][2] >= 0.95
    assert res["location"][2] >= 0.92
    assert res["figure_place"][2] >= 0.85
    # Places the gazetteer lacks are put at a known place nearby and count here, so this is lower than
    # the share of gazetteer places within 40 km.
    assert res["geocode_within_km"] >= 0.92
    assert not [m for m in res["misses"] if m.startswith("seed:")]


@pytest.mark.skipif(not (SHARED / "corpus-idmc").exists(), reason="../shared/corpus-idmc is not beside the repo")
def test_idmc_excerpts_scores() -> None:
    partial = _score(SHARED / "corpus-idmc")["partial_gold"]
    assert partial["quantity_recall"] >= 0.91
    assert partial["quantity_unit_recall"] >= 0.91
    assert partial["term_accuracy"] >= 0.85
    assert partial["country_recall"] >= 0.90  # the target


def test_a_figures_place_names_its_country_when_the_text_does_not() -> None:
    extraction = extract("About 130,000 people fled Rakhine State near Bangladesh in 2012.", load_gazetteer())
    assert extraction.countries[0] == "BD" and "MM" in extraction.countries
