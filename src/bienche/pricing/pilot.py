"""The preschool unified-price pilot evaluation as a computation anyone can check (no Django).

Per school (one school year): revenue = families' fees + budget support at the unified
price; coverage = revenue ÷ actual cost (basis points, rounded down); gap = cost − revenue;
effect on families = fees − what they would have paid at the previous tuition; effect on
the budget = support − the allocation the school received before the pilot.

Groups (by area or by district) are judged by written, adjustable criteria
(:class:`Criteria`): *stop* when the median coverage is below ``stop_below``; *continue*
when the median coverage reaches ``continue_from``, at most ``max_share_low`` of schools are
below ``low_coverage`` and families pay at most ``max_family_increase`` more per child per
month; otherwise *continue with adjustment*. Each verdict carries the checks with figures.

Outliers: coverage outside [Q1 − 1.5 × IQR, Q3 + 1.5 × IQR] over all schools (Tukey's
fences; quartiles by the "inclusive" method of :func:`statistics.quantiles`).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from bienche.pricing.formulas import ratio_bp

CONTINUE, ADJUST, STOP = "continue", "adjust", "stop"


@dataclass(frozen=True)
class SchoolYear:
    code: str
    name: str
    district: str
    area: str
    enrolment: int
    months: int
    fees: int
    budget: int
    previous_budget: int
    cost: int
    previous_family_rate: int  # VND per child per month before the pilot
    synthetic: bool = True


@dataclass(frozen=True)
class SchoolResult:
    code: str
    name: str
    district: str
    area: str
    enrolment: int
    child_months: int
    revenue: int
    cost: int
    coverage_bp: int
    gap: int
    family_effect: int
    family_effect_per_child_month: int
    budget_effect: int
    outlier: bool


@dataclass(frozen=True)
class Criteria:
    """Thresholds in percent (coverage, share) and VND (family increase per child-month)."""

    continue_from: int = 95
    stop_below: int = 80
    low_coverage: int = 85
    max_share_low: int = 25
    max_family_increase: int = 150000

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def school_result(s: SchoolYear, outlier: bool = False) -> SchoolResult:
    revenue = s.fees + s.budget
    child_months = s.enrolment * s.months
    family = s.fees - child_months * s.previous_family_rate
    return SchoolResult(
        code=s.code,
        name=s.name,
        district=s.district,
        area=s.area,
        enrolment=s.enrolment,
        child_months=child_months,
        revenue=revenue,
        cost=s.cost,
        coverage_bp=ratio_bp(revenue, s.cost),
        gap=s.cost - revenue,
        family_effect=family,
        family_effect_per_child_month=family // child_months if child_months else 0,
        budget_effect=s.budget - s.previous_budget,
        outlier=outlier,
    )


def fences(values: Sequence[int]) -> tuple[float, float]:
    if len(values) < 4:
        return (float("-inf"), float("inf"))
    q1, _q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    iqr = q3 - q1
    return (q1 - 1.5 * iqr, q3 + 1.5 * iqr)


def evaluate_schools(schools: Iterable[SchoolYear]) -> list[SchoolResult]:
    rows = list(schools)
    plain = [school_result(s) for s in rows]
    low, high = fences([r.coverage_bp for r in plain])
    return [
        school_result(s, outlier=not low <= r.coverage_bp <= high)
        for s, r in zip(rows, plain, strict=True)
    ]


@dataclass(frozen=True)
class Check:
    criterion: str
    value: int
    threshold: int
    passed: bool


@dataclass(frozen=True)
class GroupVerdict:
    group: str
    schools: int
    enrolment: int
    revenue: int
    cost: int
    gap: int
    coverage_bp: int
    median_coverage_bp: int
    share_low_bp: int
    family_increase: int  # mean VND per child-month (rounded down; negative = families save)
    budget_effect: int
    outliers: int
    verdict: str
    checks: tuple[Check, ...]


def group_verdict(group: str, rows: Sequence[SchoolResult], c: Criteria) -> GroupVerdict:
    cover = sorted(r.coverage_bp for r in rows)
    median = int(statistics.median(cover))
    low = sum(1 for v in cover if v < c.low_coverage * 100)
    share_low = ratio_bp(low, len(rows))
    enrolment = sum(r.enrolment for r in rows)
    family = sum(r.family_effect for r in rows)
    increase = family // max(sum(r.child_months for r in rows), 1)
    checks = (
        Check("stop_below", median, c.stop_below * 100, median >= c.stop_below * 100),
        Check("continue_from", median, c.continue_from * 100, median >= c.continue_from * 100),
        Check(
            "max_share_low", share_low, c.max_share_low * 100, share_low <= c.max_share_low * 100
        ),
        Check(
            "max_family_increase",
            increase,
            c.max_family_increase,
            increase <= c.max_family_increase,
        ),
    )
    if not checks[0].passed:
        verdict = STOP
    elif all(ch.passed for ch in checks[1:]):
        verdict = CONTINUE
    else:
        verdict = ADJUST
    revenue, cost = sum(r.revenue for r in rows), sum(r.cost for r in rows)
    return GroupVerdict(
        group=group,
        schools=len(rows),
        enrolment=enrolment,
        revenue=revenue,
        cost=cost,
        gap=cost - revenue,
        coverage_bp=ratio_bp(revenue, cost),
        median_coverage_bp=median,
        share_low_bp=share_low,
        family_increase=increase,
        budget_effect=sum(r.budget_effect for r in rows),
        outliers=sum(1 for r in rows if r.outlier),
        verdict=verdict,
        checks=checks,
    )


def verdicts(results: Sequence[SchoolResult], by: str, c: Criteria) -> list[GroupVerdict]:
    """One verdict per value of ``by`` ("area" or "district"), in name order."""
    groups: dict[str, list[SchoolResult]] = {}
    for r in results:
        groups.setdefault(getattr(r, by), []).append(r)
    return [group_verdict(g, rows, c) for g, rows in sorted(groups.items())]
