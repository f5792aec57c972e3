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


@pytest.fixture
def approved(django_user_model):
    department()
    code = exam(seats=1)
    candidate(1)
    user = django_user_model.objects.create_user("tuyendung", password=PASSWORD)
    membership_grant(user=user, role="unit_officer", unit_code="S1", acting_user=None)
    return code


def test_officer_registers_scores_and_posts_the_results(page, live_server, approved, artifacts):
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "tuyendung")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/recruit/{approved}/")

    page.click("[data-testid=act-register]")
    page.wait_for_url("**/candidates/new/")
    page.fill("input[name=personal_id]", "001098000777")
    page.fill("input[name=full_name]", "Phạm Minh Châu")
    page.fill("input[name=birth_date]", "2010-05-05")  # too young: refused on its field
    page.select_option("select[name=education]", "university")
    page.fill("input[name=verified_on]", "2024-06-01")
    page.click("[data-testid=candidate-form] button[type=submit]")
    expect(page.locator(".field.has-error")).to_contain_text("chưa đủ 18 tuổi")
    page.fill("input[name=birth_date]", "1999-05-05")
    page.click("[data-testid=candidate-form] button[type=submit]")
    page.wait_for_url(f"**/recruit/{approved}/")

    page.click("[data-testid=act-round1]")
    page.fill("input[name=score_1]", "80")
    page.fill("input[name=score_2]", "90")
    page.click("[data-testid=scores-form] button[type=submit]")
    page.wait_for_url(f"**/recruit/{approved}/")
    page.click("[data-testid=act-round2]")
    page.fill("input[name=score_1]", "70")
    page.fill("input[name=score_2]", "101")  # outside the scale: nothing saved
    page.click("[data-testid=scores-form] button[type=submit]")
    expect(page.locator(".field.has-error")).to_contain_text("ngoài thang điểm")
    page.fill("input[name=score_2]", "88")
    page.click("[data-testid=scores-form] button[type=submit]")
    page.wait_for_url(f"**/recruit/{approved}/")

    page.click("[data-testid=act-post]")
    page.fill("input[name=on]", "2024-10-21")
    page.click("[data-testid=action-form] button[type=submit]")
    page.wait_for_url(f"**/recruit/{approved}/")
    expect(page.locator("[data-testid=outcome-2]")).to_have_text("Trúng tuyển")
    expect(page.locator("[data-testid=notice]")).to_be_visible()
    expect(page.locator("[data-testid=appoint-2]")).to_be_visible()
    page.screenshot(path=str(artifacts / "recruit_officer.png"), full_page=True)
