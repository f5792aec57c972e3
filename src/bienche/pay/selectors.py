"""Pay reads: one month's payroll, a baseline-against-scenario comparison, one person's payslip.

Each reads the roster in bulk (``bienche.pay.roster_source``) and hands it to the Django-free
engine (``bienche.rules``). The roster of a period is the one valid on its first day. The
unit passed in must already have been checked against the user's scope by the caller
(``bienche.org.permissions.access_unit_by_code``); the figures cover its subtree as of the
roster date. Results are plain data cached with ``cached_read`` (key: month(s), scenario,
unit) until the data changes; each records the seconds its computation took.

"Current law" is the engine's ``scenario=None``. A comparison of current law against itself
(no scenario chosen) uses an empty overlay, so the page and the API have one shape.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import Any

import polars as pl

from bienche.core.cache import cached_read
from bienche.core.errors import InvalidInput, NotFound
from bienche.org.selectors import unit_get, unit_tree_as_of
from bienche.pay import messages as m
from bienche.pay.roster_source import person_pk, person_row, roster_frame
from bienche.rules.compare import compare
from bienche.rules.comparison import Comparison
from bienche.rules.errors import RulesError, ScenarioError
from bienche.rules.explain import Explanation, explain
from bienche.rules.params import ParameterError
from bienche.rules.payroll import PayrollRun, run
from bienche.rules.scenarios import Scenario, load_scenario, scenario_names

MAX_MONTHS = 60
LAW = Scenario(name="law", label="Current law")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


# ---- parameters ---------------------------------------------------------------------------


def parse_month(value: str) -> dt.date:
    """``"2024-07"`` (or a full date) → the first day of that month; else InvalidInput."""
    text = (value or "").strip()
    match = _MONTH.match(text[:7]) if len(text) in (7, 10) else None
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise InvalidInput(m.MONTH_INVALID, field="month", value=text[:20]) from None


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every first-of-month from ``start`` to ``end`` inclusive (at most MAX_MONTHS)."""
    n = (end.year - start.year) * 12 + end.month - start.month + 1
    if n < 1 or n > MAX_MONTHS:
        raise InvalidInput(m.PERIOD_INVALID, field="to", start=start, end=end, limit=MAX_MONTHS)
    return [
        dt.date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 1)
        for k in range(n)
    ]


def scenario_get(name: str | None) -> Scenario | None:
    """The shipped scenario ``name`` (None or "" → current law)."""
    if not name:
        return None
    if name not in scenario_names():
        raise NotFound(m.SCENARIO_UNKNOWN, field="scenario", name=name[:60])
    return load_scenario(name)


def scenario_list() -> list[dict[str, Any]]:
    out = []
    for name in scenario_names():
        s = load_scenario(name)
        out.append(
            {
                "name": s.name,
                "label": s.label,
                "description": s.description,
                "illustrative": s.illustrative,
                "baseline": s.baseline.label if s.baseline else "",
            }
        )
    return out


def _engine(fn: Any, *args: Any) -> Any:
    """Call the engine; its refusals (unknown parameter, bad roster) become InvalidInput."""
    try:
        return fn(*args)
    except (ParameterError, RulesError) as exc:
        if isinstance(exc, ScenarioError):
            raise
        raise InvalidInput(m.RULES_REFUSED, reason=str(exc)[:300]) from exc


def _scope(unit_code: str | None, on: dt.date) -> tuple[str | None, set[int] | None]:
    if not unit_code:
        return None, None
    unit = unit_get(unit_code)
    tree = unit_tree_as_of(on)
    return unit.code, tree.subtree_ids(unit.pk) or {unit.pk}


def exclusions(result: PayrollRun, side: str = "") -> list[dict[str, Any]]:
    """People left out, grouped by rule and reason (most frequent first)."""
    if result.excluded.height == 0:
        return []
    grouped = (
        result.excluded.group_by("rule", "reason")
        .agg(people=pl.len().cast(pl.Int64), example=pl.col("person_id").min())
        .sort(["people", "rule", "reason"], descending=[True, False, False])
    )
    return [{"side": side, **r} for r in grouped.rows(named=True)]


def _rollup(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.with_columns(pl.col(pl.Int64, pl.UInt32).cast(pl.Int64)).rows(named=True)


# ---- one month ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PayRun:
    month: dt.date
    scenario: str | None
    unit_code: str | None
    roster_date: dt.date
    totals: dict[str, int]
    by_sector: list[dict[str, Any]]
    by_category: list[dict[str, Any]]
    by_level: list[dict[str, Any]]
    exclusions: list[dict[str, Any]]
    seconds: float


def pay_run(
    month: dt.date, *, scenario_name: str | None = None, unit_code: str | None = None
) -> PayRun:
    """One month's payroll under a scenario (None: current law) for a unit's subtree."""
    month = month.replace(day=1)
    key = f"pay-run:{month.isoformat()}:{scenario_name or ''}:{unit_code or ''}"
    return cached_read(key, lambda: _pay_run(month, scenario_name, unit_code))


def _pay_run(month: dt.date, scenario_name: str | None, unit_code: str | None) -> PayRun:
    started = time.perf_counter()
    scenario = scenario_get(scenario_name)
    code, ids = _scope(unit_code, month)
    result: PayrollRun = _engine(run, roster_frame(month, unit_ids=ids), month, scenario)
    return PayRun(
        month=month,
        scenario=scenario.name if scenario else None,
        unit_code=code,
        roster_date=month,
        totals=result.totals,
        by_sector=_rollup(result.by_sector),
        by_category=_rollup(result.by_category),
        by_level=_rollup(result.by_level),
        exclusions=exclusions(result),
        seconds=round(time.perf_counter() - started, 3),
    )


# ---- a period, baseline against scenario --------------------------------------------------


@dataclass(frozen=True)
class PayComparison:
    months: tuple[dt.date, ...]
    scenario: str | None  # None: current law alone
    scenario_label: str
    baseline_label: str
    illustrative: bool
    unit_code: str | None
    roster_date: dt.date
    comparison: Comparison
    exclusions: list[dict[str, Any]]  # first month, per side
    top_units: list[dict[str, Any]]
    seconds: float

    @property
    def headcount(self) -> int:
        return int(self.comparison.monthly["baseline_headcount"][0])

    @property
    def excluded(self) -> int:
        """People left out in the first month (the larger of the two sides)."""
        first = self.comparison.monthly.row(0, named=True)
        return max(first["baseline_excluded"], first["scenario_excluded"])


def pay_compare(
    months: list[dt.date], scenario_name: str | None, unit_code: str | None = None
) -> PayComparison:
    """The scenario (None: current law alone) against its baseline over ``months``."""
    months = sorted({x.replace(day=1) for x in months})
    span = f"{months[0].isoformat()}:{months[-1].isoformat()}:{len(months)}"
    key = f"pay-compare:{span}:{scenario_name or ''}:{unit_code or ''}"
    return cached_read(key, lambda: _pay_compare(months, scenario_name, unit_code))


def _pay_compare(
    months: list[dt.date],
    scenario_name: str | None,
    unit_code: str | None,
    roster: pl.DataFrame | None = None,
) -> PayComparison:
    started = time.perf_counter()
    scenario = scenario_get(scenario_name)
    baseline = scenario.baseline if scenario else None
    on = months[0]
    code, ids = _scope(unit_code, on)
    if roster is None:
        roster = roster_frame(on, unit_ids=ids)
    elif ids is not None:
        roster = roster.filter(pl.col("unit_id").is_in(sorted(ids)))
    result: Comparison = _engine(compare, roster, months, baseline, scenario or LAW)
    excluded = exclusions(_engine(run, roster, on, baseline), "baseline")
    if scenario is not None:
        excluded += exclusions(_engine(run, roster, on, scenario), "scenario")
    return PayComparison(
        months=tuple(months),
        scenario=scenario.name if scenario else None,
        scenario_label=scenario.label if scenario else "",
        baseline_label=baseline.label if baseline else "",
        illustrative=bool(scenario and scenario.illustrative),
        unit_code=code,
        roster_date=on,
        comparison=result,
        exclusions=excluded,
        top_units=top_units(result, on),
        seconds=round(time.perf_counter() - started, 3),
    )


def top_units(result: Comparison, on: dt.date, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` units whose cost changes most (largest absolute difference), with names."""
    annual = result.annual("unit")
    if annual.height == 0:
        return []
    top = annual.sort(pl.col("difference").abs(), descending=True).head(n)
    nodes = unit_tree_as_of(on).by_id
    rows = []
    for r in top.rows(named=True):
        node = nodes.get(r["unit_id"])
        rows.append(
            {
                **r,
                "code": node.code if node else str(r["unit_id"]),
                "name": node.name if node else "",
            }
        )
    return rows


def pay_compare_file(
    months: list[dt.date], scenario_name: str | None, roster: pl.DataFrame
) -> PayComparison:
    """A comparison over an outside roster (a what-if file; not cached)."""
    return _pay_compare(sorted({x.replace(day=1) for x in months}), scenario_name, None, roster)


def payroll(
    month: dt.date,
    *,
    scenario_name: str | None = None,
    unit_code: str | None = None,
    roster: pl.DataFrame | None = None,
) -> PayrollRun:
    """The engine's full result for one month (every person's lines; not cached): over the
    database roster of the month's first day, or over ``roster`` (a what-if file)."""
    month = month.replace(day=1)
    scenario = scenario_get(scenario_name)
    _code, ids = _scope(unit_code, month)
    if roster is None:
        roster = roster_frame(month, unit_ids=ids)
    elif ids is not None:
        roster = roster.filter(pl.col("unit_id").is_in(sorted(ids)))
    result: PayrollRun = _engine(run, roster, month, scenario)
    return result


# ---- one person ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonPay:
    person_pk: int
    personal_id: str
    full_name: str
    unit_code: str
    unit_name: str
    row: dict[str, Any]
    explanation: Explanation | None
    refused: str  # why the pay cannot be computed ("" when it can)


def person_pk_by_reference(reference: str) -> int | None:
    """A person's key from their personal identifier (or the key itself); None if unknown."""
    return person_pk(reference)


def person_pay_row(person_pk: int, month: dt.date) -> dict[str, Any] | None:
    """The person's roster row on the first day of ``month`` (None: not on the payroll)."""
    found = person_row(person_pk, month.replace(day=1))
    return found[0] if found else None


def person_explanation(
    person_pk: int, month: dt.date, scenario_name: str | None = None
) -> PersonPay:
    """Every line of one person's pay for ``month``; the engine's refusal is kept as text."""
    month = month.replace(day=1)
    found = person_row(person_pk, month)
    if found is None:
        raise NotFound(m.PERSON_UNKNOWN, field="person", pk=person_pk, month=f"{month:%Y-%m}")
    row, person = found
    scenario = scenario_get(scenario_name)
    explanation, refused = None, ""
    try:
        explanation = explain(row, month, scenario)
    except (ParameterError, RulesError) as exc:
        if isinstance(exc, ScenarioError):
            raise
        refused = str(exc)
    node = unit_tree_as_of(month).by_id.get(int(str(row["unit_id"])))
    return PersonPay(
        person_pk=person_pk,
        personal_id=person["personal_id"],
        full_name=person["full_name"],
        unit_code=node.code if node else str(row["unit_id"]),
        unit_name=node.name if node else "",
        row=row,
        explanation=explanation,
        refused=refused,
    )
