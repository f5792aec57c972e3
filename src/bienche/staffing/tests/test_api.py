import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.staffing.models import Person, Quota
from bienche.staffing.roster_layout import COLUMNS
from bienche.staffing.tests.factories import pid, position, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(django_user_model):
    small_city()
    position("S1", "CV", headcount=3)
    staff(1, "S1", position="CV")
    staff(2, "S1")
    staff(3, "W1", category="commune_official")
    users = {}
    for name, role, unit in (
        ("admin", "city_admin", None),
        ("officer", "unit_officer", "D1"),
        ("viewer", "viewer", "HN"),
    ):
        u = django_user_model.objects.create_user(name, password="pw-12345678")
        membership_grant(user=u, role=role, unit_code=unit, acting_user=None)
        c = Client()
        c.force_login(u)
        users[name] = c
    return users


def test_summary(setup):
    r = setup["admin"].get("/api/v1/staffing/units/UB/summary?as_of=2022-01-01").json()
    assert {k["kind"]: k["actual"] for k in r["by_kind"]} == {"civil_servant": 2}
    assert r["positions"][0] == {
        "code": "CV",
        "title": "Vị trí CV",
        "needed": 3,
        "filled": 1,
        "vacant": 2,
        "status": "open",
    }
    assert r["people_without_position"] == 1
    assert setup["officer"].get("/api/v1/staffing/units/UB/summary").status_code == 404


def test_quota_post_and_over_parent(setup):
    c = setup["admin"]
    body = {
        "unit_code": "UB",
        "kind": "civil_servant",
        "amount": 10,
        "valid_from": "2022-01-01",
        "basis_number": "1/QĐ",
    }
    assert (
        c.post(
            "/api/v1/staffing/quotas", json.dumps(body), content_type="application/json"
        ).status_code
        == 201
    )
    bad = c.post(
        "/api/v1/staffing/quotas",
        json.dumps({**body, "unit_code": "S1", "amount": 11}),
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "quota_over_parent"
    assert Quota.objects.count() == 1
    denied = setup["officer"].post(
        "/api/v1/staffing/quotas", json.dumps(body), content_type="application/json"
    )
    assert denied.status_code == 404


def test_personal_ids_masked_for_viewers(setup):
    full = setup["admin"].get("/api/v1/staffing/assignments?unit=HN&as_of=2022-01-01").json()
    assert [i["personal_id"] for i in full["items"]] == [pid(1), pid(2), pid(3)]
    masked = setup["viewer"].get("/api/v1/staffing/assignments?unit=HN&as_of=2022-01-01").json()
    assert [i["personal_id"] for i in masked["items"]] == [
        "********0001",
        "********0002",
        "********0003",
    ]
    assert masked["items"][0]["birth_date"] == "1980-**-**"
    officer = setup["officer"].get("/api/v1/staffing/assignments?unit=D1&as_of=2022-01-01")
    assert [i["personal_id"] for i in officer.json()["items"]] == [pid(3)]


def test_assignments_keyset(setup):
    c = setup["admin"]
    first = c.get("/api/v1/staffing/assignments?unit=HN&as_of=2022-01-01&limit=2").json()
    assert len(first["items"]) == 2
    second = c.get(
        "/api/v1/staffing/assignments?unit=HN&as_of=2022-01-01&limit=2"
        f"&cursor={first['next_cursor']}"
    ).json()
    assert [i["personal_id"] for i in second["items"]] == [pid(3)]
    assert second["next_cursor"] is None


def test_roster_upload(setup, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([c.header for c in COLUMNS])
    ws.append(
        [
            "000000000009",
            "Lê Văn Chín",
            "1990-01-01",
            "Nam",
            "",
            "",
            "S2",
            "",
            "civil_servant",
            "01.003",
            "1",
            "2,34",
            "",
            "",
            "",
            "2023-01-01",
        ]
    )
    path = tmp_path / "r.xlsx"
    wb.save(path)
    upload = SimpleUploadedFile("r.xlsx", path.read_bytes())
    r = setup["admin"].post("/api/v1/staffing/roster/import?dry_run=true", {"file": upload})
    assert r.status_code == 200, r.content
    assert r.json()["ok"] is True
    assert not Person.objects.filter(personal_id="000000000009").exists()
    upload = SimpleUploadedFile("r.xlsx", path.read_bytes())
    assert (
        setup["officer"].post("/api/v1/staffing/roster/import", {"file": upload}).status_code == 404
    )


def test_positions_endpoint(setup):
    rows = setup["admin"].get("/api/v1/staffing/units/S1/positions?as_of=2022-01-01").json()
    assert rows == [
        {
            "code": "CV",
            "title": "Vị trí CV",
            "needed": 3,
            "filled": 1,
            "vacant": 2,
            "status": "open",
        }
    ]
