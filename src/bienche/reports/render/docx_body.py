"""The DOCX body: numbered headings, paragraphs with source markers, narrative, tables,
charts and the sources appendix."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from bienche.reports.content import Chart, Paragraph, RichText, Section, Table
from bienche.reports.render.charts import chart_png
from bienche.reports.render.docx_base import (
    BODY_STYLE,
    CAPTION_STYLE,
    HEADING_STYLES,
    NOTE_STYLE,
    QUOTE_STYLE,
    TABLE_STYLE,
    keep_row_together,
    repeat_header,
    set_font,
    set_widths,
)
from bienche.reports.render.docx_letterhead import writing_width_pt
from bienche.reports.render.formats import FormatSpec
from bienche.reports.render.richtext import rich_paragraphs
from bienche.reports.render.text import (
    APPENDIX_COLUMNS,
    APPENDIX_TITLE,
    SourceIndex,
    format_cell,
    heading_number,
    is_numeric,
)

PARAGRAPH_STYLES = {"body": BODY_STYLE, "note": NOTE_STYLE, "quote": QUOTE_STYLE}
CHART_WIDTH_MM = 150


class BodyWriter:
    def __init__(self, doc: DocxDocument, spec: FormatSpec, index: SourceIndex) -> None:
        self.doc = doc
        self.spec = spec
        self.index = index

    def marker(self, paragraph: DocxParagraph, sources) -> None:
        text = self.index.marker(sources)
        if text:
            paragraph.add_run(text).font.superscript = True

    def section(self, section: Section, level: int, number: int) -> None:
        style = HEADING_STYLES[min(level, len(HEADING_STYLES)) - 1]
        title = section.heading.upper() if level == 1 else section.heading
        self.doc.add_paragraph(f"{heading_number(level, number)} {title}", style=style)
        for block in section.blocks:
            self.block(block)
        for sub_number, sub in enumerate(section.subsections, start=1):
            self.section(sub, level + 1, sub_number)

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            paragraph = self.doc.add_paragraph(block.text, style=PARAGRAPH_STYLES[block.style])
            self.marker(paragraph, block.sources)
        elif isinstance(block, RichText):
            self.rich(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)

    def rich(self, block: RichText) -> None:
        for item in rich_paragraphs(block.html):
            paragraph = self.doc.add_paragraph(style=BODY_STYLE)
            if item.bullet:
                paragraph.add_run(item.bullet)
            if item.depth:
                paragraph.paragraph_format.left_indent = Cm(item.depth)
            for run in item.runs:
                if run.line_break:
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                    continue
                out = paragraph.add_run(run.text)
                out.bold, out.italic = run.bold or None, run.italic or None
                out.underline = run.underline or None

    def caption(self, title: str, source) -> None:
        paragraph = self.doc.add_paragraph(title, style=CAPTION_STYLE)
        self.marker(paragraph, [source])

    def table(self, block: Table) -> None:
        self.caption(block.title, block.source)
        rows = [[format_cell(c) for c in block.columns]]
        grid = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        grid.style = self.doc.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = grid.rows[0]
        repeat_header(header)
        for cell, text in zip(header.cells, rows[0], strict=True):
            self._cell(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        last = len(block.rows) - 1
        for number, (row, values) in enumerate(zip(grid.rows[1:], block.rows, strict=True)):
            keep_row_together(row)
            bold = block.total_row and number == last
            for col, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                text = format_cell(value, percent=col in block.percent_columns)
                align = WD_ALIGN_PARAGRAPH.RIGHT if is_numeric(value) else WD_ALIGN_PARAGRAPH.LEFT
                self._cell(cell, text, bold=bold, align=align)
        self.doc.add_paragraph(style=NOTE_STYLE).paragraph_format.space_after = Pt(0)

    @staticmethod
    def _cell(cell, text: str, *, bold: bool, align) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = TABLE_STYLE
        paragraph.paragraph_format.alignment = align
        run = paragraph.add_run(text)
        if bold:
            run.bold = True

    def chart(self, block: Chart) -> None:
        self.caption(block.title, block.source)
        paragraph = self.doc.add_paragraph(style=CAPTION_STYLE)
        paragraph.paragraph_format.keep_with_next = False
        paragraph.add_run().add_picture(io.BytesIO(chart_png(block)), width=Mm(CHART_WIDTH_MM))

    def appendix(self) -> None:
        rows = self.index.rows()
        if not rows:
            return
        title = self.doc.add_paragraph(style=CAPTION_STYLE)
        title.paragraph_format.page_break_before = True
        set_font(title.add_run(APPENDIX_TITLE.upper()), size=self.spec.body_size, bold=True)
        grid = self.doc.add_table(rows=1 + len(rows), cols=3)
        grid.style = self.doc.styles["Table Grid"]
        total = writing_width_pt(self.spec)
        set_widths(grid, [total * 0.08, total * 0.62, total * 0.30])
        repeat_header(grid.rows[0])
        for cell, text in zip(grid.rows[0].cells, APPENDIX_COLUMNS, strict=True):
            self._cell(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for row, values in zip(grid.rows[1:], rows, strict=True):
            aligns = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.LEFT)
            for cell, text, align in zip(row.cells, values, aligns, strict=True):
                self._cell(cell, text, bold=False, align=align)
