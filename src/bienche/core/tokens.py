"""API tokens: created once (the raw value is shown once), stored as a SHA-256 digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.db.models import Q

from bienche.core.audit import audit_record
from bienche.core.clock import now
from bienche.core.models import ApiToken


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


DEFAULT_DAYS = 90
MAX_DAYS = 366


@transaction.atomic
def api_token_create(
    *,
    user: Any,
    name: str,
    acting_user: Any,
    scope: str = ApiToken.Scope.READ,
    days: int = DEFAULT_DAYS,
) -> tuple[ApiToken, str]:
    """A new token for ``user``, valid ``days`` days (1–366) with ``scope`` read or write."""
    if scope not in ApiToken.Scope.values:
        raise ValueError(f"scope must be one of {ApiToken.Scope.values}")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    raw = "bc_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip() or "token",
        digest=_digest(raw),
        scope=scope,
        expires_at=now() + dt.timedelta(days=days),
    )
    audit_record(
        actor=acting_user,
        action="api_token.create",
        entity_type="api_token",
        entity_id=token.pk,
        after={
            "user": user.get_username(),
            "name": token.name,
            "scope": scope,
            "expires_at": token.expires_at,
        },
    )
    return token, raw


def api_token_user(raw: str, *, write: bool = False) -> Any | None:
    """The active user owning ``raw`` if the token is valid now and its scope allows the
    request (``write`` for any method but GET/HEAD/OPTIONS), else None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked=False, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now()))
        .first()
    )
    if token is None or (write and token.scope != ApiToken.Scope.WRITE):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now())
    return token.user
