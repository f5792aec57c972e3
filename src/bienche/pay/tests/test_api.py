"""The pay API: scenarios, runs, comparisons and audited explanations, each in scope."""

from __future__ import annotations

import pytest

from bienche.core.models import AuditEntry
from bienche.pay import messages as m
from bienche.pay.services import EXPLAIN_VIEWED
from bienche.pay.tests.factories import C_LINES, EMPLOYER_COST, pay_city, signed_in

pytestmark = pytest.mark.django_db
API = "/api/v1/pay"


@pytest.fixture
def people():
    return pay_city()


@pytest.fixture
def admin(people, django_user_model):
    return signed_in(django_user_model, "boss", "city_admin", None)


@pytest.fixture
def officer(people, django_user_model):
    return signed_in(django_user_model, "o1", "unit_officer", "D1")


@pytest.fixture
def viewer(people, django_user_model):
    return signed_in(django_user_model, "v1", "viewer", "D1")


@pytest.fixture
def outsider(people, django_user_model):
    return signed_in(django_user_model, "o2", "unit_officer", "D2")


def _explained() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=EXPLAIN_VIEWED))


def test_scenarios(admin):
    data = admin.get(f"{API}/scenarios").json()
    assert [s["name"] for s in data] == ["luong-co-so-2024", "nq27-mau"]
    assert data[1]["illustrative"] is True
    assert data[0]["baseline"]


def test_run_city_and_default_unit(admin, officer):
    city = admin.get(f"{API}/run?month=2024-07").json()
    assert (city["unit"], city["headcount"], city["excluded"]) == ("HN", 4, 1)
    assert city["totals"]["employer_cost"] == sum(EMPLOYER_COST.values())
    assert city["exclusions"][0]["rule"] == "leadership"
    assert {r["sector"] for r in city["by_sector"]} == {"general", "education"}
    mine = officer.get(f"{API}/run?month=2024-07").json()
    assert (mine["unit"], mine["headcount"], mine["excluded"]) == ("D1", 3, 1)
    expected = EMPLOYER_COST["A"] + EMPLOYER_COST["B"] + EMPLOYER_COST["C"]
    assert mine["totals"]["employer_cost"] == expected


def test_run_outside_scope_or_bad_input(outsider, admin):
    assert outsider.get(f"{API}/run?month=2024-07&unit=D1").status_code == 404
    bad = admin.get(f"{API}/run?month=2024-13")
    assert (bad.status_code, bad.json()["code"]) == (422, m.MONTH_INVALID.code)
    early = admin.get(f"{API}/run?month=1990-01")
    assert (early.status_code, early.json()["code"]) == (422, m.RULES_REFUSED.code)
    unknown = admin.get(f"{API}/run?month=2024-07&scenario=nope")
    assert (unknown.status_code, unknown.json()["code"]) == (404, m.SCENARIO_UNKNOWN.code)


def test_compare(officer):
    resp = officer.get(f"{API}/compare?from=2024-07&to=2024-12&scenario=luong-co-so-2024")
    data = resp.json()
    assert resp.status_code == 200, data
    assert data["unit"] == "D1"
    assert len(data["monthly"]) == 6
    assert data["difference"] == data["scenario_cost"] - data["baseline_cost"] > 0
    assert data["excluded"] == 1
    assert data["distribution"]["gainers"] == 3
    assert {r["key"] for r in data["by_sector"]} == {"general", "education"}
    assert data["top_units"][0]["key"] in {"D1", "T1"}
    law = officer.get(f"{API}/compare?from=2024-07&to=2024-07").json()
    assert law["scenario"] is None
    assert law["difference"] == 0


def test_explain_in_personal_data_scope_is_audited(officer, people):
    resp = officer.get(f"{API}/people/{people['C']}/explain?month=2024-07")
    data = resp.json()
    assert resp.status_code == 200, data
    amounts = {line["rule"]: line["amount"] for line in data["lines"]}
    assert {k: amounts[k] for k in C_LINES} == C_LINES
    assert data["net"] == C_LINES["net"]
    [entry] = _explained()
    assert entry.entity_type == "staffing.person"
    assert entry.entity_id == str(people["C"])
    assert entry.after["month"] == "2024-07"
    assert entry.actor == officer.user


def test_explain_refused_outside_scope_without_audit(viewer, outsider, people):
    for client in (viewer, outsider):
        assert client.get(f"{API}/people/{people['A']}/explain?month=2024-07").status_code == 404
    assert _explained() == []


def test_explain_person_who_cannot_be_paid(admin, people):
    resp = admin.get(f"{API}/people/{people['E']}/explain?month=2024-07")
    assert (resp.status_code, resp.json()["code"]) == (422, m.RULES_REFUSED.code)
    assert "leadership" in resp.json()["detail"]
    assert len(_explained()) == 1
    assert admin.get(f"{API}/people/{people['A']}/explain?month=2019-07").status_code == 404


def test_compare_refuses_a_period_too_long_or_reversed(admin):
    for query in ("from=2020-01&to=2025-02", "from=2024-07&to=2024-06"):
        resp = admin.get(f"{API}/compare?{query}")
        assert (resp.status_code, resp.json()["code"]) == (422, m.PERIOD_INVALID.code)
