"""Plotly figures for the dashboard: the offline map and the people-displaced charts."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

# One colour per term, shared by the map and every chart (Okabe-Ito, readable for colour-blind users).
TERM_COLORS = {
    "displaced": "#D55E00",
    "evacuated": "#E69F00",
    "refugees": "#0072B2",
    "homeless": "#CC79A7",
    "sheltered": "#009E73",
    "returned": "#56B4E9",
    "destroyed": "#999999",
}
MENTIONED = "named, no figure"
MENTIONED_COLOR = "#7f7f7f"
NO_SOURCE = "(no source named)"
# plotly.js fetches `${topojsonURL}world_${resolution}m.json`; the dashboard serves static/ at /app/static/.
TOPOJSON_URL = "/app/static/"
MAP_RESOLUTION = 50
_MAX_BUBBLE_PX = 48
_FONT = {"size": 13}


APPROXIMATE = "approximate:"


def term_color(term: str) -> str:
    """The colour of a term (grey for one we have no colour for)."""
    return TERM_COLORS.get(term, "#444444")


def plotly_config() -> dict[str, Any]:
    """The plotly.js config every chart gets: offline map data, no logo, no cloud links."""
    return {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "showLink": False}


def _fmt(value: object) -> str:
    return f"{int(float(str(value))):,}" if value is not None and pd.notna(value) else "-"


def _esc(value: object) -> str:
    return html.escape(str(value)) if value is not None and pd.notna(value) else ""


def _place_hover(row: Mapping[str, Any], place: Mapping[str, Any] | None) -> str:
    lines = [f"<b>{_esc(row['name'])}</b>"]
    if "people" in row:
        shared = f", {int(row['shared'])} shared with other places" if row.get("shared") else ""
        lines.append(f"{_fmt(row['people'])} {_esc(row['term'])} ({_fmt(row['figures'])} figures{shared})")
        lines.append(f"Sources: {_esc(row.get('sources') or NO_SOURCE)}")
    if place is not None:
        how = str(place.get("geocoder") or "")
        if APPROXIMATE in how:
            # A place the gazetteer lacks, drawn at the known place the article ties it to.
            lines.append(f"<i>Approximate point: {_esc(how.split(APPROXIMATE, 1)[1].strip())}</i>")
        lines.append(f"Named {_fmt(place['mentions'])} times in {_fmt(place['articles'])} articles")
        title = _esc(place.get("latest_title"))[:90]
        more = int(place["articles"]) - 1 if pd.notna(place["articles"]) else 0
        lines.append(f"Article: <i>{title}</i>" + (f" and {more:,} more" if more > 0 else ""))
    return "<br>".join(lines)


def _bubble_sizeref(people: pd.Series) -> float:
    top = float(people.max()) if len(people) and pd.notna(people.max()) else 1.0
    return 2.0 * max(top, 1.0) / (_MAX_BUBBLE_PX**2)


def _geo_layout(lats: Sequence[float], lons: Sequence[float]) -> dict[str, Any]:
    geo: dict[str, Any] = {
        "showland": True,
        "landcolor": "#eeeeee",
        "showcountries": True,
        "countrycolor": "#9a9a9a",
        "showcoastlines": True,
        "coastlinecolor": "#9a9a9a",
        "showocean": True,
        "oceancolor": "#f4f8fb",
        "showframe": False,
        "resolution": MAP_RESOLUTION,
        "projection": {"type": "natural earth"},
    }
    if lats and (max(lats) - min(lats) > 2 or max(lons) - min(lons) > 2):
        geo["fitbounds"] = "locations"
    elif lats:
        # fitbounds on a single point zooms in until no border is left to see; show the region instead.
        lat, lon = sum(lats) / len(lats), sum(lons) / len(lons)
        geo.update(
            center={"lat": lat, "lon": lon},
            lataxis={"range": [lat - 6, lat + 6]},
            lonaxis={"range": [lon - 8, lon + 8]},
        )
    return geo


def map_figure(by_place_term: pd.DataFrame, places: pd.DataFrame) -> go.Figure:
    """Bubbles sized by people displaced, one trace per term, plus small grey dots for places
    named without a figure; customdata is [place_id, name] so a selection maps back to places."""
    located = by_place_term.dropna(subset=["lat", "lon"])
    info = {row["place_id"]: row for row in places.to_dict("records")}
    sizeref = _bubble_sizeref(located["people"].astype("Float64")) if len(located) else 1.0
    fig = go.Figure()
    order = located.groupby("term")["people"].sum().sort_values(ascending=False).index
    for term in order:
        rows = located[located["term"] == term]
        fig.add_trace(
            go.Scattergeo(
                lat=rows["lat"].astype(float),
                lon=rows["lon"].astype(float),
                name=str(term),
                mode="markers",
                customdata=rows[["place_id", "name"]].astype(str).values.tolist(),
                hovertext=[_place_hover(r, info.get(r["place_id"])) for r in rows.to_dict("records")],
                hoverinfo="text",
                marker={
                    "size": rows["people"].astype(float).fillna(0).tolist(),
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 5,
                    "color": term_color(str(term)),
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "white"},
                },
            )
        )
    quiet = places[~places["place_id"].isin(located["place_id"])].dropna(subset=["lat", "lon"])
    if len(quiet):
        fig.add_trace(
            go.Scattergeo(
                lat=quiet["lat"].astype(float),
                lon=quiet["lon"].astype(float),
                name=MENTIONED,
                mode="markers",
                customdata=quiet[["place_id", "name"]].astype(str).values.tolist(),
                hovertext=[_place_hover({"name": r["name"]}, r) for r in quiet.to_dict("records")],
                hoverinfo="text",
                marker={"size": 6, "color": MENTIONED_COLOR, "opacity": 0.7},
            )
        )
    lats = [*located["lat"].astype(float), *quiet["lat"].astype(float)]
    lons = [*located["lon"].astype(float), *quiet["lon"].astype(float)]
    fig.update_layout(
        geo=_geo_layout(lats, lons),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=460,
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 0.0,
            "x": 0.0,
            "bgcolor": "rgba(255,255,255,0.7)",
            "title": {"text": "Term"},
        },
        font=_FONT,
        clickmode="event+select",
        dragmode="pan",
    )
    return fig


def selected_places(selection: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Place names picked on the map, from a plotly selection event (customdata [place_id, name])."""
    points = (selection or {}).get("points") or []
    names = [
        p["customdata"][1]
        for p in points
        if isinstance(p, Mapping) and isinstance(p.get("customdata"), Sequence) and len(p["customdata"]) > 1
    ]
    return tuple(dict.fromkeys(str(n) for n in names))


def _stacked_bars(frame: pd.DataFrame, category: str, *, horizontal: bool) -> go.Figure:
    fig = go.Figure()
    for term, rows in frame.groupby("term", sort=False):
        values = rows["people"].astype(float).tolist()
        labels = rows[category].astype(str).tolist()
        fig.add_trace(
            go.Bar(
                x=values if horizontal else labels,
                y=labels if horizontal else values,
                orientation="h" if horizontal else "v",
                name=str(term),
                marker_color=term_color(str(term)),
                hovertemplate=f"%{{{'y' if horizontal else 'x'}}}<br>%{{{'x' if horizontal else 'y'}:,.0f}}"
                f" {html.escape(str(term))}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font=_FONT,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "title": {"text": "Term"}},
        separators=".,",
    )
    return fig


def places_bar(by_place_term: pd.DataFrame, *, top: int = 20) -> go.Figure:
    """People displaced by place (largest first, at most top places), stacked by term."""
    totals = by_place_term.groupby("name")["people"].sum().sort_values(ascending=False).head(top)
    frame = by_place_term[by_place_term["name"].isin(totals.index)]
    fig = _stacked_bars(frame, "name", horizontal=True)
    fig.update_yaxes(categoryorder="array", categoryarray=list(totals.index[::-1]), title=None)
    fig.update_xaxes(tickformat=",", title="People displaced")
    fig.update_layout(height=max(260, 32 * len(totals) + 90))
    return fig


def timeline(by_date: pd.DataFrame) -> go.Figure:
    """People displaced by the publication date of the reporting article, stacked by term."""
    dated = by_date.dropna(subset=["published"])
    fig = _stacked_bars(dated, "published", horizontal=False)
    # Whole days: without this a single date gets sub-second ticks and hairline bars.
    fig.update_xaxes(type="date", title="Publication date", tickformat="%d %b %Y", dtick=86_400_000 * 7
                     if dated["published"].nunique() <= 3 else None)
    fig.update_traces(width=86_400_000 * 0.8)
    fig.update_yaxes(tickformat=",", title="People displaced")
    fig.update_layout(height=340)
    return fig


def sources_bar(by_source: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """People displaced by the source each figure is attributed to."""
    frame = by_source.assign(source=by_source["source"].fillna(NO_SOURCE)).head(top)
    fig = go.Figure(
        go.Bar(
            x=frame["people"].astype(float),
            y=frame["source"].astype(str),
            orientation="h",
            marker_color="#0072B2",
            text=[_fmt(v) for v in frame["people"]],
            textposition="auto",
            hovertemplate="%{y}<br>%{x:,.0f} people in %{customdata:,} figures<extra></extra>",
            customdata=frame["figures"].astype(int),
        )
    )
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(tickformat=",", title="People displaced")
    fig.update_layout(
        height=max(240, 32 * len(frame) + 90), margin={"l": 10, "r": 10, "t": 10, "b": 10}, font=_FONT
    )
    return fig
