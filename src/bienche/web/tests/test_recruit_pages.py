"""Recruitment pages: results with the reason for each rank; the review form."""

from __future__ import annotations

import pytest
from django.test import Client

from bienche.org.services.access import membership_grant
from bienche.recruitment.models import Score
from bienche.recruitment.services.results import exam_results_post
from bienche.recruitment.tests.factories import RESULTS_DAY, candidate, department, exam, sat

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_s1(django_user_model):
    department()
    code = exam(seats=1)
    a, b = candidate(1), candidate(2)
    sat(code, a, 80)
    sat(code, b, 70, round1=90)
    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    user = django_user_model.objects.create_user("s1", password="pw-recruit-2026")
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    c = Client()
    c.force_login(user)
    return c


def test_exam_page_shows_each_rank_with_its_reason(client_s1):
    html = client_s1.get("/recruit/T24/").content.decode()
    assert "Tổng điểm nằm trong chỉ tiêu cần tuyển" in html
    assert "Tổng điểm ngoài 1 chỉ tiêu cần tuyển" in html


def test_review_changes_the_ranking(client_s1):
    resp = client_s1.post(
        "/recruit/T24/candidates/2/review/",
        {"round": 2, "value": "90", "reason": "Cộng sót", "on": "2024-10-22"},
    )
    assert resp.status_code == 302
    html = client_s1.get("/recruit/T24/").content.decode()
    assert 'data-testid="outcome-2">Trúng tuyển<' in html


def test_late_review_is_refused_with_the_field_named(client_s1):
    resp = client_s1.post(
        "/recruit/T24/candidates/2/review/",
        {"round": 2, "value": "90", "reason": "Cộng sót", "on": "2024-12-22"},
    )
    assert resp.status_code == 422
    assert "hạn phúc khảo là" in resp.content.decode()
    assert not Score.objects.filter(kind="review").exists()


def test_api_results_and_review(client_s1):
    rows = client_s1.get("/api/v1/recruit/exams/T24/results").json()[0]["rows"]
    assert [(r["number"], r["outcome"]) for r in rows] == [(1, "won"), (2, "lost")]
    resp = client_s1.post(
        "/api/v1/recruit/exams/T24/reviews",
        {"number": 2, "round": 2, "value": 95, "reason": "Phúc khảo", "on": "2024-10-22"},
        content_type="application/json",
    )
    assert resp.status_code == 200, resp.content
    assert resp.json()["outcome"] == "won"
