"""Quota services: set a unit's approved number of people of one kind for a period.

Allocation rule (checked on every date the period touches where a quota changes): the
quotas of a unit's children of one kind, plus the reserve the unit keeps, never exceed the
unit's own quota of that kind. A unit whose parent holds no quota of that kind is top-level.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Sum

from bienche.core.audit import audit_record
from bienche.core.dating import q_overlapping, q_valid_on
from bienche.core.errors import InvalidInput, NotFound
from bienche.org import selectors as org_sel
from bienche.org.messages import UNIT_UNKNOWN
from bienche.staffing import messages as m
from bienche.staffing.enums import QuotaKind
from bienche.staffing.models import Quota


def _breakpoints(unit_ids: list[int], kind: str, start: dt.date, end: dt.date | None) -> set:
    rows = Quota.objects.filter(unit_id__in=unit_ids, kind=kind).filter(q_overlapping(start, end))
    days = {start}
    for vf, vt in rows.values_list("valid_from", "valid_to"):
        if vf > start and (end is None or vf < end):
            days.add(vf)
        if vt and vt > start and (end is None or vt < end):
            days.add(vt)
    return days


def _amount_on(unit_id: int, kind: str, on: dt.date) -> tuple[int, int] | None:
    return (
        Quota.objects.filter(unit_id=unit_id, kind=kind)
        .filter(q_valid_on(on))
        .values_list("amount", "reserve")
        .first()
    )


def _children_total(unit_id: int, kind: str, on: dt.date) -> int:
    kids = org_sel.unit_children_on(unit_id, on)
    total = (
        Quota.objects.filter(unit_id__in=kids, kind=kind)
        .filter(q_valid_on(on))
        .aggregate(n=Sum("amount"))["n"]
    )
    return total or 0


def check_allocation(unit_id: int, kind: str, on: dt.date, code: str) -> None:
    """Raise if, on ``on``, this unit's or its parent's children exceed what it holds."""
    _active, parent_id = org_sel.unit_parent_on(unit_id, on)
    for holder in [h for h in (unit_id, parent_id) if h is not None]:
        held = _amount_on(holder, kind, on)
        if held is None:
            continue
        amount, reserve = held
        children = _children_total(holder, kind, on)
        if children + reserve > amount:
            raise InvalidInput(
                m.QUOTA_OVER_PARENT,
                field="amount",
                kind=kind,
                parent=_code(holder, code),
                children=children + reserve,
                reserve=reserve,
                amount=amount,
                on=on,
            )


def _code(unit_id: int, fallback: str) -> str:
    from bienche.org.models import Unit

    return Unit.objects.filter(pk=unit_id).values_list("code", flat=True).first() or fallback


@transaction.atomic
def quota_set(
    *,
    unit_code: str,
    kind: str,
    amount: int,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    reserve: int = 0,
    basis_number: str,
    basis_date: dt.date | None = None,
    acting_user: Any,
) -> Quota:
    """Set a quota from ``valid_from``. An open-ended quota of the same kind that started
    earlier is closed the day before; any other overlap is refused."""
    if kind not in QuotaKind.values:
        raise InvalidInput(m.QUOTA_KIND_INVALID, field="kind", kind=kind)
    if reserve > amount:
        raise InvalidInput(m.QUOTA_RESERVE_TOO_BIG, field="reserve", reserve=reserve, amount=amount)
    if valid_to is not None and valid_to <= valid_from:
        raise InvalidInput(
            m.QUOTA_DATES, field="valid_to", valid_to=valid_to, valid_from=valid_from
        )
    ids = org_sel.unit_ids_by_code([unit_code])
    if unit_code not in ids:
        raise NotFound(UNIT_UNKNOWN, field="unit", code=unit_code)
    unit_id = ids[unit_code]
    active, _parent = org_sel.unit_parent_on(unit_id, valid_from)
    if not active:
        raise InvalidInput(m.UNIT_NOT_ACTIVE, field="valid_from", code=unit_code, on=valid_from)
    before = _close_previous(unit_id, kind, valid_from)
    clash = (
        Quota.objects.select_for_update()
        .filter(unit_id=unit_id, kind=kind)
        .filter(q_overlapping(valid_from, valid_to))
        .first()
    )
    if clash is not None:
        raise InvalidInput(
            m.QUOTA_OVERLAP, field="valid_from", code=unit_code, kind=kind, other=clash.valid_from
        )
    quota = Quota.objects.create(
        unit_id=unit_id,
        kind=kind,
        amount=amount,
        reserve=reserve,
        valid_from=valid_from,
        valid_to=valid_to,
        basis_number=basis_number,
        basis_date=basis_date,
    )
    _check_period(unit_id, kind, valid_from, valid_to, unit_code)
    audit_record(
        actor=acting_user,
        action="staffing.quota.set",
        entity_type="quota",
        entity_id=quota.pk,
        before=before,
        after={
            "unit": unit_code,
            "kind": kind,
            "amount": amount,
            "reserve": reserve,
            "valid_from": valid_from,
            "valid_to": valid_to,
        },
        reason=basis_number,
    )
    return quota


def _close_previous(unit_id: int, kind: str, on: dt.date) -> dict | None:
    prev = (
        Quota.objects.select_for_update()
        .filter(unit_id=unit_id, kind=kind, valid_to__isnull=True, valid_from__lt=on)
        .first()
    )
    if prev is None:
        return None
    before = {"id": prev.pk, "amount": prev.amount, "valid_from": prev.valid_from}
    Quota.objects.filter(pk=prev.pk).update(valid_to=on)
    return before


def _check_period(unit_id: int, kind: str, start: dt.date, end: dt.date | None, code: str) -> None:
    _a, parent_id = org_sel.unit_parent_on(unit_id, start)
    family = [unit_id, *([parent_id] if parent_id else [])]
    family += org_sel.unit_children_on(unit_id, start)
    if parent_id:
        family += org_sel.unit_children_on(parent_id, start)
    for day in sorted(_breakpoints(family, kind, start, end)):
        check_allocation(unit_id, kind, day, code)
