"""The streamlining path: quota reductions against a baseline, a projection of staff to the
period's end (statutory retirements from the age roadmap), and a verdict per unit.

Verdict for each unit and quota kind with a target:
* on track — the quota already fell by the target share of the baseline;
* at risk — not yet, but projected staff at the period's end (today's staff minus
  statutory retirements and recorded exits such as streamlining cases, plus recorded
  recruitments) fits within the target quota;
* off track — neither.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from django.db import models
from django.db.models import Count

from bienche.core.dating import q_valid_on
from bienche.org.selectors import unit_tree_as_of
from bienche.staffing.enums import QUOTA_OF_CATEGORY, StaffCategory
from bienche.staffing.hooks import streamlining_contributions
from bienche.staffing.models import Assignment
from bienche.staffing.selectors import _quota_from_tree


@dataclass(frozen=True)
class Period:
    name: str
    baseline: dt.date
    end: dt.date
    source: str
    targets_bp: dict[str, int]


@cache
def _data() -> dict[str, Any]:
    text = files("bienche.staffing").joinpath("data/streamlining.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def period(name: str) -> Period:
    raw = _data()["periods"].get(name)
    if raw is None:
        raise KeyError(f"unknown period {name!r}; known: {', '.join(_data()['periods'])}")
    return Period(
        name,
        dt.date.fromisoformat(raw["baseline"]),
        dt.date.fromisoformat(raw["end"]),
        raw["source"],
        dict(raw["targets_bp"]),
    )


def period_on(on: dt.date) -> Period | None:
    """The streamlining period in force on ``on`` (baseline before it, end on or after it);
    where two overlap, the one with the later baseline."""
    found = [period(n) for n in _data()["periods"]]
    live = [p for p in found if p.baseline < on <= p.end]
    return max(live, key=lambda p: p.baseline, default=None)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + y, m + 1, min(day.day, 28))


@cache
def retirement_date(birth: dt.date, sex: str) -> dt.date:
    """First day after reaching the normal retirement age of the roadmap."""
    rule = _data()["retirement"][sex]
    start = _data()["retirement"]["start_year"]
    year = start
    while True:
        months = min(
            rule["start_months"] + rule["step_months"] * (year - start), rule["cap_months"]
        )
        when = _add_months(birth, months)
        if when.year <= year or months == rule["cap_months"]:
            return max(when, dt.date(start, 1, 1))
        year += 1


def streamlining_report(unit_id: int, name: str, on: dt.date) -> dict[str, Any]:
    p = period(name)
    base_tree, now_tree = unit_tree_as_of(p.baseline), unit_tree_as_of(on)
    baseline = _quota_from_tree(base_tree, unit_id, p.baseline)
    current = _quota_from_tree(now_tree, unit_id, on)
    staff, leaving, joining = _staff_and_retirements(now_tree, unit_id, on, p.end)
    rows = []
    for kind, target_bp in sorted(p.targets_bp.items()):
        base = baseline.get(kind, 0)
        if not base:
            continue
        target_quota = base - (base * target_bp + 9999) // 10000
        projected = staff.get(kind, 0) - leaving.get(kind, 0) + joining.get(kind, 0)
        now = current.get(kind, 0)
        verdict = (
            "on_track"
            if now <= target_quota
            else "at_risk"
            if projected <= target_quota
            else "off_track"
        )
        rows.append(
            {
                "kind": kind,
                "baseline_quota": base,
                "current_quota": now,
                "reduction_bp": (base - now) * 10000 // base,
                "target_bp": target_bp,
                "target_quota": target_quota,
                "staff_now": staff.get(kind, 0),
                "exits_to_end": leaving.get(kind, 0),
                "recruitment_to_end": joining.get(kind, 0),
                "projected_staff": projected,
                "verdict": verdict,
            }
        )
    return {
        "period": p.name,
        "baseline": p.baseline,
        "end": p.end,
        "on": on,
        "source": p.source,
        "rows": rows,
        # the year's figures of other apps (recruitment: new hires, heads appointed)
        **streamlining_contributions(_scope_ids(now_tree, unit_id), on.year),
    }


def _scope_ids(tree: Any, unit_id: int) -> frozenset[int] | None:
    node = tree.by_id.get(unit_id)
    if node is None or node.parent_id is None:
        return None
    return frozenset(tree.subtree_ids(unit_id))


def _staff_and_retirements(tree: Any, unit_id: int, on: dt.date, end: dt.date):  # type: ignore[no-untyped-def]
    """(staff in post on ``on``, exits to ``end``, recorded recruitments to ``end``) by kind.

    Exits are statutory retirements plus recorded future exits (streamlining cases under
    Decree 29/2023 or 178/2024, resignations…); recruitments are future-dated assignments
    of people who are not already in post.
    """
    node = tree.by_id.get(unit_id)
    scope = Assignment.objects.all()
    if node is not None and node.parent_id is not None:
        scope = scope.filter(unit_id__in=tree.subtree_ids(unit_id))
    staff: Counter[str] = Counter()
    leaving: Counter[str] = Counter()
    grouped = (
        scope.filter(q_valid_on(on))
        .values_list("staff_category", "person__birth_date", "person__sex")
        .annotate(n=Count("id"))
        .order_by()
    )
    for cat, birth, sex, n in grouped:
        kind = QUOTA_OF_CATEGORY[StaffCategory(cat)]
        staff[kind] += n
        if on < retirement_date(birth, sex) <= end:
            leaving[kind] += n
    exits = scope.filter(valid_to__gt=on, valid_to__lte=end).exclude(end_reason__in=NOT_EXITS)
    leaving.update(_by_kind(exits))
    hires = scope.filter(valid_from__gt=on, valid_from__lte=end).exclude(
        person__assignments__valid_to=models.F("valid_from")
    )
    return staff, leaving, _by_kind(hires)


#: End reasons that are not exits from the public payroll.
NOT_EXITS = ["", "retirement", "transfer", "change", "reorganization"]


def _by_kind(qs: Any) -> Counter[str]:
    out: Counter[str] = Counter()
    for cat, n in qs.values_list("staff_category").annotate(n=Count("id")).order_by():
        out[QUOTA_OF_CATEGORY[StaffCategory(cat)]] += n
    return out
