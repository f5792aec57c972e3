"""The report pages: create with clear errors, edit a narrative with history and conflicts,
regenerate, freeze with confirmation, download the files; scope and roles enforced."""

import io

import docx
import pytest
from django.test import Client

from bienche.reports.models import FrozenVersion, NarrativeRevision, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def clients(users):
    out = {}
    for name, user in users.items():
        out[name] = Client()
        out[name].force_login(user)
    return out


def _create(client, **kw):
    data = {"year": 2023, "unit_code": "D1", "format": "state"} | kw
    return client.post("/reports/", data)


def test_create_shows_the_builders_message(clients):
    resp = _create(clients["admin"], year=2019)
    assert resp.status_code == 400
    assert "Năm 2019 không có số liệu" in resp.content.decode()
    resp = _create(clients["admin"], unit_code="ZZ9")
    assert "Không có đơn vị mã «ZZ9»" in resp.content.decode()
    assert not Report.objects.exists()
    resp = _create(clients["admin"])
    report = Report.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == f"/reports/{report.pk}/"
    assert _create(clients["officer"]).status_code == 403
    assert Report.objects.count() == 1


def test_editor_preview_history_and_conflict(clients):
    _create(clients["admin"])
    report = Report.objects.get()
    page = clients["officer"].get(f"/reports/{report.pk}/").content.decode()
    assert f'src="/reports/{report.pk}/preview/"' in page
    assert "narrative-form-limitations" not in page  # readers see, do not edit
    page = clients["admin"].get(f"/reports/{report.pk}/").content.decode()
    # the prefilled paragraph (from the overdue task of D1) as HTML in the textarea
    assert "&lt;p&gt;Còn 1 nhiệm vụ chưa hoàn thành quá hạn tại ngày 31/12/2023" in page
    url = f"/reports/{report.pk}/narratives/limitations/"
    form = {"limitations-html": "<p>Bản một</p>", "limitations-expected_revision": 0}
    assert clients["admin"].post(url, form).status_code == 302
    stale = {"limitations-html": "<p>Bản của tôi</p>", "limitations-expected_revision": 0}
    resp = clients["admin"].post(url, stale)
    assert resp.status_code == 409
    body = resp.content.decode()
    assert 'data-testid="conflict-text"><p>Bản một</p>' in body
    assert "&lt;p&gt;Bản của tôi&lt;/p&gt;" in body  # the officer's text is kept
    assert 'name="limitations-expected_revision" value="1"' in body
    assert NarrativeRevision.objects.count() == 1
    preview = clients["admin"].get(f"/reports/{report.pk}/preview/")
    assert "Bản một" in preview.content.decode()
    assert "'unsafe-inline'" in preview["Content-Security-Policy"]
    assert "script-src" not in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    history = clients["viewer"].get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="revision-limitations-1"' in history
    assert clients["officer"].post(url, form).status_code == 403
    assert clients["outsider"].get(f"/reports/{report.pk}/").status_code == 404


def test_freeze_needs_confirmation_and_downloads(clients):
    _create(clients["admin"])
    report = Report.objects.get()
    clients["admin"].post(
        f"/reports/{report.pk}/narratives/limitations/",
        {"limitations-html": "<p>Văn bản cán bộ</p>", "limitations-expected_revision": 0},
    )
    assert clients["admin"].post(f"/reports/{report.pk}/regenerate/").status_code == 302
    assert clients["admin"].post(f"/reports/{report.pk}/freeze/", {}).status_code == 400
    assert not FrozenVersion.objects.exists()
    resp = clients["admin"].post(f"/reports/{report.pk}/freeze/", {"confirm": "on"})
    assert resp.status_code == 302
    page = clients["viewer"].get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="download-pdf-1"' in page
    resp = clients["viewer"].get(f"/reports/{report.pk}/versions/1/docx/")
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="bao-cao-2023-v1.docx"' in resp["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(resp.content)).paragraphs)
    assert "Văn bản cán bộ" in text
    pdf = clients["viewer"].get(f"/reports/{report.pk}/versions/1/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="bao-cao-2023-v1.pdf"' in pdf["Content-Disposition"]
    assert pdf.content.startswith(b"%PDF")
    assert clients["viewer"].get(f"/reports/{report.pk}/versions/1/odt/").status_code == 404
    assert clients["outsider"].get(f"/reports/{report.pk}/versions/1/docx/").status_code == 404
    listing = clients["viewer"].get("/reports/").content.decode()
    assert f'data-testid="report-row-{report.pk}"' in listing
    assert f"report-row-{report.pk}" not in clients["outsider"].get("/reports/").content.decode()


def test_pdf_pages_are_shown_as_images(clients):
    _create(clients["admin"])
    report = Report.objects.get()
    clients["admin"].post(f"/reports/{report.pk}/freeze/", {"confirm": "on"})
    page = clients["viewer"].get(f"/reports/{report.pk}/").content.decode()
    assert 'data-testid="pdf-page-1"' in page
    png = clients["viewer"].get(f"/reports/{report.pk}/versions/1/pages/1.png")
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    assert clients["viewer"].get(f"/reports/{report.pk}/versions/1/pages/99.png").status_code == 404
    assert (
        clients["outsider"].get(f"/reports/{report.pk}/versions/1/pages/1.png").status_code == 404
    )
