"""Pricing journey: an education officer opens the preschool pilot dashboard, loosens one
criterion of the recommendation and sees the verdict of the rural schools change; the charts
are drawn and the report link carries the criterion."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienche.pricing.services.pilot import school_accounts_record
from bienche.pricing.tests.factories import account, pilot_schools

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-pricing-2026"


@pytest.fixture
def pilot(django_user_model):
    codes = pilot_schools()
    factor = {"U": 1.0, "R": 1.15, "M": 1.4}
    area = {"U": "urban", "R": "rural", "M": "mountain"}
    rows = [(n, account(c, area[c[0]], cost_factor=factor[c[0]])) for n, c in enumerate(codes, 2)]
    assert school_accounts_record(year=2023, rows=rows, acting_user=None) == []
    django_user_model.objects.create_user("giaoduc", password=PASSWORD)


def test_changing_a_criterion_updates_the_recommendation(page, live_server, pilot, artifacts):
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "giaoduc")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.click("[data-testid=nav-pricing]")
    page.wait_for_url("**/pricing/pilot/")
    rural = page.locator("[data-testid=by-area-rural] [data-testid=verdict]")
    expect(rural).to_have_text("Tiếp tục có điều chỉnh")
    expect(page.locator("[data-testid=by-area-urban] [data-testid=verdict]")).to_have_text(
        "Tiếp tục"
    )
    expect(page.locator("[data-testid=by-area-mountain] [data-testid=verdict]")).to_have_text(
        "Dừng"
    )
    expect(page.locator("[data-testid=coverage-chart]")).to_have_attribute("data-rendered", "1")
    page.screenshot(path=str(artifacts / "pricing-pilot.png"), full_page=True)

    page.fill("[data-testid=criterion-continue_from]", "85")
    page.click("[data-testid=criteria-apply]")
    page.wait_for_url("**/pricing/pilot/?*continue_from=85*")
    expect(rural).to_have_text("Tiếp tục")
    expect(page.locator("[data-testid=criterion-continue_from]")).to_have_value("85")
    expect(page.locator("[data-testid=report-download]")).to_have_attribute(
        "href",
        "/pricing/pilot/report.docx?year=2023&continue_from=85&stop_below=80"
        "&low_coverage=85&max_share_low=25&max_family_increase=150000",
    )
    page.screenshot(path=str(artifacts / "pricing-pilot-adjusted.png"), full_page=True)
