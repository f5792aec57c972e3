from __future__ import annotations

import pytest

from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.reports import drafting
from bienche.reports.tests import fakes


@pytest.fixture
def engine(monkeypatch):
    """The builder and renderers the drafts call."""
    monkeypatch.setattr(drafting, "annual_builder", lambda: fakes.build_annual)
    monkeypatch.setattr(drafting, "renderers", lambda: fakes.render)
    return fakes


@pytest.fixture
def city(db):
    small_city()


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
