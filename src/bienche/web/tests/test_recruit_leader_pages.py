"""The leader selection on the officers' pages: the post's standards on the registration
form and in the XLSX import, the appointment decision (web form and API) onto the roster."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienche.org.services.access import membership_grant
from bienche.recruitment.imports import CANDIDATE_HEADERS
from bienche.recruitment.models import Candidate, Exam, LeadershipAppointment
from bienche.recruitment.services.results import exam_results_post
from bienche.recruitment.tests.factories import (
    RESULTS_DAY,
    department,
    leader_candidate,
    leader_exam,
    panel,
)
from bienche.recruitment.tests.test_imports import book
from bienche.staffing.models import Assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    department()
    leader_exam()
    user = django_user_model.objects.create_user("ld", password="pw-recruit-2026")
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    c = Client()
    c.force_login(user)
    return c


FORM = {
    "position_code": "TP",
    "personal_id": "000000000071",
    "full_name": "Ứng viên Bảy Mốt",
    "birth_date": "1985-03-01",
    "sex": "M",
    "education": "university",
    "rank_code": "01.003",
    "years_in_field": "4",
    "political_theory": "trung_cap",
    "state_management": "chuyen_vien",
}


def test_registration_shows_the_standards_and_refuses_the_one_not_met(officer):
    html = officer.get("/recruit/LD/candidates/new/").content.decode()
    assert 'data-testid="standard-truong_phong"' in html
    assert 'name="years_in_field"' in html
    assert 'name="political_theory"' in html
    resp = officer.post("/recruit/LD/candidates/new/", FORM)  # internal unticked: external
    assert resp.status_code == 422
    assert "ít nhất 5 năm công tác" in resp.content.decode()
    assert not Candidate.objects.exists()
    resp = officer.post("/recruit/LD/candidates/new/", FORM | {"years_in_field": "5"})
    assert resp.status_code == 302
    c = Candidate.objects.get()
    assert (c.years_in_field, c.internal, c.state_management) == (5, False, "chuyen_vien")


ROW = ["TP", "000000000081", "Ứng viên Tám Mốt", "01/03/1985", "Nam", "Đại học", "", ""]
LEADER = ["01.003", "6", "Trung cấp", "Chuyên viên", "", "Ngoài đơn vị"]


def test_import_checks_the_standards_with_row_and_column(officer, tmp_path):
    url = "/recruit/LD/import/candidates/"
    second = ["TP", "000000000082", "Ứng viên Tám Hai", "01/03/1985", "Nam", "Đại học", "", ""]
    bad = [ROW + LEADER, [*second, "01.003", "6", "Sơ cấp", "Chuyên viên", "", "Ngoài đơn vị"]]
    path = book(tmp_path / "bad.xlsx", CANDIDATE_HEADERS, bad)
    resp = officer.post(url, {"file": SimpleUploadedFile("bad.xlsx", path.read_bytes())})
    assert resp.status_code == 422
    html = resp.content.decode()
    assert "<td>3</td><td>Lý luận chính trị</td>" in html
    assert not Candidate.objects.exists()
    good = [ROW + LEADER, [*second, *LEADER[:2], "Cao cấp", *LEADER[3:]]]
    path = book(tmp_path / "good.xlsx", CANDIDATE_HEADERS, good)
    resp = officer.post(url, {"file": SimpleUploadedFile("good.xlsx", path.read_bytes())})
    assert resp.status_code == 302
    assert list(Candidate.objects.values_list("political_theory", flat=True)) == [
        "trung_cap",
        "cao_cap",
    ]


@pytest.fixture
def posted(officer):
    a, b = leader_candidate(1), leader_candidate(2)
    panel("LD", a, [82, 86, 90])
    panel("LD", b, [60, 65, 70])
    exam_results_post(exam_code="LD", on=RESULTS_DAY, acting_user=None)
    return a


DECISION = {
    "decision_number": "21/QĐ-SNV",
    "decided_on": "2024-11-20",
    "signer": "Giám đốc Sở",
    "effective_on": "2024-12-01",
    "term_years": "5",
    "step": "2",
}


def test_appointment_decision_page_puts_the_winner_on_the_roster(officer, posted):
    page = officer.get("/recruit/LD/").content.decode()
    assert f'data-testid="leader-appoint-{posted}"' in page
    url = f"/recruit/LD/candidates/{posted}/appointment/"
    assert officer.get(url).status_code == 200
    stale = officer.post(url, DECISION | {"expected_version": "0"})
    assert stale.status_code == 409
    assert not LeadershipAppointment.objects.exists()
    version = Exam.objects.get(code="LD").version
    resp = officer.post(url, DECISION | {"expected_version": str(version)})
    assert resp.status_code == 302
    a = Assignment.objects.get(person__personal_id=f"{1:012d}")
    assert (a.position.code, a.valid_from, a.leadership_coef_h, a.step) == (
        "TP",
        dt.date(2024, 12, 1),
        60,
        2,
    )
    page = officer.get("/recruit/LD/").content.decode()
    assert f'data-testid="appointment-{posted}"' in page
    assert "30/11/2029" in page
    again = officer.post(url, DECISION | {"expected_version": str(version + 1)})
    assert again.status_code == 422
    assert LeadershipAppointment.objects.count() == 1


def test_api_appointment_operation(officer, posted):
    url = "/api/v1/recruit/exams/LD/appointments"
    body = {k: v for k, v in DECISION.items() if k not in {"term_years", "step"}}
    loser = officer.post(url, body | {"number": 2}, content_type="application/json")
    assert loser.status_code == 422
    resp = officer.post(url, body | {"number": posted}, content_type="application/json")
    assert resp.status_code == 200, resp.content
    out = resp.json()
    assert (out["term_ends_on"], out["leadership_coef_h"]) == ("2029-11-30", 60)
    assert Candidate.objects.get(number=posted).status == "appointed"
