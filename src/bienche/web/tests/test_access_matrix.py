"""Role × route matrix: every web route and API operation, as each role, allowed or denied.

``ROUTES`` (in ``access_matrix_routes.py``) must name every URL of the app (the admin site
aside): a route added without an entry there fails ``test_every_route_is_in_the_matrix``.
Expectations:

* ``ok``     — served (GET: 200; POST: anything but 401/403/404 and never a 5xx);
* ``denied`` — 403 or 404 (404 when the object is outside the user's scope: no leak);
* ``login``  — anonymous: the web redirects to the login page, the API answers 401.

Roles: anonymous, a viewer of district D1, an officer of D1, an officer of D2 (outside D1's
subtree), a city-wide administrator. The objects (unit D1, a task of D1, its document and
product file, a notice of D1) belong to D1, so D2's officer must be denied them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from bienche.core.tokens import api_token_create
from bienche.delegation.tests.factories import delegation, power
from bienche.investment.models import Project
from bienche.investment.tests.factories import park_objects
from bienche.org.models import ReorgEvent
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.pricing.tests.factories import pricing_objects
from bienche.recruitment.tests.factories import exam_in
from bienche.reports.tests.factories import report_with_version
from bienche.staffing.models import Person
from bienche.staffing.tests.factories import pid, staff
from bienche.steering.enums import NoticeKind
from bienche.steering.models import Notice, Task
from bienche.steering.services.lifecycle import task_report
from bienche.steering.tests.factories import document, task
from bienche.territory.tests.factories import saved_proposal, territory_records
from bienche.web.tests.access_matrix_bodies import BODIES
from bienche.web.tests.access_matrix_routes import (
    DENIED,
    LOGIN,
    NOT_SERVED,
    OK,
    PUBLIC,
    ROLES,
    ROUTES,
    SAME_AS,
)

pytestmark = pytest.mark.django_db


def _names(patterns, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue
            out |= _names(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            out.add(p.name)
    return out


def test_every_route_is_in_the_matrix():
    missing = _names(get_resolver().url_patterns) - set(ROUTES) - set(SAME_AS)
    assert missing == set()


@pytest.fixture
def world(django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    small_city()
    staff(1, "D1")  # a person paid by D1 (pay pages and explanations)
    doc = document(
        number="7/TB-VP",
        attachment=SimpleUploadedFile("kl.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
    )
    t = task(doc, "D1", deadline=dt.date(2024, 4, 30))
    event = task_report(
        task=t,
        on=dt.date(2024, 3, 5),
        product_file=SimpleUploadedFile("bc.pdf", b"%PDF-1.4 y", content_type="application/pdf"),
        acting_user=None,
    )
    notice = Notice.objects.create(
        key="matrix",
        kind=NoticeKind.OVERDUE,
        task=t,
        unit=t.lead_unit,
        post="Chủ tịch",
        for_date=dt.date(2024, 5, 2),
        subject="Quá hạn",
    )
    power("P1")
    deleg = delegation(to="W1", from_unit="D1")
    territory_records()
    clients = {"anon": Client()}
    api = {"anon": Client()}
    for role, (membership, unit) in {
        "viewer": ("viewer", "D1"),
        "officer": ("unit_officer", "D1"),
        "outsider": ("unit_officer", "D2"),
        "admin": ("city_admin", None),
    }.items():
        user = django_user_model.objects.create_user(role, password="pw-matrix-2026")
        membership_grant(user=user, role=membership, unit_code=unit, acting_user=None)
        clients[role] = Client()
        clients[role].force_login(user)
        token = api_token_create(user=user, name="matrix", acting_user=None, scope="write")[1]
        api[role] = Client(headers={"Authorization": f"Bearer {token}"})
    ids = {
        "task": t.pk,
        "doc": doc.pk,
        "event": event.pk,
        "notice": notice.pk,
        "reorg": ReorgEvent.objects.first().pk,
        "person": Person.objects.get(personal_id=pid(1)).pk,
        **park_objects(),
        "transfer": deleg.pk,
        **exam_in("D1"),
        "service": pricing_objects(),
        "report": report_with_version("D1"),
        "proposal": saved_proposal(),
    }
    return clients, api, ids


def _verdict(resp, *, api: bool) -> str:
    assert resp.status_code < 500, resp.content[:300]
    if resp.status_code == 401 or (
        resp.status_code == 302 and "/login/" in resp.get("Location", "")
    ):
        return LOGIN
    if resp.status_code in (403, 404):
        return DENIED
    return OK


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_as_each_role(world, name):
    clients, api_clients, ids = world
    method, template, expected = ROUTES[name]
    path = template.format(**ids)
    is_api = path.startswith("/api/")
    for role in ROLES:
        client = (api_clients if is_api else clients)[role]
        if method == "POST" and is_api:
            body = dict(BODIES.get(name, {}))
            if "expected_version" in body:
                model = Project if "project" in template else Task
                pk = {"code": ids["project"]} if model is Project else {"pk": ids["task"]}
                body["expected_version"] = model.objects.get(**pk).version
            if "investor_id" in body:
                body["investor_id"] = ids["investor"]
            resp = client.post(path, body, content_type="application/json")
        else:
            resp = client.post(path, {}) if method == "POST" else client.get(path)
        if name in NOT_SERVED:
            assert resp.status_code == 404, (name, role)
            continue
        if name in PUBLIC:
            assert resp.status_code == 200, (name, role)
            continue
        want = LOGIN if role == "anon" else expected[role]
        got = _verdict(resp, api=is_api)
        if method == "GET" and want == OK:
            assert resp.status_code == 200, (name, role, resp.status_code)
        assert got == want, (name, role, resp.status_code)
