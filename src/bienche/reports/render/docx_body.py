"""The DOCX body: numbered headings, paragraphs with source markers, narrative, tables,
charts and the sources appendix (paragraphs and tables written as XML, `docx_xml.py`)."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Mm

from bienche.reports.content import Chart, Paragraph, RichText, Section, Source, Table
from bienche.reports.render.charts import chart_png
from bienche.reports.render.docx_base import (
    BODY_STYLE,
    CAPTION_STYLE,
    HEADING_STYLES,
    NOTE_STYLE,
    QUOTE_STYLE,
    TABLE_STYLE,
)
from bienche.reports.render.docx_letterhead import writing_width_pt
from bienche.reports.render.docx_xml import (
    CellSpec,
    RunSpec,
    paragraph_xml,
    parse_block,
    table_xml,
)
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

ALL_STYLES = (BODY_STYLE, NOTE_STYLE, QUOTE_STYLE, TABLE_STYLE, CAPTION_STYLE, *HEADING_STYLES)
PARAGRAPH_STYLES = {"body": BODY_STYLE, "note": NOTE_STYLE, "quote": QUOTE_STYLE}
CHART_WIDTH_MM = 150
LIST_INDENT_DXA = 567  # 1 cm per nesting level of the narrative's lists
#: Column widths follow the longest text in each column, within these bounds (characters).
MIN_COLUMN_CHARS, MAX_COLUMN_CHARS = 5, 40


def column_widths(total_pt: float, columns: list[list[str]]) -> list[float]:
    weights = [
        min(max(max((len(t) for t in texts), default=0), MIN_COLUMN_CHARS), MAX_COLUMN_CHARS)
        for texts in columns
    ]
    return [total_pt * w / sum(weights) for w in weights]


class BodyWriter:
    def __init__(self, doc: DocxDocument, spec: FormatSpec, index: SourceIndex) -> None:
        self.doc = doc
        self.spec = spec
        self.index = index
        # python-docx looks a style name up by scanning styles.xml; do it once per style.
        self.style_ids = {name: doc.styles[name].style_id for name in ALL_STYLES}
        self.grid_id = doc.styles["Table Grid"].style_id
        self._end = doc.element.body.sectPr
        self._shape_id = 1000

    def _append(self, xml: str) -> None:
        self._end.addprevious(parse_block(xml))

    def _paragraph(self, style: str, runs: list[RunSpec], **options) -> None:
        self._append(paragraph_xml(self.style_ids[style], runs, **options))

    def _marker(self, sources: tuple[Source, ...] | list[Source]) -> list[RunSpec]:
        text = self.index.marker(sources)
        return [RunSpec(text, superscript=True)] if text else []

    def section(self, section: Section, level: int, number: int) -> None:
        style = HEADING_STYLES[min(level, len(HEADING_STYLES)) - 1]
        title = section.heading.upper() if level == 1 else section.heading
        self._paragraph(style, [RunSpec(f"{heading_number(level, number)} {title}")])
        for block in section.blocks:
            self.block(block)
        for sub_number, sub in enumerate(section.subsections, start=1):
            self.section(sub, level + 1, sub_number)

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            runs = [RunSpec(block.text), *self._marker(block.sources)]
            self._paragraph(PARAGRAPH_STYLES.get(block.style, BODY_STYLE), runs)
        elif isinstance(block, RichText):
            self.rich(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)

    def rich(self, block: RichText) -> None:
        for item in rich_paragraphs(block.html):
            runs = [RunSpec(item.bullet)] if item.bullet else []
            runs.extend(
                RunSpec(r.text, r.bold, r.italic, r.underline, line_break=r.line_break)
                for r in item.runs
            )
            indent = LIST_INDENT_DXA * item.depth if item.depth else None
            self._paragraph(BODY_STYLE, runs, left_indent_dxa=indent)

    def caption(self, title: str, source: Source) -> None:
        self._paragraph(CAPTION_STYLE, [RunSpec(title), *self._marker([source])])

    def _grid(self, header: list[CellSpec], rows: list[list[CellSpec]], widths) -> None:
        self._append(
            table_xml(
                table_style_id=self.grid_id,
                cell_style_id=self.style_ids[TABLE_STYLE],
                widths_pt=widths,
                header=header,
                rows=rows,
            )
        )

    def table(self, block: Table) -> None:
        self.caption(block.title, block.source)
        header = [CellSpec(c, "center", bold=True) for c in block.columns]
        last = len(block.rows) - 1
        rows = [
            [
                CellSpec(
                    format_cell(value, percent=col in block.percent_columns),
                    "right" if is_numeric(value) else "left",
                    bold=block.total_row and number == last,
                )
                for col, value in enumerate(values)
            ]
            for number, values in enumerate(block.rows)
        ]
        texts = [[c.text for c in column] for column in zip(header, *rows, strict=True)]
        self._grid(header, rows, column_widths(writing_width_pt(self.spec), texts))
        self._paragraph(NOTE_STYLE, [])  # the space after a table

    def chart(self, block: Chart) -> None:
        """The PNG as an inline picture, with shape ids counted here (python-docx would
        scan the whole document for the next free id on every picture)."""
        self.caption(block.title, block.source)
        rid, image = self.doc.part.get_or_add_image(io.BytesIO(chart_png(block)))
        width = Mm(CHART_WIDTH_MM)
        height = Emu(int(width * image.px_height / image.px_width))
        self._shape_id += 1
        inline = CT_Inline.new_pic_inline(self._shape_id, rid, image.filename, width, height)
        self._paragraph(CAPTION_STYLE, [RunSpec(" ")], keep_with_next=False)
        run = self._end.getprevious().r_lst[0]
        run.remove(run.t_lst[0])
        run.add_drawing(inline)

    def appendix(self) -> None:
        rows = self.index.rows()
        if not rows:
            return
        title = RunSpec(APPENDIX_TITLE.upper(), bold=True)
        self._paragraph(CAPTION_STYLE, [title], page_break_before=True)
        total = writing_width_pt(self.spec)
        header = [CellSpec(c, "center", bold=True) for c in APPENDIX_COLUMNS]
        cells = [
            [CellSpec(n, "center"), CellSpec(label), CellSpec(note)] for n, label, note in rows
        ]
        self._grid(header, cells, [total * 0.08, total * 0.62, total * 0.30])
