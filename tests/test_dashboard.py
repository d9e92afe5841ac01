"""The Streamlit dashboard driven headless with AppTest against a temporary store."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.testing.v1 import AppTest

from displacement_monitor.normalize import Tables
from displacement_monitor.pipeline import builtin_articles, ingest, process_article
from displacement_monitor.store import Store

DASHBOARD = str(Path(__file__).resolve().parents[1] / "dashboard.py")
SEED_TEXT = "seed-mosul-2014.txt"
NEW_ARTICLE = (
    b"Fighting near Aleppo\nThe UN refugee agency said 3,000 people were displaced from Aleppo "
    b"on Tuesday after shelling."
)


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list:
    """The media managers AppTest creates, kept so download buttons' deferred bytes can be fetched."""
    managers: list = []
    real = app_test_module.MediaFileManager

    def capture(storage):  # noqa: ANN001, ANN202 - mirrors the constructor
        manager = real(storage)
        managers.append((manager, storage))
        return manager

    monkeypatch.setattr(app_test_module, "MediaFileManager", capture)
    return managers


def _seed_store(path: Path) -> None:
    seed = next(a for a in builtin_articles() if (a.path or "").endswith(SEED_TEXT))
    with Store(path) as store:
        ingest([seed], store)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding only the seed article (Mosul, Tikrit, Samarra, Baghdad), which the app uses."""
    path = tmp_path / "dashboard.db"
    monkeypatch.setenv("DISPLACEMENT_MONITOR_DB", str(path))
    _seed_store(path)
    return path


def run(at: AppTest | None = None, **query: list[str]) -> AppTest:
    at = at or AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def button(at: AppTest, label: str):  # noqa: ANN201 - an AppTest Button
    return next(b for b in at.button if b.label == label)


def download(at: AppTest, media: list, label: str) -> bytes:
    widget = next(b for b in at.download_button if b.label == label)
    manager, storage = media[-1]
    url = manager.execute_deferred(widget.proto.deferred_file_id)
    return storage.get_file(url.rsplit("/", 1)[-1]).content


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_empty_store_opens_on_the_builtin_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLACEMENT_MONITOR_DB", str(tmp_path / "empty.db"))
    at = run()
    assert int(metric(at, "Articles")) == len(builtin_articles())
    with Store(tmp_path / "empty.db") as store:
        assert store.count_articles() == len(builtin_articles())


def test_seed_metrics_count_each_figure_once(db: Path) -> None:
    at = run()
    assert metric(at, "People displaced") == "540,000"
    assert (metric(at, "Places"), metric(at, "Articles"), metric(at, "Figures"), metric(at, "Sources")) == (
        "4",
        "1",
        "2",
        "1",
    )
    people = next(m for m in at.metric if m.label == "People displaced")
    assert "household" in people.help.lower()
    assert any("vague" in c.value.lower() for c in at.caption)


def test_map_is_the_first_plotly_chart_and_works_offline(db: Path) -> None:
    at = run()
    chart = at.get("plotly_chart")[0]
    spec = json.loads(chart.proto.spec)
    assert {t["type"] for t in spec["data"]} == {"scattergeo"}
    assert spec["layout"]["geo"]["showland"] and spec["layout"]["geo"]["showcountries"]
    assert spec["layout"]["geo"]["fitbounds"] == "locations"
    assert json.loads(chart.proto.config)["topojsonURL"] == "/app/static/"
    names = {d[1] for t in spec["data"] for d in t["customdata"]}
    assert names == {"Mosul", "Tikrit", "Samarra", "Baghdad"}


def test_city_filter_narrows_everything_and_the_url(db: Path, media: list) -> None:
    at = run()
    at.multiselect(key="f_cities").select("Mosul")
    run(at)
    assert metric(at, "People displaced") == "500,000"
    figures = at.dataframe[0].value
    assert figures["people_estimate"].tolist() == [500000]
    assert figures["places"].tolist() == ["Mosul"]
    rows = csv_rows(download(at, media, "Download figures (CSV)"))
    assert [(r["quantity"], r["places"]) for r in rows] == [("500000", "Mosul")]
    assert [r["name"] for r in csv_rows(download(at, media, "Download places (CSV)"))] == ["Mosul"]
    assert at.query_params.get("city") in ("Mosul", ["Mosul"])


def test_query_params_restore_filters_and_clear_filters_resets(db: Path) -> None:
    at = run(city=["Tikrit", "Nowhere"])
    assert at.multiselect(key="f_cities").value == ["Tikrit"]
    assert metric(at, "People displaced") == "40,000"
    button(at, "Clear filters").click()
    run(at)
    assert at.multiselect(key="f_cities").value == []
    assert metric(at, "People displaced") == "540,000"
    assert not at.query_params


def test_every_filter_control_runs(db: Path) -> None:
    with Store(db) as store:
        mosul = store.load().figures.set_index("places").loc["Mosul"]
    at = run()
    picks = {
        "f_countries": "IQ",
        "f_admin1": "Nineveh",
        "f_terms": mosul["term"],
        "f_units": mosul["unit"],
        "f_sources": mosul["source"],
        "f_articles": mosul["article_id"],
    }
    for key, value in picks.items():
        at.multiselect(key=key).select(value)
        run(at)
        assert metric(at, "Articles") == "1", key
    assert metric(at, "People displaced") == "500,000"
    button(at, "Clear filters").click()
    run(at)
    at.multiselect(key="f_admin1").set_value(["Salah ad Din"])
    run(at)
    assert metric(at, "People displaced") == "40,000"
    at.date_input(key="f_date_from").set_value(__import__("datetime").date(2015, 1, 1))
    run(at)
    assert metric(at, "People displaced") == "0" and metric(at, "Articles") == "0"
    assert at.query_params.get("from") in ("2015-01-01", ["2015-01-01"])
    button(at, "Clear filters").click()
    run(at)
    assert metric(at, "People displaced") == "540,000"


def test_every_export_works(db: Path, media: list) -> None:
    at = run()
    labels = [b.label for b in at.download_button]
    for label in (
        "Download figures (CSV)",
        "Download places (CSV)",
        "Download figure-places (CSV)",
        "Download figures (HXL)",
        "Download places (GeoJSON)",
    ):
        assert label in labels
    hxl = download(at, media, "Download figures (HXL)").decode("utf-8").splitlines()
    assert hxl[1].startswith("#meta+article,#meta+id,#affected+num")
    geo = json.loads(download(at, media, "Download places (GeoJSON)"))
    assert geo["type"] == "FeatureCollection"
    assert {f["properties"]["name"] for f in geo["features"]} == {"Mosul", "Tikrit", "Samarra", "Baghdad"}
    links = csv_rows(download(at, media, "Download figure-places (CSV)"))
    assert len(links) == 3


def test_formula_cells_are_neutralised_in_the_download(db: Path, media: list) -> None:
    with Store(db) as store:
        tables = store.load()
        risky = {"source": '=HYPERLINK("http://x")', "sentence": "=1+1 " + tables.figures["sentence"]}
        figures = tables.figures.assign(**risky)
        store.save(Tables(tables.articles, tables.places, figures, tables.figure_places), replace=True)
    at = run()
    rows = csv_rows(download(at, media, "Download figures (CSV)"))
    assert {r["source"] for r in rows} == {'\'=HYPERLINK("http://x")'}
    assert all(r["sentence"].startswith("'=1+1") for r in rows)


def test_article_text_is_escaped_and_highlighted(db: Path) -> None:
    text = "<script>alert('x')</script> Officials said 2,000 people were displaced from Aleppo."
    from displacement_monitor.ingest import article_from_text

    with Store(db) as store:
        ingest([article_from_text(text, title="Injected <b>title</b>", published="2020-01-01")], store)
    at = run()
    shown = " ".join(h.proto.body for h in at.get("html"))
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert 'class="dm-place"' in shown and 'class="dm-figure"' in shown


def test_upload_adds_an_article_and_readding_is_a_no_op(db: Path) -> None:
    at = run()
    at.file_uploader[0].upload("aleppo.txt", NEW_ARTICLE, "text/plain")
    run(at)
    assert any("Added" in s.value for s in at.success)
    assert metric(at, "Articles") == "2"
    assert "Aleppo" in at.multiselect(key="f_cities").options
    at.file_uploader[0].upload("again.txt", NEW_ARTICLE, "text/plain")
    run(at)
    assert any("already stored" in i.value for i in at.info)
    assert metric(at, "Articles") == "2"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   \n", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00" * 20, "binary"),
    ],
)
def test_bad_upload_shows_an_error_and_keeps_articles(db: Path, name: str, data: bytes, message: str) -> None:
    at = run()
    at.file_uploader[0].upload(name, data, "text/plain")
    run(at)
    assert any(message in e.value for e in at.error)
    assert metric(at, "Articles") == "1" and metric(at, "People displaced") == "540,000"


def test_text_without_places_is_stored_and_said_so(db: Path) -> None:
    at = run()
    at.file_uploader[0].upload(
        "plain.txt", b"The weather was mild and nothing happened at all.", "text/plain"
    )
    run(at)
    assert any("No places or displacement figures" in i.value for i in at.info)
    assert metric(at, "Articles") == "2"


def test_paste_form_adds_an_article(db: Path) -> None:
    at = run()
    at.text_area(key="p_text").input(NEW_ARTICLE.decode())
    at.text_input(key="p_title").input("Aleppo report")
    at.text_input(key="p_outlet").input("Test wire")
    button(at, "Add pasted article").click()
    run(at)
    assert any("Aleppo report" in s.value for s in at.success)
    assert metric(at, "Articles") == "2"


def test_removal_needs_confirmation(db: Path) -> None:
    at = run()
    button(at, "Remove article…").click()
    run(at)
    assert at.warning and metric(at, "Articles") == "1"
    button(at, "Cancel").click()
    run(at)
    assert metric(at, "Articles") == "1"
    button(at, "Remove article…").click()
    run(at)
    button(at, "Yes, remove it").click()
    run(at)
    assert any("Removed" in s.value for s in at.success)
    assert metric(at, "Articles") == "0" and metric(at, "People displaced") == "0"
    with Store(db) as store:
        assert store.count_articles() == 0


def test_show_article_button_opens_the_figures_article(db: Path) -> None:
    from displacement_monitor.ingest import article_from_text

    extra = article_from_text(NEW_ARTICLE.decode(), title="Aleppo", published="2020-01-01")
    with Store(db) as store:
        done = process_article(extra)
        store.save(replace(done.tables))
    at = run()
    seed_button = next(b for b in at.button if b.label == "Show article" and "a818" in b.key)
    seed_button.click()
    run(at)
    assert at.selectbox(key="shown_article").value.startswith("a818")
