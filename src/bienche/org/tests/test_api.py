import datetime as dt
import json

import pytest
from django.test import Client

from bienche.core.clock import now
from bienche.core.models import ApiToken
from bienche.core.tokens import api_token_create
from bienche.org.models import ReorgEvent, UnitVersion
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_user("boss", password="pw-12345678")
    membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)
    return user


@pytest.fixture
def client_admin(admin):
    small_city()
    c = Client()
    c.force_login(admin)
    return c


def post(c, path, body):
    return c.post(
        f"/api/v1/org{path}",
        data=json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
    )


RENAME = {
    "code": "S1",
    "name": "Sở Mới",
    "effective_on": "2023-01-01",
    "basis_number": "12/QĐ-UBND",
    "basis_issuer": "UBND TP",
}


def test_anonymous_gets_401_problem():
    resp = Client().get("/api/v1/org/units")
    assert resp.status_code == 401
    assert resp["Content-Type"] == "application/problem+json"
    assert resp.json()["code"] == "unauthorized"


def test_units_list_keyset_pagination(client_admin):
    first = client_admin.get("/api/v1/org/units?as_of=2021-01-01&limit=4").json()
    assert [u["code"] for u in first["items"]] == ["C1", "D1", "D2", "HN"]
    second = client_admin.get(
        f"/api/v1/org/units?as_of=2021-01-01&limit=4&cursor={first['next_cursor']}"
    ).json()
    assert [u["code"] for u in second["items"]] == ["S1", "S2", "UB", "W1"]
    third = client_admin.get(
        f"/api/v1/org/units?as_of=2021-01-01&limit=4&cursor={second['next_cursor']}"
    ).json()
    assert [u["code"] for u in third["items"]] == ["W2"]
    assert third["next_cursor"] is None


def test_units_filters(client_admin):
    r = client_admin.get("/api/v1/org/units?as_of=2021-01-01&kind=ward").json()
    assert [u["code"] for u in r["items"]] == ["W1", "W2"]
    r = client_admin.get("/api/v1/org/units?as_of=2021-01-01&parent=UB").json()
    assert [u["code"] for u in r["items"]] == ["S1", "S2"]
    r = client_admin.get("/api/v1/org/units?as_of=2021-01-01&search=huyện").json()
    assert [u["code"] for u in r["items"]] == ["D2"]


def test_rename_then_history_and_detail_as_of(client_admin):
    resp = post(client_admin, "/events/rename", RENAME)
    assert resp.status_code == 201, resp.content
    assert resp.json()["units"] == ["S1"]
    hist = client_admin.get("/api/v1/org/units/S1/history").json()
    assert [v["name"] for v in hist["versions"]] == ["Sở Một", "Sở Mới"]
    old = client_admin.get("/api/v1/org/units/S1?as_of=2022-12-31").json()
    assert old["name"] == "Sở Một"


def test_bad_input_is_problem_details_and_writes_nothing(client_admin):
    n = ReorgEvent.objects.count()
    cases = [
        ({**RENAME, "code": "NOPE"}, 404, "unit_unknown"),
        ({**RENAME, "effective_on": "2023-13-45"}, 422, "invalid_input"),
        ({**RENAME, "effective_on": "2019-01-01"}, 422, "unit_not_active"),
        ({**RENAME, "basis_number": ""}, 422, "invalid_input"),
        ("{not json", 422, None),
    ]
    for body, status, code in cases:
        resp = post(client_admin, "/events/rename", body)
        assert resp.status_code in {status, 400}, (body, resp.content)
        problem = resp.json()
        assert problem["status"] == resp.status_code
        assert "detail" in problem
        if code:
            assert problem["code"] == code
            assert problem["detail_vi"]
    assert ReorgEvent.objects.count() == n


def test_cycle_refused_via_api(client_admin):
    ok = post(client_admin, "/events/transfer", {**RENAME, "new_parent_code": "S1", "code": "S2"})
    assert ok.status_code == 201
    bad = post(
        client_admin,
        "/events/transfer",
        {**RENAME, "code": "S1", "new_parent_code": "S2", "effective_on": "2023-02-01"},
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "cycle"
    assert bad.json()["field"] == "parent"


def test_merge_and_lineage(client_admin):
    body = {
        "predecessor_codes": ["W1", "W2"],
        "effective_on": "2024-01-01",
        "basis_number": "1/NQ",
        "successor": {"code": "W9", "name": "Phường Chín", "kind": "ward", "parent_code": "D1"},
    }
    assert post(client_admin, "/events/merge", body).status_code == 201
    lin = client_admin.get("/api/v1/org/units/W9/lineage").json()
    assert sorted(s["predecessor_code"] for s in lin["steps"]) == ["W1", "W2"]
    fwd = client_admin.get("/api/v1/org/units/W1/lineage?direction=forward").json()
    assert [s["successor_code"] for s in fwd["steps"]] == ["W9"]


def test_token_auth_and_scope(django_user_model):
    small_city()
    officer = django_user_model.objects.create_user("officer", password="pw-12345678")
    membership_grant(user=officer, role="unit_officer", unit_code="D1", acting_user=None)
    _r, read_only = api_token_create(user=officer, name="r", acting_user=None)
    _t, raw = api_token_create(user=officer, name="t", acting_user=None, scope="write")
    c = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    codes = [u["code"] for u in c.get("/api/v1/org/units?as_of=2021-01-01").json()["items"]]
    assert codes == ["D1", "W1", "W2"]
    assert c.get("/api/v1/org/units/S1").status_code == 404
    body = {**RENAME, "code": "S1"}
    assert post(c, "/events/rename", body).status_code == 404
    assert (
        post(c, "/events/rename", {**body, "code": "W1", "name": "Phường Một A"}).status_code == 201
    )
    assert Client(HTTP_AUTHORIZATION="Bearer nope").get("/api/v1/org/units").status_code == 401
    reader = Client(HTTP_AUTHORIZATION=f"Bearer {read_only}")
    assert reader.get("/api/v1/org/units").status_code == 200
    w1 = {**body, "code": "W1", "name": "Phường Một B"}
    assert post(reader, "/events/rename", w1).status_code == 401  # read scope cannot write
    ApiToken.objects.filter(name="t").update(expires_at=now() - dt.timedelta(seconds=1))
    assert c.get("/api/v1/org/units").status_code == 401  # expired


def test_session_post_requires_csrf(admin):
    small_city()
    c = Client(enforce_csrf_checks=True)
    c.force_login(admin)
    resp = post(c, "/events/rename", RENAME)
    assert resp.status_code == 403
    assert UnitVersion.objects.filter(unit__code="S1").count() == 1


def test_openapi_document(client_admin):
    doc = Client().get("/api/v1/openapi.json")
    assert doc.status_code == 200
    paths = doc.json()["paths"]
    assert "/api/v1/org/units" in paths
    assert "/api/v1/org/events/merge" in paths


def test_counts(client_admin):
    r = client_admin.get("/api/v1/org/counts?as_of=2021-01-01").json()
    assert r["by_level"] == {"city": 4, "district": 2, "commune": 3}
    assert dt.date.fromisoformat(r["on"]) == dt.date(2021, 1, 1)


def test_nul_characters_refused_everywhere(client_admin):
    body = {**RENAME, "name": "Sở\u0000Mới"}
    resp = post(client_admin, "/events/rename", body)
    assert resp.status_code == 400
    assert resp.json()["code"] == "http_400"
    assert "NUL" in resp.json()["detail_vi"]
    assert client_admin.get("/api/v1/org/units?search=a%00b").status_code == 400
    assert client_admin.get("/api/v1/org/units/S%001").status_code == 400
    assert ReorgEvent.objects.count() == 1


def test_api_rate_limit(django_user_model, settings):
    from bienche.api import api

    small_city()
    user = django_user_model.objects.create_user("busy", password="pw-12345678")
    membership_grant(user=user, role="viewer", unit_code="D1", acting_user=None)
    _t, raw = api_token_create(user=user, name="t", acting_user=None)
    c = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    throttle = api.throttle[0]
    old = throttle.rate, throttle.num_requests, throttle.duration
    throttle.rate, throttle.num_requests, throttle.duration = "3/m", 3, 60
    try:
        codes = [c.get("/api/v1/org/counts").status_code for _ in range(5)]
    finally:
        throttle.rate, throttle.num_requests, throttle.duration = old
    assert codes == [200, 200, 200, 429, 429]
