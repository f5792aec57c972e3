"""The live draft of a report: the annual report built from today's data with the officers'
current narratives and the report's letterhead overrides.

The section builder (``reports.annual.build_annual``) and the renderers (``reports.render``)
are reached through :func:`annual_builder` and :func:`renderers` so that this module only
depends on their published signatures.
"""

from __future__ import annotations

import dataclasses
import html
from types import ModuleType
from typing import Any

from bienche.core.clock import today
from bienche.reports.content import Document, Paragraph, RichText, Section
from bienche.reports.models import Report
from bienche.reports.sections import EDITABLE_KEYS

__all__ = ["DRAFT_MARK", "EDITABLE_KEYS", "draft_document", "report_document"]

DRAFT_MARK = "DỰ THẢO"


def annual_builder() -> Any:
    from bienche.reports.annual import build_annual

    return build_annual


def renderers() -> ModuleType:
    from bienche.reports import render

    return render


def report_document(
    report: Report, *, narratives: dict[str, str] | None = None, draft: bool = True
) -> Document:
    """Build the report now; raises the builder's ``ReportError`` (a ``ValueError``)."""
    doc = annual_builder()(
        report.year,
        report.unit.code if report.unit_id else None,
        fmt=report.format,
        narratives=narratives or None,
        today=today(),
    )
    doc.letterhead = _with_overrides(doc.letterhead, report)
    doc.draft_mark = DRAFT_MARK if draft else ""
    return doc


def _with_overrides(letterhead: Any, report: Report) -> Any:
    changes: dict[str, Any] = {}
    if report.number:
        changes["number"] = report.number
    if report.issued_on:
        changes["issued_on"] = report.issued_on
    sig = {"name": report.signer_name, "title": report.signer_title}
    sig = {k: v for k, v in sig.items() if v}
    if sig:
        changes["signature"] = dataclasses.replace(letterhead.signature, **sig)
    return dataclasses.replace(letterhead, **changes) if changes else letterhead


def iter_sections(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(iter_sections(section.subsections))
    return out


def editable_sections(doc: Document) -> list[Section]:
    return [s for s in iter_sections(doc.sections) if s.editable]


def section_html(section: Section) -> str:
    """The section's body as the simple HTML the editor takes (prefilled paragraphs escaped)."""
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, RichText):
            parts.append(block.html)
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.text, quote=False)}</p>")
    return "\n".join(parts)


def draft_document(report: Report) -> Document:
    """The live draft: today's figures with the officers' current narratives.

    The editor page and its preview frame both show it: it is built once per data version
    (every narrative save and letterhead change is an audited write, so it expires then),
    report version and day, not once per request."""
    from bienche.core.cache import cached_read
    from bienche.reports.selectors import narrative_texts

    key = f"report-draft:{report.pk}:{report.version}:{today().isoformat()}"
    return cached_read(key, lambda: report_document(report, narratives=narrative_texts(report)))


def snapshot_document(snapshot: dict[str, Any]) -> Document:
    """A frozen version's document, read back from its snapshot (no query runs)."""
    from bienche.reports.serialize import document_from_json

    return document_from_json(snapshot)
