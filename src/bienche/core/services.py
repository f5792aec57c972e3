"""Core services: the generic allow-listed update and the working-day calendar overrides."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput, Message
from bienche.core.models import CalendarOverride

OVERRIDE_DAY_INVALID = Message(
    "override_day_invalid",
    "Ngày «{day}» không hợp lệ: cần một ngày (không kèm giờ).",
    "Day «{day}» is invalid: a date without time is required.",
)
OVERRIDE_KIND_INVALID = Message(
    "override_kind_invalid",
    "Loại ngày «{kind}» không hợp lệ: chọn ngày làm việc (working) hoặc ngày nghỉ (day_off).",
    "Day kind «{kind}» is invalid: choose working or day_off.",
)
OVERRIDE_REASON_REQUIRED = Message(
    "override_reason_required",
    "Cần ghi lý do điều chỉnh ngày làm việc.",
    "A reason for the calendar change is required.",
)
OVERRIDE_TEXT_TOO_LONG = Message(
    "override_text_too_long",
    "Nội dung quá dài: tối đa {limit} ký tự.",
    "Text too long: at most {limit} characters.",
)
TEXT_LIMIT = 255
OVERRIDE_FIELDS = ["kind", "reason", "basis"]


def _check_updatable(instance: models.Model, name: str) -> None:
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is None or not field.concrete or field.many_to_many or field.primary_key:
        raise ValueError(f"{name} cannot be updated through model_update")


def _auto_now_fields(instance: models.Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]


def model_update[M: models.Model](
    *, instance: M, fields: list[str], data: dict[str, Any]
) -> tuple[M, bool]:
    """Set the allow-listed ``fields`` that ``data`` carries; save only if something changed.

    Keys of ``data`` outside ``fields`` are ignored; a name in ``fields`` that is not a
    concrete, non-key, non-many-to-many field of the model is a programming error
    (``ValueError``). Changed instances are validated with ``full_clean`` and saved with
    ``update_fields`` (plus any ``auto_now`` field). Returns ``(instance, has_changed)``.
    """
    changed = []
    for name in fields:
        _check_updatable(instance, name)
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    if not changed:
        return instance, False
    instance.full_clean()
    instance.save(update_fields=[*changed, *_auto_now_fields(instance)])
    return instance, True


def _validate_override(day: Any, kind: str, reason: str, basis: str) -> None:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidInput(OVERRIDE_DAY_INVALID, field="day", day=day)
    if kind not in CalendarOverride.Kind.values:
        raise InvalidInput(OVERRIDE_KIND_INVALID, field="kind", kind=kind)
    if not reason.strip():
        raise InvalidInput(OVERRIDE_REASON_REQUIRED, field="reason")
    for name, text in (("reason", reason), ("basis", basis)):
        if len(text.strip()) > TEXT_LIMIT:
            raise InvalidInput(OVERRIDE_TEXT_TOO_LONG, field=name, limit=TEXT_LIMIT)


def _snapshot(override: CalendarOverride) -> dict[str, str]:
    return {name: getattr(override, name) for name in OVERRIDE_FIELDS}


def calendar_override_set(
    *, day: dt.date, kind: str, reason: str, basis: str = "", acting_user: Any
) -> CalendarOverride:
    """Declare ``day`` a working day or a day off, whatever the default rule says.

    Creates or updates the day's ``CalendarOverride`` and records an audit entry
    (``calendar_override.set``) in the same transaction; setting the same values again
    changes nothing and records nothing. Raises ``InvalidInput`` for a bad day, kind or
    reason.
    """
    _validate_override(day, kind, reason, basis)
    data = {"kind": str(kind), "reason": reason.strip(), "basis": basis.strip()}
    with transaction.atomic():
        current = CalendarOverride.objects.select_for_update().filter(day=day).first()
        if current is None:
            override, before = CalendarOverride.objects.create(day=day, **data), None
        else:
            before = _snapshot(current)
            override, changed = model_update(instance=current, fields=OVERRIDE_FIELDS, data=data)
            if not changed:
                return override
        audit_record(
            actor=acting_user,
            action="calendar_override.set",
            entity_type="calendar_override",
            entity_id=day.isoformat(),
            before=before,
            after=_snapshot(override),
            reason=data["reason"],
        )
    return override
