"""Set many quotas at once (a year's allocation decision for the whole city).

Same rules as ``quota_set``, checked in memory over the whole batch: valid kinds and
amounts, units active on the start date, no overlap with existing quotas or within the
batch, and on every start date the allocation rule (children + reserve ≤ holder). Open
quotas of the same unit and kind that began earlier are closed the day the new one starts.
All rows are written, or none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.org.selectors import unit_tree_as_of
from bienche.staffing import messages as m
from bienche.staffing.enums import QuotaKind
from bienche.staffing.models import Quota


@dataclass(frozen=True)
class QuotaRow:
    unit_code: str
    kind: str
    amount: int
    valid_from: dt.date
    basis_number: str
    reserve: int = 0
    valid_to: dt.date | None = None
    basis_date: dt.date | None = None


def _check_row(r: QuotaRow) -> None:
    if r.kind not in QuotaKind.values:
        raise InvalidInput(m.QUOTA_KIND_INVALID, field="kind", kind=r.kind)
    if r.reserve > r.amount:
        raise InvalidInput(
            m.QUOTA_RESERVE_TOO_BIG, field="reserve", reserve=r.reserve, amount=r.amount
        )
    if r.valid_to is not None and r.valid_to <= r.valid_from:
        raise InvalidInput(
            m.QUOTA_DATES, field="valid_to", valid_to=r.valid_to, valid_from=r.valid_from
        )


@transaction.atomic
def quota_bulk_set(*, rows: list[QuotaRow], acting_user: Any, reason: str = "") -> int:
    for r in rows:
        _check_row(r)
    trees = {d: unit_tree_as_of(d) for d in sorted({r.valid_from for r in rows})}
    ids: dict[str, int] = {}
    by_code = {d: {n.code: n.unit_id for n in t.by_id.values()} for d, t in trees.items()}
    for r in rows:
        uid = by_code[r.valid_from].get(r.unit_code)
        if uid is None:
            raise InvalidInput(m.UNIT_NOT_ACTIVE, field="unit", code=r.unit_code, on=r.valid_from)
        ids[r.unit_code] = uid
    closes = _overlaps(rows, ids)
    for day, tree in trees.items():
        _check_allocation(day, tree, rows, ids, closes)
    for pk, day in closes.items():
        Quota.objects.filter(pk=pk).update(valid_to=day)
    Quota.objects.bulk_create(
        [
            Quota(
                unit_id=ids[r.unit_code],
                kind=r.kind,
                amount=r.amount,
                reserve=r.reserve,
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                basis_number=r.basis_number,
                basis_date=r.basis_date,
            )
            for r in rows
        ],
        batch_size=2000,
    )
    audit_record(
        actor=acting_user,
        action="staffing.quota.bulk_set",
        entity_type="quota",
        entity_id=f"{len(rows)} rows",
        after={"rows": len(rows), "closed": len(closes)},
        reason=reason,
    )
    return len(rows)


def _overlaps(rows: list[QuotaRow], ids: dict[str, int]) -> dict[int, dt.date]:
    """Existing open quotas to close (pk → day); raise on any other overlap."""
    existing: dict[tuple[int, str], list[Quota]] = defaultdict(list)
    for q in Quota.objects.filter(unit_id__in=set(ids.values())):
        existing[(q.unit_id, q.kind)].append(q)
    batch: dict[tuple[int, str], list[QuotaRow]] = defaultdict(list)
    for r in rows:
        batch[(ids[r.unit_code], r.kind)].append(r)
    closes: dict[int, dt.date] = {}
    for key, new in batch.items():
        spans = [(q.valid_from, q.valid_to, q) for q in existing.get(key, [])]
        spans += [(r.valid_from, r.valid_to, None) for r in new]
        spans.sort(key=lambda s: s[0])
        for (a0, a1, q), (b0, _b1, _q2) in zip(spans, spans[1:], strict=False):
            if a0 == b0 or (a1 is not None and a1 > b0):
                raise InvalidInput(
                    m.QUOTA_OVERLAP,
                    field="valid_from",
                    code=new[0].unit_code,
                    kind=key[1],
                    other=a0,
                )
            if a1 is None and q is not None:
                closes[q.pk] = b0
            elif a1 is None:
                raise InvalidInput(
                    m.QUOTA_OVERLAP, field="valid_to", code=new[0].unit_code, kind=key[1], other=a0
                )
    return closes


def _check_allocation(day, tree, rows, ids, closes) -> None:  # type: ignore[no-untyped-def]
    held: dict[tuple[int, str], tuple[int, int]] = {}
    for q in Quota.objects.filter(valid_from__lte=day).exclude(valid_to__lte=day):
        if q.pk not in closes or closes[q.pk] > day:
            held[(q.unit_id, q.kind)] = (q.amount, q.reserve)
    for r in rows:
        if r.valid_from <= day and (r.valid_to is None or day < r.valid_to):
            held[(ids[r.unit_code], r.kind)] = (r.amount, r.reserve)
    children: dict[tuple[int, str], int] = defaultdict(int)
    for (uid, kind), (amount, _res) in held.items():
        node = tree.by_id.get(uid)
        if node is not None and node.parent_id is not None:
            children[(node.parent_id, kind)] += amount
    for (holder, kind), total in children.items():
        if (holder, kind) in held:
            amount, reserve = held[(holder, kind)]
            if total + reserve > amount:
                raise InvalidInput(
                    m.QUOTA_OVER_PARENT,
                    field="amount",
                    kind=kind,
                    parent=tree.by_id[holder].code,
                    children=total + reserve,
                    reserve=reserve,
                    amount=amount,
                    on=day,
                )
