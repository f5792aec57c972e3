"""Generated territories for tests and benchmarks (synthetic, never shown as real)."""

from __future__ import annotations

import random

from bienche.territory.domain import TUnit


def grid_territory(
    w: int, h: int, seed: int, *, unit_type: str = "commune", parents: int = 1
) -> tuple[list[TUnit], set[frozenset]]:
    """A w×h grid of units (4-neighbour adjacency) with random area and population around the
    commune standard, split into ``parents`` vertical bands."""
    rng = random.Random(seed)
    units, edges = [], set()
    for i in range(w * h):
        x, y = i % w, i // w
        units.append(
            TUnit(
                f"U{i:03d}",
                f"Đơn vị {i}",
                unit_type,
                round(rng.uniform(2, 45), 2),
                rng.randint(1000, 20000),
                parent=f"P{x * parents // w}",
            )
        )
        if x + 1 < w:
            edges.add(frozenset((f"U{i:03d}", f"U{i + 1:03d}")))
        if y + 1 < h:
            edges.add(frozenset((f"U{i:03d}", f"U{i + w:03d}")))
    return units, edges
