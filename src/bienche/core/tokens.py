"""API tokens: created once (the raw value is shown once), stored as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import now
from bienche.core.models import ApiToken


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: Any, name: str, acting_user: Any) -> tuple[ApiToken, str]:
    raw = "bc_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip() or "token", digest=_digest(raw))
    audit_record(
        actor=acting_user,
        action="api_token.create",
        entity_type="api_token",
        entity_id=token.pk,
        after={"user": user.get_username(), "name": token.name},
    )
    return token, raw


def api_token_user(raw: str) -> Any | None:
    """The active user owning ``raw``, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now())
    return token.user
