"""Overview journey: a committee member opens the overview from the navigation, sees the
charts drawn (no CSP violation), follows the link to the statistical forms and downloads
one, which opens as a workbook with the figures as of the chosen date."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from bienche.org.services.access import membership_grant
from bienche.reports.tests.forms_world import AS_OF, forms_world, open_sheet, row_of, values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-overview-2026"


@pytest.fixture
def member(django_user_model):
    forms_world()
    user = django_user_model.objects.create_user("bcd", password=PASSWORD)
    membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)


def test_overview_charts_and_a_form_download(page, live_server, member, artifacts):
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "bcd")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.click("[data-testid=nav-overview]")
    page.wait_for_url("**/overview/")
    page.fill("input[name=as_of]", AS_OF.isoformat())
    page.click("form.toolbar button[type=submit]")
    page.wait_for_url(f"**/overview/?as_of={AS_OF.isoformat()}*")
    expect(page.locator("[data-testid=units-total]")).to_have_text("9")
    expect(page.locator("[data-testid=staff-actual]")).to_have_text("5")
    expect(page.locator("[data-testid=tasks-overdue]")).to_have_text("1")
    page.wait_for_selector("[data-testid=overview-staffing-chart][data-rendered='1']")
    page.wait_for_selector("[data-testid=overview-steering-chart][data-rendered='1']")
    page.screenshot(path=str(artifacts / "overview.png"), full_page=True)

    page.click("[data-testid=overview-forms]")
    page.wait_for_url("**/reports/forms/**")
    with page.expect_download() as info:
        page.click("[data-testid=form-BM01]")
    download = info.value
    assert download.suggested_filename == "BM01-don-vi-hanh-chinh.xlsx"
    ws = open_sheet(Path(download.path()).read_bytes())
    assert ws["A2"].value == "Tính đến ngày 30/11/2024"
    assert values(ws, row_of(ws, "Tổng cộng"))[-1] == 9
