"""Main journey: log in, org chart for 2023-12-31 and today, open a unit, record a rename."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienche.core.clock import today
from bienche.org.models import UnitVersion
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer(django_user_model):
    small_city()
    user = django_user_model.objects.create_user("officer", password="pw-officer-123")
    membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)
    return user


def test_login_chart_unit_rename(page, live_server, officer, artifacts):
    page.goto(f"{live_server.url}/org/chart/")
    assert "/login/" in page.url
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "pw-officer-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/org/chart/**")

    page.click("[data-testid=quick-2023-12-31]")
    page.wait_for_url("**on=2023-12-31**")
    summary = page.inner_text("[data-testid=chart-summary]")
    assert "9" in summary
    assert "2" in summary
    expect(page.locator("#tree >> text=Quận Một")).to_have_count(1)
    page.screenshot(path=str(artifacts / "org-chart-2023-12-31.png"), full_page=True)

    page.click(f"[data-testid=quick-{today().isoformat()}]")
    page.wait_for_url(f"**on={today().isoformat()}**")
    page.fill("[data-testid=search]", "sở hai")
    expect(page.locator("li.node.hit")).to_have_count(1)
    page.screenshot(path=str(artifacts / "org-chart-today.png"), full_page=True)

    page.click("#tree >> text=Sở Hai")
    page.wait_for_url("**/org/units/S2/")
    assert page.inner_text("[data-testid=unit-name]").startswith("Sở Hai")
    page.screenshot(path=str(artifacts / "unit-page.png"), full_page=True)

    page.click("[data-testid=action-rename]")
    page.fill("input[name=name]", "Sở Hai (đổi tên)")
    page.fill("input[name=basis_number]", "")
    page.click("[data-testid=submit]")
    # The form posts and reloads: wait for the server's answer, never count mid-navigation.
    expect(page.locator(".has-error")).not_to_have_count(0)  # basis number is required
    page.fill("input[name=basis_number]", "99/QĐ-UBND")
    page.fill("input[name=effective_on]", "2019-01-01")
    page.click("[data-testid=submit]")
    # Vietnamese message: unit not active on that date
    expect(page.locator("[data-testid=event-form]")).to_contain_text("không hoạt động")
    page.screenshot(path=str(artifacts / "rename-error.png"), full_page=True)
    page.fill("input[name=effective_on]", today().isoformat())
    page.click("[data-testid=submit]")
    page.wait_for_url("**/org/units/S2/")
    assert "Sở Hai (đổi tên)" in page.inner_text("[data-testid=unit-name]")
    expect(page.locator("[data-testid=versions] tbody tr")).to_have_count(2)
    page.screenshot(path=str(artifacts / "unit-renamed.png"), full_page=True)
    assert UnitVersion.objects.filter(unit__code="S2").count() == 2
