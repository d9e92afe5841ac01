"""Pure view helpers: escaping and highlighting, plotly figure builders, table shapes, URL state, intake."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from displacement_monitor.export import Filters
from displacement_monitor.queries import Metrics
from displacement_monitor.store import Store
from displacement_monitor.views import charts, highlight, intake, tables, urlstate
from displacement_monitor.views.highlight import Span

# --- highlight ---------------------------------------------------------------------------------------------


def test_highlight_escapes_every_piece_of_text() -> None:
    text = "<script>alert(1)</script> 5,000 fled <b>Mosul</b> & more"
    start = text.index("5,000")
    out = highlight.highlight(
        text,
        [
            Span(start, start + 5, "figure", 'x" onmouseover="y'),
            Span(text.index("Mosul"), text.index("Mosul") + 5, "place", "Mosul"),
        ],
    )
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;" in out and "&amp; more" in out
    assert 'title="x&quot; onmouseover=&quot;y"' in out
    assert '<mark class="dm-figure"' in out and ">5,000</mark>" in out
    assert '<mark class="dm-place"' in out and ">Mosul</mark>" in out


def test_highlight_without_spans_is_just_escaped() -> None:
    assert highlight.highlight("a < b", []) == "a &lt; b"


def test_resolve_drops_overlaps_and_prefers_figures() -> None:
    spans = [
        Span(0, 10, "place"),
        Span(5, 8, "figure"),
        Span(12, 15, "source"),
        Span(20, 30, "place"),
        Span(-1, 2, "place"),
        Span(28, 40, "figure"),
    ]
    kept = highlight.resolve(spans, 35)
    assert [(s.start, s.end, s.kind) for s in kept] == [
        (5, 8, "figure"),
        (12, 15, "source"),
        (20, 30, "place"),
    ]


def test_find_spans_whole_words_longest_first() -> None:
    text = "Mosul and Mosul city; Mosulian; the International Organisation for Migration (IOM)"
    found = highlight.find_spans(text, ["Mosul", "Mosul city"], "place")
    assert [text[s.start : s.end] for s in found] == ["Mosul", "Mosul city"]
    sources = highlight.find_spans(text, highlight.source_spellings("IOM"), "source", ignore_case=True)
    assert [text[s.start : s.end] for s in sources] == ["International Organisation for Migration", "IOM"]


def test_article_html_marks_figures_places_and_sources_in_an_injected_article() -> None:
    text = "<script>steal()</script>\nThe IOM said 40,000 people fled Halab and Aleppo."
    start = text.index("40,000")
    figures = pd.DataFrame(
        [
            {
                "start": start,
                "end": start + 6,
                "quantity": 40000,
                "unit": "people",
                "term": "displaced",
                "source": "IOM",
                "places": "Aleppo",
            }
        ]
    )
    places = pd.DataFrame([{"name": "Aleppo", "surfaces": "Aleppo|Halab"}])
    out = highlight.article_html(text, figures, places)
    assert "<script>" not in out and "&lt;script&gt;steal()&lt;/script&gt;" in out
    assert out.count('class="dm-place"') == 2 and out.count('class="dm-figure"') == 1
    assert out.count('class="dm-source"') == 1
    assert 'title="40,000 people displaced (Aleppo)"' in out


def test_sentence_html_marks_number_places_and_source() -> None:
    sentence = "The International Organisation for Migration estimates that 40,000 people have fled Tikrit."
    out = highlight.sentence_html(sentence, "40,000", ["Tikrit"], "IOM")
    assert ">40,000</mark>" in out and ">Tikrit</mark>" in out
    assert ">International Organisation for Migration</mark>" in out
    assert (
        highlight.sentence_html("<i>x</i>", None, [], None)
        == '<div class="dm-sentence" style="line-height:1.6">&lt;i&gt;x&lt;/i&gt;</div>'
    )


def test_source_spellings_of_missing_sources() -> None:
    assert highlight.source_spellings(None) == () and highlight.source_spellings(float("nan")) == ()  # type: ignore[arg-type]
    assert highlight.source_spellings("local officials") == ("local officials",)


# --- charts ------------------------------------------------------------------------------------------------

BY_PLACE = pd.DataFrame(
    [
        {
            "place_id": "gn:1",
            "name": "Mosul",
            "country_code": "IQ",
            "admin1": "Nineveh",
            "lat": 36.3,
            "lon": 43.1,
            "term": "displaced",
            "people": 500000,
            "people_share": 500000.0,
            "figures": 1,
            "shared": 0,
            "sources": "IOM",
            "articles": 1,
        },
        {
            "place_id": "gn:2",
            "name": "Tikrit",
            "country_code": "IQ",
            "admin1": "Salah ad Din",
            "lat": 34.6,
            "lon": 43.7,
            "term": "displaced",
            "people": 40000,
            "people_share": 20000.0,
            "figures": 1,
            "shared": 1,
            "sources": "IOM",
            "articles": 1,
        },
        {
            "place_id": "gn:2",
            "name": "Tikrit",
            "country_code": "IQ",
            "admin1": "Salah ad Din",
            "lat": 34.6,
            "lon": 43.7,
            "term": "refugees",
            "people": 1000,
            "people_share": 1000.0,
            "figures": 1,
            "shared": 0,
            "sources": None,
            "articles": 1,
        },
    ]
)
PLACES = pd.DataFrame(
    [
        {
            "place_id": "gn:1",
            "name": "Mosul",
            "kind": "city",
            "country_code": "IQ",
            "admin1": "Nineveh",
            "lat": 36.3,
            "lon": 43.1,
            "mentions": 2,
            "articles": 1,
            "latest_title": "<b>Mosul</b> falls",
        },
        {
            "place_id": "gn:2",
            "name": "Tikrit",
            "kind": "city",
            "country_code": "IQ",
            "admin1": "Salah ad Din",
            "lat": 34.6,
            "lon": 43.7,
            "mentions": 2,
            "articles": 3,
            "latest_title": "Tikrit",
        },
        {
            "place_id": "gn:3",
            "name": "Baghdad",
            "kind": "city",
            "country_code": "IQ",
            "admin1": "Baghdad",
            "lat": 33.3,
            "lon": 44.4,
            "mentions": 1,
            "articles": 1,
            "latest_title": "Baghdad",
        },
    ]
)


def test_map_figure_has_a_scattergeo_per_term_and_the_named_places() -> None:
    fig = charts.map_figure(BY_PLACE, PLACES)
    assert [t.type for t in fig.data] == ["scattergeo"] * 3
    assert [t.name for t in fig.data] == ["displaced", "refugees", charts.MENTIONED]
    displaced = fig.data[0]
    assert list(displaced.customdata[0]) == ["gn:1", "Mosul"]
    assert displaced.marker.sizemode == "area" and list(displaced.marker.size) == [500000, 40000]
    assert displaced.marker.color == charts.TERM_COLORS["displaced"]
    assert "500,000 displaced" in displaced.hovertext[0] and "Sources: IOM" in displaced.hovertext[0]
    assert "&lt;b&gt;Mosul&lt;/b&gt; falls" in displaced.hovertext[0]
    assert "and 2 more" in displaced.hovertext[1] and "1 shared" in displaced.hovertext[1]
    assert list(fig.data[2].customdata[0]) == ["gn:3", "Baghdad"]
    geo = fig.layout.geo
    assert geo.showland and geo.showcountries and geo.fitbounds == "locations" and geo.resolution == 50


def test_map_of_one_place_shows_its_region_and_an_empty_map_still_draws() -> None:
    one = charts.map_figure(BY_PLACE.head(1), PLACES.head(1))
    assert one.layout.geo.fitbounds is None
    assert list(one.layout.geo.lataxis.range) == pytest.approx([30.3, 42.3])
    empty = charts.map_figure(BY_PLACE.head(0), PLACES.head(0))
    assert len(empty.data) == 0 and empty.layout.geo.showland


def test_plotly_config_points_at_the_served_topojson() -> None:
    assert charts.plotly_config()["topojsonURL"] == "/app/static/"
    world = Path(__file__).resolve().parents[1] / "static" / f"world_{charts.MAP_RESOLUTION}m.json"
    assert world.exists()


def test_selected_places_reads_customdata() -> None:
    event = {
        "points": [
            {"customdata": ["gn:1", "Mosul"]},
            {"customdata": ["gn:2", "Tikrit"]},
            {"customdata": ["gn:1", "Mosul"]},
            {"point_index": 3},
        ]
    }
    assert charts.selected_places(event) == ("Mosul", "Tikrit")
    assert charts.selected_places(None) == () and charts.selected_places({"points": []}) == ()


def test_places_bar_stacks_terms_largest_place_on_top() -> None:
    fig = charts.places_bar(BY_PLACE)
    assert [t.type for t in fig.data] == ["bar", "bar"] and fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["displaced", "refugees"]
    assert list(fig.layout.yaxis.categoryarray) == ["Tikrit", "Mosul"]
    assert fig.layout.xaxis.tickformat == ","


def test_timeline_and_sources_bar() -> None:
    by_date = pd.DataFrame(
        {
            "published": ["2014-06-14", None],
            "term": ["displaced", "displaced"],
            "people": [540000, 5],
            "figures": [2, 1],
        }
    )
    line = charts.timeline(by_date)
    assert list(line.data[0].x) == ["2014-06-14"] and line.layout.yaxis.tickformat == ","
    by_source = pd.DataFrame({"source": ["IOM", None], "people": [540000, 10], "figures": [2, 1]})
    bars = charts.sources_bar(by_source)
    assert list(bars.data[0].y) == ["IOM", charts.NO_SOURCE] and list(bars.data[0].text) == ["540,000", "10"]


# --- tables ------------------------------------------------------------------------------------------------


def test_places_table_shares_and_country_names() -> None:
    table = tables.places_table(BY_PLACE, PLACES, total=521000)
    assert table["name"].tolist() == ["Mosul", "Tikrit", "Baghdad"]
    assert table["country"].tolist() == ["Iraq"] * 3
    assert table["share"].tolist() == pytest.approx([500000 / 521000, 21000 / 521000, 0.0])
    assert pd.isna(table.loc[2, "people"]) and table.loc[2, "figures"] == 0
    assert set(tables.PLACE_COLUMNS) == set(table.columns)


def test_household_note_names_the_sizes() -> None:
    note = tables.household_note(Metrics(1, 0, 1, 1, 1, 1, (5.0, 6.2)))
    assert "5 persons, 6.2 persons" in note and "Vague figures" in note
    assert "5 persons when we lack a figure" in tables.household_note(Metrics(1, 0, 1, 1, 1, 1))


def test_figure_caption_and_labels() -> None:
    row = pd.Series(
        {
            "people_estimate": 40000,
            "term": "displaced",
            "places": "Tikrit; Samarra",
            "source": None,
            "title": "T",
            "published": "2014-06-14",
            "vague": False,
        }
    )
    assert (
        tables.figure_caption(row)
        == "40,000 people displaced · Tikrit; Samarra · source: not named · T (2014-06-14)"
    )
    vague = row.copy()
    vague["people_estimate"], vague["vague"], vague["number_text"], vague["unit"] = (
        pd.NA,
        True,
        "thousands",
        "people",
    )
    assert tables.figure_caption(vague).startswith("thousands people (not counted)")
    assert tables.figure_place_names("Tikrit; Samarra") == ["Tikrit", "Samarra"]
    assert tables.article_label(None, None) == "(untitled)"
    assert tables.country_name("XX") == "XX" and tables.country_name(None) == ""


# --- URL state ---------------------------------------------------------------------------------------------


def test_url_round_trip() -> None:
    filters = Filters(cities=("Mosul", "Tikrit"), terms=("displaced",), date_from="2014-01-01")
    params = urlstate.params_from_filters(filters)
    assert params == {"city": ["Mosul", "Tikrit"], "term": ["displaced"], "from": ["2014-01-01"]}
    assert urlstate.filters_from_params(params) == filters
    assert urlstate.params_from_filters(Filters()) == {}


def test_url_values_are_cleaned() -> None:
    got = urlstate.filters_from_params(
        {"city": "Mosul", "from": "2014-13-45", "to": ["junk"], "other": "x", "term": ["a", "a", ""]}
    )
    assert got == Filters(cities=("Mosul",), terms=("a",))
    narrowed = urlstate.restrict(
        Filters(cities=("Mosul", "Nowhere"), date_to="2015-01-01"), {"cities": ["Mosul"]}
    )
    assert narrowed == Filters(cities=("Mosul",), date_to="2015-01-01")


# --- intake ------------------------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "intake.db") as s:
        yield s


ARTICLE = b"Shelling in Aleppo\nThe UN refugee agency said 3,000 people were displaced from Aleppo on Monday."


def test_add_uploads_stores_reports_and_skips_duplicates(store: Store) -> None:
    notices = intake.add_uploads([("a.txt", ARTICLE), ("b.txt", ARTICLE)], store)
    assert [n.level for n in notices] == ["success", "info"]
    assert "already stored" in notices[1].message and store.count_articles() == 1


@pytest.mark.parametrize(
    ("data", "words"), [(b"", "empty"), (b"\x00\x01" * 50, "binary"), (b"x" * 50, "limit")]
)
def test_bad_uploads_are_errors_and_store_nothing(store: Store, data: bytes, words: str) -> None:
    intake.add_uploads([("ok.txt", ARTICLE)], store)
    [notice] = intake.add_uploads([("bad.txt", data)], store, max_bytes=40 if words == "limit" else None)
    assert notice.level == "error" and words in notice.message and "bad.txt" in notice.message
    assert store.count_articles() == 1


def test_pasted_text_without_places_is_stored_as_such(store: Store) -> None:
    notice = intake.add_pasted(
        "Nothing happened today, the weather was mild.",
        store,
        title="Calm",
        published="2020-02-03",
        outlet="Wire",
    )
    assert notice.level == "info" and "No places" in notice.message and "Calm" in notice.message
    [article] = store.articles()
    assert (article.title, article.published, article.outlet) == ("Calm", "2020-02-03", "Wire")
    assert intake.add_pasted("   ", store).level == "error"


def test_remove_article(store: Store) -> None:
    intake.add_uploads([("a.txt", ARTICLE)], store)
    [article] = store.articles()
    assert intake.remove_article(article.id, "A", store).level == "success"
    assert intake.remove_article(article.id, "A", store).level == "info"
    assert store.count_articles() == 0


def test_an_approximate_point_says_so_on_the_map() -> None:
    places = pd.DataFrame([{
        "place_id": "loc:LY.Ain Zara", "name": "Ain Zara", "kind": "locality", "country_code": "LY", "admin1": "",
        "lat": 32.9, "lon": 13.2, "geocoder": "offline, approximate: near Tripoli", "mentions": 2, "articles": 1,
        "latest_title": "Clashes in Tripoli",
    }])
    fig = charts.map_figure(BY_PLACE.iloc[0:0], places)
    assert "Approximate point: near Tripoli" in fig.data[-1].hovertext[0]
