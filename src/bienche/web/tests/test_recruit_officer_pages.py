"""The recruiting officers' pages: plan from vacancies, approval, registration, score entry,
results posting, the head's decision on a tie, a decline and the appointment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from bienche.core.models import AuditEntry
from bienche.org.services.access import membership_grant
from bienche.recruitment.models import Candidate, Exam, Score, TieDecision
from bienche.recruitment.services.results import exam_results_post
from bienche.recruitment.tests.factories import (
    RESULTS_DAY,
    candidate,
    department,
    exam,
    sat,
)
from bienche.staffing.models import Assignment

pytestmark = pytest.mark.django_db


def version(code: str = "T24") -> int:
    return Exam.objects.get(code=code).version


def _client(django_user_model, name: str, role: str) -> Client:
    user = django_user_model.objects.create_user(name, password="pw-recruit-2026")
    membership_grant(user=user, role=role, unit_code="S1", acting_user=None)
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def officer(django_user_model):
    department()
    return _client(django_user_model, "officer", "unit_officer")


@pytest.fixture
def viewer(django_user_model, officer):
    return _client(django_user_model, "viewer", "viewer")


PLAN_URL = "/recruit/plan/new/?unit=S1&kind=civil_servant&exam_date=2024-10-05"
PLAN = {"code": "W24", "title": "Thi tuyển 2024", "rank_S1__CV": "01.003"}
PLAN |= {"education_S1__CV": "university", "rank_S1__TP": "01.003"}
PLAN |= {"education_S1__TP": "university"}


def test_plan_lists_vacancies_and_refuses_a_plan_over_quota(officer):
    html = officer.get(PLAN_URL).content.decode()
    assert 'data-testid="vacancy-S1__CV"' in html  # 3 needed, 1 filled: 2 vacant
    resp = officer.post(PLAN_URL, PLAN | {"seats_S1__CV": 3})
    assert resp.status_code == 422
    assert "chỉ còn 2 chỗ trống" in resp.content.decode()
    assert not Exam.objects.exists()
    resp = officer.post(PLAN_URL, PLAN | {"seats_S1__CV": 2, "rank_S1__CV": "99.999"})
    assert "mã ngạch «99.999» không có trong danh mục" in resp.content.decode()
    assert not Exam.objects.exists()
    resp = officer.post(PLAN_URL, PLAN | {"seats_S1__CV": 2})
    assert resp.status_code == 302
    exam = Exam.objects.get(code="W24")
    assert exam.status == "draft"
    assert [(t.position.code, t.seats) for t in exam.targets.all()] == [("CV", 2)]


def test_viewer_may_read_but_not_draft_or_approve(viewer, officer):
    officer.post(PLAN_URL, PLAN | {"seats_S1__CV": 1})
    assert viewer.get("/recruit/W24/").status_code == 200
    assert 'data-testid="next-actions"' not in viewer.get("/recruit/W24/").content.decode()
    assert viewer.post(PLAN_URL, PLAN | {"seats_S1__CV": 1, "code": "V2"}).status_code == 404
    resp = viewer.post("/recruit/W24/approve/", {"number": "1", "on": "2024-08-01"})
    assert resp.status_code == 404
    assert Exam.objects.get(code="W24").status == "draft"


def test_approve_by_decision_with_a_stale_version_is_refused(officer):
    officer.post(PLAN_URL, PLAN | {"seats_S1__CV": 1})
    assert 'data-testid="act-approve"' in officer.get("/recruit/W24/").content.decode()
    body = {"number": "12/QĐ-SNV", "on": "2024-08-20", "signer": "Trần Văn B"}
    resp = officer.post("/recruit/W24/approve/", body | {"expected_version": 7})
    assert resp.status_code == 409
    assert "vừa được người khác cập nhật" in resp.content.decode()
    assert Exam.objects.get(code="W24").status == "draft"
    resp = officer.post("/recruit/W24/approve/", body | {"expected_version": 0})
    assert resp.status_code == 302
    e = Exam.objects.get(code="W24")
    assert (e.status, e.plan_number, e.plan_signer) == ("approved", "12/QĐ-SNV", "Trần Văn B")
    assert AuditEntry.objects.filter(action="recruitment.exam.approve").exists()


CANDIDATE = {
    "position_code": "CV",
    "personal_id": "001098000111",
    "full_name": "Lê Thị Hoa",
    "birth_date": "1998-02-03",
    "sex": "F",
    "education": "university",
    "priority": "",
    "verified_on": "2024-06-01",
}


def test_register_shows_eligibility_errors_on_their_field_and_duplicates(officer):
    exam(seats=2)
    url = "/recruit/T24/candidates/new/"
    assert officer.get(url).status_code == 200
    resp = officer.post(url, CANDIDATE | {"birth_date": "2010-01-01"})
    assert resp.status_code == 422
    html = resp.content.decode()
    assert "chưa đủ 18 tuổi" in html
    assert 'class="field has-error"' in html
    resp = officer.post(url, CANDIDATE | {"verified_on": ""})
    assert "kiểm định chất lượng đầu vào" in resp.content.decode()
    resp = officer.post(url, CANDIDATE | {"education": "college"})
    assert "yêu cầu trình độ" in resp.content.decode()
    assert not Candidate.objects.exists()
    assert officer.post(url, CANDIDATE).status_code == 302
    resp = officer.post(url, CANDIDATE | {"full_name": "Lê Thị Hoa (2)"})
    assert resp.status_code == 422
    assert "đã đăng ký kỳ thi này (số báo danh 1)" in resp.content.decode()
    assert Candidate.objects.count() == 1


def test_withdrawal(officer):
    exam()
    n = candidate(1)
    assert 'data-testid="withdraw-1"' in officer.get("/recruit/T24/").content.decode()
    resp = officer.post(
        f"/recruit/T24/candidates/{n}/withdraw/",
        {"on": "2024-09-01", "reason": "Xin rút", "expected_version": version()},
    )
    assert resp.status_code == 302
    assert Candidate.objects.get(number=n).status == "withdrawn"


def test_score_grid_is_all_or_nothing_and_round_two_only_for_round_one_passes(officer):
    exam()
    a, b = candidate(1), candidate(2)
    url = "/recruit/T24/scores/1/"
    resp = officer.post(url, {"on": "2024-10-05", f"score_{a}": "80", f"score_{b}": "120"})
    assert resp.status_code == 422
    assert "nằm ngoài thang điểm 0–100" in resp.content.decode()
    assert not Score.objects.exists()
    resp = officer.post(url, {"on": "2024-10-05", f"score_{a}": "80", f"score_{b}": "30"})
    assert resp.status_code == 302
    assert Score.objects.count() == 2
    html = officer.get("/recruit/T24/scores/2/").content.decode()
    assert f'name="score_{a}"' in html
    assert f'name="score_{b}"' not in html  # round 1 not passed: does not sit round 2
    resp = officer.post(
        "/recruit/T24/scores/2/",
        {"on": "2024-10-05", "examiner": "GK1", f"score_{a}": "70,5"},
    )
    assert resp.status_code == 302
    assert Score.objects.get(round=2).examiner == "GK1"


@pytest.fixture
def tied(officer):
    exam(seats=1)
    a, b = candidate(1), candidate(2)
    sat("T24", a, 80)
    sat("T24", b, 80)
    officer.post(
        "/recruit/T24/post-results/", {"on": RESULTS_DAY.isoformat(), "expected_version": version()}
    )
    assert Exam.objects.get(code="T24").status == "results"
    return a, b


def test_head_decides_a_remaining_tie(officer, tied):
    a, b = tied
    html = officer.get("/recruit/T24/").content.decode()
    assert f'data-testid="tie-{b}"' in html
    resp = officer.post(
        f"/recruit/T24/candidates/{b}/tie/",
        {"decision_number": "20/QĐ-HĐTD", "on": "2024-10-22", "expected_version": version()},
    )
    assert resp.status_code == 302
    assert TieDecision.objects.get().chosen.number == b
    html = officer.get("/recruit/T24/").content.decode()
    assert f'data-testid="outcome-{b}">Trúng tuyển<' in html
    resp = officer.post(
        f"/recruit/T24/candidates/{a}/tie/",
        {"decision_number": "21/QĐ-HĐTD", "on": "2024-10-22", "expected_version": version()},
    )
    assert resp.status_code == 422  # no tie pending any more
    assert TieDecision.objects.count() == 1


def test_decline_gives_the_seat_to_the_next_and_appointment_reaches_the_roster(officer):
    exam(seats=1)
    a, b = candidate(1), candidate(2)
    sat("T24", a, 90)
    sat("T24", b, 70)
    exam_results_post(exam_code="T24", on=RESULTS_DAY, acting_user=None)
    page = officer.get(f"/recruit/T24/candidates/{a}/decline/").content.decode()
    assert 'data-testid="window"' in page
    resp = officer.post(
        f"/recruit/T24/candidates/{a}/decline/",
        {"on": "2024-11-01", "reason": "Không đến nhận việc", "expected_version": version()},
    )
    assert resp.status_code == 302
    html = officer.get("/recruit/T24/").content.decode()
    assert f'data-testid="outcome-{b}">Trúng tuyển (bổ sung)<' in html
    resp = officer.post(
        f"/recruit/T24/candidates/{a}/appoint/",
        {"start_on": "2024-12-01", "step": 1, "expected_version": version()},
    )
    assert resp.status_code == 422  # the declined winner cannot be appointed
    resp = officer.post(
        f"/recruit/T24/candidates/{b}/appoint/",
        {"start_on": "2024-12-01", "step": 1, "expected_version": version()},
    )
    assert resp.status_code == 302
    job = Assignment.objects.get(person__personal_id=f"{b:012d}")
    assert (job.valid_from, job.position.code) == (dt.date(2024, 12, 1), "CV")
    assert Candidate.objects.get(number=b).status == "appointed"


def test_staffing_dashboard_counts_the_years_recruitment(officer):
    exam(seats=1)
    a = candidate(1)
    sat("T24", a, 90)
    exam_results_post(exam_code="T24", on=RESULTS_DAY, acting_user=None)
    officer.post(
        f"/recruit/T24/candidates/{a}/appoint/",
        {"start_on": "2024-12-01", "step": 1, "expected_version": version()},
    )
    html = officer.get("/staffing/?unit=S1&on=2024-12-31").content.decode()
    assert 'data-testid="streamlining-recruitment"' in html
    assert "T24: 1" in html


def test_plan_for_several_units_needs_write_scope_on_each(officer, django_user_model):
    from bienche.staffing.tests.factories import position

    position("S2", "KT", headcount=2, min_group="A1")
    url = PLAN_URL + "&for_units=S1,S2"
    assert officer.get(url).status_code == 404  # S1's officer may not plan for S2
    admin = django_user_model.objects.create_user("home-affairs", password="pw-recruit-2026")
    membership_grant(user=admin, role="city_admin", unit_code=None, acting_user=None)
    c = Client()
    c.force_login(admin)
    html = c.get(url).content.decode()
    assert 'data-testid="vacancy-S1__CV"' in html
    assert 'data-testid="vacancy-S2__KT"' in html
    resp = c.post(url, PLAN | {"seats_S1__CV": 1, "seats_S2__KT": 2, "rank_S2__KT": "01.003"})
    assert resp.status_code == 302, resp.content.decode()[-3000:]
    targets = Exam.objects.get(code="W24").targets.order_by("position__unit__code")
    assert [(t.position.unit.code, t.position.code, t.seats) for t in targets] == [
        ("S1", "CV", 1),
        ("S2", "KT", 2),
    ]


def test_leadership_plan_carries_the_posts_allowance(officer):
    url = "/recruit/plan/new/?unit=S1&kind=leadership&exam_date=2024-10-05"
    assert 'name="allowance_S1__TP"' in officer.get(url).content.decode()
    assert 'name="allowance_S1__TP"' not in officer.get(PLAN_URL).content.decode()
    resp = officer.post(url, PLAN | {"code": "TL24", "seats_S1__TP": 1, "allowance_S1__TP": 60})
    assert resp.status_code == 302
    target = Exam.objects.get(code="TL24").targets.get()
    assert (target.position.code, target.leadership_coef_h) == ("TP", 60)
