"""WordprocessingML for the report body, written as text and parsed once per block.

python-docx builds a document one element at a time through its object layer (about
0.1 ms per element); a 40-page report has tens of thousands of them. The body's
paragraphs and tables are plain WordprocessingML, so they are written here as strings
(every text escaped) and parsed with lxml in one call per block. Element order follows
the schema (ECMA-376 Part 1, §17.3.1 pPr, §17.3.2 rPr, §17.4 tables).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

from bienche.reports.render.text import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DXA_PER_PT = 20  # twentieths of a point


@dataclass(frozen=True)
class RunSpec:
    text: str = ""
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    line_break: bool = False


def _rpr(run: RunSpec) -> str:
    parts = []
    if run.bold:
        parts.append("<w:b/>")
    if run.italic:
        parts.append("<w:i/>")
    if run.underline:
        parts.append('<w:u w:val="single"/>')
    if run.superscript:
        parts.append('<w:vertAlign w:val="superscript"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run_xml(run: RunSpec) -> str:
    if run.line_break:
        return "<w:r><w:br/></w:r>"
    lines = xml_safe(run.text).replace("\r\n", "\n").split("\n")
    text = '</w:t><w:br/><w:t xml:space="preserve">'.join(escape(line) for line in lines)
    return f'<w:r>{_rpr(run)}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph_xml(
    style_id: str,
    runs: Iterable[RunSpec],
    *,
    align: str | None = None,
    left_indent_dxa: int | None = None,
    page_break_before: bool = False,
    keep_with_next: bool | None = None,
) -> str:
    ppr = [f'<w:pStyle w:val="{escape(style_id)}"/>']
    if keep_with_next is not None:
        ppr.append("<w:keepNext/>" if keep_with_next else '<w:keepNext w:val="0"/>')
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if left_indent_dxa is not None:
        ppr.append(f'<w:ind w:left="{left_indent_dxa}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    body = "".join(run_xml(run) for run in runs if run.text or run.line_break)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


@dataclass(frozen=True)
class CellSpec:
    text: str
    align: str = "left"  # "left", "center", "right" (w:jc values; "both" = justified)
    bold: bool = False


def table_xml(
    *,
    table_style_id: str,
    cell_style_id: str,
    widths_pt: list[float],
    header: list[CellSpec],
    rows: list[list[CellSpec]],
) -> str:
    """A bordered table (the style's grid), header row repeated on each page, rows unsplit."""
    widths = [round(w * DXA_PER_PT) for w in widths_pt]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(cells: list[CellSpec], trpr: str) -> str:
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
            + paragraph_xml(cell_style_id, [RunSpec(c.text, bold=c.bold)], align=c.align)
            + "</w:tc>"
            for c, w in zip(cells, widths, strict=True)
        )
        return f"<w:tr><w:trPr>{trpr}</w:trPr>{tcs}</w:tr>"

    body = [row(header, '<w:cantSplit/><w:tblHeader w:val="true"/>')]
    body.extend(row(cells, "<w:cantSplit/>") for cells in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(table_style_id)}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"
    )


def parse_block(xml: str):
    """Parse one `<w:p>` or `<w:tbl>` written without the namespace declaration."""
    head, _, rest = xml.partition(">")
    return parse_xml(f'{head} xmlns:w="{W_NS}">{rest}')
