"""render_docx: the DOCX is opened with python-docx and checked against the format rules."""

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from bienche.reports.render import render_docx
from bienche.reports.tests.render_fixture import sample_document

TOLERANCE = Mm(0.5)


@pytest.fixture(scope="module")
def state():
    return docx.Document(io.BytesIO(render_docx(sample_document("state"))))


@pytest.fixture(scope="module")
def party():
    return docx.Document(io.BytesIO(render_docx(sample_document("party", draft_mark=""))))


def runs_of(paragraph):
    return [run for run in paragraph.runs if run.text.strip()]


def only_run(paragraph):
    runs = runs_of(paragraph)
    assert len(runs) == 1, paragraph.text
    return runs[0]


def texts(cell):
    return [p.text for p in cell.paragraphs if p.text.strip()]


def find(cell, text):
    return next(p for p in cell.paragraphs if p.text == text)


@pytest.mark.parametrize("which", ["state", "party"])
def test_a4_portrait_with_the_format_margins(which, state, party):
    section = (state if which == "state" else party).sections[0]
    expected = {
        "page_width": Mm(210),
        "page_height": Mm(297),
        "top_margin": Mm(20),
        "bottom_margin": Mm(20),
        "left_margin": Mm(30),
        "right_margin": Mm(15),
    }
    for name, length in expected.items():
        assert abs(getattr(section, name) - length) <= TOLERANCE, name


def test_normal_font_is_times_new_roman_black(state):
    normal = state.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:cs")) == "Times New Roman"
    assert str(normal.font.color.rgb) == "000000"
    lang = normal.element.rPr.find(docx.oxml.ns.qn("w:lang"))
    assert lang.get(docx.oxml.ns.qn("w:val")) == "vi-VN"


def test_state_letterhead(state):
    head = state.tables[0]
    left, right = head.rows[0].cells
    assert texts(left) == ["UBND THÀNH PHỐ HÀ NỘI", "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ"]
    parent = only_run(find(left, "UBND THÀNH PHỐ HÀ NỘI"))
    assert (parent.font.size, bool(parent.font.bold)) == (Pt(13), False)
    issuing = only_run(find(left, "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ"))
    assert (issuing.font.size, issuing.font.bold, issuing.font.name) == (
        Pt(13),
        True,
        "Times New Roman",
    )
    assert texts(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    title = only_run(find(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    motto = only_run(find(right, "Độc lập - Tự do - Hạnh phúc"))
    assert (title.font.size, title.font.bold) == (Pt(13), True)
    assert (motto.font.size, motto.font.bold) == (Pt(14), True)
    # The rules under the issuing body and the motto are paragraph borders.
    for cell in (left, right):
        assert cell._tc.xpath(".//w:pBdr/w:top"), "rule missing"
    number, when = head.rows[1].cells
    assert texts(number) == ["Số: 125/BC-BCĐ"]
    assert only_run(number.paragraphs[0]).font.size == Pt(13)
    assert texts(when) == ["Hà Nội, ngày 05 tháng 01 năm 2024"]
    date_run = only_run(when.paragraphs[0])
    assert (date_run.font.italic, date_run.font.size) == (True, Pt(14))


def test_head_table_is_borderless(state):
    assert state.tables[0].style is None or "Grid" not in state.tables[0].style.name
    assert not state.tables[0]._tbl.xpath(".//w:tcBorders")


def test_party_letterhead(party):
    left, right = party.tables[0].rows[0].cells
    assert texts(left) == ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY", "*"]
    parent = only_run(left.paragraphs[0])
    assert (parent.font.size, bool(parent.font.bold)) == (Pt(14), False)
    assert only_run(find(left, "THÀNH ỦY")).font.bold is True
    assert texts(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    name = only_run(right.paragraphs[0])
    assert (name.font.size, name.font.bold) == (Pt(15), True)
    number, when = party.tables[0].rows[1].cells
    assert texts(number) == ["Số 24-CT/TU"]  # HD36: no colon
    assert texts(when) == ["Hà Nội, ngày 07 tháng 8 năm 2023"]
    kind = next(p for p in party.paragraphs if p.text == "CHỈ THỊ")
    assert only_run(kind).font.size == Pt(16)


def test_type_and_summary_centred_bold(state):
    paragraphs = state.paragraphs
    position = [p.text for p in paragraphs].index("BÁO CÁO")
    kind, summary = paragraphs[position], paragraphs[position + 1]
    assert summary.text.startswith("Đánh giá công tác tổ chức, biên chế năm 2023")
    for paragraph in (kind, summary):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        run = only_run(paragraph)
        assert (run.font.bold, run.font.size) == (True, Pt(14))


def test_headings_are_numbered_the_administrative_way(state):
    headings = [
        (p.style.name, p.text) for p in state.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "I. CÔNG TÁC QUẢN LÝ BIÊN CHẾ"),
        ("Heading 2", "1. Thực hiện nhiệm vụ"),
        ("Heading 3", "a) Quỹ lương"),
        ("Heading 3", "b) Ghi chú"),
        ("Heading 2", "2. Diễn biến"),
        ("Heading 1", "II. HẠN CHẾ, TỒN TẠI"),
    ]
    style = state.styles["Heading 1"]
    assert (style.font.bold, style.font.size, style.font.name) == (True, Pt(14), "Times New Roman")
    assert str(style.font.color.rgb) == "000000"


def test_body_paragraphs_justified_indented_with_source_markers(state):
    body = next(p for p in state.paragraphs if p.text.startswith("Tổng biên chế được giao"))
    assert body.text == "Tổng biên chế được giao năm 2023 là 1.279.897 người.[1]"
    assert body.runs[-1].font.superscript is True
    fmt = body.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent - Cm(1)) <= TOLERANCE
    assert fmt.space_after >= Pt(6)
    assert body.style.font.size == Pt(14)
    pay = next(p for p in state.paragraphs if p.text.startswith("Quỹ lương tăng"))
    assert pay.text.endswith("[1][3]")


def test_data_table_vietnamese_numbers_alignment_and_total(state):
    caption = next(p for p in state.paragraphs if p.text.startswith("Biểu 1."))
    assert caption.text == "Biểu 1. Biên chế được giao và có mặt[1]"
    table = state.tables[1]
    assert table.style.name == "Table Grid"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Đơn vị", "Được giao", "Có mặt", "Tỷ lệ"]
    assert rows[2] == ["Sở Tài chính", "1.234.567", "1.200.000", "97,2%"]
    assert rows[-1] == ["Tổng cộng", "1.279.897", "1.245.099", "97,3%"]
    header = table.rows[0].cells[1].paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert header.runs[0].bold is True
    number = table.rows[2].cells[1].paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert not number.runs[0].bold
    assert table.rows[2].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert all(c.paragraphs[0].runs[0].bold for c in table.rows[-1].cells)
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_recipients_and_signature(state):
    recipients, signature = state.tables[-2].rows[0].cells
    lines = texts(recipients)
    assert lines == [
        "Nơi nhận:",
        "- Thường trực Thành ủy;",
        "- Thường trực HĐND Thành phố;",
        "- Các sở, ban, ngành;",
        "- Lưu: VT.",
    ]
    title = only_run(recipients.paragraphs[0])
    assert (title.font.bold, title.font.italic, title.font.size) == (True, True, Pt(12))
    assert {only_run(find(recipients, line)).font.size for line in lines[1:]} == {Pt(11)}
    assert texts(signature) == ["T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn Hùng"]
    for line in texts(signature):
        run = only_run(find(signature, line))
        assert (run.font.bold, run.font.size) == (True, Pt(14))
    assert find(signature, "Nguyễn Văn Hùng").alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_party_signature_prefix(party):
    _, signature = party.tables[-2].rows[0].cells
    assert texts(signature) == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Thị Lan"]


def test_page_number_field_from_page_two(state):
    section = state.sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header.paragraphs[0]
    codes = header._p.xpath(".//w:instrText/text()")
    assert [c.strip() for c in codes] == ["PAGE"]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert header.runs[-2].font.size == Pt(13)
    assert not section.first_page_header._element.xpath(".//w:instrText")


def test_draft_mark_on_every_page(state, party):
    section = state.sections[0]
    assert section.footer.paragraphs[0].text == "DỰ THẢO"
    assert section.first_page_footer.paragraphs[0].text == "DỰ THẢO"
    assert party.sections[0].footer.paragraphs[0].text == ""


def test_charts_embedded_as_png(state):
    assert len(state.inline_shapes) == 2
    images = [p for p in state.part.package.parts if p.content_type == "image/png"]
    assert len(images) == 2
    assert all(image.blob.startswith(b"\x89PNG") for image in images)
    assert all(abs(shape.width - Mm(150)) <= TOLERANCE for shape in state.inline_shapes)


def test_sources_appendix_lists_every_source_once(state):
    document = sample_document("state")
    appendix = state.tables[-1]
    rows = [[c.text for c in row.cells] for row in appendix.rows]
    assert len(rows) - 1 == len(document.sources()) == 3
    assert rows[0][0] == "STT"
    assert rows[1] == [
        "1",
        "bienche.staffing.selectors.unit_summary(unit=HN, year=2023) tại ngày 31/12/2023",
        "Tổng biên chế được giao và có mặt",
    ]
    title = next(p for p in state.paragraphs if p.text == "PHỤ LỤC: NGUỒN SỐ LIỆU")
    assert title.paragraph_format.page_break_before is True


def test_rich_text_converted_to_runs_and_sanitized(state):
    xml = state.element.xml
    assert "alert" not in xml
    assert "javascript" not in xml
    paragraph = next(p for p in state.paragraphs if p.text.startswith("Còn chậm"))
    assert [r.text for r in paragraph.runs if r.bold] == ["chậm"]
    assert [r.text for r in paragraph.runs if r.italic] == ["một số"]
    texts_ = [p.text for p in state.paragraphs]
    assert "- Thiếu giáo viên" in texts_
    assert "1. Một" in texts_
    two = next(p for p in state.paragraphs if p.text.startswith("2. Hai"))
    assert two._p.xpath(".//w:br")


def test_no_sources_no_appendix():
    document = sample_document("state")
    document.sections = document.sections[1:]
    out = docx.Document(io.BytesIO(render_docx(document)))
    assert "PHỤ LỤC: NGUỒN SỐ LIỆU" not in [p.text for p in out.paragraphs]
    assert len(out.tables) == 2  # letterhead and closing
