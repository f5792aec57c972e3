"""Helpers of the steering page tests (fixtures are in conftest.py)."""

from __future__ import annotations

from django.test import Client

from bienche.org.services.access import membership_grant

PDF = b"%PDF-1.4\n% bienche test\n"


def _client(django_user_model, name: str, role: str, unit: str | None) -> Client:
    user = django_user_model.objects.create_user(name, password="pw-12345678")
    membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
    c = Client()
    c.force_login(user)
    return c


def _html(resp) -> str:
    assert resp.status_code == 200, resp.status_code
    return resp.content.decode()
