"""The dashboard in a real browser: `streamlit run` on localhost, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_support import (
    ARTIFACTS_DIR,
    CHROMIUM_ARGS,
    REPO_DIR,
    StreamlitServer,
    TrafficLog,
    artifact_path,
    require_chromium,
    streamlit_server,
)

pytestmark = pytest.mark.e2e

try:
    from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError as err:
    if os.environ.get("CI"):
        raise
    pytest.skip(f"playwright is not importable ({err}): pip install -e '.[test]'", allow_module_level=True)

TIMEOUT_MS = 30_000
# The first run of a fresh server loads (or, on a clean machine, builds) the gazetteer index.
FIRST_RUN_TIMEOUT_MS = 120_000
expect.set_options(timeout=TIMEOUT_MS)
WIDTH = 1400
DOCS_SCREENSHOT = REPO_DIR / "docs" / "screenshot.png"
# plotly.js asks for `${topojsonURL}world_${resolution}m.json` (110m or 50m).
TOPOJSON = re.compile(r"/world_\d+m\.json$")

# Written for this test: places that none of the bundled example articles mention, so their
# appearance on the map can only come from the upload.
UPLOADS = {
    "bunia.txt": (
        "Clashes in Ituri push thousands out of Bunia\n\n"
        "More than 12,000 people have fled Bunia in Ituri province of the Democratic Republic of the Congo "
        "since Monday, aid workers said, as fighting spread along the road north of the town.\n"
    ),
    "quelimane.txt": (
        "Floods in Zambezia: families moved to shelters\n\n"
        "Authorities in Mozambique said 3,500 families were evacuated from Quelimane after heavy rains "
        "flooded low-lying districts of the port city.\n"
    ),
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seeded_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """One server on a fresh database, shared by the tests that only read (the app seeds it on start)."""
    with streamlit_server(tmp_path_factory.mktemp("seeded")) as server:
        yield server


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[StreamlitServer]:
    """A server of its own, for a test that adds articles."""
    with streamlit_server(tmp_path) as server:
        yield server


@dataclass(frozen=True)
class BrowserPage:
    """A page plus everything it asked the network for."""

    page: Page
    traffic: TrafficLog


@pytest.fixture
def browser_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserPage]:
    context = browser.new_context(viewport={"width": WIDTH, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    traffic = TrafficLog()
    page.on("request", lambda req: traffic.record(req.url))
    page.on("websocket", lambda ws: traffic.record(ws.url))
    for stale in ARTIFACTS_DIR.glob(f"FAILED-{_safe_name(request)}*"):
        stale.unlink()
    failed_before = request.session.testsfailed
    yield BrowserPage(page, traffic)
    # The call phase has been reported by now, so a failure shows in the session's count.
    if request.session.testsfailed > failed_before:
        _save_failure(request, page)
    context.close()


def _safe_name(request: pytest.FixtureRequest) -> str:
    return re.sub(r"\W+", "_", request.node.name)


def _save_failure(request: pytest.FixtureRequest, page: Page) -> None:
    name = _safe_name(request)
    try:
        screenshot_all(page, artifact_path(f"FAILED-{name}.png"))
    except (PlaywrightError, AssertionError) as err:  # a page stuck mid-run still gets its log saved
        print(f"no failure screenshot: {err}", file=sys.stderr)
    for fixture in ("seeded_app", "fresh_app"):
        if fixture in request.fixturenames:
            server: StreamlitServer = request.getfixturevalue(fixture)
            log = server.log()
            artifact_path(f"FAILED-{name}-streamlit.log").write_text(log, encoding="utf-8")
            print(f"--- streamlit log ({fixture}) ---\n{log[-6000:]}", file=sys.stderr)


# --- the page, as the contract describes it ---------------------------------------------------------

def open_app(page: Page, url: str) -> None:
    """Loads the app and waits until its first run has drawn the map."""
    page.goto(url)
    expect(map_chart(page)).to_be_visible(timeout=FIRST_RUN_TIMEOUT_MS)
    wait_idle(page)


def wait_idle(page: Page) -> None:
    """Waits for the script run to finish; call after a DOM condition proved the rerun started."""
    expect(page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_have_count(1)


def map_chart(page: Page) -> Locator:
    return page.get_by_test_id("stPlotlyChart").first


def map_points(page: Page) -> Locator:
    return map_chart(page).locator(".scattergeo .point")


def city_box(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name="City", exact=True)


def city_filter(page: Page) -> Locator:
    """The whole City multiselect, chosen values included."""
    combobox = page.get_by_role("combobox", name="City", exact=True)
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has=combobox)


def choose_city(page: Page, name: str) -> None:
    """Picks one option in the sidebar's City multiselect, then closes the list.

    The open list hides the rest of the page from the accessibility tree (react-aria), so it must be
    closed before buttons can be found by role again.
    """
    box = city_box(page)
    box.click()
    box.fill(name)
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")


def table_in_tab(page: Page, tab: str) -> Locator:
    """The st.dataframe under one of the Tables tabs (Figures, Places, Articles), with that tab opened."""
    page.get_by_role("tab", name=tab, exact=True).click()
    return page.get_by_role("tabpanel", name=tab).get_by_test_id("stDataFrame")


def grid(frame: Locator) -> Locator:
    """The grid's table. It draws on a canvas; its cells also exist as a table inside the canvas, which
    CSS can reach but role queries cannot (canvas fallback content is not in the accessibility tree)."""
    return frame.locator("table[role=grid]")


def expect_data_rows(frame: Locator, count: int) -> None:
    """aria-rowcount counts every row, header included, even those the virtualized grid has not drawn."""
    expect(grid(frame)).to_have_attribute("aria-rowcount", str(count + 1))


def data_row_count(frame: Locator) -> int:
    value = grid(frame).get_attribute("aria-rowcount")
    assert value is not None, "the grid has no aria-rowcount"
    return int(value) - 1


def drawn_rows(frame: Locator) -> list[list[str]]:
    """The cells of each drawn row (textContent: canvas fallback content is never laid out, so innerText
    would run the cells together)."""
    rows: list[list[str]] = grid(frame).locator("tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))")
    return rows


def has_number(row: list[str], value: int) -> bool:
    """True if one cell of the row is value, written with or without thousands separators."""
    pattern = number_pattern(value)
    return any(pattern.fullmatch(cell) for cell in row)


def number_pattern(value: int) -> re.Pattern[str]:
    """Matches value written with or without thousands separators (500000, 500,000, 500 000)."""
    digits = str(value)
    groups = [digits[max(i - 3, 0):i] for i in range(len(digits), 0, -3)][::-1]
    return re.compile(r"[,\s\u202f.]?".join(groups) + r"(\.0+)?")


def map_labels(page: Page) -> list[str]:
    """Every string the map's traces carry (hover text, labels), read from plotly's own data."""
    labels: list[str] = map_chart(page).locator(".js-plotly-plot").evaluate(
        "plot => plot.data.flatMap(t => [t.name, t.text, t.hovertext, t.customdata].flat(3))"
        ".filter(x => typeof x === 'string')")
    return labels


def download(page: Page, label: str, dest: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    info.value.save_as(dest)
    return dest


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@contextmanager
def whole_page_window(page: Page) -> Iterator[None]:
    """Streamlit scrolls inside its main block, so a full-page shot needs a window as tall as the app."""
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stMainBlockContainer', 'stSidebarContent']"
        ".map(id => document.querySelector(`[data-testid=\"${id}\"]`)?.scrollHeight ?? 0))"
    )
    page.set_viewport_size({"width": WIDTH, "height": min(max(int(height) + 40, 800), 8000)})
    wait_idle(page)
    try:
        yield
    finally:
        page.set_viewport_size({"width": WIDTH, "height": 1000})


def screenshot_all(page: Page, path: Path) -> Path:
    with whole_page_window(page):
        page.screenshot(path=path, full_page=True)
    return path


def screenshot_between(page: Page, first: Locator, stop: Locator, path: Path) -> Path:
    """The main column from the top of first down to the top of stop."""
    with whole_page_window(page):
        main, top, bottom = (item.bounding_box() for item in (page.get_by_test_id("stMain"), first, stop))
        assert main and top and bottom and bottom["y"] > top["y"], (main, top, bottom)
        page.screenshot(path=path, clip={"x": main["x"], "y": top["y"] - 8, "width": main["width"],
                                         "height": bottom["y"] - top["y"]})
    return path


def save_docs_screenshot(source: Path) -> None:
    """The README's picture, as a 256-colour PNG: flat UI colours survive and the file is a third the size."""
    from PIL import Image  # Pillow comes with streamlit

    DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
    with Image.open(source) as shot:
        palette = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                               dither=Image.Dither.NONE)
        palette.save(DOCS_SCREENSHOT, optimize=True)


def assert_stayed_local(traffic: TrafficLog) -> None:
    assert traffic.urls, "no requests were recorded"
    assert traffic.foreign() == [], f"the page asked for non-local URLs: {traffic.foreign()}"


def stored_figure_ids(db_path: Path, cities: tuple[str, ...] = ()) -> set[str]:
    """What the pandas reference filter keeps, read from the server's own database: an oracle
    independent of the SQL queries the dashboard runs."""
    from displacement_monitor.export import Filters, filter_tables
    from displacement_monitor.store import Store

    with Store(db_path) as store:
        tables = store.load()
    return set(filter_tables(tables, Filters(cities=cities)).figures["figure_id"])


def write_uploads(folder: Path) -> list[Path]:
    paths = []
    for name, text in UPLOADS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- the tests --------------------------------------------------------------------------------------

def test_map_filter_and_download_stay_offline(seeded_app: StreamlitServer, browser_page: BrowserPage,
                                              tmp_path: Path) -> None:
    page = browser_page.page
    open_app(page, seeded_app.url)

    expect(map_points(page).first).to_be_attached()
    assert map_points(page).count() > 0
    # Land comes from /app/static/world_*m.json; without it plotly leaves the layer empty.
    land = map_chart(page).locator(".geo .layer.land path").first
    expect(land).to_have_attribute("d", re.compile(r"^M.{40,}"))
    topojson = [url for url in browser_page.traffic.urls if TOPOJSON.search(url)]
    assert topojson and all(url.startswith(seeded_app.url + "/app/static/") for url in topojson), topojson

    figures = table_in_tab(page, "Figures")
    all_ids = stored_figure_ids(seeded_app.db_path)
    assert len(all_ids) > 1
    expect_data_rows(figures, len(all_ids))

    choose_city(page, "Mosul")
    expect(page).to_have_url(re.compile(r"[?&]city=Mosul(&|$)"))
    expect_data_rows(figures, 1)
    wait_idle(page)
    (row,) = drawn_rows(figures)
    assert has_number(row, 500_000) and not has_number(row, 40_000), row

    rows = read_csv(download(page, "Download figures (CSV)", tmp_path / "figures.csv"))
    assert [int(float(r["quantity"])) for r in rows] == [500_000], rows
    assert all("Mosul" in r["places"] for r in rows), rows
    assert {r["figure_id"] for r in rows} == stored_figure_ids(seeded_app.db_path, ("Mosul",))

    screenshot_all(page, artifact_path("mosul-filtered.png"))
    assert_stayed_local(browser_page.traffic)


def test_uploaded_articles_reach_map_tables_and_url_filter(fresh_app: StreamlitServer, browser_page: BrowserPage,
                                                           tmp_path: Path) -> None:
    page = browser_page.page
    open_app(page, fresh_app.url)
    points_before = map_points(page).count()
    places_before = data_row_count(table_in_tab(page, "Places"))
    labels = " ".join(map_labels(page))
    assert "Bunia" not in labels and "Quelimane" not in labels, labels

    uploader = page.get_by_test_id("stFileUploader").filter(has=page.get_by_text("Add articles", exact=True))
    uploader.locator('input[type="file"]').set_input_files(write_uploads(tmp_path))

    for text in UPLOADS.values():
        title = text.splitlines()[0]
        expect(page.get_by_test_id("stAlert").filter(has_text=f"Added “{title}”")).to_have_count(1)
    wait_idle(page)
    labels = " ".join(map_labels(page))
    assert "Bunia" in labels and "Quelimane" in labels, labels
    assert map_points(page).count() >= points_before + 2
    assert data_row_count(table_in_tab(page, "Places")) >= places_before + 2
    screenshot_all(page, artifact_path("after-upload.png"))

    page.goto(f"{fresh_app.url}/?city=Quelimane")
    expect(map_chart(page)).to_be_visible()
    wait_idle(page)
    chosen = city_filter(page).get_by_role("group", name="Selected values")
    expect(chosen.get_by_text("Quelimane", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]city=Quelimane(&|$)"))
    figures = table_in_tab(page, "Figures")
    expect_data_rows(figures, 1)
    assert has_number(drawn_rows(figures)[0], 3_500), drawn_rows(figures)
    places = table_in_tab(page, "Places")
    expect_data_rows(places, 1)
    assert drawn_rows(places)[0][0] == "Quelimane", drawn_rows(places)
    assert "Bunia" not in " ".join(map_labels(page))

    rows = read_csv(download(page, "Download figures (CSV)", tmp_path / "figures.csv"))
    assert [(int(float(r["quantity"])), r["unit"]) for r in rows] == [(3_500, "households")], rows
    assert {r["figure_id"] for r in rows} == stored_figure_ids(fresh_app.db_path, ("Quelimane",))
    place_rows = read_csv(download(page, "Download places (CSV)", tmp_path / "places.csv"))
    assert [r["name"] for r in place_rows] == ["Quelimane"], place_rows
    geojson = json.loads(download(page, "Download places (GeoJSON)", tmp_path / "places.geojson").read_text())
    (feature,) = geojson["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert feature["properties"]["name"] == "Quelimane" and (round(lat), round(lon)) == (-18, 37), feature
    screenshot_all(page, artifact_path("url-filter-quelimane.png"))
    assert_stayed_local(browser_page.traffic)


def test_screenshots_of_main_views(seeded_app: StreamlitServer, browser_page: BrowserPage) -> None:
    page = browser_page.page
    open_app(page, seeded_app.url)
    expect(map_chart(page).locator(".geo .layer.land path").first).to_have_attribute("d", re.compile("^M"))
    overview = screenshot_all(page, artifact_path("overview.png"))
    # The committed picture changes only on request, so a test run leaves the work tree clean.
    if os.environ.get("UPDATE_DOCS_SCREENSHOT") or not DOCS_SCREENSHOT.exists():
        save_docs_screenshot(overview)

    map_chart(page).screenshot(path=artifact_path("view-map.png"))

    evidence = page.get_by_role("heading", name="Evidence", exact=True)
    # The seed article's figure sits in a row whose caption names the article; its button opens it.
    mosul_row = page.get_by_test_id("stHorizontalBlock").filter(has_text="500,000 people displaced · Mosul")
    show = mosul_row.get_by_role("button", name="Show article")
    expect(show).to_have_count(1)
    screenshot_between(page, evidence, page.get_by_role("heading", name="Tables", exact=True),
                       artifact_path("view-evidence.png"))

    show.click()
    panel = page.get_by_test_id("stColumn").filter(has=page.get_by_role("combobox", name="Article text"))
    article = panel.locator(".dm-article")
    expect(panel.get_by_role("combobox", name="Article text")).to_have_value(re.compile("^Rouhani offers Iraq"))
    expect(article).to_contain_text("Iranian President Hassan Rouhani")
    expect(article.locator("mark.dm-figure").filter(has_text=number_pattern(500_000))).to_have_count(1)
    expect(article.locator("mark.dm-place", has_text="Mosul").first).to_be_visible()
    wait_idle(page)
    panel.screenshot(path=artifact_path("view-article.png"))
    assert_stayed_local(browser_page.traffic)
