"""Document → DOCX (python-docx): the editable master."""

from __future__ import annotations

import io

import docx

from bienche.reports.content import Document
from bienche.reports.render.docx_base import setup_styles
from bienche.reports.render.docx_body import BodyWriter
from bienche.reports.render.docx_letterhead import (
    add_closing,
    add_letterhead,
    add_title,
    setup_page,
)
from bienche.reports.render.formats import format_spec
from bienche.reports.render.text import SourceIndex, xml_safe


def render_docx(doc: Document) -> bytes:
    """The report as DOCX bytes, in the format its letterhead names (Decree 30 or HD36)."""
    spec = format_spec(doc.letterhead.format)
    out = docx.Document()
    core = out.core_properties
    core.title = xml_safe(f"{doc.letterhead.doc_type} {doc.letterhead.summary}")
    core.author = xml_safe(doc.letterhead.issuing_body)
    core.created = doc.generated_at
    setup_styles(out, spec)
    setup_page(out, spec, doc.draft_mark)
    add_letterhead(out, doc.letterhead, spec)
    add_title(out, doc.letterhead, spec)
    writer = BodyWriter(out, spec, SourceIndex(doc))
    for number, section in enumerate(doc.sections, start=1):
        writer.section(section, 1, number)
    add_closing(out, doc.letterhead, spec)
    writer.appendix()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
