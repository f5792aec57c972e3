"""REST endpoints of the org registry: parse → check access → call → serialise."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Query, Router, Status

from bienche.core.clock import today
from bienche.org import selectors as sel
from bienche.org import services as svc
from bienche.org.models import ReorgEvent
from bienche.org.permissions import access_unit_by_code, guard_write_codes, user_scope
from bienche.org.schemas import (
    AbsorbIn,
    BasisIn,
    ChangeKindIn,
    CountsOut,
    DissolveIn,
    EstablishIn,
    EventCreatedOut,
    EventOut,
    LineageOut,
    MergeIn,
    RearrangeIn,
    RenameIn,
    SplitIn,
    TransferIn,
    UnitHistoryOut,
    UnitOut,
    UnitPageOut,
    UnitSpecIn,
)

router = Router(tags=["org"])


@router.get("/units", response=UnitPageOut)
def units_list(
    request: HttpRequest,
    as_of: dt.date | None = None,
    kind: str | None = None,
    level: str | None = None,
    parent: str | None = None,
    search: str | None = Query(None, max_length=100),
    cursor: str | None = Query(None, max_length=40),
    limit: int = Query(100, ge=1, le=1000),
) -> dict:
    on = as_of or today()
    scope = user_scope(request.user, on=on)
    nodes = sel.unit_list(
        on=on,
        kind=kind,
        level=level,
        parent_code=parent,
        search=search,
        after_code=cursor,
        limit=limit + 1,
        unit_ids=None if scope.everything else set(scope.unit_ids),
    )
    more = len(nodes) > limit
    items = [n.as_dict() for n in nodes[:limit]]
    return {"as_of": on, "items": items, "next_cursor": items[-1]["code"] if more else None}


@router.get("/units/{code}", response=UnitOut)
def unit_detail(request: HttpRequest, code: str, as_of: dt.date | None = None) -> dict:
    unit = access_unit_by_code(request.user, code, on=as_of)
    node = sel.unit_node_on(unit, as_of) if as_of else None
    return (node or sel.unit_latest_node(unit)).as_dict()


@router.get("/units/{code}/history", response=UnitHistoryOut)
def unit_history(request: HttpRequest, code: str) -> dict:
    unit = access_unit_by_code(request.user, code)
    versions = [
        {
            **h["version"].__dict__,
            "parent_code": h["parent_code"],
            "opened_by": h["opened_by"],
            "closed_by": h["closed_by"],
        }
        for h in sel.unit_history(unit)
    ]
    return {"code": unit.code, "versions": versions}


@router.get("/units/{code}/lineage", response=LineageOut)
def unit_lineage(
    request: HttpRequest, code: str, direction: str = "back", takeover: bool = False
) -> dict:
    unit = access_unit_by_code(request.user, code)
    direction = direction if direction in {"back", "forward"} else "back"
    steps = [s.as_dict() for s in sel.unit_lineage(unit, direction=direction, takeover=takeover)]
    return {"code": unit.code, "direction": direction, "steps": steps}


@router.get("/counts", response=CountsOut)
def counts(request: HttpRequest, as_of: dt.date | None = None) -> dict:
    return sel.unit_counts_as_of(as_of or today())


@router.get("/events", response=list[EventOut])
def events_list(request: HttpRequest, kind: str | None = None) -> list[ReorgEvent]:
    return sel.event_list(kind=kind)


@router.get("/events/{int:event_id}", response=EventOut)
def event_detail(request: HttpRequest, event_id: int) -> ReorgEvent:
    return sel.event_get(event_id)


# ------------------------------------------------------------------ writes
def _basis(payload: BasisIn) -> svc.LegalBasis:
    return svc.LegalBasis(
        number=payload.basis_number,
        issuer=payload.basis_issuer,
        date=payload.basis_date,
        summary=payload.summary,
    )


def _spec(s: UnitSpecIn) -> svc.UnitSpec:
    return svc.UnitSpec(
        code=s.code,
        name=s.name,
        kind=s.kind,
        parent_code=s.parent_code,
        short_name=s.short_name,
        level=s.level,
        sector=s.sector,
        autonomy_level=s.autonomy_level,
    )


def _created(event: ReorgEvent) -> dict:
    codes = sorted({p.unit.code for p in event.participants.select_related("unit")})
    return {"event": event, "units": codes}


def _parents(*specs: UnitSpecIn) -> list[str]:
    return [s.parent_code for s in specs if s.parent_code]


@router.post("/events/establish", response={201: EventCreatedOut})
def event_establish(request: HttpRequest, payload: EstablishIn) -> Status:
    guard_write_codes(request.user, _parents(*payload.units), on=payload.effective_on)
    ev = svc.unit_establish(
        specs=[_spec(u) for u in payload.units],
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/rename", response={201: EventCreatedOut})
def event_rename(request: HttpRequest, payload: RenameIn) -> Status:
    guard_write_codes(request.user, [payload.code], on=payload.effective_on)
    ev = svc.unit_rename(
        code=payload.code,
        name=payload.name,
        short_name=payload.short_name,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/change-kind", response={201: EventCreatedOut})
def event_change_kind(request: HttpRequest, payload: ChangeKindIn) -> Status:
    guard_write_codes(request.user, [payload.code], on=payload.effective_on)
    ev = svc.unit_change_kind(
        code=payload.code,
        kind=payload.kind,
        level=payload.level,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/transfer", response={201: EventCreatedOut})
def event_transfer(request: HttpRequest, payload: TransferIn) -> Status:
    guard_write_codes(
        request.user, [payload.code, payload.new_parent_code], on=payload.effective_on
    )
    ev = svc.unit_transfer(
        code=payload.code,
        new_parent_code=payload.new_parent_code,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/merge", response={201: EventCreatedOut})
def event_merge(request: HttpRequest, payload: MergeIn) -> Status:
    codes = [*payload.predecessor_codes, *_parents(payload.successor)]
    guard_write_codes(request.user, codes, on=payload.effective_on)
    ev = svc.unit_merge(
        predecessor_codes=payload.predecessor_codes,
        successor=_spec(payload.successor),
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/absorb", response={201: EventCreatedOut})
def event_absorb(request: HttpRequest, payload: AbsorbIn) -> Status:
    codes = [*payload.absorbed_codes, payload.into_code]
    guard_write_codes(request.user, codes, on=payload.effective_on)
    ev = svc.unit_absorb(
        absorbed_codes=payload.absorbed_codes,
        into_code=payload.into_code,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/split", response={201: EventCreatedOut})
def event_split(request: HttpRequest, payload: SplitIn) -> Status:
    codes = [payload.predecessor_code, *_parents(*[p.unit for p in payload.successors])]
    guard_write_codes(request.user, codes, on=payload.effective_on)
    ev = svc.unit_split(
        predecessor_code=payload.predecessor_code,
        successors=[(_spec(p.unit), round(p.share_percent * 100)) for p in payload.successors],
        children_to=payload.children_to,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/rearrange", response={201: EventCreatedOut})
def event_rearrange(request: HttpRequest, payload: RearrangeIn) -> Status:
    codes = [*payload.predecessor_codes, *_parents(*payload.successors)]
    guard_write_codes(request.user, codes, on=payload.effective_on)
    ev = svc.unit_rearrange(
        predecessor_codes=payload.predecessor_codes,
        successors=[_spec(s) for s in payload.successors],
        edges=[
            (e.predecessor_code, e.successor_code, round(e.share_percent * 100))
            for e in payload.edges
        ],
        children_to=payload.children_to,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))


@router.post("/events/dissolve", response={201: EventCreatedOut})
def event_dissolve(request: HttpRequest, payload: DissolveIn) -> Status:
    codes = [payload.code, *([payload.children_to] if payload.children_to else [])]
    guard_write_codes(request.user, codes, on=payload.effective_on)
    ev = svc.unit_dissolve(
        code=payload.code,
        children_to=payload.children_to,
        on=payload.effective_on,
        basis=_basis(payload),
        acting_user=request.user,
    )
    return Status(201, _created(ev))
