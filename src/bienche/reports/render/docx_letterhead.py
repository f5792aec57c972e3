"""The DOCX page setup, letterhead, title block and closing blocks (recipients, signature)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import _Cell

from bienche.reports.content import Letterhead
from bienche.reports.render.docx_base import (
    add_field,
    add_rule,
    add_run,
    plain,
    set_widths,
    text_width_pt,
)
from bienche.reports.render.formats import PAGE_HEIGHT_MM, PAGE_WIDTH_MM, FormatSpec
from bienche.reports.render.text import number_line, place_and_date, recipient_lines

MM_TO_PT = 72 / 25.4
#: Share of the writing width taken by the letterhead's left column (issuing body).
LEFT_COLUMN_SHARE = 0.45
SIGNATURE_GAP_LINES = 4


def writing_width_pt(spec: FormatSpec) -> float:
    return (PAGE_WIDTH_MM - spec.margin_left - spec.margin_right) * MM_TO_PT


def setup_page(doc: DocxDocument, spec: FormatSpec, draft_mark: str) -> None:
    """A4 portrait, the format's margins; page number centred at the top from page 2."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(spec.margin_top)
    section.bottom_margin = Mm(spec.margin_bottom)
    section.left_margin = Mm(spec.margin_left)
    section.right_margin = Mm(spec.margin_right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    number = plain(section.header.paragraphs[0])
    add_field(number, "PAGE", "2", spec.page_number_size)
    plain(section.first_page_header.paragraphs[0])
    for footer in (section.footer, section.first_page_footer):
        paragraph = plain(footer.paragraphs[0])
        if draft_mark:
            add_run(paragraph, draft_mark, size=12, bold=True)


def _left_column(cell: _Cell, head: Letterhead, spec: FormatSpec, width: float) -> None:
    first = plain(cell.paragraphs[0])
    add_run(first, head.parent_body.upper(), size=spec.parent_size, bold=spec.parent_bold)
    issuing = plain(cell.add_paragraph())
    add_run(issuing, head.issuing_body.upper(), size=spec.issuing_size, bold=True)
    if spec.issuing_mark:
        add_run(plain(cell.add_paragraph()), spec.issuing_mark, size=spec.issuing_size)
    else:
        name = text_width_pt(head.issuing_body.upper(), spec.issuing_size, True)
        add_rule(cell, width_pt=min(name, width) * 0.4, cell_width_pt=width)


def _right_column(cell: _Cell, spec: FormatSpec, width: float) -> None:
    title = plain(cell.paragraphs[0])
    add_run(title, spec.national_title, size=spec.national_title_size, bold=True)
    last_line, last_size = spec.national_title, spec.national_title_size
    if spec.motto:
        motto = plain(cell.add_paragraph())
        add_run(motto, spec.motto, size=spec.motto_size, bold=True)
        last_line, last_size = spec.motto, spec.motto_size
    line = text_width_pt(last_line, last_size, True)
    add_rule(cell, width_pt=min(line, width), cell_width_pt=width)


def add_letterhead(doc: DocxDocument, head: Letterhead, spec: FormatSpec) -> None:
    """Two borderless columns: issuing body | national title; number | place and date."""
    total = writing_width_pt(spec)
    widths = [total * LEFT_COLUMN_SHARE, total * (1 - LEFT_COLUMN_SHARE)]
    table = doc.add_table(rows=2, cols=2)
    set_widths(table, widths)
    top, bottom = table.rows
    _left_column(top.cells[0], head, spec, widths[0])
    _right_column(top.cells[1], spec, widths[1])
    number = plain(bottom.cells[0].paragraphs[0])
    add_run(number, number_line(head, spec.number_prefix), size=spec.number_size)
    when = plain(bottom.cells[1].paragraphs[0])
    add_run(when, place_and_date(head), size=spec.place_date_size, italic=True)
    for cell in bottom.cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def add_title(doc: DocxDocument, head: Letterhead, spec: FormatSpec) -> None:
    kind = plain(doc.add_paragraph())
    kind.paragraph_format.space_before = Pt(18)
    add_run(kind, head.doc_type.upper(), size=spec.type_size, bold=True)
    summary = plain(doc.add_paragraph())
    add_run(summary, head.summary, size=spec.summary_size, bold=True)
    summary.paragraph_format.space_after = Pt(2)
    width = writing_width_pt(spec)
    rule = add_rule(doc, width_pt=width * 0.2, cell_width_pt=width)
    rule.paragraph_format.space_after = Pt(12)


def _recipients(cell: _Cell, head: Letterhead, spec: FormatSpec) -> None:
    title = plain(cell.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    add_run(title, spec.recipients_title, size=spec.recipients_title_size, bold=True, italic=True)
    for line in recipient_lines(head, spec.archive_entry):
        entry = plain(cell.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT)
        add_run(entry, line, size=spec.recipients_size)


def _signature(cell: _Cell, head: Letterhead, spec: FormatSpec) -> None:
    signature = head.signature
    lines = [signature.prefix.upper(), signature.title.upper()]
    first = True
    for text in (line for line in lines if line):
        paragraph = plain(cell.paragraphs[0] if first else cell.add_paragraph())
        add_run(paragraph, text, size=spec.signature_size, bold=True)
        first = False
    for _ in range(SIGNATURE_GAP_LINES):
        plain(cell.add_paragraph())
    name = plain(cell.add_paragraph())
    add_run(name, signature.name, size=spec.signature_size, bold=True)


def add_closing(doc: DocxDocument, head: Letterhead, spec: FormatSpec) -> None:
    """Recipients bottom-left, signature bottom-right, in one borderless row."""
    total = writing_width_pt(spec)
    table = doc.add_table(rows=1, cols=2)
    set_widths(table, [total * 0.5, total * 0.5])
    row = table.rows[0]
    row.cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
    _recipients(row.cells[0], head, spec)
    _signature(row.cells[1], head, spec)
