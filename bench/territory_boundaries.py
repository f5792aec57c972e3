"""Boundaries benchmark (pure, no database): a GeoJSON of 10,000 communes (a 100 × 100 grid
of 0.01° squares near Hà Nội, every fifth one a little irregular) parsed and validated,
areas computed (sinusoidal equal-area), adjacency from shared edges (STR-tree + DE-9IM)."""

from __future__ import annotations

import json
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from bienche.territory.boundaries import (  # noqa: E402
    adjacency_from_boundaries,
    areas_km2,
    boundaries_parse,
)

N = 100
D = 0.01


def _at(i: int, j: int) -> list[float]:
    return [105.3 + i * D, 20.6 + j * D]


def _collection() -> str:
    features = []
    for i in range(N):
        for j in range(N):
            ring = [_at(i, j), _at(i + 1, j), _at(i + 1, j + 1), _at(i, j + 1), _at(i, j)]
            if (i + j) % 5 == 0:  # a vertex in the middle of the bottom edge (still shared)
                ring.insert(1, [(ring[0][0] + ring[1][0]) / 2, ring[0][1]])
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": f"X{i:03d}{j:03d}"},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )
    return json.dumps({"type": "FeatureCollection", "features": features})


def main() -> None:
    text = _collection()
    t = time.perf_counter()
    b = boundaries_parse(text)
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    areas = areas_km2(b)
    t_area = time.perf_counter() - t
    t = time.perf_counter()
    edges = adjacency_from_boundaries(b)
    t_adj = time.perf_counter() - t
    expected = 2 * N * (N - 1)  # rook adjacency of a grid; corners do not count
    print(
        f"boundaries of {len(b):,} communes ({len(text) / 1e6:.1f} MB GeoJSON): parse+validate "
        f"{t_parse:.2f} s, areas {t_area:.2f} s (mean {sum(areas.values()) / len(areas):.3f} km²), "
        f"adjacency {t_adj:.2f} s: {len(edges):,} pairs (expected {expected:,})"
    )


if __name__ == "__main__":
    main()
