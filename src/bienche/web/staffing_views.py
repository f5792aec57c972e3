"""Staffing pages: the city dashboard, a unit's staffing page, the roster download."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bienche.core.cache import cached_read
from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.org.enums import Sector, UnitLevel
from bienche.org.permissions import access_unit_by_code
from bienche.org.selectors import unit_latest_node
from bienche.staffing import selectors as sel
from bienche.staffing.enums import QuotaKind, StaffCategory
from bienche.staffing.leadership import leadership_surplus
from bienche.staffing.permissions import personal_data_scope
from bienche.staffing.positions_xlsx import positions_export_xlsx, positions_import_xlsx
from bienche.staffing.roster_export import mask_personal_id, roster_export_xlsx
from bienche.staffing.streamlining import streamlining_report
from bienche.web.params import date_param

YEARS = range(2021, 2027)


def _unit(request: HttpRequest, code: str, on: dt.date):  # type: ignore[no-untyped-def]
    try:
        return access_unit_by_code(request.user, code, on=on)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def staffing_dashboard(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    code = request.GET.get("unit", "HN")
    unit = _unit(request, code, on)
    key = f"staffing-dashboard:{unit.pk}:{on.isoformat()}"
    by_sector = cached_read(
        f"staff-by-sector:{unit.pk}:{on.isoformat()}",
        lambda: sel.staff_by_sector_and_level(unit.pk, on),
    )
    summary, series, streamlining = cached_read(
        key,
        lambda: (
            sel.staffing_summary(unit.pk, on),
            sel.quota_vs_actual_by_year(unit.pk, YEARS),
            streamlining_report(unit.pk, "2022-2026", on),
        ),
    )
    ctx = {
        "on": on,
        "error": error,
        "unit": unit,
        "node": unit_latest_node(unit),
        "summary": summary,
        "streamlining": streamlining,
        "by_sector": by_sector,
        "sector_labels": dict(Sector.choices),
        "level_labels": dict(UnitLevel.choices),
        "kind_labels": dict(QuotaKind.choices),
        "chart": {
            "labels": [s["year"] for s in series],
            "quota": [s["quota"] for s in series],
            "actual": [s["actual"] for s in series],
        },
    }
    return render(request, "staffing/dashboard.html", ctx)


def unit_staffing(request: HttpRequest, code: str) -> HttpResponse:
    on, error = date_param(request, "on", today())
    unit = _unit(request, code, on)
    subtree = request.GET.get("subtree", "1") == "1"
    key = f"unit-staffing:{unit.pk}:{on.isoformat()}:{int(subtree)}"
    ids, summary, surplus = cached_read(key, lambda: _unit_figures(unit.pk, on, subtree))
    people = sel.assignment_page(ids, on, after_personal_id=None, limit=200)
    full = personal_data_scope(request.user)
    for p in people:
        if not full.contains(p["unit_id"]):
            p["personal_id"] = mask_personal_id(p["personal_id"])
            p["birth_date"] = p["birth_date"][:4]
    ctx = {
        "on": on,
        "error": error,
        "unit": unit,
        "node": unit_latest_node(unit),
        "subtree": subtree,
        "summary": summary,
        "people": people,
        "surplus": surplus,
        "kind_labels": dict(QuotaKind.choices),
    }
    return render(request, "staffing/unit.html", ctx)


def _unit_figures(unit_id: int, on: dt.date, subtree: bool) -> tuple:
    ids = sel.unit_ids_in_scope(unit_id, on, subtree=subtree)
    return ids, sel.staffing_summary(unit_id, on, subtree=subtree), leadership_surplus(on, ids)


def roster_download(request: HttpRequest) -> FileResponse:
    on, _error = date_param(request, "on", today())
    unit = _unit(request, request.GET.get("unit", "HN"), on)
    ids = sel.unit_ids_in_scope(unit.pk, on, subtree=True)
    scope = personal_data_scope(request.user)
    mask = not (scope.everything or ids <= scope.unit_ids)
    tmp = Path(tempfile.mkdtemp()) / f"danh-sach-{unit.code}-{on.isoformat()}.xlsx"
    roster_export_xlsx(
        tmp,
        on=on,
        unit_ids=ids,
        mask_ids=mask,
        text=request.GET.get("q", "").strip()[:100],
        category=request.GET.get("category", ""),
        rank=request.GET.get("rank", "").strip()[:20],
    )
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def positions_download(request: HttpRequest, code: str) -> FileResponse:
    on, _error = date_param(request, "on", today())
    unit = _unit(request, code, on)
    tmp = Path(tempfile.mkdtemp()) / f"vi-tri-viec-lam-{unit.code}-{on.isoformat()}.xlsx"
    positions_export_xlsx(tmp, unit_id=unit.pk, on=on)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def positions_upload(request: HttpRequest, code: str) -> HttpResponse:
    """Import a unit's position list (officers of the unit's subtree, city admins)."""
    if request.method != "POST" or "file" not in request.FILES:
        return redirect("unit_staffing", code=code)
    try:
        unit = access_unit_by_code(request.user, code, for_write=True)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "positions.xlsx"
        path.write_bytes(request.FILES["file"].read())
        changed, problems = positions_import_xlsx(
            path, unit_code=unit.code, unit_id=unit.pk, acting_user=request.user
        )
    for p in problems[:50]:
        messages.error(request, f"Dòng {p.row}, cột «{p.column}»: {p.vi}")
    if not problems:
        messages.success(request, f"Đã cập nhật {changed} vị trí việc làm.")
    return redirect("unit_staffing", code=code)


def roster_search_page(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    unit = _unit(request, request.GET.get("unit", "HN"), on)
    ids = sel.unit_ids_in_scope(unit.pk, on, subtree=True)
    text = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("category", "")
    rank = request.GET.get("rank", "").strip()[:20]
    people = sel.roster_search(ids, on, text=text, category=category, rank=rank)
    full = personal_data_scope(request.user)
    for p in people:
        if not full.contains(p["unit_id"]):
            p["personal_id"] = mask_personal_id(p["personal_id"])
            p["birth_date"] = p["birth_date"].year
    ctx = {
        "on": on,
        "error": error,
        "unit": unit,
        "people": people,
        "q": text,
        "category": category,
        "rank": rank,
        "categories": StaffCategory.choices,
    }
    return render(request, "staffing/roster.html", ctx)
