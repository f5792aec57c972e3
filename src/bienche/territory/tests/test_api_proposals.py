"""API: the period warning, saving a proposal (scope), adopting it (city admins; 409 twice)."""

from __future__ import annotations

import pytest
from django.test import Client

from bienche.core.tokens import api_token_create
from bienche.org.services.access import membership_grant
from bienche.territory.tests.factories import city_with_records

pytestmark = pytest.mark.django_db


def _api(django_user_model, name: str, role: str, unit: str | None) -> Client:
    user = django_user_model.objects.create_user(name, password="pw-territory-2026")
    membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
    token = api_token_create(user=user, name="t", acting_user=None, scope="write")[1]
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_warning_save_adopt(django_user_model):
    city_with_records()
    officer = _api(django_user_model, "o", "unit_officer", "D1")
    r = officer.get("/api/v1/territory/check", {"round": "two-tier-2025", "on": "2023-08-01"})
    assert r.status_code == 200
    assert "two-tier-2025" in r.json()["warning"]
    r = officer.get("/api/v1/territory/check", {"round": "nq35-2023", "on": "2023-08-01"})
    assert r.json()["warning"] is None
    body = {"round": "nq35-2023", "parent": "D1", "on": "2023-08-01"}
    r = officer.post("/api/v1/territory/saved", body, content_type="application/json")
    assert r.status_code == 201
    saved = r.json()
    assert saved["impact"]["units_fewer"] == 1
    adopt = {"basis_number": "5/NQ", "effective_on": "2024-01-01", "expected_version": 1}
    url = f"/api/v1/territory/saved/{saved['id']}/adopt"
    assert officer.post(url, adopt, content_type="application/json").status_code == 403
    admin = _api(django_user_model, "a", "city_admin", None)
    r = admin.post(url, adopt, content_type="application/json")
    assert r.status_code == 200
    assert r.json()["status"] == "adopted"
    r = admin.post(url, adopt, content_type="application/json")
    assert r.status_code == 409
    assert r.json()["code"] == "territory_proposal_adopted"
    outsider = _api(django_user_model, "x", "unit_officer", "D2")
    r = outsider.post("/api/v1/territory/saved", body, content_type="application/json")
    assert r.status_code == 404
