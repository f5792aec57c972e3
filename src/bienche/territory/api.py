"""REST endpoints of the territory app (/api/v1/territory): parse → call → serialise.
Everyone signed in may read. Saving a proposal needs write access to its parent unit;
adopting one and importing boundaries or adjacency need a city administrator (the
services check; 403/404 otherwise)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from bienche.core.clock import today
from bienche.territory.impact import saved_proposal_dict, saved_proposals
from bienche.territory.report import check_report, proposal_report
from bienche.territory.services.boundaries_import import adjacency_list_import, boundaries_import
from bienche.territory.services.proposals import proposal_adopt, proposal_get, proposal_save

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
    warning: str | None = None
    parent: str | None
    counts: dict[str, int]
    units: list[dict[str, Any]]


class TerritoryProposeOut(Schema):
    round: dict[str, Any]
    on: str
    warning: str | None = None
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


class ProposalSaveIn(Schema):
    round: str
    parent: str
    on: dt.date
    pin: list[str] = []
    forbid: list[str] = []
    max_units: int | None = None
    rank: int = 1


class ProposalAdoptIn(Schema):
    basis_number: str
    basis_date: dt.date | None = None
    effective_on: dt.date
    issuer: str = "Ủy ban Thường vụ Quốc hội"
    names: dict[int, str] = {}
    expected_version: int | None = None


class BoundariesIn(Schema):
    geojson: dict[str, Any]
    area_as_of: dt.date | None = None
    source: str = "API"


class AdjacencyListIn(Schema):
    csv: str
    source: str = "API"


@router.get("/saved", response=list[dict[str, Any]])
def territory_saved_list(request: HttpRequest) -> list:
    return [saved_proposal_dict(p) for p in saved_proposals()]


@router.post("/saved", response={201: dict[str, Any]})
def territory_saved_create(request: HttpRequest, payload: ProposalSaveIn) -> Any:
    saved = proposal_save(
        round_code=payload.round,
        parent_code=payload.parent,
        on=payload.on,
        pinned=tuple(payload.pin),
        forbidden=tuple(payload.forbid),
        max_units=payload.max_units if payload.max_units in range(2, 9) else None,
        rank=max(1, min(payload.rank, 5)),
        acting_user=request.user,
    )
    return Status(201, saved_proposal_dict(saved, impact=True))


@router.get("/saved/{pk}", response=dict[str, Any])
def territory_saved_get(request: HttpRequest, pk: int) -> dict:
    return saved_proposal_dict(proposal_get(pk), impact=True)


@router.post("/saved/{pk}/adopt", response=dict[str, Any])
def territory_saved_adopt(request: HttpRequest, pk: int, payload: ProposalAdoptIn) -> dict:
    p = proposal_adopt(proposal_id=pk, acting_user=request.user, **payload.dict())
    return saved_proposal_dict(p)


@router.post("/boundaries", response=dict[str, Any])
def territory_boundaries_import(request: HttpRequest, payload: BoundariesIn) -> dict:
    return boundaries_import(
        data=payload.geojson,
        source=payload.source,
        area_as_of=payload.area_as_of,
        acting_user=request.user,
    )


@router.post("/adjacency", response=dict[str, Any])
def territory_adjacency_import(request: HttpRequest, payload: AdjacencyListIn) -> dict:
    return adjacency_list_import(data=payload.csv, source=payload.source, acting_user=request.user)
