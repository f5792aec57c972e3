"""Factories for the territory tests: generated grid territories (pure) and a small city
with records (through the real services)."""

from __future__ import annotations

import datetime as dt
import random

from bienche.org.tests.factories import small_city
from bienche.territory.domain import TUnit
from bienche.territory.services.territory_import import RecordIn, territory_import

AS_OF = dt.date(2022, 12, 31)


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


def city_with_records() -> None:
    """The small test city; W1, W2 (wards of D1) and C1 (commune) with records, W1–W2 adjacent."""
    small_city()
    territory_import(
        rows=[
            RecordIn("W1", "ward", 1.0, 9000, 500, frozenset({"central_city"})),
            RecordIn("W2", "ward", 2.0, 12000, 0, frozenset({"central_city"})),
            RecordIn("C1", "commune", 25.0, 9000),
        ],
        adjacency=[("W1", "W2")],
        as_of=AS_OF,
        source="test",
        acting_user=None,
    )
