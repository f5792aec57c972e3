"""Report journey: an officer of the Organization Board creates the 2023 report draft of
the city, edits the "limitations" narrative, saves it (the history shows the revision),
freezes a version and downloads its DOCX, which holds the edited text."""

from __future__ import annotations

import io

import docx
import pytest
from playwright.sync_api import expect

from bienche.org.enums import UnitKind
from bienche.org.services import unit_establish
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import BASIS, spec
from bienche.reports.models import FrozenVersion, Report
from bienche.reports.pages import page_images_available
from bienche.reports.permissions import DRAFTING_UNIT_CODES
from bienche.reports.tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-reports-123"
EDITED = "Việc số hóa hồ sơ cán bộ còn chậm ở cấp xã"


@pytest.fixture
def drafter(django_user_model):
    build_world()
    board = DRAFTING_UNIT_CODES[0]
    unit_establish(
        specs=[spec(board, "HN", UnitKind.PARTY_BOARD, name="Ban Tổ chức Thành ủy")],
        on=BASIS.date,
        basis=BASIS,
        acting_user=None,
    )
    user = django_user_model.objects.create_user("btc", password=PASSWORD)
    membership_grant(user=user, role="unit_officer", unit_code=board, acting_user=None)
    return user


def _login(page, base: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "btc")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_officer_edits_freezes_and_downloads(page, live_server, drafter, artifacts, tmp_path):
    base = live_server.url
    _login(page, base)
    page.click("[data-testid=nav-reports]")
    page.wait_for_url("**/reports/")
    page.fill("[name=year]", "2023")
    page.select_option("[name=format]", "state")
    page.click("[data-testid=report-create]")
    report = Report.objects.get()
    page.wait_for_url(f"**/reports/{report.pk}/")
    preview = page.frame_locator("[data-testid=preview]")
    expect(preview.locator("body")).to_contain_text("BÁO CÁO")
    expect(preview.locator("body")).to_contain_text("năm 2023")

    area = page.locator("[name=limitations-html]")
    expect(area).to_contain_text("quá hạn")  # prefilled from the overdue tasks
    area.fill(f"<p>{EDITED}</p><p><strong>Đề nghị</strong> đẩy nhanh.</p>")
    page.click("[data-testid=narrative-save-limitations]")
    page.wait_for_url(f"**/reports/{report.pk}/#section-limitations")
    history = page.locator("[data-testid=history-limitations]")
    history.locator("summary").click()
    expect(page.locator("[data-testid=revision-limitations-1]")).to_contain_text(EDITED)
    expect(preview.locator("body")).to_contain_text(EDITED)
    page.screenshot(path=str(artifacts / "report-editor.png"), full_page=True)

    page.check("[name=confirm]")
    page.click("[data-testid=freeze]")
    page.wait_for_url(f"**/reports/{report.pk}/#versions")
    expect(page.locator("[data-testid=version-1]")).to_contain_text("btc")
    if page_images_available():  # the PDF's pages as images (poppler installed)
        expect(page.locator("[data-testid=pdf-page-1]")).to_be_visible()
    with page.expect_download() as info:
        page.click("[data-testid=download-docx-1]")
    download = info.value
    assert download.suggested_filename == "bao-cao-2023-v1.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(saved.read_bytes())).paragraphs)
    assert EDITED in text
    assert FrozenVersion.objects.get(report=report).frozen_by == drafter
    page.screenshot(path=str(artifacts / "report-frozen.png"), full_page=True)
