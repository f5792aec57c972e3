"""The land check: the area committed to projects in a zone, for one use, never exceeds the
area the park's plan gives that use in that zone."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import (
    LAND_COMMITTED_FROM,
    STAGE_ORDER,
    LandUse,
    Stage,
    Status,
    labels,
)
from bienche.investment.models import Project, Zone, ZoneLand

COMMITTING_STAGES = [s for s in Stage.values if STAGE_ORDER[s] >= STAGE_ORDER[LAND_COMMITTED_FROM]]


def committed_ha(zone: Zone, use: str, *, exclude: int | None = None) -> Decimal:
    """Area held today by projects from investment registration on (dropped ones free it)."""
    rows = Project.objects.filter(zone=zone, land_use=use, stage__in=COMMITTING_STAGES).exclude(
        status=Status.DROPPED
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows.aggregate(total=Sum("land_ha"))["total"] or Decimal(0)


def land_check(zone: Zone, use: str, area: Decimal, *, project_id: int | None) -> None:
    """Refuse committing ``area`` ha of ``use`` in ``zone`` beyond its planned area."""
    planned = ZoneLand.objects.filter(zone=zone, use=use).values_list("planned_ha", flat=True)
    if not planned:
        raise InvalidInput(
            m.LAND_USE_NOT_PLANNED, field="land_use", zone=zone.name, **labels("use", LandUse(use))
        )
    total = committed_ha(zone, use, exclude=project_id) + area
    if total > planned[0]:
        raise InvalidInput(
            m.LAND_OVER,
            field="land_ha",
            **labels("use", LandUse(use)),
            zone=zone.name,
            committed=f"{total:.2f}",
            planned=f"{planned[0]:.2f}",
        )
