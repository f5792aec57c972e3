"""How staff, positions and quotas follow a reorganization (registered with org.hooks).

Rules, applied inside the event's transaction:

* Quotas of every unit the event ends are closed on the event date and passed to the
  successors along the lineage edges in proportion to each edge's share (largest remainder,
  so the total is conserved exactly). A successor that already held a quota of that kind
  (absorb) gets a new quota row = old amount + what it receives.
* Job positions of an ended unit move to a successor (for a split, distributed by share in
  position-code order); people follow their position; people without a position are
  distributed by share in personal-identifier order. Assignments are closed with reason
  "reorganization" and reopened unchanged in the successor from the event date.
* A unit ended without successors (dissolve) ends its assignments and quotas with reason
  "reorganization": the event is the recorded reduction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from bienche.core.dating import q_valid_on
from bienche.org.hooks import EventChange
from bienche.org.models import UnitVersion
from bienche.staffing.enums import EndReason
from bienche.staffing.models import Assignment, JobPosition, JobPositionVersion, Quota

POSITION_FIELDS = ("title", "category", "min_group", "headcount", "status")
ASSIGNMENT_FIELDS = (
    "person_id",
    "staff_category",
    "rank_code",
    "salary_group",
    "step",
    "coefficient_h",
    "last_step_date",
    "leadership_coef_h",
    "sector_allowance_bp",
)


def largest_remainder(total: int, shares: Sequence[int]) -> list[int]:
    """Split ``total`` by integer weights so the parts add up to ``total`` exactly."""
    weight = sum(shares)
    if weight == 0:
        return [0] * len(shares)
    raw = [total * s for s in shares]
    parts = [r // weight for r in raw]
    order = sorted(range(len(shares)), key=lambda i: (-(raw[i] % weight), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def on_reorganization(change: EventChange) -> None:
    if not change.ended:
        return
    targets: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pred, succ, share in change.edges:
        if pred in change.ended and pred != succ:
            targets[pred].append((succ, share))
    _move_quotas(change, targets)
    moved = _move_positions(change, targets)
    _move_assignments(change, targets, moved)


def _move_quotas(change: EventChange, targets: dict[int, list[tuple[int, int]]]) -> None:
    on = change.on
    quotas = list(Quota.objects.filter(unit_id__in=change.ended).filter(q_valid_on(on)))
    kept = _quota_kept_by_children(change)
    gains: dict[tuple[int, str], int] = defaultdict(int)
    basis = {}
    for q in quotas:
        dest = sorted(targets.get(q.unit_id, []))
        passing = max(q.amount - kept.get((q.unit_id, q.kind), 0), 0)
        for (succ, _s), part in zip(
            dest, largest_remainder(passing, [s for _u, s in dest]), strict=True
        ):
            gains[(succ, q.kind)] += part
            basis[(succ, q.kind)] = q
    _end_rows(Quota, quotas, on)
    for (succ, kind), amount in sorted(gains.items()):
        current = Quota.objects.filter(unit_id=succ, kind=kind).filter(q_valid_on(on)).first()
        if current is not None and current.valid_from == on:
            Quota.objects.filter(pk=current.pk).update(amount=current.amount + amount)
            continue
        if current is not None:
            Quota.objects.filter(pk=current.pk).update(valid_to=on)
            amount += current.amount
        Quota.objects.create(
            unit_id=succ,
            kind=kind,
            amount=amount,
            valid_from=on,
            valid_to=basis[(succ, kind)].valid_to,
            reserve=current.reserve if current else 0,
            basis_number=change.event.basis_number,
            basis_date=change.event.basis_date,
        )


def _quota_kept_by_children(change: EventChange) -> dict[tuple[int, str], int]:
    """Quota held by sub-units that survive the event (they move elsewhere with their own
    quota), per ended parent and kind: that part of the parent's quota does not pass on."""
    day_before = change.on - dt.timedelta(days=1)
    children = dict(
        UnitVersion.objects.filter(parent_id__in=change.ended)
        .filter(q_valid_on(day_before))
        .exclude(unit_id__in=change.ended)
        .values_list("unit_id", "parent_id")
    )
    kept: dict[tuple[int, str], int] = defaultdict(int)
    for uid, kind, amount in (
        Quota.objects.filter(unit_id__in=children)
        .filter(q_valid_on(change.on))
        .values_list("unit_id", "kind", "amount")
    ):
        kept[(children[uid], kind)] += amount
    return kept


def _move_positions(
    change: EventChange, targets: dict[int, list[tuple[int, int]]]
) -> dict[int, tuple[int, int]]:
    """Return old position id → (new position id, destination unit id)."""
    on = change.on
    versions = list(
        JobPositionVersion.objects.filter(position__unit_id__in=change.ended)
        .filter(q_valid_on(on))
        .select_related("position")
        .order_by("position__unit_id", "position__code")
    )
    by_unit: dict[int, list[JobPositionVersion]] = defaultdict(list)
    for v in versions:
        by_unit[v.position.unit_id].append(v)
    moved: dict[int, tuple[int, int]] = {}
    for unit_id, vs in by_unit.items():
        dest = sorted(targets.get(unit_id, []))
        slots = _spread(len(vs), dest)
        for v, succ in zip(vs, slots, strict=True):
            if succ is None:
                continue
            code = _free_code(succ, v.position.code, unit_id)
            new = JobPosition.objects.create(unit_id=succ, code=code)
            JobPositionVersion.objects.create(
                position=new,
                valid_from=on,
                valid_to=v.valid_to,
                **{f: getattr(v, f) for f in POSITION_FIELDS},
            )
            moved[v.position_id] = (new.pk, succ)
    _end_rows(JobPositionVersion, versions, on)
    return moved


def _end_rows(model, rows, on, **extra) -> None:  # type: ignore[no-untyped-def]
    """End dated rows on ``on``; a row that would have started that very day never took
    effect, so it is removed instead of becoming an empty period."""
    model.objects.filter(pk__in=[r.pk for r in rows if r.valid_from == on]).delete()
    model.objects.filter(pk__in=[r.pk for r in rows if r.valid_from < on]).update(
        valid_to=on, **extra
    )


def _free_code(unit_id: int, code: str, from_unit: int) -> str:
    if not JobPosition.objects.filter(unit_id=unit_id, code=code).exists():
        return code
    return f"{code}~{from_unit}"[:40]


def _spread(n: int, dest: list[tuple[int, int]]) -> list[int | None]:
    """Destination for each of ``n`` items in order, by share; None when nowhere to go."""
    if not dest:
        return [None] * n
    parts = largest_remainder(n, [s for _u, s in dest])
    out: list[int | None] = []
    for (succ, _s), k in zip(dest, parts, strict=True):
        out += [succ] * k
    return out


def _move_assignments(
    change: EventChange,
    targets: dict[int, list[tuple[int, int]]],
    moved: dict[int, tuple[int, int]],
) -> None:
    on = change.on
    active = list(
        Assignment.objects.filter(unit_id__in=change.ended)
        .filter(q_valid_on(on))
        .select_related("person")
        .order_by("unit_id", "person__personal_id")
    )
    loose: dict[int, list[Assignment]] = defaultdict(list)
    new_rows = []
    for a in active:
        if a.position_id in moved:
            new_pos, succ = moved[a.position_id]
            new_rows.append(_reopen(a, succ, new_pos, on))
        else:
            loose[a.unit_id].append(a)
    for unit_id, rows in loose.items():
        for a, succ in zip(rows, _spread(len(rows), sorted(targets.get(unit_id, []))), strict=True):
            if succ is not None:
                new_rows.append(_reopen(a, succ, None, on))
    _end_rows(Assignment, active, on, end_reason=EndReason.REORGANIZATION)
    Assignment.objects.bulk_create(new_rows)


def _reopen(a: Assignment, unit_id: int, position_id: int | None, on) -> Assignment:  # noqa: ANN001
    return Assignment(
        unit_id=unit_id,
        position_id=position_id,
        valid_from=on,
        valid_to=a.valid_to,
        **{f: getattr(a, f) for f in ASSIGNMENT_FIELDS},
    )
