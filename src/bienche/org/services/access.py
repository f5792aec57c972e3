"""Granting roles: a user's role scoped to a unit subtree (or city-wide)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput, Message
from bienche.org.enums import Role
from bienche.org.models import Membership
from bienche.org.selectors import unit_get

ROLE_INVALID = Message(
    "role_invalid", "Vai trò «{role}» không hợp lệ.", "Role «{role}» is invalid."
)
UNIT_REQUIRED = Message(
    "unit_required",
    "Vai trò «{role}» cần gắn với một đơn vị.",
    "Role «{role}» needs a unit.",
)


@transaction.atomic
def membership_grant(
    *, user: Any, role: str, unit_code: str | None, acting_user: Any
) -> Membership:
    if role not in Role.values:
        raise InvalidInput(ROLE_INVALID, field="role", role=role)
    if role != Role.CITY_ADMIN and not unit_code:
        raise InvalidInput(UNIT_REQUIRED, field="unit", role=role)
    unit = unit_get(unit_code) if unit_code else None
    membership, created = Membership.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        audit_record(
            actor=acting_user,
            action="membership.grant",
            entity_type="membership",
            entity_id=membership.pk,
            after={"user": user.get_username(), "role": role, "unit": unit_code},
        )
    return membership
