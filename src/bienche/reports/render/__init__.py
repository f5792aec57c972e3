"""Renderers: a format-neutral `Document` → DOCX (editable master), HTML (preview), PDF.

The format rules (Decree 30/2020/NĐ-CP for state documents, Guidance 36-HD/VPTW for Party
documents) are data in `formats.py`; the renderers never run a query.
"""

from bienche.reports.render.docx_render import render_docx
from bienche.reports.render.html_render import render_html, report_css
from bienche.reports.render.pdf import (
    PDF_UNAVAILABLE,
    PdfFailed,
    PdfUnavailable,
    pdf_renderer,
    render_pdf,
)

__all__ = [
    "PDF_UNAVAILABLE",
    "PdfFailed",
    "PdfUnavailable",
    "pdf_renderer",
    "render_docx",
    "render_html",
    "render_pdf",
    "report_css",
]
