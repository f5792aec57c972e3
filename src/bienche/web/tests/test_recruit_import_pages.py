"""The recruitment import pages: the empty templates, a refused file (problems listed by
row and column, nothing written) and a good one; the notice link once results are posted."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from bienche.org.services.access import membership_grant
from bienche.recruitment.imports import CANDIDATE_HEADERS, SCORE_HEADERS
from bienche.recruitment.models import Candidate, Score
from bienche.recruitment.tests.factories import department, exam
from bienche.recruitment.tests.test_imports import GOOD, book

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    department()
    exam()
    user = django_user_model.objects.create_user("s1", password="pw-recruit-2026")
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    c = Client()
    c.force_login(user)
    return c


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


def test_templates_download_with_vietnamese_headers(officer):
    for kind, headers in (("candidates", CANDIDATE_HEADERS), ("scores", SCORE_HEADERS)):
        resp = officer.get(f"/recruit/templates/{kind}.xlsx")
        assert resp.status_code == 200
        wb = load_workbook(io.BytesIO(b"".join(resp.streaming_content)))
        assert tuple(c.value for c in wb.worksheets[0][1]) == headers
    assert officer.get("/recruit/templates/other.xlsx").status_code == 404


def test_candidates_upload_refused_then_accepted(officer, tmp_path):
    url = "/recruit/T24/import/candidates/"
    assert officer.get(url).status_code == 200
    bad = book(
        tmp_path / "bad.xlsx", CANDIDATE_HEADERS, [GOOD[0], [*GOOD[1][:4], "?", *GOOD[1][5:]]]
    )
    resp = officer.post(url, {"file": upload(bad)})
    assert resp.status_code == 422
    html = resp.content.decode()
    assert 'data-testid="problems"' in html
    assert "<td>3</td><td>Giới tính</td>" in html
    assert not Candidate.objects.exists()
    resp = officer.post(
        url, {"file": upload(book(tmp_path / "good.xlsx", CANDIDATE_HEADERS, GOOD))}
    )
    assert resp.status_code == 302
    assert Candidate.objects.count() == 2


def test_scores_upload_for_a_round(officer, tmp_path):
    officer.post(
        "/recruit/T24/import/candidates/",
        {"file": upload(book(tmp_path / "c.xlsx", CANDIDATE_HEADERS, GOOD))},
    )
    scores = book(tmp_path / "s.xlsx", SCORE_HEADERS, [[1, "", 81, ""], [2, "", 49, ""]])
    resp = officer.post(
        "/recruit/T24/import/scores/", {"file": upload(scores), "round": 1, "on": "2024-10-05"}
    )
    assert resp.status_code == 302
    assert sorted(Score.objects.values_list("value", flat=True)) == [49, 81]
    round2 = book(tmp_path / "r2.xlsx", SCORE_HEADERS, [[2, "", 60, ""]])
    resp = officer.post(
        "/recruit/T24/import/scores/", {"file": upload(round2), "round": 2, "on": "2024-10-05"}
    )
    assert resp.status_code == 422
    assert "không được thi vòng 2" in resp.content.decode()
    assert Score.objects.count() == 2
