"""Job position services: create a position in a unit, change it from a date, close it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.dating import q_valid_on
from bienche.core.errors import InvalidInput, NotFound
from bienche.org import selectors as org_sel
from bienche.org.messages import UNIT_UNKNOWN
from bienche.staffing import messages as m
from bienche.staffing.catalogue import position_catalogue
from bienche.staffing.enums import PositionCategory, PositionStatus
from bienche.staffing.models import JobPosition, JobPositionVersion
from bienche.staffing.ranks import GROUP_ORDER

VERSION_FIELDS = ("title", "category", "min_group", "headcount", "status")


def _unit_id(unit_code: str, on: dt.date) -> int:
    ids = org_sel.unit_ids_by_code([unit_code])
    if unit_code not in ids:
        raise NotFound(UNIT_UNKNOWN, field="unit", code=unit_code)
    if not org_sel.unit_parent_on(ids[unit_code], on)[0]:
        raise InvalidInput(m.UNIT_NOT_ACTIVE, field="valid_from", code=unit_code, on=on)
    return ids[unit_code]


def _validate(attrs: dict[str, Any]) -> None:
    if not str(attrs.get("title", "")).strip():
        raise InvalidInput(m.POSITION_INVALID, field="title", reason="thiếu tên / title missing")
    if attrs["category"] not in PositionCategory.values:
        raise InvalidInput(
            m.POSITION_INVALID, field="category", reason=f"nhóm «{attrs['category']}» / category"
        )
    if attrs.get("min_group") and attrs["min_group"] not in GROUP_ORDER:
        raise InvalidInput(
            m.POSITION_INVALID,
            field="min_group",
            reason=f"nhóm lương «{attrs['min_group']}» / salary group",
        )
    if int(attrs["headcount"]) < 1:
        raise InvalidInput(m.POSITION_INVALID, field="headcount", reason="số người ≥ 1")
    if attrs.get("status", PositionStatus.OPEN) not in PositionStatus.values:
        raise InvalidInput(m.POSITION_INVALID, field="status", reason="trạng thái / status")


@transaction.atomic
def position_create(
    *,
    unit_code: str,
    code: str,
    title: str = "",
    category: str = "",
    headcount: int,
    min_group: str = "",
    standard: str = "",
    valid_from: dt.date,
    acting_user: Any,
) -> JobPosition:
    """Create a position; with ``standard`` (a catalogue code) the title, category and
    minimum group default to the catalogue entry's."""
    if standard:
        entry = position_catalogue().get(standard)
        if entry is None:
            raise InvalidInput(
                m.POSITION_INVALID,
                field="standard",
                reason=f"không có vị trí chuẩn «{standard}» / unknown standard",
            )
        title, category = title or entry.title, category or entry.category
        min_group = min_group or entry.min_group
    unit_id = _unit_id(unit_code, valid_from)
    attrs = {
        "title": title.strip(),
        "category": category,
        "min_group": min_group,
        "headcount": headcount,
        "status": PositionStatus.OPEN,
    }
    _validate(attrs)
    if JobPosition.objects.filter(unit_id=unit_id, code=code).exists():
        raise InvalidInput(m.POSITION_CODE_TAKEN, field="code", unit=unit_code, code=code)
    position = JobPosition.objects.create(unit_id=unit_id, code=code)
    JobPositionVersion.objects.create(position=position, valid_from=valid_from, **attrs)
    audit_record(
        actor=acting_user,
        action="staffing.position.create",
        entity_type="position",
        entity_id=position.pk,
        after={"unit": unit_code, "code": code, **attrs},
    )
    return position


def _current(unit_code: str, code: str, on: dt.date) -> JobPositionVersion:
    version = (
        JobPositionVersion.objects.select_for_update()
        .filter(position__unit__code=unit_code, position__code=code)
        .filter(q_valid_on(on))
        .first()
    )
    if version is None:
        raise NotFound(m.POSITION_UNKNOWN, field="code", unit=unit_code, code=code)
    return version


@transaction.atomic
def position_change(
    *, unit_code: str, code: str, on: dt.date, acting_user: Any, **changes: Any
) -> JobPositionVersion:
    """Open a new version from ``on`` with ``changes`` (title, headcount, status, …)."""
    cur = _current(unit_code, code, on)
    attrs = {f: getattr(cur, f) for f in VERSION_FIELDS}
    attrs.update({k: v for k, v in changes.items() if k in VERSION_FIELDS and v is not None})
    _validate(attrs)
    if cur.valid_to is not None or cur.valid_from == on:
        raise InvalidInput(
            m.POSITION_INVALID, field="on", reason="đã có thay đổi cùng ngày hoặc sau ngày này"
        )
    JobPositionVersion.objects.filter(pk=cur.pk).update(valid_to=on)
    new = JobPositionVersion.objects.create(position_id=cur.position_id, valid_from=on, **attrs)
    audit_record(
        actor=acting_user,
        action="staffing.position.change",
        entity_type="position",
        entity_id=cur.position_id,
        before={f: getattr(cur, f) for f in VERSION_FIELDS},
        after=attrs,
    )
    return new


@transaction.atomic
def position_close(*, unit_code: str, code: str, on: dt.date, acting_user: Any) -> None:
    cur = _current(unit_code, code, on)
    if cur.valid_to is not None:
        raise InvalidInput(m.POSITION_INVALID, field="on", reason="đã có thay đổi sau ngày này")
    JobPositionVersion.objects.filter(pk=cur.pk).update(valid_to=on)
    audit_record(
        actor=acting_user,
        action="staffing.position.close",
        entity_type="position",
        entity_id=cur.position_id,
        before={"valid_to": None},
        after={"valid_to": on},
    )
