"""REST endpoints of staffing: parse → check access → call → serialise."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from django.http import HttpRequest
from ninja import File, Query, Router, Status, UploadedFile
from ninja.errors import HttpError

from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.org.messages import UNIT_UNKNOWN
from bienche.org.permissions import access_unit_by_code, guard_write_codes, is_city_admin
from bienche.staffing import selectors as sel
from bienche.staffing.models import Quota
from bienche.staffing.permissions import personal_data_scope
from bienche.staffing.roster_export import mask_personal_id
from bienche.staffing.schemas import (
    AssignmentPageOut,
    ImportReportOut,
    PositionIn,
    PositionOut,
    PositionRowOut,
    QuotaIn,
    QuotaOut,
    StaffingSummaryOut,
)
from bienche.staffing.services.positions import position_create
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.services.roster_import import roster_import
from bienche.staffing.streamlining import streamlining_report

router = Router(tags=["staffing"])


@router.get("/units/{code}/summary", response=StaffingSummaryOut)
def unit_summary(
    request: HttpRequest, code: str, as_of: dt.date | None = None, subtree: bool = True
) -> dict:
    on = as_of or today()
    unit = access_unit_by_code(request.user, code, on=on)
    return {
        "unit": unit.code,
        "subtree": subtree,
        **sel.staffing_summary(unit.pk, on, subtree=subtree),
    }


@router.get("/units/{code}/streamlining", response=dict)
def unit_streamlining(
    request: HttpRequest, code: str, period: str = "2022-2026", as_of: dt.date | None = None
) -> dict:
    on = as_of or today()
    unit = access_unit_by_code(request.user, code, on=on)
    try:
        return {"unit": unit.code, **streamlining_report(unit.pk, period, on)}
    except KeyError:
        raise HttpError(404, f"unknown period {period}") from None


@router.get("/units/{code}/positions", response=list[PositionRowOut])
def unit_positions(request: HttpRequest, code: str, as_of: dt.date | None = None) -> list:
    on = as_of or today()
    unit = access_unit_by_code(request.user, code, on=on)
    return sel.position_fill({unit.pk}, on)["positions"]


@router.get("/quotas", response=list[QuotaOut])
def quotas_list(request: HttpRequest, unit: str, as_of: dt.date | None = None) -> list[dict]:
    u = access_unit_by_code(request.user, unit, on=as_of)
    rows = sel.quotas_of(u.pk, as_of)
    return [{**r, "unit_code": u.code} for r in rows]


@router.post("/quotas", response={201: QuotaOut})
def quota_create(request: HttpRequest, payload: QuotaIn) -> Status:
    guard_write_codes(request.user, [payload.unit_code], on=payload.valid_from)
    q: Quota = quota_set(**payload.dict(), acting_user=request.user)
    return Status(
        201,
        {
            "id": q.pk,
            "unit_code": payload.unit_code,
            "kind": q.kind,
            "amount": q.amount,
            "reserve": q.reserve,
            "valid_from": q.valid_from,
            "valid_to": q.valid_to,
            "basis_number": q.basis_number,
        },
    )


@router.post("/positions", response={201: PositionOut})
def position_new(request: HttpRequest, payload: PositionIn) -> Status:
    guard_write_codes(request.user, [payload.unit_code], on=payload.valid_from)
    position_create(**payload.dict(), acting_user=request.user)
    return Status(201, {"unit_code": payload.unit_code, "code": payload.code})


@router.get("/assignments", response=AssignmentPageOut)
def assignments_list(
    request: HttpRequest,
    unit: str,
    as_of: dt.date | None = None,
    subtree: bool = True,
    cursor: str | None = Query(None, max_length=12),
    limit: int = Query(100, ge=1, le=1000),
) -> dict:
    on = as_of or today()
    u = access_unit_by_code(request.user, unit, on=on)
    ids = sel.unit_ids_in_scope(u.pk, on, subtree=subtree)
    rows = sel.assignment_page(ids, on, after_personal_id=cursor, limit=limit + 1)
    full = personal_data_scope(request.user)
    items = []
    for r in rows[:limit]:
        visible = full.contains(r.pop("unit_id"))
        if not visible:
            r["personal_id"] = mask_personal_id(r["personal_id"])
            r["birth_date"] = r["birth_date"][:4] + "-**-**"
        items.append(r)
    more = len(rows) > limit
    return {"as_of": on, "items": items, "next_cursor": rows[limit - 1]["cursor"] if more else None}


@router.post("/roster/import", response=ImportReportOut)
def roster_upload(request: HttpRequest, file: File[UploadedFile], dry_run: bool = False) -> dict:
    if not is_city_admin(request.user):
        raise NotFound(UNIT_UNKNOWN, field="unit", code="HN")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.xlsx"
        with path.open("wb") as fh:
            for chunk in file.chunks():
                fh.write(chunk)
        report = roster_import(path=path, acting_user=request.user, dry_run=dry_run)
    return {
        **report.__dict__,
        "ok": report.ok,
        "problems": [p.__dict__ for p in report.problems[:1000]],
    }
