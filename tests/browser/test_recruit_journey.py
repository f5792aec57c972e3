"""Recruitment journey: an officer of the recruiting department enters a review (phúc khảo)
that raises a candidate's round-2 score, and sees the ranking change with its reason."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienche.org.services.access import membership_grant
from bienche.recruitment.services.results import exam_results_post
from bienche.recruitment.tests.factories import RESULTS_DAY, candidate, department, exam, sat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-recruit-2026"


@pytest.fixture
def posted(django_user_model):
    department()
    code = exam(seats=1)
    sat(code, candidate(1), 80)
    sat(code, candidate(2), 70)
    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    user = django_user_model.objects.create_user("tuyendung", password=PASSWORD)
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    return code


def test_review_changes_the_ranking_with_the_reason(page, live_server, posted, artifacts):
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "tuyendung")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.click("[data-testid=nav-recruit]")
    page.wait_for_url("**/recruit/")
    page.click(f"text={posted}")
    page.wait_for_url(f"**/recruit/{posted}/")
    expect(page.locator("[data-testid=outcome-2]")).to_have_text("Không trúng tuyển")
    expect(page.locator("[data-testid=reason-2]")).to_have_text(
        "Tổng điểm ngoài 1 chỉ tiêu cần tuyển"
    )

    page.click("[data-testid=review-2]")
    page.wait_for_url("**/candidates/2/review/")
    page.select_option("select[name=round]", "2")
    page.fill("input[name=value]", "86")
    page.fill("input[name=reason]", "Phúc khảo: cộng sót điểm câu 3")
    page.fill("input[name=on]", "2024-10-23")
    page.click("[data-testid=review-form] button[type=submit]")
    page.wait_for_url(f"**/recruit/{posted}/")

    expect(page.locator("[data-testid=round2-2]")).to_have_text("86")
    expect(page.locator("[data-testid=outcome-2]")).to_have_text("Trúng tuyển")
    expect(page.locator("[data-testid=reason-2]")).to_have_text(
        "Tổng điểm nằm trong chỉ tiêu cần tuyển"
    )
    expect(page.locator("[data-testid=outcome-1]")).to_have_text("Không trúng tuyển")
    page.screenshot(path=str(artifacts / "recruit_review.png"), full_page=True)
