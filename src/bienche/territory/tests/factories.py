"""Factories for the territory tests: generated grid territories (pure) and a small city
with records (through the real services)."""

from __future__ import annotations

import datetime as dt

from bienche.org.tests.factories import small_city
from bienche.territory.services.territory_import import RecordIn, territory_import
from bienche.territory.synthetic import grid_territory

AS_OF = dt.date(2022, 12, 31)


def city_with_records() -> None:
    """The small test city; W1, W2 (wards of D1) and C1 (commune) with records, W1–W2 adjacent."""
    small_city()
    territory_records()


def territory_records() -> None:
    """Records for W1, W2 and C1 of the small city (which must exist)."""
    territory_import(
        rows=[
            RecordIn("W1", "ward", 1.0, 9000, 500, frozenset({"central_city"})),
            RecordIn("W2", "ward", 5.0, 12000, 0, frozenset({"central_city"})),
            RecordIn("C1", "commune", 25.0, 9000),
        ],
        adjacency=[("W1", "W2")],
        as_of=AS_OF,
        source="test",
        acting_user=None,
    )


def saved_proposal() -> int:
    """A saved proposal for D1 (W1 + W2) of the small city with records; returns its id."""
    from bienche.territory.services.proposals import proposal_save

    return proposal_save(
        round_code="nq35-2023", parent_code="D1", on=dt.date(2023, 8, 1), acting_user=None
    ).pk


__all__ = ["AS_OF", "city_with_records", "grid_territory", "saved_proposal", "territory_records"]
