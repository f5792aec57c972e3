"""Import territory records and adjacency: everything is checked first, then written in
one transaction with its audit rows; one bad unit writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record_many
from bienche.core.errors import InvalidInput
from bienche.org.models import Unit
from bienche.territory import messages as msg
from bienche.territory.domain import (
    FACTORS,
    TUnit,
    adjacency_from_mapping,
    adjacency_from_pairs,
    units_validate,
)
from bienche.territory.models import Adjacency, TerritoryRecord


@dataclass(frozen=True)
class RecordIn:
    unit_code: str
    unit_type: str
    area_km2: float | None
    population_permanent: int | None
    population_temporary: int = 0
    factors: frozenset[str] = frozenset()
    ethnic_minority_pct: float = 0.0


def _validate(rows: list[RecordIn]) -> dict[str, int]:
    units_validate(
        [
            TUnit(r.unit_code, r.unit_code, r.unit_type, r.area_km2, r.population_permanent)  # type: ignore[arg-type]
            for r in rows
        ]
    )
    for r in rows:
        if r.population_temporary is None or r.population_temporary < 0:
            raise InvalidInput(msg.POPULATION_MISSING, unit=r.unit_code)
    ids = dict(Unit.objects.filter(code__in=[r.unit_code for r in rows]).values_list("code", "id"))
    for r in rows:
        if r.unit_code not in ids:
            raise InvalidInput(msg.UNIT_UNKNOWN, unit=r.unit_code)
    return ids


def _edges(adjacency: Any, known: set[str]) -> set[frozenset]:
    if isinstance(adjacency, dict):
        return adjacency_from_mapping(adjacency, known)
    return adjacency_from_pairs(list(adjacency), known)


def territory_import(
    *,
    rows: list[RecordIn],
    adjacency: dict[str, list[str]] | list[tuple[str, str]],
    as_of: dt.date,
    source: str,
    acting_user: Any,
    synthetic: bool = False,
    approximate_adjacency: bool = False,
) -> dict[str, int]:
    """Write the records (replacing those of the same units and date) and the adjacency among
    the imported units (replacing theirs). Returns counts."""
    ids = _validate(rows)
    edges = _edges(adjacency, set(ids))
    records = [
        TerritoryRecord(
            unit_id=ids[r.unit_code],
            as_of=as_of,
            unit_type=r.unit_type,
            area_km2=r.area_km2,
            population_permanent=r.population_permanent,
            population_temporary=r.population_temporary,
            ethnic_minority_pct=r.ethnic_minority_pct,
            synthetic=synthetic,
            source=source[:255],
            **{f: f in r.factors for f in FACTORS},
        )
        for r in rows
    ]
    pairs = sorted(tuple(sorted((ids[a], ids[b]))) for a, b in (tuple(e) for e in edges))
    with transaction.atomic():
        TerritoryRecord.objects.filter(unit_id__in=ids.values(), as_of=as_of).delete()
        TerritoryRecord.objects.bulk_create(records, batch_size=1000)
        Adjacency.objects.filter(unit_a_id__in=ids.values(), unit_b_id__in=ids.values()).delete()
        Adjacency.objects.bulk_create(
            [
                Adjacency(
                    unit_a_id=a, unit_b_id=b, approximate=approximate_adjacency, source=source[:255]
                )
                for a, b in pairs
            ],
            batch_size=1000,
        )
        audit_record_many(
            actor=acting_user,
            action="territory_import",
            entity_type="territory_record",
            rows=[
                {
                    "entity_id": r.unit_code,
                    "after": {"as_of": as_of, "type": r.unit_type},
                    "reason": source,
                }
                for r in rows
            ],
        )
    return {"records": len(records), "adjacency": len(pairs)}
