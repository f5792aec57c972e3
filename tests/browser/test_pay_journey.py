"""Pay journey: a city administrator runs a base-salary scenario from the web page, sees its
totals and its chart, then opens one person's payslip explanation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bienche.demo.build import build_demo, ensure_demo_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_run_a_scenario_and_explain_a_payslip(page, live_server, artifacts):
    build_demo(progress=False, scale=0.01, steering=False)
    ensure_demo_users()
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "bienche-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.click("[data-testid=nav-pay]")
    expect(page.locator("[data-testid=pay-form]")).to_be_visible()
    page.select_option("[data-testid=pay-scenario]", "luong-co-so-2024")
    page.fill("[data-testid=pay-from]", "2024-07")
    page.fill("[data-testid=pay-to]", "2025-06")
    page.click("[data-testid=pay-run]")

    expect(page).to_have_url(re.compile(r"scenario=luong-co-so-2024"))
    expect(page.locator("[data-testid=pay-difference]")).to_have_text(
        re.compile(r"^\d{1,3}(\.\d{3})+$")
    )
    expect(page.locator("[data-testid=pay-excluded]")).to_have_text("0")
    expect(page.locator("[data-testid=pay-monthly] tbody tr")).to_have_count(12)
    expect(page.locator("[data-testid=pay-by-sector] tbody tr").first).to_be_visible()
    expect(page.locator("[data-testid=pay-chart]")).to_have_attribute("data-rendered", "1")
    expect(page.locator("[data-testid=pay-timing]")).to_contain_text("01/07/2024")
    page.screenshot(path=str(artifacts / "pay-scenario.png"), full_page=True)

    page.fill("[data-testid=pay-person]", "000000000005")
    page.fill("[data-testid=pay-person-month]", "2024-07")
    page.click("[data-testid=pay-explain]")
    expect(page.locator("[data-testid=pay-lines] tbody tr").first).to_be_visible()
    expect(page.locator("[data-testid=pay-lines]")).to_contain_text("bonus_fund")
    page.screenshot(path=str(artifacts / "pay-payslip.png"), full_page=True)
