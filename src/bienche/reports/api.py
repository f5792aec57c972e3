"""REST endpoints of the report drafts (/api/v1/reports): parse → check access → call →
serialise. Readers see the reports of their subtree (``reports.permissions``: 404 outside);
the Organization Board, Home Affairs and city administrators create, edit and freeze (403
for other readers). A narrative save names the revision it edited: a newer one answers 409.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from bienche.reports import selectors as sel
from bienche.reports import services
from bienche.reports.models import FrozenVersion, NarrativeRevision, Report
from bienche.reports.permissions import access_report_by_id
from bienche.reports.schemas import (
    FrozenVersionOut,
    NarrativeOut,
    NarrativeSaveIn,
    ReportCreateIn,
    ReportOut,
)

router = Router(tags=["reports"])


def _report_out(report: Report) -> dict[str, Any]:
    return {
        "id": report.pk,
        "year": report.year,
        "unit_code": report.unit.code if report.unit_id else None,
        "format": report.format,
        "version": report.version,
        "created_at": report.created_at,
        "frozen_count": getattr(report, "frozen_count", None) or report.frozen.count(),
    }


def _narrative_out(rev: NarrativeRevision) -> dict[str, Any]:
    author = rev.author.get_username() if rev.author else ""
    return {
        "section_key": rev.section_key,
        "revision": rev.number,
        "html": rev.html,
        "author": author,
        "at": rev.at,
    }


def _version_out(report: Report, v: FrozenVersion) -> dict[str, Any]:
    base = f"/api/v1/reports/{report.pk}/versions/{v.number}"
    has_pdf = not v.pdf_missing_reason
    return {
        "number": v.number,
        "frozen_by": v.frozen_by.get_username() if v.frozen_by else "",
        "frozen_at": v.frozen_at,
        "has_pdf": has_pdf,
        "pdf_missing_reason": v.pdf_missing_reason,
        "docx_url": f"{base}/docx",
        "pdf_url": f"{base}/pdf" if has_pdf else None,
    }


@router.get("", response=list[ReportOut])
def reports_list(request: HttpRequest) -> list[dict]:
    return [_report_out(r) for r in sel.report_list(request.user)]


@router.post("", response={201: ReportOut})
def report_new(request: HttpRequest, payload: ReportCreateIn) -> Status:
    report = services.report_create(
        year=payload.year,
        unit_code=payload.unit_code,
        fmt=payload.format,
        acting_user=request.user,
    )
    return Status(201, _report_out(report))


@router.get("/{report_id}", response=ReportOut)
def report_detail(request: HttpRequest, report_id: int) -> dict:
    return _report_out(access_report_by_id(request.user, report_id))


@router.get("/{report_id}/narratives", response=list[NarrativeOut])
def report_narratives(request: HttpRequest, report_id: int) -> list[dict]:
    report = access_report_by_id(request.user, report_id)
    return [_narrative_out(r) for r in sel.report_narratives(report).values()]


@router.post("/{report_id}/narratives/{section_key}", response={201: NarrativeOut})
def narrative_save(
    request: HttpRequest, report_id: int, section_key: str, payload: NarrativeSaveIn
) -> Status:
    report = access_report_by_id(request.user, report_id, for_write=True)
    rev = services.report_narrative_save(
        report=report,
        section_key=section_key,
        html=payload.html,
        expected_revision=payload.expected_revision,
        acting_user=request.user,
    )
    return Status(201, _narrative_out(rev))


@router.post("/{report_id}/freeze", response={201: FrozenVersionOut})
def report_freeze(request: HttpRequest, report_id: int) -> Status:
    report = access_report_by_id(request.user, report_id, for_write=True)
    version = services.report_freeze(report=report, acting_user=request.user)
    return Status(201, _version_out(report, version))


@router.get("/{report_id}/versions", response=list[FrozenVersionOut])
def report_versions(request: HttpRequest, report_id: int) -> list[dict]:
    report = access_report_by_id(request.user, report_id)
    return [_version_out(report, v) for v in sel.frozen_list(report)]


@router.get("/{report_id}/versions/{number}/{kind}")
def report_version_file(
    request: HttpRequest, report_id: int, number: int, kind: str
) -> HttpResponse:
    report = access_report_by_id(request.user, report_id)
    found = sel.frozen_file(report, number, kind)
    resp = HttpResponse(found.content, content_type=found.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return resp
