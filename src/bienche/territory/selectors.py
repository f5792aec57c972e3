"""Reads: the territory (units with their latest figures, and adjacency) as of a date."""

from __future__ import annotations

import datetime as dt

from bienche.core.errors import InvalidInput
from bienche.org.selectors import unit_get, unit_tree_as_of
from bienche.territory import messages as msg
from bienche.territory.domain import FACTORS, TUnit
from bienche.territory.models import Adjacency, TerritoryRecord


def territory_units_on(
    *, on: dt.date, parent_code: str | None = None, count_temporary: bool = True
) -> tuple[list[TUnit], set[frozenset]]:
    """Units active on ``on`` (under ``parent_code`` when given) with their latest record as
    of that date, and the adjacency among them. Two queries besides the cached tree."""
    tree = unit_tree_as_of(on)
    active = tree.by_id
    if parent_code is not None:
        active = {i: tree.by_id[i] for i in tree.subtree_ids(unit_get(parent_code).id)}
    latest: dict[int, TerritoryRecord] = {}
    for rec in TerritoryRecord.objects.filter(unit_id__in=list(active), as_of__lte=on).order_by(
        "unit_id", "as_of"
    ):
        latest[rec.unit_id] = rec
    if parent_code is not None and not latest:
        raise InvalidInput(msg.PARENT_EMPTY, code=parent_code, on=on.strftime("%d/%m/%Y"))
    units = []
    for uid, rec in sorted(latest.items(), key=lambda kv: active[kv[0]].code):
        node = active[uid]
        pop = rec.population_permanent + (rec.population_temporary if count_temporary else 0)
        factors = frozenset(f for f in FACTORS if getattr(rec, f))
        units.append(
            TUnit(
                node.code,
                node.name,
                rec.unit_type,
                rec.area_km2,
                pop,
                node.parent_code or "",
                factors,
            )
        )
    codes = {uid: active[uid].code for uid in latest}
    edges = {
        frozenset((codes[a], codes[b]))
        for a, b in Adjacency.objects.filter(
            unit_a_id__in=list(codes), unit_b_id__in=list(codes)
        ).values_list("unit_a_id", "unit_b_id")
    }
    return units, edges
