"""REST endpoints of the register (/api/v1/delegation): parse → check access → call →
serialise. Reads are open to every signed-in user; a change needs write scope over the
transferring authority (``permissions``) and the ``expected_version`` last seen (409)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from bienche.core.clock import today
from bienche.delegation import selectors as sel
from bienche.delegation.models import Power
from bienche.delegation.permissions import access_transfer_by_id
from bienche.delegation.resolution import who_decides_by_code
from bienche.delegation.schemas import (
    MAX_ID,
    Day,
    DiffOut,
    DiffQuery,
    PowerDetailOut,
    PowerOut,
    RegisterOut,
    ResolutionOut,
    ReviewIn,
    ReviewOut,
    StatsOut,
    TransferFilters,
    TransferIn,
    TransferOut,
    TransferRevokeIn,
    TransferUpdateIn,
    UnitPowerOut,
)
from bienche.delegation.services.checks import TransferSpec
from bienche.delegation.services.documents import DocumentSpec
from bienche.delegation.services.reviews import TaskRequest, review_record
from bienche.delegation.services.transfers import (
    transfer_create,
    transfer_revoke,
    transfer_update,
)
from bienche.delegation.stats import delegation_stats
from bienche.org.permissions import access_unit_by_code

router = Router(tags=["delegation"])
ID = Path(..., ge=1, le=MAX_ID)
CODE = Path(..., max_length=40)


def _power(p: Power) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "kind": p.kind,
        "level": p.level,
        "holder": p.holder.code,
        "holder_title": p.holder_title,
        "legal_source": p.legal_source,
        "synthetic": p.synthetic,
    }


def _document(payload: Any) -> DocumentSpec:
    return DocumentSpec(
        number=payload.document_number,
        issued_on=payload.document_date,
        kind=payload.document_kind,
        issuer=payload.document_issuer,
    )


@router.get("/powers", response=list[PowerOut])
def powers_list(request: HttpRequest, q: str = Query("", max_length=100), field: str = "") -> list:
    return [_power(p) for p in sel.power_list(text=q, field=field)]


@router.get("/powers/{code}", response=PowerDetailOut)
def power_detail(request: HttpRequest, code: str = CODE) -> dict:
    """The power and its whole chain of documents (every transfer, oldest first)."""
    power = sel.power_get(code)
    on = today()
    return {
        **_power(power),
        "transfers": [sel.transfer_row(t, on) for t in sel.power_transfers(power)],
    }


@router.get("/who", response=ResolutionOut)
def who(
    request: HttpRequest,
    power: str = Query(..., max_length=40),
    unit: str = Query(..., max_length=40),
    as_of: Day | None = None,
) -> dict:
    """Who decides ``power`` in ``unit`` on ``as_of`` (default today), and by which documents."""
    return who_decides_by_code(power, unit, as_of or today()).as_dict()


@router.get("/units/{code}/powers", response=list[UnitPowerOut])
def unit_powers(request: HttpRequest, code: str = CODE, as_of: Day | None = None) -> list:
    on = as_of or today()
    return sel.powers_of_unit(access_unit_by_code(request.user, code, on=on), on)


@router.get("/units/{code}/diff", response=DiffOut)
def unit_powers_diff(
    request: HttpRequest,
    query: Query[DiffQuery],
    code: str = CODE,
) -> dict:
    unit = access_unit_by_code(request.user, code, on=query.end)
    return sel.powers_diff(unit, query.start, query.end)


@router.get("/transfers", response=list[TransferOut])
def transfers_list(request: HttpRequest, filters: Query[TransferFilters]) -> list:
    rows = sel.transfer_list(
        on=filters.as_of,
        power_code=filters.power,
        field=filters.field or "",
        kind=filters.kind or "",
        level=filters.level,
        unit_code=filters.unit,
        text=filters.q,
        limit=filters.limit,
    )
    on = filters.as_of or today()
    return [sel.transfer_row(t, on) for t in rows]


@router.get("/transfers/{transfer_id}", response=TransferOut)
def transfer_detail(request: HttpRequest, transfer_id: int = ID) -> dict:
    return sel.transfer_row(access_transfer_by_id(request.user, transfer_id), today())


@router.post("/transfers", response={201: TransferOut})
def transfer_new(request: HttpRequest, payload: TransferIn) -> Status:
    """Record a transfer; the authority must lie in the user's write scope."""
    data = payload.dict(
        exclude={"document_number", "document_date", "document_kind", "document_issuer"}
    )
    spec = TransferSpec(**{**data, "to_class": payload.to_class or ""}, document=_document(payload))
    t = transfer_create(spec=spec, acting_user=request.user)
    return Status(201, sel.transfer_row(sel.transfer_get(t.pk), today()))


@router.post("/transfers/{transfer_id}/update", response=TransferOut)
def transfer_edit(request: HttpRequest, payload: TransferUpdateIn, transfer_id: int = ID) -> dict:
    t = access_transfer_by_id(request.user, transfer_id, for_write=True)
    data = payload.dict(exclude={"expected_version"}, exclude_none=True)
    transfer_update(
        transfer=t, expected_version=payload.expected_version, data=data, acting_user=request.user
    )
    return sel.transfer_row(sel.transfer_get(t.pk), today())


@router.post("/transfers/{transfer_id}/revoke", response=TransferOut)
def transfer_end(request: HttpRequest, payload: TransferRevokeIn, transfer_id: int = ID) -> dict:
    t = access_transfer_by_id(request.user, transfer_id, for_write=True)
    transfer_revoke(
        transfer=t,
        on=payload.on,
        document=_document(payload),
        expected_version=payload.expected_version,
        reason=payload.reason,
        acting_user=request.user,
    )
    return sel.transfer_row(sel.transfer_get(t.pk), today())


@router.post("/transfers/{transfer_id}/reviews", response={201: ReviewOut})
def transfer_review(request: HttpRequest, payload: ReviewIn, transfer_id: int = ID) -> Status:
    t = access_transfer_by_id(request.user, transfer_id, for_write=True)
    document = None
    if payload.document_number:
        document = DocumentSpec(
            number=payload.document_number,
            issued_on=payload.document_date or payload.reviewed_on,
            kind=payload.document_kind,
            issuer=payload.document_issuer,
        )
    task = None
    if payload.task_content:
        deadline = payload.task_deadline or payload.reviewed_on + dt.timedelta(days=30)
        task = TaskRequest(content=payload.task_content, deadline=deadline)
    review = review_record(
        transfer=t,
        reviewed_on=payload.reviewed_on,
        outcome=payload.outcome,
        expected_version=payload.expected_version,
        note=payload.note,
        document=document,
        next_review_on=payload.next_review_on,
        task=task,
        acting_user=request.user,
    )
    return Status(
        201,
        {
            "id": review.pk,
            "transfer_id": t.pk,
            "reviewed_on": review.reviewed_on,
            "outcome": review.outcome,
            "note": review.note,
            "steering_task_id": review.steering_task_id,
            "transfer_version": sel.transfer_get(t.pk).version,
        },
    )


@router.get("/review-register", response=RegisterOut)
def review_list(request: HttpRequest, as_of: Day | None = None) -> dict:
    on = as_of or today()
    register = sel.review_register(on)
    return {"as_of": on, **{k: [sel.transfer_row(t, on) for t in v] for k, v in register.items()}}


@router.get("/stats", response=StatsOut)
def stats(request: HttpRequest, year: int = Query(..., ge=1990, le=2100)) -> dict:
    return delegation_stats(year)
