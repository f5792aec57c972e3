"""The statistical forms page, downloads (one form, all as ZIP) and the API, by scope."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from bienche.core.tokens import api_token_create
from bienche.org.services.access import membership_grant
from bienche.reports.forms import FORMS
from bienche.reports.tests.forms_world import forms_world, open_sheet, row_of, values

pytestmark = pytest.mark.django_db
Q = "as_of=2024-11-30"


@pytest.fixture
def users(django_user_model):
    forms_world()
    out = {}
    for name, role, unit in (("admin", "city_admin", None), ("d1", "unit_officer", "D1")):
        user = django_user_model.objects.create_user(name, password="pw-forms-2026")
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        client = Client()
        client.force_login(user)
        token = api_token_create(user=user, name="t", acting_user=None, scope="read")[1]
        out[name] = (client, Client(headers={"Authorization": f"Bearer {token}"}))
    return out


def _codes(ws) -> set[str]:  # type: ignore[no-untyped-def]
    last = row_of(ws, "Tổng cộng")
    return {values(ws, r)[1] for r in range(7, last)}


def test_page_lists_every_form_with_links(users):
    web, _api = users["d1"]
    html = web.get(f"/reports/forms/?{Q}").content.decode()
    for spec in FORMS:
        assert f'href="/reports/forms/{spec.code}.xlsx?{Q}&unit=D1"' in html
    assert f'href="/reports/forms/all.zip?{Q}&unit=D1"' in html
    assert 'data-testid="nav-forms"' in html


def test_a_district_officer_gets_only_their_subtree(users):
    web, api = users["d1"]
    resp = web.get(f"/reports/forms/BM02.xlsx?{Q}")
    assert resp.status_code == 200
    assert resp["Content-Disposition"] == 'attachment; filename="BM02-bien-che.xlsx"'
    ws = open_sheet(resp.content)
    assert _codes(ws) == {"W1", "W2"}  # D1's sub-units, not D2, UB or the city's
    assert "(D1)" in ws["A3"].value
    assert web.get(f"/reports/forms/BM02.xlsx?{Q}&unit=D2").status_code == 404
    assert web.get(f"/reports/forms/?{Q}&unit=D2").status_code == 404
    assert web.get(f"/reports/forms/all.zip?{Q}&unit=HN").status_code == 404
    r = api.get(f"/api/v1/reports/forms/BM05?{Q}")
    assert r.status_code == 200
    assert _codes(open_sheet(r.content)) == {"D1"}
    assert api.get(f"/api/v1/reports/forms/BM05?{Q}&unit=D2").status_code == 404


def test_the_city_admin_gets_the_city_and_the_zip(users):
    web, api = users["admin"]
    ws = open_sheet(api.get(f"/api/v1/reports/forms/BM02?{Q}").content)
    assert _codes(ws) == {"D1", "D2", "UB"}
    resp = web.get(f"/reports/forms/all.zip?{Q}")
    assert resp["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(resp.content)) as archive:
        assert sorted(archive.namelist()) == sorted(s.filename() for s in FORMS)
        ws = open_sheet(archive.read("BM01-don-vi-hanh-chinh.xlsx"))
    assert values(ws, row_of(ws, "Tổng cộng"))[-1] == 9


def test_unknown_form_and_bad_date(users):
    web, api = users["admin"]
    r = api.get(f"/api/v1/reports/forms/BM99?{Q}")
    assert r.status_code == 404
    assert r.json()["code"] == "report_form_unknown"
    assert web.get(f"/reports/forms/BM99.xlsx?{Q}").status_code == 404
    assert api.get("/api/v1/reports/forms/BM01?as_of=yesterday").status_code == 422
    page = web.get("/reports/forms/?as_of=31/12/2024")
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
