"""Reports tests: a clean cache around every test (cached reads are keyed by the highest
audit id, which a rolled-back test may hand out again); the drafts' users on the small world."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from bienche.org.services.access import membership_grant
from bienche.reports.tests.world import build_world


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def city(db):
    """The reports' small world: D1 (with wards W1, W2 merged into W3 on 01/07/2023), D2."""
    build_world()


@pytest.fixture
def users(city, django_user_model):
    made = {}
    for name, role, unit in (
        ("admin", "city_admin", None),
        ("officer", "unit_officer", "D1"),
        ("viewer", "viewer", "D1"),
        ("outsider", "unit_officer", "D2"),
    ):
        user = django_user_model.objects.create_user(name, password="pw-reports-2026")
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        made[name] = user
    return made
