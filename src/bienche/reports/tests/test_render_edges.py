"""Renderers on thin or unusual documents, and a guard on the cost of a long report."""

import io
import time
from dataclasses import replace
from datetime import date

import docx

from bienche.reports.content import Paragraph, Section, Signature, Table
from bienche.reports.render import charts, render_docx, render_html
from bienche.reports.tests.render_fixture import STAFF, long_document, sample_document


def open_docx(document):
    return docx.Document(io.BytesIO(render_docx(document)))


def test_document_without_sections_still_has_its_blocks():
    document = sample_document("state", draft_mark="")
    document.sections = []
    out = open_docx(document)
    assert out.tables[0].rows[1].cells[0].text == "Số: 125/BC-BCĐ"
    assert len(out.tables) == 2  # letterhead and closing, no appendix
    assert "Nơi nhận:" in render_html(document)


def test_empty_table_dates_quote_and_signature_without_prefix():
    document = sample_document("state")
    document.letterhead = replace(
        document.letterhead,
        signature=Signature("", "Giám đốc", "Lê Văn An"),
        recipients=("- Như trên;",),
    )
    dated = Table(
        "Biểu 2. Quyết định",
        ("Số", "Ngày"),
        (("12/QĐ-UBND", date(2024, 2, 3)),),
        STAFF,
    )
    empty = Table("Biểu 3. Không có dữ liệu", ("Đơn vị", "Số"), (), STAFF, total_row=True)
    document.sections = [
        Section(
            key="x",
            heading="Khác",
            blocks=[dated, empty, Paragraph("Trích dẫn.", style="quote")],
        )
    ]
    out = open_docx(document)
    assert [c.text for c in out.tables[1].rows[1].cells] == ["12/QĐ-UBND", "03/02/2024"]
    assert len(out.tables[2].rows) == 1  # the header only
    quote = next(p for p in out.paragraphs if p.text == "Trích dẫn.")
    assert quote.style.font.italic is True
    recipients, signature = out.tables[-2].rows[0].cells
    assert "- Như trên;" in [p.text for p in recipients.paragraphs]
    assert [p.text for p in signature.paragraphs if p.text] == ["GIÁM ĐỐC", "Lê Văn An"]
    assert len(out.tables[-1].rows) == 2  # appendix: one source, cited three times


def test_every_section_level_deeper_than_three_keeps_the_letter_style():
    deep = Section(key="d", heading="Mức bốn", blocks=[Paragraph("Nội dung.")])
    level3 = Section(key="c", heading="Mức ba", subsections=[deep])
    level2 = Section(key="b", heading="Mức hai", subsections=[level3])
    document = sample_document("state")
    document.sections = [Section(key="a", heading="Mức một", subsections=[level2])]
    headings = [p.text for p in open_docx(document).paragraphs if p.style.name.startswith("Head")]
    assert headings == ["I. MỨC MỘT", "1. Mức hai", "a) Mức ba", "a) Mức bốn"]


def test_long_report_cost():
    """About 38 pages, 18 tables, 36 charts: DOCX well under a second of CPU (about 0.3 s
    measured; the bound leaves room for slower machines)."""
    document = long_document(18)
    charts.clear_cache()
    start = time.process_time()
    out = render_docx(document)
    spent = time.process_time() - start
    assert len(docx.Document(io.BytesIO(out)).inline_shapes) == 36
    assert spent < 1.5, spent


def test_control_characters_and_line_breaks_from_pasted_text():
    """Text pasted from Word or Excel can hold a vertical tab (Word's line break) or stray
    control characters that XML forbids: the DOCX still opens, the break is kept."""
    document = sample_document("state")
    document.letterhead = replace(document.letterhead, summary="Về tinh giản\x01 biên chế")
    document.sections = [
        Section(
            key="x",
            heading="Mục\x00 một",
            blocks=[Paragraph("Dòng một\x0bdòng hai\x07."), Paragraph("A\r\nB")],
        )
    ]
    out = open_docx(document)
    texts = [p.text for p in out.paragraphs]
    assert "Về tinh giản biên chế" in texts
    assert "I. MỤC MỘT" in texts
    assert "Dòng một\ndòng hai." in texts  # python-docx reads <w:br/> as a newline
    assert "A\nB" in texts
    html = render_html(document)
    assert "Dòng một<br>dòng hai." in html
    assert "\x00" not in html
    assert "\x01" not in html
