"""Pages: save an alternative from the proposal page, its impact, adopt it; upload
boundaries; the round-period warning."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienche.org.models import ReorgEvent
from bienche.org.services.access import membership_grant
from bienche.territory.models import Adjacency, SavedProposal
from bienche.territory.tests.factories import city_with_records

pytestmark = pytest.mark.django_db
PROPOSE = {"round": "nq35-2023", "parent": "D1", "on": "2023-08-01"}


def _client(django_user_model, role: str, unit: str | None) -> Client:
    user = django_user_model.objects.create_user(role, password="pw-territory-2026")
    membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
    c = Client()
    c.force_login(user)
    return c


def test_save_view_and_adopt(django_user_model):
    city_with_records()
    officer = _client(django_user_model, "unit_officer", "D1")
    page = officer.get("/territory/propose/", PROPOSE)
    assert b'data-testid="save-1"' in page.content
    assert b"period-warning" not in page.content  # 01/08/2023 lies in the round's period
    r = officer.post("/territory/proposals/save/", {**PROPOSE, "rank": "1"})
    saved = SavedProposal.objects.get()
    assert r.status_code == 302
    assert r["Location"] == f"/territory/proposals/{saved.pk}/"
    page = officer.get(r["Location"])
    assert "Phường Hai".encode() in page.content
    assert b'data-testid="impact"' in page.content
    assert b"adopt-form" not in page.content  # officers do not adopt
    assert officer.post(f"/territory/proposals/{saved.pk}/adopt/", {}).status_code == 403
    admin = _client(django_user_model, "city_admin", None)
    page = admin.get(f"/territory/proposals/{saved.pk}/")
    assert b"adopt-form" in page.content
    form = {
        "basis_number": "77/NQ-UBTVQH15",
        "basis_date": "2023-12-01",
        "effective_on": "2024-01-01",
        "name_1": "Phường Hợp Nhất",
        "expected_version": str(saved.version),
    }
    r = admin.post(f"/territory/proposals/{saved.pk}/adopt/", form)
    assert r.status_code == 302
    event = ReorgEvent.objects.get(kind="merge")
    assert event.basis_number == "77/NQ-UBTVQH15"
    assert event.opened_versions.get().name == "Phường Hợp Nhất"
    page = admin.get(f"/territory/proposals/{saved.pk}/")
    assert b'data-testid="adopted"' in page.content
    # a second adoption (e.g. a stale form) is refused with the reason and writes nothing
    r = admin.post(f"/territory/proposals/{saved.pk}/adopt/", form, follow=True)
    assert b"77/NQ-UBTVQH15" in r.content
    assert ReorgEvent.objects.filter(kind="merge").count() == 1
    assert b"saved-proposals" in admin.get("/territory/", {"round": "nq35-2023"}).content


def test_period_warning_on_pages(django_user_model):
    city_with_records()
    c = _client(django_user_model, "viewer", "D1")
    page = c.get("/territory/", {"round": "nq35-2023", "on": "2023-01-01"})
    assert b'data-testid="period-warning"' in page.content
    assert b"01/01/2023" in page.content


def test_upload_boundaries_page(django_user_model):
    city_with_records()
    admin = _client(django_user_model, "city_admin", None)
    bow_tie = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]
    fc = {
        "type": "FeatureCollection",
        "features": [
            {"properties": {"code": "W1"}, "geometry": {"type": "Polygon", "coordinates": bow_tie}}
        ],
    }
    f = SimpleUploadedFile("b.geojson", json.dumps(fc).encode())
    r = admin.post("/territory/import/", {"kind": "boundaries", "file": f})
    assert r.status_code == 422
    assert "«W1»".encode() in r.content
    assert b"Self-intersection" in r.content
    assert Adjacency.objects.get().approximate is False  # the list import's edge, untouched
    f = SimpleUploadedFile("a.csv", b"W1,C1\n")
    r = admin.post("/territory/import/", {"kind": "adjacency", "file": f})
    assert r.status_code == 200
    assert b"import-result" in r.content
