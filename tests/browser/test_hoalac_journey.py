"""Hòa Lạc journey: the park board moves a project from its MoU to investment registration
on the pipeline board and sees the dashboard count it among the registered projects."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from bienche.investment.enums import LandUse, Stage
from bienche.investment.models import Project
from bienche.investment.permissions import BOARD_CODE
from bienche.investment.services.capital import certificate_record
from bienche.investment.tests.factories import land_project, park, walk_to
from bienche.org.services.access import membership_grant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-hoalac-2026"


@pytest.fixture
def mou(django_user_model):
    park()
    p = walk_to(
        land_project(code="HL-777", name="Nhà máy vi mạch Sao Việt", ha=3, use=LandUse.INDUSTRY),
        Stage.MOU,
    )
    certificate_record(
        project=p,
        number="77/GCNĐT",
        issued_on=dt.date(2024, 9, 2),
        amount=2_500_000_000_000,
        acting_user=None,
    )
    user = django_user_model.objects.create_user("bql", password=PASSWORD)
    membership_grant(user=user, role="unit_officer", unit_code=BOARD_CODE, acting_user=None)
    return p


def _login(page, base: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "bql")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_board_moves_a_project_and_the_dashboard_follows(page, live_server, mou, artifacts):
    base = live_server.url
    _login(page, base)
    page.click("[data-testid=nav-hoalac]")
    page.wait_for_url("**/hoalac/")
    expect(page.locator("[data-testid=stage-mou]")).to_have_text("1")
    expect(page.locator("[data-testid=stage-registration]")).to_have_text("0")
    expect(page.locator("[data-testid=total-projects]")).to_have_text("0")

    page.click("[data-testid=nav-pipeline]")
    page.wait_for_url("**/hoalac/board/")
    card = page.locator("[data-testid=column-mou] [data-testid=card-HL-777]")
    expect(card).to_contain_text("Nhà máy vi mạch Sao Việt")
    page.screenshot(path=str(artifacts / "hoalac-board.png"), full_page=True)
    card.locator("a").click()
    page.wait_for_url("**/hoalac/projects/HL-777/")

    form = page.locator("[data-testid=form-stage]")
    expect(form.locator("select[name=stage-stage]")).to_have_value("registration")
    form.locator("[name=stage-next_step]").fill("Trình giao đất 3 ha")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/hoalac/projects/HL-777/")
    expect(page.locator("[data-testid=project-stage]")).to_have_text("Đăng ký đầu tư")
    expect(page.locator("[data-testid=project-next-step]")).to_contain_text("Trình giao đất 3 ha")
    expect(page.locator("[data-testid=stage-history] tbody tr")).to_have_count(5)
    page.screenshot(path=str(artifacts / "hoalac-project.png"), full_page=True)

    page.goto(f"{base}/hoalac/")
    expect(page.locator("[data-testid=stage-mou]")).to_have_text("0")
    expect(page.locator("[data-testid=stage-registration]")).to_have_text("1")
    expect(page.locator("[data-testid=total-projects]")).to_have_text("1")
    expect(page.locator("[data-testid=total-registered]")).to_have_text("2.500,0")
    page.wait_for_selector("[data-testid=stage-chart][data-rendered='1']")
    page.wait_for_selector("[data-testid=capital-chart][data-rendered='1']")
    page.screenshot(path=str(artifacts / "hoalac-dashboard.png"), full_page=True)
    assert Project.objects.get(code="HL-777").stage == Stage.REGISTRATION
