"""The result notice: a Decree 30 document listing every winner; DOCX opened with
python-docx (web download and CLI)."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from docx import Document as Docx

from bienche.cli import main
from bienche.org.services.access import membership_grant
from bienche.recruitment.models import Exam
from bienche.recruitment.notices import result_notice
from bienche.recruitment.services.results import candidate_decline, exam_results_post
from bienche.recruitment.tests.factories import RESULTS_DAY, candidate, department, exam, sat
from bienche.reports.render import render_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted():
    department()
    code = exam(seats=2)
    a, b, c = candidate(1, priority="ethnic_minority"), candidate(2), candidate(3)
    sat(code, a, 70)
    sat(code, b, 80)
    sat(code, c, 45)  # below the pass mark
    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    return Exam.objects.get(code=code)


def text_of(data: bytes) -> str:
    doc = Docx(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def test_notice_content_lists_the_winners_with_totals_and_priority(posted):
    doc = result_notice(posted, number="15/TB-HĐTD", signer="Nguyễn Văn C")
    lh = doc.letterhead
    assert (lh.format, lh.number, lh.doc_type) == ("state", "15/TB-HĐTD", "THÔNG BÁO")
    assert lh.issuing_body.startswith("HỘI ĐỒNG TUYỂN DỤNG")
    table = doc.sections[0].blocks[1]
    rows = {r[2]: r for r in table.rows}
    assert set(rows) == {"Thí sinh 1", "Thí sinh 2"}  # candidate 3 failed
    assert rows["Thí sinh 1"][6:8] == (5, 75.0)  # 5 priority points on 70
    assert rows["Thí sinh 2"][7] == 80.0
    assert "hoàn thiện hồ sơ" in doc.sections[1].blocks[0].text


def test_notice_docx_has_header_number_and_every_winner(posted):
    text = text_of(render_docx(result_notice(posted)))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "HỘI ĐỒNG TUYỂN DỤNG" in text
    assert "T24/TB-HĐTD" in text
    assert "Thí sinh 1" in text
    assert "Thí sinh 2" in text
    assert "Thí sinh 3" not in text


def test_supplementary_winner_is_flagged():
    department()
    code = exam(seats=1)
    a, b = candidate(1), candidate(2)
    sat(code, a, 90)
    sat(code, b, 70)
    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    candidate_decline(exam_code=code, number=a, on=RESULTS_DAY, acting_user=None)
    rows = result_notice(Exam.objects.get(code=code)).sections[0].blocks[1].rows
    assert [(r[2], r[8]) for r in rows] == [("Thí sinh 2", "Trúng tuyển bổ sung")]


def test_web_download_and_cli(posted, django_user_model, tmp_path, capsys):
    user = django_user_model.objects.create_user("v", password="pw-recruit-2026")
    membership_grant(user=user, role="viewer", unit_code="S1", acting_user=None)
    client = Client()
    client.force_login(user)
    resp = client.get("/recruit/T24/notice.docx")
    assert resp.status_code == 200
    assert "Thí sinh 2" in text_of(resp.content)
    out = tmp_path / "tb.docx"
    assert (
        main(["recruit", "notice", "--exam", "T24", "--out", str(out), "--number", "9/TB-HĐTD"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["files"] == [str(out)]
    text = text_of(out.read_bytes())
    assert "9/TB-HĐTD" in text
    assert "Thí sinh 1" in text


def test_cli_pdf_unavailable_still_writes_the_docx(posted, tmp_path, capsys, monkeypatch):
    import bienche.reports.render as render

    def unavailable(_doc):
        raise render.PdfUnavailable(render.PDF_UNAVAILABLE)

    monkeypatch.setattr(render, "render_pdf", unavailable)
    out = tmp_path / "tb.docx"
    assert main(["recruit", "notice", "--exam", "T24", "--out", str(out), "--pdf"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["files"] == [str(out)]
    assert captured.err.strip()
    assert out.exists()
    assert not out.with_suffix(".pdf").exists()
