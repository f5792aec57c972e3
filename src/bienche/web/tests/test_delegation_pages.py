"""Delegation pages: the register, who decides, a power's chain, a transfer and its
review form, the review register, statistics, import, and the unit page's powers."""

from __future__ import annotations

import pytest
import xlsxwriter
from django.test import Client

from bienche.delegation.models import Review, Transfer
from bienche.delegation.tests.factories import delegation, doc, power, transfer
from bienche.delegation.transfers_xlsx import COLUMNS
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    small_city()
    power("P1", name="Giao đất, cho thuê đất")
    transfer(to="D1", document=doc("5/2022/NQ-HĐND", kind="council_resolution"))
    user = django_user_model.objects.create_user("admin", password="pw")
    membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)
    client = Client()
    client.force_login(user)
    return client


def test_register_filters_and_export(admin):
    page = admin.get("/delegation/", {"field": "land", "level": "district"})
    assert page.status_code == 200
    assert "5/2022/NQ-HĐND" in page.content.decode()
    assert "5/2022/NQ-HĐND" not in admin.get("/delegation/", {"field": "health"}).content.decode()
    xlsx = admin.get("/delegation/transfers.xlsx")
    assert xlsx["Content-Disposition"].startswith("attachment")


def test_who_decides_answers_with_the_chain(admin):
    html = admin.get("/delegation/who/", {"power": "giao đất", "unit": "W1"}).content.decode()
    assert 'data-testid="who-decides">Quận Một' in html
    assert "5/2022/NQ-HĐND" in html
    unknown = admin.get("/delegation/who/", {"power": "P1", "unit": "NOPE"}).content.decode()
    assert 'role="alert"' in unknown


def test_power_page_lists_its_chain_of_documents(admin):
    html = admin.get("/delegation/powers/P1/").content.decode()
    assert "Luật Đất đai 2024" in html
    assert "5/2022/NQ-HĐND" in html
    assert admin.get("/delegation/powers/NOPE/").status_code == 404


def test_transfer_page_records_a_review(admin):
    t = delegation(to="S1")
    assert admin.get(f"/delegation/transfers/{t.pk}/").status_code == 200
    resp = admin.post(
        f"/delegation/transfers/{t.pk}/",
        {
            "expected_version": 1,
            "reviewed_on": "2024-05-01",
            "outcome": "keep",
            "next_review_on": "2026-05-01",
        },
    )
    assert resp.status_code == 302
    assert Review.objects.filter(transfer=t).count() == 1
    stale = admin.post(
        f"/delegation/transfers/{t.pk}/",
        {"expected_version": 1, "reviewed_on": "2024-05-01", "outcome": "keep"},
    )
    assert "tải lại" in stale.content.decode() or "reload" in stale.content.decode()


def test_review_register_stats_and_unit_tab(admin):
    assert admin.get("/delegation/review/").status_code == 200
    stats = admin.get("/delegation/stats/", {"year": 2024}).content.decode()
    assert 'data-testid="stats-figures"' in stats
    unit = admin.get("/org/units/D1/").content.decode()
    assert 'data-testid="unit-powers"' in unit
    assert "/delegation/powers/P1/" in unit


def test_import_page_all_or_nothing(admin, tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, list(COLUMNS))
    row = {
        "Mã thẩm quyền": "P9",
        "Hình thức": "phân cấp",
        "Cơ quan chuyển giao": "UB",
        "Đơn vị nhận": "D2",
        "Từ ngày": "2023-01-01",
        "Số văn bản": "1/QĐ",
        "Ngày văn bản": "2023-01-01",
    }
    ws.write_row(1, 0, [row.get(c, "") for c in COLUMNS])
    wb.close()
    with path.open("rb") as f:
        resp = admin.post("/delegation/import/", {"file": f})
    assert 'data-testid="import-problems"' in resp.content.decode()
    assert Transfer.objects.count() == 1
