"""Checks shared by the pricing services (each raises ``InvalidInput`` naming the field)."""

from __future__ import annotations

import re
from typing import Any

from bienche.core.errors import Forbidden, InvalidInput
from bienche.org.permissions import is_city_admin
from bienche.pricing import messages as m


def guard_admin(user: Any, action: str, action_en: str) -> None:
    """Refuse a real user who is not a city administrator (demo and CLI act as the system)."""
    if getattr(user, "is_authenticated", False) and not is_city_admin(user):
        raise Forbidden(m.NOT_ALLOWED, action=action, action_en=action_en)


def amount(value: Any, field: str, what: str, what_en: str) -> int:
    """A non-negative integer VND amount."""
    if isinstance(value, bool):
        value = None
    raw = str(value).strip().replace(" ", "")
    if re.fullmatch(r"-?\d+\.0+", raw):  # a number cell read as text: "1485000000.0"
        raw = raw.split(".")[0]
    elif re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", raw):  # thousands separators
        raw = raw.replace(".", "").replace(",", "")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise InvalidInput(
            m.NUMBER_INVALID, field=field, what=what, what_en=what_en, value=value
        ) from None
    if number < 0:
        raise InvalidInput(m.NEGATIVE, field=field, what=what, what_en=what_en, value=value)
    return number


def text(value: Any, field: str, what: str, what_en: str, limit: int = 255) -> str:
    out = str(value or "").strip()
    if not out:
        raise InvalidInput(m.FIELD_REQUIRED, field=field, what=what, what_en=what_en)
    return out[:limit]
