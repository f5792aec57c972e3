"""Reads of the report drafts: the reports a user may see, a draft's current narratives and
their history, a report's frozen versions and their files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from bienche.core.errors import NotFound
from bienche.org.permissions import user_scope
from bienche.reports import messages as m
from bienche.reports.models import FrozenVersion, NarrativeRevision, Report
from bienche.reports.permissions import can_write

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"


def report_list(user: Any) -> list[Report]:
    """The reports the user may see, newest year first, with their frozen-version count."""
    qs = (
        Report.objects.select_related("unit", "created_by")
        .annotate(frozen_count=Count("frozen", distinct=True))
        .order_by("-year", "-pk")
    )
    if not getattr(user, "is_authenticated", False):
        return []
    scope = user_scope(user)
    if scope.everything or can_write(user):
        return list(qs[:500])
    years = set(qs.values_list("year", flat=True))
    ids: set[int] = set(scope.unit_ids)
    for year in years:
        ids |= user_scope(user, on=dt.date(year, 12, 31)).unit_ids
    return list(qs.filter(unit_id__in=ids)[:500])


def report_narratives(report: Report) -> dict[str, NarrativeRevision]:
    """The current (latest) revision of each section that has one."""
    latest = (
        NarrativeRevision.objects.filter(report=report)
        .values("section_key")
        .annotate(top=Max("number"))
    )
    wanted = {(r["section_key"], r["top"]) for r in latest}
    found: dict[str, NarrativeRevision] = {}
    for rev in NarrativeRevision.objects.filter(report=report).select_related("author"):
        if (rev.section_key, rev.number) in wanted:
            found[rev.section_key] = rev
    return found


def narrative_texts(report: Report) -> dict[str, str]:
    return {key: rev.html for key, rev in report_narratives(report).items()}


def narrative_history(report: Report, section_key: str) -> list[NarrativeRevision]:
    return list(
        NarrativeRevision.objects.filter(report=report, section_key=section_key)
        .select_related("author")
        .order_by("-number")
    )


def frozen_list(report: Report) -> list[FrozenVersion]:
    """The versions without their file bytes (those are read one at a time)."""
    return list(
        FrozenVersion.objects.filter(report=report)
        .defer("docx", "pdf", "snapshot")
        .select_related("frozen_by")
        .order_by("-number")
    )


def frozen_get(report: Report, number: int | str) -> FrozenVersion:
    version = None
    if str(number).isdigit():
        version = FrozenVersion.objects.filter(report=report, number=int(number)).first()
    if version is None:
        raise NotFound(m.VERSION_UNKNOWN, field="number", number=number)
    return version


@dataclass(frozen=True)
class FrozenFile:
    content: bytes
    filename: str
    content_type: str


def frozen_file(report: Report, number: int | str, kind: str) -> FrozenFile:
    """A frozen version's DOCX or PDF, named ``bao-cao-2023-v1.docx``."""
    version = frozen_get(report, number)
    name = f"bao-cao-{report.year}-v{version.number}"
    if kind == "docx":
        return FrozenFile(bytes(version.docx), f"{name}.docx", DOCX_TYPE)
    if kind == "pdf" and version.pdf is not None:
        return FrozenFile(bytes(version.pdf), f"{name}.pdf", PDF_TYPE)
    if kind == "pdf":
        raise NotFound(
            m.PDF_NOT_STORED, field="kind", number=number, reason=version.pdf_missing_reason
        )
    raise NotFound(m.VERSION_UNKNOWN, field="kind", number=f"{number}.{kind}")
