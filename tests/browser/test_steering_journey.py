"""Steering journey: a district officer reports progress with a file on one of the
district's tasks, cannot open another district's task, and the committee sees the change."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from bienche.core.clock import today
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.steering.enums import Status
from bienche.steering.models import Task
from bienche.steering.tests.factories import document, task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-steering-123"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.fixture
def tasks(django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    small_city()
    first = today().replace(month=1, day=1)
    doc = document("12/TB-VP", issued_on=first, summary="Thông báo kết luận của Ban Chỉ đạo")
    mine = task(doc, "D1", content="Rà soát vị trí việc làm Quận Một", item="1", deadline=today())
    theirs = task(
        doc,
        "D2",
        content="Sắp xếp thôn, tổ dân phố Huyện Hai",
        item="2",
        deadline=today() + dt.timedelta(days=30),
    )
    for name, role, unit in [("d1", "unit_officer", "D1"), ("chair", "city_admin", None)]:
        user = django_user_model.objects.create_user(name, password=PASSWORD)
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
    return mine, theirs


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_officer_reports_and_committee_sees_it(page, live_server, tasks, artifacts, tmp_path):
    mine, theirs = tasks
    base = live_server.url
    _login(page, base, "d1")

    page.click("[data-testid=nav-steering]")
    page.wait_for_url("**/steering/")
    page.click("[data-testid=nav-board]")
    page.wait_for_url("**/steering/board/")
    expect(page.locator("[data-testid=board-title]")).to_contain_text("D1")
    expect(page.locator("[data-testid=board-lead] tbody tr")).to_have_count(1)
    page.screenshot(path=str(artifacts / "steering-board-d1.png"), full_page=True)

    page.click("[data-testid=board-lead] [data-testid=task-link]")
    page.wait_for_url(f"**/steering/tasks/{mine.pk}/")
    expect(page.locator("[data-testid=task-content]")).to_contain_text("Quận Một")
    product = tmp_path / "bao-cao-tien-do.pdf"
    product.write_bytes(PDF)
    page.fill("[name=progress-note]", "Đã rà soát 12 vị trí")
    page.fill("[name=progress-percent]", "40")
    page.fill("[name=progress-product_ref]", "Báo cáo 15/BC-UBND")
    page.set_input_files("[name=progress-product_file]", str(product))
    page.click("[data-testid=form-progress] button[type=submit]")
    page.wait_for_url(f"**/steering/tasks/{mine.pk}/#history")
    entry = page.locator("[data-testid=history] li[data-kind=progress]")
    expect(entry).to_contain_text("Đã rà soát 12 vị trí")
    expect(entry).to_contain_text("40%")
    expect(page.locator("[data-testid=task-status]")).to_have_attribute(
        "data-status", "in_progress"
    )
    with page.expect_download() as info:
        entry.locator("[data-testid=product-file]").click()
    saved = tmp_path / "downloaded.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == PDF
    page.screenshot(path=str(artifacts / "steering-task-reported.png"), full_page=True)

    response = page.goto(f"{base}/steering/tasks/{theirs.pk}/")
    assert response is not None
    assert response.status == 404
    response = page.goto(f"{base}/steering/tasks/{theirs.pk}/progress/")
    assert response is not None
    assert response.status == 404
    page.screenshot(path=str(artifacts / "steering-other-district-404.png"), full_page=True)

    page.goto(f"{base}/steering/")
    page.click("form[action='/logout/'] button")
    page.wait_for_url("**/")
    _login(page, base, "chair")
    page.goto(f"{base}/steering/")
    expect(page.locator("[data-testid=status-in_progress]")).to_have_text("1")
    expect(page.locator("[data-testid=status-assigned]")).to_have_text("1")
    page.wait_for_selector("[data-testid=bucket-chart][data-rendered='1']")
    page.wait_for_selector("[data-testid=trend-chart][data-rendered='1']")
    page.screenshot(path=str(artifacts / "steering-dashboard.png"), full_page=True)

    page.click("[data-testid=status-in_progress]")
    page.wait_for_url("**/steering/tasks/?**status=in_progress**")
    rows = page.locator("[data-testid=tasks] tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td[data-status]")).to_have_attribute("data-status", "in_progress")
    expect(rows.first).to_contain_text("Rà soát vị trí việc làm Quận Một")
    page.screenshot(path=str(artifacts / "steering-tasks-in-progress.png"), full_page=True)
    assert Task.objects.get(pk=mine.pk).status == Status.IN_PROGRESS
    assert Task.objects.get(pk=theirs.pk).status == Status.ASSIGNED
