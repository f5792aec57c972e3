"""The Hòa Lạc API and CLI: stage moves with versions (409 when stale), problem details on
bad input, the park report as JSON and as a real XLSX workbook, the import from a file."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from django.test import Client

from bienche.cli import main
from bienche.core.tokens import api_token_create
from bienche.investment.enums import Stage
from bienche.investment.models import Project
from bienche.investment.permissions import BOARD_CODE
from bienche.investment.tests.factories import land_project, park, project, walk_to
from bienche.org.services.access import membership_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(django_user_model):
    park()
    user = django_user_model.objects.create_user("bql", password="pw-12345678")
    membership_grant(user=user, role="unit_officer", unit_code=BOARD_CODE, acting_user=None)
    token = api_token_create(user=user, name="t", acting_user=None, scope="write")[1]
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_stage_through_the_api_with_versions(api):
    p = project(stage_on=dt.date(2024, 1, 2))
    body = {"stage": "contacted", "on": "2024-02-01", "next_step": "Gặp", "expected_version": 1}
    resp = api.post(
        f"/api/v1/hoalac/projects/{p.code}/stage", body, content_type="application/json"
    )
    assert resp.status_code == 200
    assert (resp.json()["stage"], resp.json()["version"]) == ("contacted", 2)
    resp = api.post(
        f"/api/v1/hoalac/projects/{p.code}/stage",
        body | {"stage": "site_visit"},
        content_type="application/json",
    )
    assert resp.status_code == 409
    assert resp["Content-Type"] == "application/problem+json"
    body = {"stage": "registration", "on": "2024-03-01", "next_step": "x", "expected_version": 2}
    resp = api.post(
        f"/api/v1/hoalac/projects/{p.code}/stage", body, content_type="application/json"
    )
    assert resp.status_code == 422
    assert resp.json()["code"] == "hoalac_stage_out_of_order"
    assert "giai đoạn" in resp.json()["detail_vi"]


def test_disbursement_above_registered_is_422_with_field(api):
    p = walk_to(land_project(), Stage.REGISTRATION, amount=10**9)
    body = {"on": "2024-09-01", "amount": 2 * 10**9, "expected_version": p.version}
    resp = api.post(
        f"/api/v1/hoalac/projects/{p.code}/disbursements", body, content_type="application/json"
    )
    assert resp.status_code == 422
    assert (resp.json()["code"], resp.json()["field"]) == (
        "hoalac_disbursed_above_registered",
        "amount",
    )


def test_dashboard_api(api):
    walk_to(land_project(ha=2), Stage.OPERATION, amount=5 * 10**11)
    data = api.get("/api/v1/hoalac/dashboard?as_of=2026-01-01").json()
    assert data["totals"]["projects"] == 1
    assert data["totals"]["registered"] == 5 * 10**11
    assert next(z for z in data["land_by_zone"] if z["zone"] == "Z1")["occupied"] == 2


def test_cli_report_json_and_xlsx(capsys, tmp_path):
    park()
    walk_to(land_project(ha=2), Stage.OPERATION, amount=5 * 10**11)
    assert main(["hoalac", "report", "--as-of", "2026-01-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["projects"] == 1
    assert data["by_stage"][-1]["projects"] == 1
    out = tmp_path / "r.xlsx"
    assert main(["hoalac", "report", "--format", "xlsx", "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Tổng hợp"
    assert "Dự án" in wb.sheetnames
    summary = {r[0]: r[1] for r in wb["Tổng hợp"].iter_rows(min_row=3, values_only=True)}
    assert summary["Vốn đăng ký (VND)"] == 5 * 10**11


def test_cli_import_refuses_a_bad_file_and_writes_nothing(capsys, tmp_path):
    park()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "Mã dự án",
            "Tên dự án",
            "Nhà đầu tư",
            "Quốc gia",
            "Lĩnh vực",
            "Luồng",
            "Giai đoạn",
            "Ngày vào giai đoạn",
        ]
    )
    ws.append(["HL-1", "A", "Công ty Một", "VN", "software", "new", "Tiềm năng", "2024-01-02"])
    ws.append(["HL-2", "B", "Công ty Hai Ba", "VN", "phần mềm", "new", "Xây dựng", "2024-01-02"])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    assert main(["hoalac", "import", str(path)]) == 4
    err = capsys.readouterr().err
    assert "dòng 3" in err
    assert not Project.objects.exists()
