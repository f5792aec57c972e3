"""Delegation journey: an officer asks who decides a power in a ward, reads the answer
with its chain of documents, then opens the power's page and its whole chain."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from bienche.delegation.tests.factories import delegation, doc, power, transfer
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-delegation-123"


@pytest.fixture
def register(django_user_model):
    small_city()
    power("DAT.01", name="Giao đất, cho thuê đất ở", legal_source="Luật Đất đai 2024, Điều 123")
    transfer("DAT.01", to="D1", document=doc("18/2022/NQ-HĐND", kind="council_resolution"))
    delegation(
        "DAT.01",
        to="W1",
        from_unit="D1",
        term_end=dt.date(2099, 12, 31),
        document=doc("250/QĐ-UBND", dt.date(2023, 1, 5)),
        valid_from=dt.date(2023, 2, 1),
    )
    user = django_user_model.objects.create_user("d1", password=PASSWORD)
    membership_grant(user=user, role="viewer", unit_code="D1", acting_user=None)


def test_search_a_power_and_open_its_chain_of_documents(page, live_server, register, artifacts):
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "d1")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.click("[data-testid=nav-delegation]")
    page.wait_for_url("**/delegation/")
    page.click("[data-testid=nav-who]")
    page.wait_for_url("**/delegation/who/")
    page.fill("[data-testid=who-power]", "giao đất")
    page.fill("[data-testid=who-unit]", "W1")
    page.click("[data-testid=who-submit]")

    expect(page.locator("[data-testid=who-decides]")).to_have_text("Phường Một")
    chain = page.locator("[data-testid=who-chain] li")
    expect(chain).to_have_count(3)
    expect(chain.nth(1)).to_contain_text("18/2022/NQ-HĐND")
    expect(chain.nth(2)).to_contain_text("250/QĐ-UBND")
    page.screenshot(path=str(artifacts / "delegation-who.png"), full_page=True)

    page.click("[data-testid=who-power-link]")
    page.wait_for_url("**/delegation/powers/DAT.01/")
    expect(page.locator("[data-testid=power-name]")).to_contain_text("Giao đất, cho thuê đất ở")
    rows = page.locator("[data-testid=power-chain] tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("18/2022/NQ-HĐND")
    expect(rows.nth(1)).to_contain_text("250/QĐ-UBND")
    page.screenshot(path=str(artifacts / "delegation-power.png"), full_page=True)

    rows.nth(1).get_by_role("link", name="250/QĐ-UBND").click()
    expect(page.locator("[data-testid=transfer-facts]")).to_contain_text("250/QĐ-UBND")
