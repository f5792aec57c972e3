"""REST endpoints of the territory app (/api/v1/territory): parse → call → serialise.
Everyone signed in may read; nothing is written here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from bienche.core.clock import today
from bienche.territory.report import check_report, proposal_report

router = Router(tags=["territory"])


class CheckFilters(Schema):
    round: str
    on: dt.date | None = None
    parent: str | None = None


class ProposeFilters(Schema):
    round: str
    parent: str
    on: dt.date | None = None
    pin: list[str] = []
    forbid: list[str] = []
    alternatives: int = 3
    max_units: int | None = None


class TerritoryCheckOut(Schema):
    round: dict[str, Any]
    on: str
    parent: str | None
    counts: dict[str, int]
    units: list[dict[str, Any]]


class TerritoryProposeOut(Schema):
    round: dict[str, Any]
    on: str
    parent: str
    units: int
    must: list[str]
    candidates: int
    method: str
    max_units: int
    proposals: list[dict[str, Any]]
    edges: list[list[str]]


@router.get("/check", response=TerritoryCheckOut)
def territory_check_api(request: HttpRequest, filters: Query[CheckFilters]) -> dict:
    return check_report(
        round_code=filters.round, on=filters.on or today(), parent_code=filters.parent
    )


@router.get("/proposals", response=TerritoryProposeOut)
def territory_propose_api(request: HttpRequest, filters: Query[ProposeFilters]) -> dict:
    return proposal_report(
        round_code=filters.round,
        parent_code=filters.parent,
        on=filters.on or today(),
        pinned=tuple(filters.pin),
        forbidden=tuple(filters.forbid),
        alternatives=max(1, min(filters.alternatives, 5)),
        max_units=filters.max_units if filters.max_units in range(2, 9) else None,
    )
