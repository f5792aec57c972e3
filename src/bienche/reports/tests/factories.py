"""Report rows made directly (no builder run), for tests about access and files only."""

from __future__ import annotations

import io

import docx
import weasyprint

from bienche.core.clock import now
from bienche.org.models import Unit
from bienche.reports.models import FrozenVersion, Report


def docx_bytes(text: str) -> bytes:
    out = docx.Document()
    out.add_paragraph(text)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str) -> bytes:
    return weasyprint.HTML(string=f"<p>{text}</p>").write_pdf()


def report_with_version(unit_code: str | None, year: int = 2023) -> int:
    """A report of the unit with one frozen version (one-page DOCX and PDF); its id."""
    unit = Unit.objects.get(code=unit_code) if unit_code else None
    report = Report.objects.create(year=year, unit=unit, format="state", created_at=now())
    FrozenVersion.objects.create(
        report=report,
        number=1,
        frozen_at=now(),
        snapshot={},
        docx=docx_bytes(f"Báo cáo {year}"),
        pdf=pdf_bytes(f"Báo cáo {year}"),
    )
    return report.pk
