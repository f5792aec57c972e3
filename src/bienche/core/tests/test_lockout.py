"""Lockout after repeated failed logins, through the real login page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from bienche.core.models import LoginAttempt

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-dung-2026"


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("canbo", password=PASSWORD)


def _login(client: Client, password: str, ip: str = "10.0.0.1") -> bool:
    client.post("/login/", {"username": "canbo", "password": password}, REMOTE_ADDR=ip)
    return "_auth_user_id" in client.session


def test_five_failures_lock_the_account_even_for_the_right_password(officer, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 5
    client = Client()
    for _ in range(5):
        assert not _login(client, "sai")
    assert not _login(client, PASSWORD)  # locked
    assert LoginAttempt.objects.filter(username="canbo", succeeded=False).count() == 6


def test_lock_expires_after_the_window(officer, settings):
    client = Client()
    for _ in range(settings.LOGIN_LOCKOUT_FAILURES):
        _login(client, "sai")
    LoginAttempt.objects.update(at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert _login(client, PASSWORD)
    assert LoginAttempt.objects.filter(succeeded=True).count() == 1


def test_fewer_failures_do_not_lock(officer, settings):
    client = Client()
    for _ in range(settings.LOGIN_LOCKOUT_FAILURES - 1):
        _login(client, "sai")
    assert _login(client, PASSWORD)


def test_one_address_trying_many_names_is_locked(officer, settings):
    settings.LOGIN_LOCKOUT_FAILURES = 2  # 20 failures from one address lock the address
    client = Client()
    for i in range(20):
        client.post("/login/", {"username": f"x{i}", "password": "sai"}, REMOTE_ADDR="10.9.9.9")
    assert not _login(client, PASSWORD, ip="10.9.9.9")
    assert _login(Client(), PASSWORD, ip="10.0.0.2")


def test_password_policy_refuses_weak_passwords(officer):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("123456789012", "password123", "short-pw"):
        with pytest.raises(ValidationError):
            validate_password(weak, officer)
    validate_password("Sở-Nội-vụ-tháng-11", officer)


def test_login_form_is_rate_limited_per_address(officer, settings):
    settings.LOGIN_RATE_PER_MINUTE = 3
    settings.LOGIN_LOCKOUT_FAILURES = 100  # the rate limit, not the lockout, is under test
    client = Client()
    codes = [
        client.post("/login/", {"username": "canbo", "password": "sai"}, REMOTE_ADDR="10.7.7.7")
        for _ in range(4)
    ]
    assert [r.status_code for r in codes] == [200, 200, 200, 429]
    assert codes[-1]["Retry-After"] == "60"
    assert "Quá nhiều lần đăng nhập" in codes[-1].content.decode()
    # Limited before the password check: the right password does not get in either...
    assert not _login(client, PASSWORD, ip="10.7.7.7")
    # ...while another address is not affected, and the limit lifts after the minute.
    assert _login(Client(), PASSWORD, ip="10.7.7.8")
    LoginAttempt.objects.filter(ip="10.7.7.7").update(at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert _login(Client(), PASSWORD, ip="10.7.7.7")
