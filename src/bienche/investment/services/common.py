"""Checks shared by the investment services (each raises ``InvalidInput`` naming the field)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

from bienche.core.clock import today
from bienche.core.errors import Conflict, InvalidInput
from bienche.investment import messages as m


def require_text(value: str, field: str, what: str, what_en: str, limit: int = 255) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(m.FIELD_REQUIRED, field=field, what=what, what_en=what_en)
    return text[:limit]


def require_choice(value: str, choices: type[models.TextChoices], field: str, what: str) -> str:
    if value not in choices.values:
        raise InvalidInput(m.CHOICE_INVALID, field=field, value=value, what=what, what_en=field)
    return value


def non_negative(value: Any, field: str, what: str) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        number = Decimal(-1)
    if not number.is_finite() or number < 0 or number > Decimal("9999999"):
        raise InvalidInput(m.NUMBER_INVALID, field=field, what=what, what_en=field, value=value)
    return number


def not_future(day: dt.date, field: str) -> dt.date:
    if day > today():
        raise InvalidInput(m.DATE_FUTURE, field=field, on=day.isoformat())
    return day


def locked[M: models.Model](model: type[M], pk: int, expected_version: int | None) -> M:
    """The row locked for update; a stale ``expected_version`` is a ``Conflict``."""
    row = model.objects.select_for_update().get(pk=pk)
    current = row.version  # type: ignore[attr-defined]
    if expected_version is not None and expected_version != current:
        raise Conflict(m.STALE, field="version", current=current)
    return row
