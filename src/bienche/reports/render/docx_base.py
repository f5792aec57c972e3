"""Low-level python-docx helpers: styles, runs, rules, borders, fields and widths."""

from __future__ import annotations

from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from PIL import ImageFont

from bienche.reports.render.charts import font_path
from bienche.reports.render.formats import FONT_NAME, FormatSpec
from bienche.reports.render.text import xml_safe

BLACK = RGBColor(0, 0, 0)
LANGUAGE = "vi-VN"
BODY_STYLE = "Bienche Body"
NOTE_STYLE = "Bienche Note"
QUOTE_STYLE = "Bienche Quote"
TABLE_STYLE = "Bienche Table Text"
CAPTION_STYLE = "Bienche Caption"
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")
_PBDR_SUCCESSORS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc")


def set_font(target, *, size: float | None = None, bold=None, italic=None) -> None:
    """Times New Roman for every script slot (Vietnamese needs cs/eastAsia too), black."""
    font = target.font
    font.name = FONT_NAME
    font.color.rgb = BLACK
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT_NAME)


def _paragraph_style(doc: DocxDocument, name: str, spec: FormatSpec, **options):
    styles = doc.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    set_font(style, size=options.get("size", spec.body_size), bold=options.get("bold", False))
    style.font.italic = options.get("italic", False)
    fmt = style.paragraph_format
    fmt.alignment = options.get("align", WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt.first_line_indent = options.get("indent", Cm(spec.first_line_indent_cm))
    fmt.left_indent = options.get("left", None)
    fmt.space_before = Pt(options.get("before", 0))
    fmt.space_after = Pt(options.get("after", spec.paragraph_spacing_pt))
    fmt.line_spacing = options.get("line", spec.line_spacing)
    fmt.keep_with_next = options.get("keep", None)
    return style


def _vietnamese(style) -> None:
    """Mark the text as Vietnamese, so Word proofs it with the Vietnamese dictionary."""
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def setup_styles(doc: DocxDocument, spec: FormatSpec) -> None:
    normal = doc.styles["Normal"]
    set_font(normal, size=spec.body_size, bold=False, italic=False)
    _vietnamese(normal)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _paragraph_style(doc, BODY_STYLE, spec)
    _paragraph_style(doc, NOTE_STYLE, spec, size=spec.body_size - 2, italic=True)
    _paragraph_style(doc, QUOTE_STYLE, spec, italic=True, left=Cm(1))
    _paragraph_style(
        doc,
        TABLE_STYLE,
        spec,
        size=12,
        indent=Cm(0),
        after=0,
        line=1.0,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _paragraph_style(
        doc,
        CAPTION_STYLE,
        spec,
        bold=True,
        indent=Cm(0),
        before=6,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        keep=True,
    )
    for level, name in enumerate(HEADING_STYLES, start=1):
        _paragraph_style(doc, name, spec, bold=True, italic=level == 3, before=6, keep=True)
    for name in ("Header", "Footer"):
        set_font(doc.styles[name], size=spec.page_number_size)


def add_run(paragraph: DocxParagraph, text: str, **font) -> Run:
    run = paragraph.add_run(xml_safe(text))
    set_font(run, **font)
    return run


def plain(paragraph: DocxParagraph, align=WD_ALIGN_PARAGRAPH.CENTER) -> DocxParagraph:
    """A paragraph for the letterhead: no indent, no spacing, single line."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    return paragraph


@lru_cache(maxsize=32)
def text_width_pt(text: str, size: float, bold: bool) -> float:
    """Printed width of `text`, measured with the metric-compatible Liberation Serif."""
    path = font_path(bold)
    if not path:
        return len(text) * size * 0.5
    return ImageFont.truetype(path, 100).getlength(text) * size / 100


def add_rule(container, *, width_pt: float, cell_width_pt: float) -> DocxParagraph:
    """A centred rule `width_pt` long (in a cell or the body): an empty, bordered paragraph."""
    paragraph = plain(container.add_paragraph())
    side = max((cell_width_pt - width_pt) / 2, 0)
    paragraph.paragraph_format.left_indent = Pt(side)
    paragraph.paragraph_format.right_indent = Pt(side)
    set_font(paragraph.add_run(""), size=4)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.insert_element_before(borders, *_PBDR_SUCCESSORS)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "8")
    mark.append(size)
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return paragraph


def add_field(paragraph: DocxParagraph, instruction: str, placeholder: str, size: float) -> None:
    """A Word field (e.g. PAGE) computed when the document is opened or printed."""
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    for element in (begin, code, separate):
        run = paragraph.add_run()
        set_font(run, size=size)
        run._r.append(element)
    add_run(paragraph, placeholder, size=size)
    run = paragraph.add_run()
    run._r.append(end)


def set_widths(table: DocxTable, widths_pt: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.gridCol_lst, widths_pt, strict=False):
        col.w = Pt(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_pt, strict=False):
            cell.width = Pt(width)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def keep_row_together(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
