"""The territory of the units an adopted proposal creates: a record per new unit (the sum
of its members' latest figures, as of the effective date) and its borders (every border a
member had with a unit outside the group). Runs inside the adoption's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from bienche.org.models import Unit
from bienche.territory.domain import FACTORS
from bienche.territory.models import Adjacency, ProposalGroup, TerritoryRecord


def _latest(codes: list[str], on: dt.date) -> dict[int, TerritoryRecord]:
    latest: dict[int, TerritoryRecord] = {}
    for rec in TerritoryRecord.objects.filter(unit__code__in=codes, as_of__lte=on).order_by(
        "unit_id", "as_of"
    ):
        latest[rec.unit_id] = rec
    return latest


def _record(unit_id: int, group: ProposalGroup, recs: list[TerritoryRecord], **kw: Any):  # type: ignore[no-untyped-def]
    pop = sum(r.population_permanent for r in recs) or 1
    return TerritoryRecord(
        unit_id=unit_id,
        unit_type=group.unit_type,
        area_km2=round(sum(r.area_km2 for r in recs), 3),
        population_permanent=sum(r.population_permanent for r in recs),
        population_temporary=sum(r.population_temporary for r in recs),
        ethnic_minority_pct=round(
            sum(r.ethnic_minority_pct * r.population_permanent for r in recs) / pop, 2
        ),
        synthetic=any(r.synthetic for r in recs),
        **{f: any(getattr(r, f) for r in recs) for f in FACTORS},
        **kw,
    )


def successor_territory(proposal: Any, groups: list[ProposalGroup], on: dt.date) -> None:
    codes = [c for g in groups for c in g.members]
    latest = _latest(codes, proposal.as_of)
    ids = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    new_ids = dict(
        Unit.objects.filter(code__in=[g.new_code for g in groups]).values_list("code", "pk")
    )
    source = f"Phương án số {proposal.pk}; {proposal.basis_number or ''}".strip("; ")
    to_new: dict[int, int] = {}
    records = []
    for g in groups:
        new = new_ids[g.new_code]
        recs = [latest[ids[c]] for c in g.members if ids.get(c) in latest]
        to_new |= {ids[c]: new for c in g.members}
        if recs:
            records.append(_record(new, g, recs, as_of=on, source=source[:255]))
    TerritoryRecord.objects.bulk_create(records)
    _borders(to_new, source)


def _borders(to_new: dict[int, int], source: str) -> None:
    pairs: dict[tuple[int, int], bool] = {}
    rows = Adjacency.objects.filter(Q(unit_a_id__in=to_new) | Q(unit_b_id__in=to_new))
    for a, b, approx in rows.values_list("unit_a_id", "unit_b_id", "approximate"):
        x, y = to_new.get(a, a), to_new.get(b, b)
        if x != y:
            key = (min(x, y), max(x, y))
            pairs[key] = pairs.get(key, False) or approx
    Adjacency.objects.bulk_create(
        [
            Adjacency(unit_a_id=a, unit_b_id=b, approximate=approx, source=source[:255])
            for (a, b), approx in sorted(pairs.items())
        ],
        ignore_conflicts=True,
    )
