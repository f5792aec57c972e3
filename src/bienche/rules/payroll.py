"""The mass payroll run: one month, a whole roster, column-wise (never a per-person loop).

``run(roster, month, scenario)`` reads the roster (a DataFrame, or a LazyFrame such as
``pl.scan_parquet(path)``; columns in ``bienche.rules.roster.ROSTER_COLUMNS``), applies the
scenario's headcount change, checks every row, computes every line of
``bienche.rules.lines`` for the payable rows and returns a ``PayrollRun``: the per-person
lines, the excluded people with the rule and the reason, totals (sums of the rounded lines,
with the number excluded and removed) and roll-ups by unit, sector, category and level.
A month with no base salary (or no other essential parameter) raises ``ParameterError``
before anything is computed; a roster with wrong columns raises ``RosterError``.

Rounding (``bienche.rules.money``): amounts are integer VND; coefficient × base salary is
exact (hundredths × a multiple of 100); each percentage line is rounded half up to the đồng
per person and per line; totals are sums of the rounded lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import polars as pl

from bienche.rules.errors import BAD_COLUMN_TYPE, RosterError
from bienche.rules.lines import LINES, MONEY_LINES, compute
from bienche.rules.roster import coerce, prepare, reasons
from bienche.rules.scenarios import HeadcountChange, Scenario
from bienche.rules.snapshot import Snapshot, snapshot

ID_COLUMNS = ("person_id", "unit_id", "sector", "level", "staff_category", "salary_group", "step")
RATE_COLUMNS = ("beyond_frame_pct", "leadership_h", "sector_bp")
DIMENSIONS = {"unit": "unit_id", "sector": "sector", "category": "staff_category", "level": "level"}
FINE_KEYS = tuple(DIMENSIONS.values())
#: Lines summed in the roll-ups (which add allowances = gross − salary and net = gross −
#: employee contributions); the totals have every money line.
ROLLUP_LINES = (
    "salary",
    "gross",
    "employer_contributions",
    "employee_contributions",
    "employer_cost",
    "bonus_fund",
)


@dataclass(frozen=True)
class PayrollRun:
    """One month's payroll. Totals, roll-ups and exclusions are computed by ``run``; the
    per-person frame ``people`` is computed from the same plan on first access (so a
    national run that only needs the figures never holds 2.5 million rows of lines)."""

    month: dt.date
    scenario: str | None
    excluded: pl.DataFrame  # person_id, rule, reason
    removed: int  # people taken out by the scenario's headcount change
    totals: dict[str, int]  # headcount, excluded, removed, then the sum of each money line
    by_unit: pl.DataFrame  # unit_id, headcount, one column per ROLLUP_LINES
    by_sector: pl.DataFrame
    by_category: pl.DataFrame  # keyed by staff_category
    by_level: pl.DataFrame
    plan: pl.LazyFrame = field(repr=False)

    @cached_property
    def people(self) -> pl.DataFrame:
        """ID_COLUMNS, RATE_COLUMNS (+ position_level), then one column per line."""
        return collect_frames([self.plan])[0]

    @property
    def bonus_fund(self) -> int:
        """The bonus fund for the month (a separate figure: not in gross or employer cost)."""
        return self.totals["bonus_fund"]

    def to_parquet(self, path: str) -> None:
        self.people.write_parquet(path)


def sums(lines: tuple[str, ...] = MONEY_LINES) -> list[pl.Expr]:
    """Headcount and line sums over the payable rows (``_fail == 0``) of a prepared plan."""
    ok = pl.col("_fail") == 0
    return [
        ok.sum().cast(pl.Int64).alias("headcount"),
        *(pl.when(ok).then(pl.col(n)).sum().alias(n) for n in lines),
    ]


def kept_mask(lf: pl.LazyFrame, change: HeadcountChange | None) -> pl.Expr:
    """True for people the headcount change keeps (deterministic, evenly spaced removals)."""
    if change is None:
        return pl.lit(True)
    keep = ~pl.col("person_id").is_in(list(change.remove))
    for share in change.keep:
        match = pl.lit(True)
        if share.staff_category is not None:
            match = match & (pl.col("staff_category") == share.staff_category)
        if share.sector is not None:
            match = match & (pl.col("sector") == share.sector)
        # rank r (0-based, person_id order) among the matching: removed when the running
        # count of removals floor((r+1)·drop) steps up.
        drop = 10_000 - share.keep_bp
        rank = pl.col("person_id").rank("ordinal").over(match).cast(pl.Int64) - 1
        steps_up = ((rank + 1) * drop) // 10_000 > (rank * drop) // 10_000
        keep = keep & ~(match & steps_up)
    return keep


def collect_frames(
    frames: list[pl.LazyFrame], engine: Literal["auto", "in-memory"] = "auto"
) -> list[pl.DataFrame]:
    """Collect lazy frames together (polars shares their common plan); a type error that
    only surfaces while reading the roster becomes a RosterError."""
    try:
        return pl.collect_all(frames, engine=engine)
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError) as exc:
        raise RosterError(
            BAD_COLUMN_TYPE.format(column="(see error)", dtype="", error=exc)
        ) from exc


def output_columns(snap: Snapshot) -> tuple[str, ...]:
    extra = ("position_level",) if snap.position_pay is not None else ()
    return (*ID_COLUMNS, *RATE_COLUMNS, *extra, *LINES)


def run(
    roster: pl.DataFrame | pl.LazyFrame,
    month: dt.date,
    scenario: Scenario | None = None,
) -> PayrollRun:
    """Pay every person of ``roster`` for ``month`` under ``scenario`` (current law if None)."""
    snap = snapshot(month.replace(day=1), scenario)  # raises before anything is computed
    lf = coerce(roster)
    removed = 0
    if snap.headcount is not None:
        lf = lf.with_columns(_kept=kept_mask(lf, snap.headcount))
        removed = int(collect_frames([lf.select((~pl.col("_kept")).sum())])[0].item())
        lf = lf.filter(pl.col("_kept")).drop("_kept")
    plan = compute(prepare(lf, snap), snap)
    # one streaming pass over the roster feeds every figure (polars shares the common plan);
    # sums() masks the rows that cannot be paid, counted apart
    total, *dims = collect_frames(
        [plan.select((pl.col("_fail") != 0).sum().cast(pl.Int64).alias("excluded"), *sums())]
        + [
            plan.group_by(c)
            .agg(sums(ROLLUP_LINES))
            .filter(pl.col("headcount") > 0)
            .with_columns(
                allowances=pl.col("gross") - pl.col("salary"),
                net=pl.col("gross") - pl.col("employee_contributions"),
            )
            .sort(c)
            for c in FINE_KEYS
        ]
    )
    n_excluded = int(total["excluded"].item())
    excluded = pl.DataFrame(schema={"person_id": pl.String, "rule": pl.String, "reason": pl.String})
    if n_excluded:  # a second pass, only to name the people left out
        # in-memory: polars 2.1's streaming engine panics formatting strings over chunked input
        excluded = collect_frames([reasons(plan.filter(pl.col("_fail") != 0))], "in-memory")[0]
    r = dict(zip(DIMENSIONS, dims, strict=True))
    sums_row = {k: int(v or 0) for k, v in total.drop("excluded").row(0, named=True).items()}
    totals = {
        "headcount": sums_row.pop("headcount"),
        "excluded": n_excluded,
        "removed": removed,
        **sums_row,
    }
    people = plan.filter(pl.col("_fail") == 0).select(output_columns(snap))
    return PayrollRun(
        snap.month,
        snap.scenario_name,
        excluded,
        removed,
        totals,
        r["unit"],
        r["sector"],
        r["category"],
        r["level"],
        people,
    )
