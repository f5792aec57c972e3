"""Fixtures of the web page tests: a small city with steering tasks and signed-in clients."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.clock import today
from bienche.org.tests.factories import small_city
from bienche.steering.tests.factories import document, task
from bienche.web.tests.steering_support import _client


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def city():
    """Small city with one document: an overdue task of D1, an open one of D1 due in a
    month, and one of D2."""
    small_city()
    doc = document()
    soon = today() + dt.timedelta(days=30)
    return {
        "doc": doc,
        "late": task(doc, "D1", content="Rà soát biên chế Quận Một"),
        "open": task(doc, "D1", content="Báo cáo chuyển đổi số", item="2", deadline=soon),
        "other": task(doc, "D2", content="Nhiệm vụ của Huyện Hai", item="3"),
    }


@pytest.fixture
def admin(city, django_user_model):
    return _client(django_user_model, "boss", "city_admin", None)


@pytest.fixture
def officer(city, django_user_model):
    return _client(django_user_model, "o1", "unit_officer", "D1")


@pytest.fixture
def viewer(city, django_user_model):
    return _client(django_user_model, "v1", "viewer", "D1")
