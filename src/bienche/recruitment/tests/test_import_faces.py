"""The imports through the API (multipart, 422 with the problems) and the CLI."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from bienche.cli import main
from bienche.core.tokens import api_token_create
from bienche.org.services.access import membership_grant
from bienche.recruitment.imports import CANDIDATE_HEADERS, SCORE_HEADERS
from bienche.recruitment.models import Candidate, Score
from bienche.recruitment.tests.factories import candidate, department, exam
from bienche.recruitment.tests.test_imports import GOOD, book

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(django_user_model):
    department()
    exam()
    user = django_user_model.objects.create_user("s1", password="pw-recruit-2026")
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    token = api_token_create(user=user, name="t", acting_user=None, scope="write")[1]
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_api_candidates_import_all_or_nothing(api, tmp_path):
    bad = book(
        tmp_path / "bad.xlsx", CANDIDATE_HEADERS, [GOOD[0], [*GOOD[1][:3], "hôm qua", *GOOD[1][4:]]]
    )
    with bad.open("rb") as fh:
        resp = api.post("/api/v1/recruit/exams/T24/candidates/import", {"file": fh})
    assert resp.status_code == 422
    body = resp.json()
    assert body["ok"] is False
    assert body["problems"][0]["row"] == 3
    assert body["problems"][0]["column"] == "Ngày sinh"
    assert not Candidate.objects.exists()
    good = book(tmp_path / "good.xlsx", CANDIDATE_HEADERS, GOOD)
    with good.open("rb") as fh:
        resp = api.post("/api/v1/recruit/exams/T24/candidates/import", {"file": fh})
    assert resp.status_code == 200, resp.content
    assert resp.json()["rows"] == 2
    resp = api.post("/api/v1/recruit/exams/T24/candidates/import", {})
    assert resp.status_code == 422
    assert resp.json()["code"] == "recruit_file_required"


def test_api_scores_import(api, tmp_path):
    candidate(1)
    path = book(tmp_path / "s.xlsx", SCORE_HEADERS, [[1, "", 75, ""]])
    with path.open("rb") as fh:
        resp = api.post("/api/v1/recruit/exams/T24/scores/import?round=1", {"file": fh})
    assert resp.status_code == 200, resp.content
    assert Score.objects.get().value == 75


def test_cli_imports(tmp_path, capsys):
    department()
    exam()
    path = book(tmp_path / "c.xlsx", CANDIDATE_HEADERS, GOOD)
    assert main(["recruit", "import-candidates", "--exam", "T24", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 2
    scores = book(tmp_path / "s.xlsx", SCORE_HEADERS, [[1, "", 80, ""], [2, "", 101, ""]])
    assert main(["recruit", "import-scores", "--exam", "T24", "--round", "1", str(scores)]) == 4
    err = capsys.readouterr().err
    assert "Dòng 3, cột «Điểm»" in err
    assert not Score.objects.exists()
    assert main(["recruit", "import-scores", "--exam", "NOPE", "--round", "1", str(scores)]) == 3
