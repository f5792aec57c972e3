"""Lockout after repeated failed logins (web form and any ``authenticate`` call).

After ``LOGIN_LOCKOUT_FAILURES`` failures for one user name — or ten times that many from
one address — within ``LOGIN_LOCKOUT_MINUTES``, further attempts are refused for the rest of
that window, even with the right password; a success does not reset the count of the
window, so guessing slowly is as slow as guessing fast. Attempts are stored in the database
(``LoginAttempt``), so every worker process sees the same count.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from bienche.core.clock import now
from bienche.core.models import LoginAttempt


def client_ip(request: HttpRequest | None) -> str | None:
    """The peer address (behind nginx, the proxy sets REMOTE_ADDR via the WSGI server)."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


def is_rate_limited(ip: str | None) -> bool:
    """More than ``LOGIN_RATE_PER_MINUTE`` attempts (right or wrong) from one address in the
    last minute: the login form answers 429 without checking the password, so a script
    cannot spend the server's password-hashing CPU. Set high enough for an office behind one
    NAT address signing in at 8 a.m."""
    if ip is None:
        return False
    since = now() - dt.timedelta(minutes=1)
    recent = LoginAttempt.objects.filter(at__gte=since, ip=ip)
    return recent.count() >= settings.LOGIN_RATE_PER_MINUTE


def is_locked(username: str, ip: str | None) -> bool:
    since = now() - dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    limit = settings.LOGIN_LOCKOUT_FAILURES
    if failures.filter(username=username.lower()).count() >= limit:
        return True
    return ip is not None and failures.filter(ip=ip).count() >= limit * 10


class LockoutModelBackend(ModelBackend):
    """``ModelBackend`` that records attempts and refuses locked user names or addresses."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            return None
        ip = client_ip(request)
        if is_locked(username, ip):
            LoginAttempt.objects.create(username=username.lower(), ip=ip, succeeded=False)
            raise PermissionDenied("locked")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        LoginAttempt.objects.create(username=username.lower(), ip=ip, succeeded=user is not None)
        return user
