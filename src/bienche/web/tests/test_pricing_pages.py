"""The pricing pages: autonomy flags, the price line by line with a what-if, the pilot
dashboard whose verdicts follow the criteria, and the all-or-nothing XLSX import."""

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienche.pricing.accounts_xlsx import HEADERS
from bienche.pricing.models import SchoolAccount
from bienche.pricing.services.pilot import ACCOUNT_FIELDS, school_accounts_record
from bienche.pricing.tests.factories import (
    account,
    finance,
    pilot_schools,
    preschool_service,
    psu_city,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_superuser("pricing-admin", password="pw-2026-x")
    client = Client()
    client.force_login(user)
    return client


def test_autonomy_page_flags_the_difference(admin):
    psu_city()
    finance("P1", 2023, 1_000_000_000, 1_000_000_000, level=3)  # computed 2, approved 3
    finance("P2", 2023, 50_000_000, 1_000_000_000, level=4)  # 5 %: group 4, as approved
    html = admin.get("/pricing/?year=2023").content.decode()
    assert html.count('data-testid="differs"') == 1
    assert "100,00%" in html
    assert "2023/QĐ-P1" in html


def test_price_page_line_by_line_with_what_if(admin):
    preschool_service()
    resp = admin.get("/pricing/services/MN/?on=2024-06-30&base_salary=2340000")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "318.293" in html  # labour line at 1,800,000
    assert "419.822" in html  # full price
    assert "524.859" in html  # what-if at 2,340,000
    assert "105.037" in html  # the change


def test_price_page_without_base_salary_says_so(admin):
    preschool_service()
    from bienche.pricing.models import Norm

    Norm.objects.update(valid_from="1990-01-01")
    resp = admin.get("/pricing/services/MN/?on=1995-01-01")
    assert resp.status_code == 422
    assert "lương cơ sở" in resp.content.decode()


def _pilot():
    codes = pilot_schools()
    factor = {"U": 1.0, "R": 1.15, "M": 1.4}
    area = {"U": "urban", "R": "rural", "M": "mountain"}
    rows = [(n, account(c, area[c[0]], cost_factor=factor[c[0]])) for n, c in enumerate(codes, 2)]
    assert school_accounts_record(year=2023, rows=rows, acting_user=None) == []


def test_pilot_page_follows_the_criteria(admin):
    _pilot()
    html = admin.get("/pricing/pilot/?year=2023").content.decode()
    assert "Tiếp tục có điều chỉnh" in html
    assert 'data-testid="by-area-rural"' in html
    looser = admin.get("/pricing/pilot/?year=2023&continue_from=85").content.decode()
    rural = looser.split('data-testid="by-area-rural"')[1].split("</tr>")[0]
    assert "Tiếp tục có điều chỉnh" not in rural
    bad = admin.get("/pricing/pilot/?year=2023&stop_below=abc").content.decode()
    assert "abc" in bad


def _xlsx(tmp_path, rows):
    path = tmp_path / "accounts.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    for i, r in enumerate(rows, start=1):
        sheet.write_row(i, 0, [r["code"], *(r[f] for f, _vi, _en in ACCOUNT_FIELDS)])
    book.close()
    return SimpleUploadedFile("accounts.xlsx", path.read_bytes())


def test_import_is_all_or_nothing(admin, tmp_path):
    pilot_schools()
    good = account("U1", "urban")
    bad = account("U2", "urban") | {"total_cost": 5}
    resp = admin.post(
        "/pricing/pilot/import/", {"year": 2023, "file": _xlsx(tmp_path, [good, bad])}
    )
    html = resp.content.decode()
    assert resp.status_code == 422
    assert "Tổng chi phí" in html
    assert SchoolAccount.objects.count() == 0
    resp = admin.post("/pricing/pilot/import/", {"year": 2023, "file": _xlsx(tmp_path, [good])})
    assert resp.status_code == 302
    assert SchoolAccount.objects.count() == 1


def test_api_price_and_evaluation(admin):
    preschool_service()
    _pilot()
    price = admin.get("/api/v1/pricing/services/MN/price?as_of=2024-07-01").json()
    assert (price["full"], price["lines"][0]["amount"]) == (524_859, 413_781)
    ev = admin.get("/api/v1/pricing/pilot/evaluation?year=2023&continue_from=85").json()
    assert {v["group"]: v["verdict"] for v in ev["by_area"]}["rural"] == "continue"


def test_a_year_without_pilot_terms(admin):
    html = admin.get("/pricing/pilot/?year=2001").content.decode()
    assert "2001" in html
    assert admin.get("/pricing/pilot/report.docx?year=2001").status_code == 404
    resp = admin.get("/api/v1/pricing/pilot/evaluation?year=2001")
    assert resp.status_code == 422
    assert resp.json()["code"] == "pricing_no_pilot_terms"
