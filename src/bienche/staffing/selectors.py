"""Staffing reads, always as of a date: quota vs actual, positions, roster rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Count, Q

from bienche.core.clock import today
from bienche.core.dating import q_valid_on
from bienche.org.selectors import unit_tree_as_of
from bienche.staffing.enums import QUOTA_OF_CATEGORY, StaffCategory
from bienche.staffing.models import Assignment, JobPositionVersion, Quota


def unit_ids_in_scope(unit_id: int, on: dt.date, *, subtree: bool) -> set[int]:
    if not subtree:
        return {unit_id}
    return unit_tree_as_of(on).subtree_ids(unit_id) or {unit_id}


def subtree_quota(unit_id: int, on: dt.date, *, subtree: bool = True) -> dict[str, int]:
    """Quota by kind for a unit (and its subtree) on ``on``.

    A holder's quota already contains what it allocated to its sub-units, so for each kind
    the figure is the unit's own quota if it holds one, otherwise the sum of its children's
    figures, recursively — never a plain sum over the subtree (that would count twice).
    """
    if not subtree:
        return dict(
            Quota.objects.filter(unit_id=unit_id)
            .filter(q_valid_on(on))
            .values_list("kind", "amount")
        )
    return _quota_from_tree(unit_tree_as_of(on), unit_id, on)


def _quota_from_tree(tree: Any, unit_id: int, on: dt.date) -> dict[str, int]:
    root = tree.by_id.get(unit_id)
    if root is None:
        return {}
    ids = tree.subtree_ids(unit_id)
    rows = Quota.objects.filter(q_valid_on(on))
    if root.parent_id is not None:
        rows = rows.filter(unit_id__in=ids)
    held: dict[int, dict[str, int]] = {}
    for uid, kind, amount in rows.values_list("unit_id", "kind", "amount"):
        held.setdefault(uid, {})[kind] = amount
    totals: dict[int, Counter[str]] = {}
    stack = [(root, False)]
    while stack:  # post-order without recursion
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((c, False) for c in node.children)
            continue
        below: Counter[str] = Counter()
        for child in node.children:
            below.update(totals.pop(child.unit_id, Counter()))
        for kind, amount in held.get(node.unit_id, {}).items():
            below[kind] = amount
        totals[node.unit_id] = below
    return dict(totals[unit_id])


def staffing_summary(unit_id: int, on: dt.date, *, subtree: bool = True) -> dict[str, Any]:
    """Quota vs actual by quota kind, positions filled/vacant, gaps — as of ``on``."""
    ids = unit_ids_in_scope(unit_id, on, subtree=subtree)
    quotas = subtree_quota(unit_id, on, subtree=subtree)
    by_cat = dict(
        Assignment.objects.filter(unit_id__in=ids)
        .filter(q_valid_on(on))
        .values_list("staff_category")
        .annotate(n=Count("id"))
        .order_by()
    )
    actual: Counter[str] = Counter()
    for cat, n in by_cat.items():
        actual[QUOTA_OF_CATEGORY[StaffCategory(cat)]] += n
    kinds = sorted(set(quotas) | set(actual))
    rows = [
        {
            "kind": k,
            "quota": quotas.get(k, 0),
            "actual": actual.get(k, 0),
            "gap": quotas.get(k, 0) - actual.get(k, 0),
        }
        for k in kinds
    ]
    return {
        "on": on,
        "units": len(ids),
        "by_kind": rows,
        "by_category": by_cat,
        **position_fill(ids, on),
    }


def position_fill(unit_ids: set[int], on: dt.date) -> dict[str, Any]:
    versions = list(
        JobPositionVersion.objects.filter(position__unit_id__in=unit_ids)
        .filter(q_valid_on(on))
        .values_list(
            "position_id",
            "position__code",
            "title",
            "headcount",
            "status",
            "position__unit_id",
            "category",
        )
    )
    filled = dict(
        Assignment.objects.filter(unit_id__in=unit_ids, position__isnull=False)
        .filter(q_valid_on(on))
        .values_list("position_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    without_position = (
        Assignment.objects.filter(unit_id__in=unit_ids, position__isnull=True)
        .filter(q_valid_on(on))
        .count()
    )
    positions = [
        {
            "code": code,
            "title": title,
            "needed": need,
            "filled": filled.get(pid, 0),
            "vacant": max(need - filled.get(pid, 0), 0),
            "status": status,
            "unit_id": unit_id,
            "category": category,
        }
        for pid, code, title, need, status, unit_id, category in versions
    ]
    return {
        "positions": sorted(positions, key=lambda p: p["code"]),
        "seats_needed": sum(p["needed"] for p in positions),
        "seats_filled": sum(min(p["filled"], p["needed"]) for p in positions),
        "positions_without_people": sum(1 for p in positions if p["filled"] == 0),
        "people_without_position": without_position,
    }


def quota_vs_actual_by_year(unit_id: int, years: range) -> list[dict]:
    """Series for charts: quota and actual staff (unit and subtree) on 31 December of each
    year, or today for the current year. One tree, one quota and one count query a year."""
    out = []
    for year in years:
        day = min(dt.date(year, 12, 31), today())
        tree = unit_tree_as_of(day)
        node = tree.by_id.get(unit_id)
        if node is None:
            out.append({"year": year, "on": day, "quota": 0, "actual": 0})
            continue
        quota = sum(_quota_from_tree(tree, unit_id, day).values())
        staff = Assignment.objects.filter(q_valid_on(day))
        if node.parent_id is not None:
            staff = staff.filter(unit_id__in=tree.subtree_ids(unit_id))
        out.append({"year": year, "on": day, "quota": quota, "actual": staff.count()})
    return out


ROSTER_FIELDS = (
    "person__personal_id",
    "person__full_name",
    "person__birth_date",
    "person__sex",
    "person__education",
    "person__qualifications",
    "unit__code",
    "position__code",
    "staff_category",
    "rank_code",
    "step",
    "coefficient_h",
    "last_step_date",
    "leadership_coef_h",
    "sector_allowance_bp",
    "valid_from",
)


def _filtered(qs: Any, *, text: str = "", category: str = "", rank: str = "") -> Any:
    """The roster filters shared by the search page and the XLSX download."""
    if text:
        qs = qs.filter(Q(person__full_name__icontains=text) | Q(person__personal_id=text))
    if category:
        qs = qs.filter(staff_category=category)
    if rank:
        qs = qs.filter(rank_code=rank)
    return qs


def roster_rows(on: dt.date, unit_ids: set[int] | None = None, **filters: str) -> list[tuple]:
    qs = Assignment.objects.filter(q_valid_on(on))
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    qs = _filtered(qs, **filters)
    return list(qs.order_by("unit__code", "person__personal_id").values_list(*ROSTER_FIELDS))


def headcount_by_unit(on: dt.date) -> dict[int, int]:
    rows = (
        Assignment.objects.filter(q_valid_on(on))
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


def quotas_of(unit_id: int, on: dt.date | None) -> list[dict[str, Any]]:
    qs = Quota.objects.filter(unit_id=unit_id)
    if on is not None:
        qs = qs.filter(q_valid_on(on))
    return list(
        qs.order_by("kind", "valid_from").values(
            "id", "kind", "amount", "reserve", "valid_from", "valid_to", "basis_number"
        )
    )


def assignment_page(
    unit_ids: set[int], on: dt.date, *, after_personal_id: str | None, limit: int
) -> list[dict[str, Any]]:
    """Assignments valid on ``on`` in these units, keyset-paginated by personal identifier."""
    qs = Assignment.objects.filter(unit_id__in=unit_ids).filter(q_valid_on(on))
    if after_personal_id:
        qs = qs.filter(person__personal_id__gt=after_personal_id)
    rows = qs.order_by("person__personal_id").values_list(
        "person__personal_id",
        "person__full_name",
        "person__birth_date",
        "unit_id",
        "unit__code",
        "position__code",
        "staff_category",
        "rank_code",
        "step",
        "coefficient_h",
        "valid_from",
    )[:limit]
    return [
        {
            "personal_id": pid,
            "cursor": pid,
            "full_name": name,
            "birth_date": birth.isoformat(),
            "unit_id": uid,
            "unit_code": ucode,
            "position_code": pcode,
            "staff_category": cat,
            "rank_code": rank,
            "step": step,
            "coefficient": f"{coef / 100:.2f}",
            "valid_from": vf,
        }
        for pid, name, birth, uid, ucode, pcode, cat, rank, step, coef, vf in rows
    ]


def roster_search(
    unit_ids: set[int] | None,
    on: dt.date,
    *,
    text: str = "",
    category: str = "",
    rank: str = "",
    limit: int = 500,
) -> list[dict[str, Any]]:
    """People in post on ``on`` matching a name/identifier fragment, category and rank."""
    qs = Assignment.objects.filter(q_valid_on(on))
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    qs = _filtered(qs, text=text, category=category, rank=rank)
    rows = qs.order_by("person__full_name", "person__personal_id").values_list(
        "person__personal_id",
        "person__full_name",
        "person__birth_date",
        "unit_id",
        "unit__code",
        "position__code",
        "staff_category",
        "rank_code",
        "step",
    )[:limit]
    keys = (
        "personal_id",
        "full_name",
        "birth_date",
        "unit_id",
        "unit_code",
        "position_code",
        "staff_category",
        "rank_code",
        "step",
    )
    return [dict(zip(keys, r, strict=True)) for r in rows]


def staff_by_sector_and_level(unit_id: int, on: dt.date) -> list[dict[str, Any]]:
    """Actual staff in a unit's subtree grouped by the sector and level of their unit."""
    tree = unit_tree_as_of(on)
    ids = tree.subtree_ids(unit_id)
    counts = (
        Assignment.objects.filter(q_valid_on(on), unit_id__in=ids)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    grouped: Counter[tuple[str, str]] = Counter()
    for uid, n in counts:
        node = tree.by_id[uid]
        grouped[(node.sector, node.level)] += n
    return [
        {"sector": s, "level": lv, "staff": n}
        for (s, lv), n in sorted(grouped.items(), key=lambda kv: -kv[1])
    ]
