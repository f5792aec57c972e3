"""Roster services: people and their dated assignments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.dating import q_overlapping, q_valid_on
from bienche.core.errors import InvalidInput, NotFound
from bienche.staffing import messages as m
from bienche.staffing.enums import EndReason
from bienche.staffing.models import Assignment, JobPositionVersion, Person
from bienche.staffing.services.positions import _unit_id
from bienche.staffing.validation import check_personal_id, check_rank_step

PERSON_FIELDS = ("full_name", "birth_date", "sex", "education", "qualifications")


@transaction.atomic
def person_upsert(
    *,
    personal_id: str,
    full_name: str,
    birth_date: dt.date,
    sex: str,
    education: str = "",
    qualifications: str = "",
    acting_user: Any,
) -> Person:
    pid = check_personal_id(personal_id)
    data = {
        "full_name": full_name.strip(),
        "birth_date": birth_date,
        "sex": sex,
        "education": education,
        "qualifications": qualifications,
    }
    person = Person.objects.select_for_update().filter(personal_id=pid).first()
    if person is None:
        person = Person.objects.create(personal_id=pid, **data)
        audit_record(
            actor=acting_user,
            action="staffing.person.create",
            entity_type="person",
            entity_id=person.pk,
            after={"personal_id": "***", **data},
        )
        return person
    before = {f: getattr(person, f) for f in PERSON_FIELDS}
    if before != data:
        Person.objects.filter(pk=person.pk).update(**data)
        audit_record(
            actor=acting_user,
            action="staffing.person.update",
            entity_type="person",
            entity_id=person.pk,
            before=before,
            after=data,
        )
        person.refresh_from_db()
    return person


def _position(unit_id: int, code: str | None, on: dt.date) -> tuple[int | None, str]:
    if not code:
        return None, ""
    version = (
        JobPositionVersion.objects.filter(position__unit_id=unit_id, position__code=code)
        .filter(q_valid_on(on))
        .first()
    )
    if version is None:
        raise InvalidInput(m.POSITION_UNKNOWN, field="position_code", unit=unit_id, code=code)
    return version.position_id, version.min_group


@transaction.atomic
def assignment_start(
    *,
    personal_id: str,
    unit_code: str,
    staff_category: str,
    rank_code: str,
    step: int,
    coefficient_h: int,
    valid_from: dt.date,
    position_code: str | None = None,
    last_step_date: dt.date | None = None,
    leadership_coef_h: int = 0,
    sector_allowance_bp: int = 0,
    acting_user: Any,
) -> Assignment:
    """Start an assignment; an open one that began earlier ends the day this one starts."""
    person = Person.objects.filter(personal_id=check_personal_id(personal_id)).first()
    if person is None:
        raise NotFound(m.PERSON_UNKNOWN, field="personal_id", pid=personal_id)
    unit_id = _unit_id(unit_code, valid_from)
    position_id, min_group = _position(unit_id, position_code, valid_from)
    group = check_rank_step(
        rank_code=rank_code,
        step=step,
        staff_category=staff_category,
        min_group=min_group,
        position=position_code or "",
    )
    _end_open(person, valid_from, unit_id, acting_user)
    clash = Assignment.objects.filter(person=person).filter(q_overlapping(valid_from, None))
    if clash.exists():
        raise InvalidInput(
            m.ASSIGNMENT_OVERLAP,
            field="valid_from",
            pid=personal_id,
            other=clash.first().valid_from,
        )
    a = Assignment.objects.create(
        person=person,
        unit_id=unit_id,
        position_id=position_id,
        staff_category=staff_category,
        rank_code=rank_code,
        salary_group=group,
        step=step,
        coefficient_h=coefficient_h,
        last_step_date=last_step_date,
        leadership_coef_h=leadership_coef_h,
        sector_allowance_bp=sector_allowance_bp,
        valid_from=valid_from,
    )
    audit_record(
        actor=acting_user,
        action="staffing.assignment.start",
        entity_type="assignment",
        entity_id=a.pk,
        after={
            "person": person.pk,
            "unit": unit_code,
            "position": position_code,
            "rank": rank_code,
            "step": step,
            "valid_from": valid_from,
        },
    )
    return a


def _end_open(person: Person, on: dt.date, unit_id: int, acting_user: Any) -> None:
    prev = (
        Assignment.objects.select_for_update()
        .filter(person=person, valid_to__isnull=True, valid_from__lt=on)
        .first()
    )
    if prev is None:
        return
    reason = EndReason.CHANGE if prev.unit_id == unit_id else EndReason.TRANSFER
    Assignment.objects.filter(pk=prev.pk).update(valid_to=on, end_reason=reason)
    audit_record(
        actor=acting_user,
        action="staffing.assignment.end",
        entity_type="assignment",
        entity_id=prev.pk,
        before={"valid_to": None},
        after={"valid_to": on, "end_reason": reason},
    )


@transaction.atomic
def assignment_end(*, personal_id: str, on: dt.date, reason: str, acting_user: Any) -> Assignment:
    if reason not in EndReason.values:
        raise InvalidInput(m.END_REASON_INVALID, field="reason", reason=reason)
    a = (
        Assignment.objects.select_for_update()
        .filter(person__personal_id=personal_id, valid_to__isnull=True)
        .filter(valid_from__lt=on)
        .first()
    )
    if a is None:
        raise InvalidInput(m.ASSIGNMENT_NONE, field="personal_id", pid=personal_id, on=on)
    Assignment.objects.filter(pk=a.pk).update(valid_to=on, end_reason=reason)
    audit_record(
        actor=acting_user,
        action="staffing.assignment.end",
        entity_type="assignment",
        entity_id=a.pk,
        before={"valid_to": None},
        after={"valid_to": on, "end_reason": reason},
    )
    a.refresh_from_db()
    return a
