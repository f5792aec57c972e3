"""Staffing journey: the city dashboard, a unit's staffing page, the roster download."""

from __future__ import annotations

import openpyxl
import pytest

from bienche.demo.build import build_demo, ensure_demo_users
from bienche.staffing.roster_layout import COLUMNS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staffing_dashboard_unit_and_export(page, live_server, artifacts, tmp_path):
    build_demo(progress=False, scale=0.01)
    ensure_demo_users()
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "bienche-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/staffing/?on=2024-06-30")
    rows = page.locator("[data-testid=quota-table] tbody tr")
    assert rows.count() == 4
    page.wait_for_selector("[data-testid=quota-chart][data-rendered='1']")
    page.screenshot(path=str(artifacts / "staffing-dashboard.png"), full_page=True)

    with page.expect_download() as info:
        page.click("[data-testid=roster-export]")
    path = tmp_path / "roster.xlsx"
    info.value.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert sheet.max_row > 1000

    page.goto(f"{live_server.url}/staffing/units/HN.S.GDDT/?on=2024-06-30")
    assert page.locator("[data-testid=positions] tbody tr").count() > 10
    assert page.locator("[data-testid=people] tbody tr").count() > 0
    page.screenshot(path=str(artifacts / "staffing-unit.png"), full_page=True)
