"""Baseline against scenario over a period: cost by unit, sector, category and level, and who
gains or loses.

``compare(roster, months, baseline, scenario)`` pays the roster under both rule sets for each
month (``baseline=None`` is the law in force; a shipped scenario's ``.baseline`` is the
counterfactual it answers, e.g. "no raise"). A month's cost is the employer cost (gross pay +
employer contributions) plus the bonus fund. Individual gains and losses compare each
person's gross pay summed over the period, for the people paid in every month under both
rule sets; people removed by the scenario's headcount change, and people excluded in some
month, are counted apart.

How it stays fast: the pay rules read no person-level input but the roster's pay inputs, so
people with equal inputs have equal lines. The roster is read once and grouped into
*profiles* (equal group, step, coefficient, leadership, sector rate, sector, level, category,
delay and — only at the last step, where the beyond-frame percent depends on it — the
last-step date moved to the first day of its effective month, which leaves
``months_between(date, first of any month)`` unchanged; other steps keep only whether the
date is known). Each month then runs the very rule definitions of ``run``
(``prepare`` + ``compute``) on the profiles, and the lines are gathered back to people
column-wise. ``tests/test_compare.py`` checks every month against ``run``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import polars as pl

from bienche.rules.comparison import Comparison
from bienche.rules.lines import compute
from bienche.rules.payroll import DIMENSIONS, collect_frames, kept_mask
from bienche.rules.roster import coerce, prepare
from bienche.rules.scenarios import Scenario
from bienche.rules.snapshot import snapshot
from bienche.rules.steps import LadderLookup

MEASURES = ("gross", "employer_contributions", "employer_cost", "bonus_fund")
SIDES = ("baseline", "scenario")
PROFILE = (
    "salary_group",
    "step",
    "coefficient_h",
    "leadership_coef_h",
    "sector_allowance_bp",
    "sector",
    "level",
    "staff_category",
    "last_step_date",
    "delay_months",
    "_ids_missing",
)
_KNOWN = dt.date(1900, 1, 1)  # stands for "a date is known" below the last step


def _normalised(lf: pl.LazyFrame, months: Sequence[dt.date]) -> pl.LazyFrame:
    """Pay inputs reduced to what the rules can tell apart on the first day of a month."""
    c = pl.col
    at_last: pl.Expr = pl.lit(False)
    for m in months:
        lookup = LadderLookup(m)
        at_last = at_last | (
            c("step") == lookup.per_group(lookup.group_index(c("salary_group")), "last")
        )
    at_last = at_last.fill_null(False)
    d = c("last_step_date")
    effective = pl.when(d.dt.day() == 1).then(d).otherwise(d.dt.month_start().dt.offset_by("1mo"))
    return lf.with_columns(
        last_step_date=pl.when(at_last)
        .then(effective)
        .otherwise(pl.when(d.is_not_null()).then(pl.lit(_KNOWN))),
        delay_months=pl.when(at_last)
        .then(c("delay_months"))
        .otherwise(c("delay_months").clip(-1, 0)),
        _ids_missing=c("person_id").is_null() | c("unit_id").is_null(),
    )


def _profiles(
    roster: pl.DataFrame | pl.LazyFrame, months: Sequence[dt.date]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(people sorted by unit: person_id, unit_id, category, sector, pid; profiles: one
    roster-shaped row per pid)."""
    df = collect_frames([coerce(roster)])[0].sort("unit_id", nulls_last=True)
    lf = _normalised(df.lazy().with_row_index("_row"), months)
    grouped = lf.group_by(PROFILE).agg(pl.col("_row")).with_row_index("pid").collect()
    rows = grouped.select("pid", "_row").explode("_row").sort("_row")
    people = df.select("person_id", "unit_id", "staff_category", "sector").with_columns(
        pid=rows["pid"]
    )
    missing = pl.col("_ids_missing")
    profiles = grouped.drop("_row").with_columns(
        person_id=pl.when(~missing).then(pl.lit("profile")),
        unit_id=pl.when(~missing).then(pl.lit(0, pl.Int64)),
    )
    return people, profiles


def _side(profiles: pl.DataFrame, month: dt.date, scenario: Scenario | None) -> pl.LazyFrame:
    snap = snapshot(month, scenario)
    plan = compute(prepare(profiles.lazy(), snap), snap)
    return plan.select("pid", "sector", "level", "staff_category", "_fail", *MEASURES)


class _Side:
    """One rule set's figures, accumulated month by month."""

    def __init__(self, name: str, people: pl.DataFrame, kept: pl.Series | None) -> None:
        self.name, self.pid, self.kept = name, people["pid"], kept
        n = people.height
        self.gross_total = pl.Series("gross", [0] * n, dtype=pl.Int64)
        self.months_paid = pl.Series("months", [0] * n, dtype=pl.Int32)
        self.unit_columns: dict[str, pl.Series] = {}
        self.monthly: list[dict[str, Any]] = []
        self.dims: list[pl.DataFrame] = []

    def add(
        self, i: int, month: dt.date, lines: pl.DataFrame, weight: pl.Series, removed: int
    ) -> None:
        """Month ``i``: ``lines`` per profile (pid order), ``weight`` people per profile."""
        lines = lines.sort("pid")
        ok_profile = (lines["_fail"] == 0).cast(pl.Int64)
        paid_cost = (lines["employer_cost"] + lines["bonus_fund"]) * ok_profile
        ok, cost = ok_profile.gather(self.pid), paid_cost.gather(self.pid)
        gross = (lines["gross"] * ok_profile).gather(self.pid)
        if removed and self.kept is not None:
            keep = self.kept.cast(pl.Int64)
            ok, cost, gross = ok * keep, cost * keep, gross * keep
        self.unit_columns[f"{self.name}_headcount_{i}"] = ok.cast(pl.Int8)  # summed as Int64
        self.unit_columns[f"{self.name}_cost_{i}"] = cost
        self.gross_total = self.gross_total + gross
        self.months_paid = self.months_paid + ok.cast(pl.Int32)
        paid = ok_profile * weight
        row = {
            "headcount": int(paid.sum()),
            "excluded": int((weight - paid).sum()),
            "removed": removed,
        }
        row |= {m: int((lines[m] * paid).sum()) for m in MEASURES}
        row["cost"] = row["employer_cost"] + row["bonus_fund"]
        self.monthly.append({"month": month, **{f"{self.name}_{k}": v for k, v in row.items()}})
        by = lines.select(
            "sector", "level", "staff_category", headcount=paid, cost=paid_cost * weight
        )
        self.dims.append(by.with_columns(month=pl.lit(month)))


def compare(
    roster: pl.DataFrame | pl.LazyFrame,
    months: Sequence[dt.date],
    baseline: Scenario | None,
    scenario: Scenario,
) -> Comparison:
    """Cost of ``scenario`` against ``baseline`` over ``months`` (see the module docstring)."""
    months = tuple(sorted({m.replace(day=1) for m in months}))
    for m in months:  # every parameter must exist before anything is computed
        snapshot(m, baseline), snapshot(m, scenario)
    people, profiles = _profiles(roster, months)
    kept = None
    if scenario.headcount is not None:
        kept = people.select(kept_mask(people.lazy(), scenario.headcount)).to_series()
    flag = kept.alias("_kept") if kept is not None else pl.lit(True).alias("_kept")
    counts = (
        people.with_columns(flag)
        .group_by("pid")
        .agg(all=pl.len().cast(pl.Int64), kept=pl.col("_kept").cast(pl.Int64).sum())
        .sort("pid")
    )
    sides = {
        "baseline": _Side("baseline", people, None),
        "scenario": _Side("scenario", people, kept),
    }
    for i, month in enumerate(months):
        b_lines, s_lines = collect_frames(
            [_side(profiles, month, baseline), _side(profiles, month, scenario)]
        )
        sides["baseline"].add(i, month, b_lines, counts["all"], 0)
        applies = kept is not None and snapshot(month, scenario).headcount is not None
        weight = counts["kept"] if applies else counts["all"]
        removed = int((~kept).sum()) if applies and kept is not None else 0
        sides["scenario"].add(i, month, s_lines, weight, removed)
    return _result(people, months, sides, baseline, scenario, kept)


def _result(
    people: pl.DataFrame,
    months: tuple[dt.date, ...],
    sides: dict[str, _Side],
    baseline: Scenario | None,
    scenario: Scenario,
    kept: pl.Series | None,
) -> Comparison:
    b, s = sides["baseline"], sides["scenario"]
    monthly = pl.DataFrame([{**x, **y} for x, y in zip(b.monthly, s.monthly, strict=True)])
    monthly = monthly.with_columns(difference=pl.col("scenario_cost") - pl.col("baseline_cost"))
    dims = {}
    for dim in ("sector", "category", "level"):
        key = DIMENSIONS[dim]
        per_side = [
            pl.concat(side.dims)
            .group_by(key, "month")
            .agg(
                pl.col("headcount").sum().alias(f"{side.name}_headcount"),
                pl.col("cost").sum().alias(f"{side.name}_cost"),
            )
            for side in (b, s)
        ]
        dims[dim] = _with_difference(
            per_side[0].join(per_side[1], on=[key, "month"], how="full", coalesce=True)
        )
    dims["unit"] = _by_unit(people, months, {**b.unit_columns, **s.unit_columns})
    totals_cols = [c for c in monthly.columns if c != "month" and "headcount" not in c]
    totals = {
        c: int(v) for c, v in monthly.select(pl.col(totals_cols).sum()).row(0, named=True).items()
    }
    return Comparison(
        baseline.name if baseline else "law",
        scenario.name,
        months,
        monthly,
        dims["unit"],
        dims["sector"],
        dims["category"],
        dims["level"],
        totals,
        _distribution(b, s, len(months), kept),
    )


def _with_difference(frame: pl.DataFrame, sort: bool = True) -> pl.DataFrame:
    key = frame.columns[0]
    out = (
        frame.fill_null(0)
        .with_columns(difference=pl.col("scenario_cost") - pl.col("baseline_cost"))
        .select(
            key, "month", *(f"{s}_{x}" for s in SIDES for x in ("headcount", "cost")), "difference"
        )
    )
    return out.sort(key, "month") if sort else out


def _by_unit(
    people: pl.DataFrame, months: tuple[dt.date, ...], columns: dict[str, pl.Series]
) -> pl.DataFrame:
    """One group-by over every month and side at once (a column per month and side)."""
    wide = pl.DataFrame({"unit_id": people["unit_id"].set_sorted(), **columns})
    summed = wide.group_by("unit_id", maintain_order=True).agg(pl.exclude("unit_id").sum())
    frames = [
        summed.select(
            "unit_id",
            month=pl.lit(month),
            **{
                f"{side}_{x}": pl.col(f"{side}_{x}_{i}")
                for side in SIDES
                for x in ("headcount", "cost")
            },
        )
        for i, month in enumerate(months)
    ]
    units = pl.concat(frames).filter(pl.col("unit_id").is_not_null())
    return _with_difference(units, sort=False)  # month by month, units in order


def _distribution(
    b: _Side, s: _Side, n_months: int, kept: pl.Series | None
) -> dict[str, float | int]:
    full = (b.months_paid == n_months) & (s.months_paid == n_months)
    removed = ~kept if kept is not None else pl.Series([False] * len(full), dtype=pl.Boolean)
    diff = (s.gross_total - b.gross_total).filter(full)
    out: dict[str, float | int] = {
        "people": diff.len(),
        "gainers": int((diff > 0).sum()),
        "losers": int((diff < 0).sum()),
        "unchanged": int((diff == 0).sum()),
        "removed": int(removed.sum()),
        "partial": int((~full & ~removed).sum()),
    }
    if diff.len():
        d = pl.col("gain")
        stats = (
            diff.alias("gain")
            .to_frame()
            .select(
                median=d.median(),
                mean=d.mean(),
                worst_loss=d.min(),
                best_gain=d.max(),
                p10=d.quantile(0.1, "nearest"),
                p90=d.quantile(0.9, "nearest"),
            )
            .row(0, named=True)
        )
        out |= {k: round(float(v), 1) for k, v in stats.items()}
        out["worst_loss"], out["best_gain"] = int(stats["worst_loss"]), int(stats["best_gain"])
    return out
