"""A stand-in builder and renderer with the published signatures of ``reports.annual`` and
``reports.render``, used until those land: the figure is the live number of units, so a
change of data shows in a rebuilt draft and not in a frozen snapshot."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import docx

from bienche.org.models import Unit
from bienche.reports.content import (
    Document,
    Letterhead,
    Paragraph,
    RichText,
    Section,
    Signature,
    Source,
    Table,
)


class ReportError(ValueError):
    pass


class PdfUnavailable(RuntimeError):
    pass


def build_annual(year, unit_code=None, *, fmt="state", narratives=None, today=None):
    if year < 2020:
        raise ReportError(f"Chưa có số liệu năm {year}.")
    if unit_code and not Unit.objects.filter(code=unit_code).exists():
        raise ReportError(f"Đơn vị {unit_code} không tồn tại trong năm {year}.")
    narratives = narratives or {}
    src = Source("bienche.org.selectors.unit_counts_as_of", dt.date(year, 12, 31))
    units = Table("Số đơn vị", ("Chỉ tiêu", "Số"), (("Đơn vị", Unit.objects.count()),), src)

    def editable(key, heading, prefill):
        body = [RichText(narratives[key])] if key in narratives else [Paragraph(prefill)]
        return Section(key, heading, body, editable=True)

    sections = [
        Section("apparatus", "I. Tổ chức bộ máy", [Paragraph("Bộ máy.", (src,)), units]),
        editable("limitations", "II. Hạn chế", "Còn nhiệm vụ quá hạn <b>3</b>."),
        editable("next_year_tasks", "III. Nhiệm vụ năm tới", "Hoàn thành mục tiêu."),
    ]
    lh = Letterhead(
        fmt,
        "UBND THÀNH PHỐ HÀ NỘI",
        "BAN CHỈ ĐẠO",
        "1/BC-BCĐ",
        "Hà Nội",
        dt.date(year + 1, 1, 15),
        "BÁO CÁO",
        f"Đánh giá năm {year}",
        ("Thường trực Thành ủy;",),
        Signature("T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn A"),
    )
    return Document(lh, sections, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


def _texts(doc):
    out = [doc.letterhead.number, doc.letterhead.signature.name, doc.draft_mark]
    for section in doc.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Table):
                out.extend(f"{r[0]}: {r[1]}" for r in block.rows)
            else:
                out.append(getattr(block, "text", getattr(block, "html", "")))
    return out


def render_docx(doc):
    out = docx.Document()
    for text in _texts(doc):
        out.add_paragraph(text)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def render_html(doc):
    return "<html><body>" + "".join(f"<p>{t}</p>" for t in _texts(doc)) + "</body></html>"


def render_pdf(doc):
    raise PdfUnavailable("Chưa cài trình tạo PDF (LibreOffice hoặc WeasyPrint).")


render = SimpleNamespace(
    render_docx=render_docx,
    render_html=render_html,
    render_pdf=render_pdf,
    PdfUnavailable=PdfUnavailable,
    pdf_renderer=lambda: None,
)
