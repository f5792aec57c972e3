"""Write services of the report drafts (keyword-only, one transaction each, audited).

* ``report_create`` checks that the report can be built (a year with data, a scope unit
  that existed that year) before saving it: the builder's ``ReportError`` becomes an
  ``InvalidInput`` with its Vietnamese message.
* ``report_narrative_save`` adds a revision (history is never edited); the caller names the
  revision it edited, and a newer one answers ``Conflict``.
* ``report_freeze`` builds the document with the current narratives, renders the DOCX and
  tries the PDF (without a renderer the PDF is null with the reason; the DOCX is kept),
  and stores the snapshot: a frozen version is never changed afterwards.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max

from bienche.core.audit import audit_record
from bienche.core.clock import now
from bienche.core.errors import Conflict, InvalidInput
from bienche.org.models import Unit
from bienche.reports import drafting
from bienche.reports import messages as m
from bienche.reports.drafting import EDITABLE_KEYS, report_document
from bienche.reports.models import FrozenVersion, NarrativeRevision, Report, ReportFormat
from bienche.reports.permissions import guard_write
from bienche.reports.sanitize import narrative_clean, narrative_is_blank
from bienche.reports.selectors import narrative_texts
from bienche.reports.serialize import document_to_json

NARRATIVE_LIMIT = 50_000


def _user(acting_user: Any) -> Any:
    return acting_user if getattr(acting_user, "is_authenticated", False) else None


def _check_year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise InvalidInput(m.YEAR_INVALID, field="year", value=year)
    return year


def _check_buildable(report: Report) -> None:
    try:
        report_document(report)
    except ValueError as exc:  # ReportError: a year without data, a unit absent that year
        raise InvalidInput(m.CANNOT_BUILD, field="year", reason=str(exc)) from exc


def report_create(
    *, year: int, unit_code: str | None, fmt: str, acting_user: Any, check: bool = True
) -> Report:
    guard_write(acting_user, "lập báo cáo", "create reports")
    _check_year(year)
    if fmt not in ReportFormat.values:
        raise InvalidInput(m.FORMAT_INVALID, field="format", value=fmt)
    unit = None
    if unit_code:
        unit = Unit.objects.filter(code=unit_code.strip()).first()
        if unit is None:
            raise InvalidInput(m.UNIT_UNKNOWN, field="unit_code", code=unit_code)
    report = Report(
        year=year, unit=unit, format=fmt, created_by=_user(acting_user), created_at=now()
    )
    if check:
        _check_buildable(report)
    with transaction.atomic():
        report.save()
        audit_record(
            actor=acting_user,
            action="reports.report_create",
            entity_type="reports.report",
            entity_id=report.pk,
            after={"year": year, "unit": unit.code if unit else None, "format": fmt},
        )
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update(of=("self",)).select_related("unit").get(pk=report.pk)


def _text(value: str, what: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidInput(m.TEXT_TOO_LONG, field=what, what=what, limit=limit)
    return text


def report_letterhead_update(
    *,
    report: Report,
    expected_version: int,
    number: str,
    issued_on: dt.date | None,
    signer_name: str,
    signer_title: str,
    acting_user: Any,
) -> Report:
    """Override the number, date and signer the builder proposes (blank: its default)."""
    guard_write(acting_user, "sửa báo cáo", "edit reports")
    fields = {
        "number": _text(number, "number", 64),
        "issued_on": issued_on,
        "signer_name": _text(signer_name, "signer_name", 128),
        "signer_title": _text(signer_title, "signer_title", 128),
    }
    with transaction.atomic():
        locked = _locked(report)
        if locked.version != expected_version:
            raise Conflict(
                m.REPORT_STALE,
                field="expected_version",
                current=locked.version,
                expected=expected_version,
            )
        before = {k: getattr(locked, k) for k in fields}
        for key, value in fields.items():
            setattr(locked, key, value)
        locked.version += 1
        locked.save(update_fields=[*fields, "version"])
        audit_record(
            actor=acting_user,
            action="reports.report_letterhead_update",
            entity_type="reports.report",
            entity_id=locked.pk,
            before=before,
            after=fields,
        )
    return locked


def _clean_narrative(section_key: str, html: str) -> str:
    if section_key not in EDITABLE_KEYS:
        raise InvalidInput(
            m.SECTION_UNKNOWN, field="section_key", key=section_key, keys=", ".join(EDITABLE_KEYS)
        )
    if len(html or "") > NARRATIVE_LIMIT:
        raise InvalidInput(
            m.NARRATIVE_TOO_LONG, field="html", key=section_key, limit=NARRATIVE_LIMIT
        )
    clean = narrative_clean(html)
    if narrative_is_blank(clean):
        raise InvalidInput(m.NARRATIVE_EMPTY, field="html", key=section_key)
    return clean


def report_narrative_save(
    *, report: Report, section_key: str, html: str, expected_revision: int, acting_user: Any
) -> NarrativeRevision:
    """Add a revision of an editable section; ``expected_revision`` is the number of the
    revision the officer edited (0 when they edited the prefilled text)."""
    guard_write(acting_user, "sửa báo cáo", "edit reports")
    clean = _clean_narrative(section_key, html)
    with transaction.atomic():
        _locked(report)
        latest = (
            NarrativeRevision.objects.filter(report=report, section_key=section_key)
            .select_related("author")
            .order_by("-number")
            .first()
        )
        current = latest.number if latest else 0
        if current != expected_revision:
            author = (latest.author.get_username() if latest and latest.author else "") or "?"
            raise Conflict(
                m.NARRATIVE_STALE,
                field="expected_revision",
                key=section_key,
                author=author,
                current=current,
                expected=expected_revision,
            )
        revision = NarrativeRevision.objects.create(
            report=report,
            section_key=section_key,
            number=current + 1,
            html=clean,
            author=_user(acting_user),
            at=now(),
        )
        audit_record(
            actor=acting_user,
            action="reports.narrative_save",
            entity_type="reports.report",
            entity_id=report.pk,
            before={
                "section": section_key,
                "revision": current,
                "html": latest.html if latest else None,
            },
            after={"section": section_key, "revision": revision.number, "html": clean},
        )
    return revision


def _render_files(doc: Any) -> tuple[bytes, bytes | None, str]:
    render = drafting.renderers()
    docx = render.render_docx(doc)
    try:
        return docx, render.render_pdf(doc), ""
    except (render.PdfUnavailable, render.PdfFailed) as exc:
        return docx, None, str(exc)


def report_freeze(*, report: Report, acting_user: Any) -> FrozenVersion:
    """Snapshot the draft as it stands (figures of today, current narratives)."""
    guard_write(acting_user, "chốt báo cáo", "freeze reports")
    with transaction.atomic():
        locked = _locked(report)
        try:
            doc = report_document(locked, narratives=narrative_texts(locked), draft=False)
        except ValueError as exc:
            raise InvalidInput(m.CANNOT_BUILD, field="report", reason=str(exc)) from exc
        docx, pdf, reason = _render_files(doc)
        top = FrozenVersion.objects.filter(report=locked).aggregate(n=Max("number"))["n"] or 0
        version = FrozenVersion.objects.create(
            report=locked,
            number=top + 1,
            frozen_by=_user(acting_user),
            frozen_at=now(),
            snapshot=document_to_json(doc),
            docx=docx,
            pdf=pdf,
            pdf_missing_reason=reason,
        )
        audit_record(
            actor=acting_user,
            action="reports.report_freeze",
            entity_type="reports.report",
            entity_id=locked.pk,
            after={
                "version": version.number,
                "docx_bytes": len(docx),
                "pdf_bytes": len(pdf) if pdf else None,
                "pdf_missing_reason": reason,
            },
        )
    return version
