"""The audit page: city-wide administrators only, filters, XLSX export of what is shown."""

from __future__ import annotations

import openpyxl
import pytest
from django.db import transaction
from django.test import Client

from bienche.core.audit import audit_record
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def clients(django_user_model):
    small_city()
    out = {}
    for name, role, unit in (("boss", "city_admin", None), ("o1", "unit_officer", "D1")):
        user = django_user_model.objects.create_user(name)
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        out[name] = Client()
        out[name].force_login(user)
    with transaction.atomic():
        audit_record(
            actor=None,
            action="steering.task_accepted",
            entity_type="steering.task",
            entity_id=7,
            after={"status": "accepted"},
            reason="Đạt yêu cầu",
        )
    return out


def test_only_city_admins(clients):
    assert clients["o1"].get("/audit/").status_code == 403
    assert clients["o1"].get("/audit.xlsx").status_code == 403
    assert clients["boss"].get("/audit/").status_code == 200


def test_filters_and_export(clients, tmp_path):
    html = clients["boss"].get("/audit/?action=steering.&entity_id=7").content.decode()
    assert "steering.task_accepted" in html
    assert "Đạt yêu cầu" in html
    none = clients["boss"].get("/audit/?action=staffing.").content.decode()
    assert "steering.task_accepted" not in none
    resp = clients["boss"].get("/audit.xlsx?action=steering.")
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"".join(resp.streaming_content))
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][3] == "Thao tác"
    assert [r[3] for r in rows[1:]] == ["steering.task_accepted"]
    bad = clients["boss"].get("/audit/?from=hôm-qua").content.decode()
    assert "YYYY-MM-DD" in bad
