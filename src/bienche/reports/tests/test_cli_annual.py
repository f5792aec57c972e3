"""`bienche report annual --year 2023 [--unit CODE] [--format …] --out FILE.docx [--pdf]`."""

from __future__ import annotations

import pytest
from docx import Document as open_docx

from bienche.cli import main
from bienche.reports.render import pdf
from bienche.reports.tests.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    build_world()


def _text(path) -> str:
    d = open_docx(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_docx_and_pdf(world, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)  # WeasyPrint: fast and installed
    out = tmp_path / "bc" / "report.docx"
    assert main(["report", "annual", "--year", "2023", "--out", str(out), "--pdf"]) == 0
    text = _text(out)
    assert "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ" in text
    assert "năm 2023 và nhiệm vụ trọng tâm năm 2024" in text
    assert "tổng biên chế được giao của Thành phố là 24, số có mặt 11 người" in text
    assert "TỒN TẠI, HẠN CHẾ" in text.upper()
    assert (tmp_path / "bc" / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "PDF:" in capsys.readouterr().out


def test_party_format_for_a_unit(world, tmp_path):
    out = tmp_path / "d1.docx"
    args = ["report", "annual", "--year", "2023", "--unit", "D1", "--format", "party"]
    assert main([*args, "--out", str(out)]) == 0
    text = _text(out)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "của Quận Một năm 2023" in text


def test_no_pdf_renderer_still_writes_the_docx(world, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    monkeypatch.setattr(pdf, "weasyprint_available", lambda: False)
    out = tmp_path / "report.docx"
    assert main(["report", "annual", "--year", "2023", "--out", str(out), "--pdf"]) == 0
    assert out.stat().st_size > 10_000
    assert not (tmp_path / "report.pdf").exists()
    assert pdf.PDF_UNAVAILABLE in capsys.readouterr().err


def test_a_year_without_data_is_refused(world, tmp_path, capsys):
    out = tmp_path / "report.docx"
    assert main(["report", "annual", "--year", "2019", "--out", str(out)]) == 4
    assert "sổ đăng ký tổ chức bắt đầu từ ngày 01/01/2020" in capsys.readouterr().err
    assert not out.exists()
