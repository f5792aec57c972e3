"""The REST API: who decides, recording with scope checks, 409 on a stale edit, 422 in
Vietnamese and English."""

import datetime as dt

import pytest
from django.test import Client

from bienche.delegation.tests.factories import delegation, power
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db
URL = "/api/v1/delegation"


@pytest.fixture
def clients(django_user_model):
    small_city()
    power("P1")
    out = {}
    for name, role, unit in [("admin", "city_admin", None), ("d2", "unit_officer", "D2")]:
        user = django_user_model.objects.create_user(name, password="pw")
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        out[name] = Client()
        out[name].force_login(user)
    return out


def body(**kw):
    return {
        "power_code": "P1",
        "kind": "delegation",
        "from_unit_code": "UB",
        "to_unit_code": "D1",
        "valid_from": "2023-01-01",
        "term_end": "2099-01-01",
        "document_number": "12/QĐ-UBND",
        "document_date": "2022-12-20",
        **kw,
    }


def test_record_then_ask_who_decides(clients):
    resp = clients["admin"].post(f"{URL}/transfers", body(), content_type="application/json")
    assert resp.status_code == 201, resp.content
    assert resp.json()["status"] == "active"
    who = clients["d2"].get(f"{URL}/who", {"power": "P1", "unit": "W1", "as_of": "2024-01-01"})
    data = who.json()
    assert (data["decides"]["code"], data["responsible"]["code"]) == ("D1", "UB")
    assert data["chain"][1]["document"] == "12/QĐ-UBND"


def test_bad_input_is_a_bilingual_422_and_nothing_is_written(clients):
    resp = clients["admin"].post(
        f"{URL}/transfers", body(term_end=None), content_type="application/json"
    )
    assert resp.status_code == 422
    problem = resp.json()
    assert (problem["code"], problem["field"]) == ("delegation_no_term", "term_end")
    assert "thời hạn" in problem["detail_vi"]
    assert clients["admin"].get(f"{URL}/transfers").json() == []


def test_authority_outside_scope_is_not_found(clients):
    resp = clients["d2"].post(f"{URL}/transfers", body(), content_type="application/json")
    assert resp.status_code == 404


def test_stale_edit_is_a_conflict(clients):
    t = delegation(to="D1")
    url = f"{URL}/transfers/{t.pk}/update"
    ok = clients["admin"].post(
        url, {"expected_version": 1, "conditions": "Báo cáo"}, content_type="application/json"
    )
    assert (ok.status_code, ok.json()["version"]) == (200, 2)
    stale = clients["admin"].post(
        url, {"expected_version": 1, "conditions": "x"}, content_type="application/json"
    )
    assert (stale.status_code, stale.json()["code"]) == (409, "transfer_stale")


def test_power_chain_unit_powers_diff_register_and_stats(clients):
    delegation(to="D1", valid_from=dt.date(2023, 1, 1), review_on=dt.date(2024, 1, 1))
    c = clients["admin"]
    assert len(c.get(f"{URL}/powers/P1").json()["transfers"]) == 1
    assert [r["power"] for r in c.get(f"{URL}/units/D1/powers?as_of=2024-01-01").json()] == ["P1"]
    diff = c.get(f"{URL}/units/D1/diff?from=2022-06-01&to=2024-01-01").json()
    assert [r["power"] for r in diff["gained"]] == ["P1"]
    assert len(c.get(f"{URL}/review-register?as_of=2024-06-01").json()["due"]) == 1
    assert c.get(f"{URL}/stats?year=2024").json()["by_kind"]["delegation"] == 1
