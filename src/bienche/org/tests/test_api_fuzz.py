"""Schemathesis: generated requests against every API operation never cause a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from bienche.core.tokens import api_token_create
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Calling the WSGI app directly fires request_finished, which would close the test's
    database connection (and its transaction) on PostgreSQL; Django's test client avoids
    this the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(django_user_model):
    if not django_user_model.objects.filter(username="fuzz").exists():
        small_city()
        user = django_user_model.objects.create_user("fuzz", password="pw-12345678")
        membership_grant(user=user, role="city_admin", unit_code=None, acting_user=None)
    user = django_user_model.objects.get(username="fuzz")
    return api_token_create(user=user, name="fuzz", acting_user=None, scope="write")[1]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_error(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
    )
