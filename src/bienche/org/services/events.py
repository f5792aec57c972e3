"""Reorganization services: the only way the structure changes.

Each is keyword-only, runs in one transaction, and delegates the invariants to ``Plan``.
Units are named by their permanent ``code``. Children of a unit that disappears move to
``children_to`` (default: the successor for merge and absorb) in the same event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from bienche.core.errors import InvalidInput
from bienche.org import messages as m
from bienche.org.enums import LEVEL_OF_KIND, EventKind, UnitKind
from bienche.org.models import ReorgEvent, UnitVersion
from bienche.org.services.plan import LegalBasis, Plan, UnitSpec


def _move_children(plan: Plan, of: Sequence[str], to: str | None) -> None:
    """Re-parent the active children of units that disappear to ``to`` in the same event."""
    if to is None:
        return
    ids = [plan.current[c].unit_id for c in of]
    rows = (
        UnitVersion.objects.filter(parent_id__in=ids, valid_to__isnull=True)
        .select_related("unit")
        .order_by("unit__code")
    )
    codes = [v.unit.code for v in rows if v.unit.code not in plan.subjects]
    if codes:
        plan.load(codes, field_name="children")
        for c in codes:
            plan.change(c, parent_code=to)


@transaction.atomic
def unit_establish(
    *,
    specs: Sequence[UnitSpec],
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """Establish one or more new units (a founding decision may create several at once)."""
    plan = Plan(EventKind.ESTABLISH, on, basis, acting_user)
    for i, spec in enumerate(specs):
        plan.create(spec, field_name=f"units[{i}].code" if len(specs) > 1 else "code")
    return plan.commit()


@transaction.atomic
def unit_rename(
    *,
    code: str,
    name: str,
    short_name: str | None = None,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    plan = Plan(EventKind.RENAME, on, basis, acting_user)
    plan.load([code], field_name="code")
    cur = plan.current[code]
    name = (name or "").strip()
    if not name:
        raise InvalidInput(m.NAME_REQUIRED, field="name")
    new_short = cur.short_name if short_name is None else short_name.strip()
    if name == cur.name and new_short == cur.short_name:
        raise InvalidInput(m.NAME_UNCHANGED, field="name", code=code)
    plan.change(code, name=name, short_name=new_short)
    return plan.commit()


@transaction.atomic
def unit_change_kind(
    *,
    code: str,
    kind: str,
    level: str | None = None,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    if kind not in UnitKind.values:
        raise InvalidInput(m.KIND_INVALID, field="kind", kind=kind)
    plan = Plan(EventKind.CHANGE_KIND, on, basis, acting_user)
    plan.load([code], field_name="code")
    cur = plan.current[code]
    if kind == cur.kind and (level is None or level == cur.level):
        raise InvalidInput(m.KIND_UNCHANGED, field="kind", code=code)
    new_level = level or LEVEL_OF_KIND.get(UnitKind(kind), cur.level)
    plan.change(code, kind=kind, level=new_level)
    return plan.commit()


@transaction.atomic
def unit_transfer(
    *,
    code: str,
    new_parent_code: str,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    plan = Plan(EventKind.TRANSFER, on, basis, acting_user)
    plan.load([code], field_name="code")
    cur = plan.current[code]
    if cur.parent_id is not None and cur.parent.code == new_parent_code:
        raise InvalidInput(m.PARENT_UNCHANGED, field="parent", code=code, parent=new_parent_code)
    if new_parent_code == code:
        raise InvalidInput(m.CYCLE, field="parent", code=code, parent=code, on=on)
    plan.change(code, parent_code=new_parent_code)
    return plan.commit()


@transaction.atomic
def unit_merge(
    *,
    predecessor_codes: Sequence[str],
    successor: UnitSpec,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """Many units → one new unit; the predecessors end, their children move to it."""
    if len(predecessor_codes) < 2:
        raise InvalidInput(m.TOO_FEW_PREDECESSORS, field="predecessors", kind="merge", n=2)
    plan = Plan(EventKind.MERGE, on, basis, acting_user)
    plan.load(list(predecessor_codes), field_name="predecessors")
    for c in predecessor_codes:
        plan.close(c)
    plan.create(successor, field_name="successor.code")
    _move_children(plan, predecessor_codes, successor.code)
    for c in predecessor_codes:
        plan.edge(c, successor.code)
    return plan.commit()


@transaction.atomic
def unit_absorb(
    *,
    absorbed_codes: Sequence[str],
    into_code: str,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """One or more units end and are absorbed into an existing one, which keeps its identity."""
    if not absorbed_codes:
        raise InvalidInput(m.TOO_FEW_PREDECESSORS, field="absorbed", kind="absorb", n=1)
    if into_code in absorbed_codes:
        raise InvalidInput(m.UNIT_TWICE_IN_EVENT, field="into", code=into_code)
    plan = Plan(EventKind.ABSORB, on, basis, acting_user)
    plan.load([*absorbed_codes, into_code], field_name="absorbed")
    for c in absorbed_codes:
        plan.close(c)
        plan.edge(c, into_code)
    plan.subjects.append(into_code)
    _move_children(plan, absorbed_codes, into_code)
    return plan.commit()


@transaction.atomic
def unit_split(
    *,
    predecessor_code: str,
    successors: Sequence[tuple[UnitSpec, int]],
    children_to: str | None = None,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """One unit → several new units; ``successors`` pairs each spec with its share (bp)."""
    if len(successors) < 2:
        raise InvalidInput(m.TOO_FEW_SUCCESSORS, field="successors", n=2)
    total = sum(share for _s, share in successors)
    if total != 10000:
        raise InvalidInput(
            m.SHARES_NOT_WHOLE, field="successors", code=predecessor_code, total=total / 100
        )
    plan = Plan(EventKind.SPLIT, on, basis, acting_user)
    plan.load([predecessor_code], field_name="predecessor")
    plan.close(predecessor_code)
    for i, (spec, share) in enumerate(successors):
        plan.create(spec, field_name=f"successors[{i}].code")
        plan.edge(predecessor_code, spec.code, share)
    _move_children(plan, [predecessor_code], children_to)
    return plan.commit()


@transaction.atomic
def unit_rearrange(
    *,
    predecessor_codes: Sequence[str],
    successors: Sequence[UnitSpec],
    edges: Sequence[tuple[str, str, int]],
    children_to: dict[str, str] | None = None,
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """Many → many in one act (as Resolution 1656/NQ-UBTVQH15 did for Hà Nội's communes).

    ``edges`` are (predecessor code, successor code, share in bp); each predecessor's shares
    add up to 100 % and every unit on either side has at least one edge.
    """
    plan = Plan(EventKind.REARRANGE, on, basis, acting_user)
    plan.load(list(predecessor_codes), field_name="predecessors")
    for c in predecessor_codes:
        plan.close(c)
    for i, spec in enumerate(successors):
        plan.create(spec, field_name=f"successors[{i}].code")
    _check_edges(predecessor_codes, [s.code for s in successors], edges)
    for p, s, share in edges:
        plan.edge(p, s, share)
    for old, new in (children_to or {}).items():
        if old in plan.current:
            _move_children(plan, [old], new)
    return plan.commit()


def _check_edges(
    preds: Sequence[str], succs: Sequence[str], edges: Sequence[tuple[str, str, int]]
) -> None:
    totals: dict[str, int] = dict.fromkeys(preds, 0)
    seen_succ: set[str] = set()
    for p, s, share in edges:
        if p not in totals:
            raise InvalidInput(m.UNIT_UNKNOWN, field="edges", code=p)
        if s not in succs:
            raise InvalidInput(m.UNIT_UNKNOWN, field="edges", code=s)
        totals[p] += share
        seen_succ.add(s)
    for p, total in totals.items():
        if total == 0:
            raise InvalidInput(m.LINEAGE_INCOMPLETE, field="edges", code=p)
        if total != 10000:
            raise InvalidInput(m.SHARES_NOT_WHOLE, field="edges", code=p, total=total / 100)
    for s in succs:
        if s not in seen_succ:
            raise InvalidInput(m.LINEAGE_INCOMPLETE, field="edges", code=s)


@transaction.atomic
def unit_dissolve(
    *,
    code: str,
    children_to: str | None = None,
    staff_to: Sequence[tuple[str, int]] = (),
    on: dt.date,
    basis: LegalBasis,
    acting_user: Any,
) -> ReorgEvent:
    """End a unit; its active children must move (``children_to``) or end.

    ``staff_to`` names existing units that take over its functions, with shares in basis
    points adding up to 100 %: lineage edges are drawn to them, so staff and quotas follow
    (as Hà Nội's districts passed to the new communes on 01/07/2025).
    """
    plan = Plan(EventKind.DISSOLVE, on, basis, acting_user)
    plan.load([code], field_name="code")
    plan.close(code)
    _move_children(plan, [code], children_to)
    if staff_to:
        total = sum(share for _c, share in staff_to)
        if total != 10000:
            raise InvalidInput(m.SHARES_NOT_WHOLE, field="staff_to", code=code, total=total / 100)
        plan.refer([c for c, _s in staff_to], field_name="staff_to")
        for target, share in staff_to:
            plan.edge(code, target, share, takeover=True)
    return plan.commit()
