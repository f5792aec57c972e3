"""Step progression (nâng bậc lương thường xuyên) and the beyond-frame percent, from dates.

Everything is computed explicitly from the date of the last step increase, never by
recursing on a previous value:

* a person at step ``s`` of a group with ``n`` steps, who reached it on ``d`` and carries a
  discipline delay of ``x`` months, reaches step ``s + k`` on ``add_months(d, k × I + x)``
  (``I`` = the group's interval: 60 months for CGCC, 36 for A0–A3, 24 for B and C;
  Circular 08/2013/TT-BNV as amended by 03/2021/TT-BNV);
* as of a date ``t``: ``e = months_between(d, t) − x`` full months have counted, the step is
  ``min(n, s + e // I)`` (``e < 0`` counts as 0);
* beyond frame: ``m = e − (n − s) × I`` months at the last step; the percent is 0 while
  ``m < W`` (36 months for A0–A3, 24 for B and C), then ``5 + (m − W) // 12`` (Decree 204/2004
  Art. 6, Decree 76/2009, Circular 04/2005/TT-BNV), so +1 % per further full year.

``months_between(a, b)`` is the largest ``k`` with ``add_months(a, k) <= b``, where
``add_months`` keeps the day and clips it at the month's end (31 January + 1 month = 28 or 29
February), so a step date and the step as of that date always agree. A null
``last_step_date`` means no progression is known: the step stays, no beyond-frame.

The scalar functions and the vectorised ``project`` (over a Polars frame) implement the same
arithmetic; ``tests/test_steps.py`` proves they agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import polars as pl

from bienche.rules.params import load


@dataclass(frozen=True)
class Ladder:
    """One salary group's steps and timing, as in force on a date."""

    group: str
    coefficients: tuple[int, ...]  # hundredths, step 1 first
    interval: int  # months between two steps
    beyond_wait: int  # months at the last step before the first beyond-frame percent
    first_pct: int
    yearly_pct: int

    @property
    def last(self) -> int:
        return len(self.coefficients)


@cache
def ladders(on: dt.date | None = None) -> dict[str, Ladder]:
    """Every group's ladder in force on ``on`` (the latest parameters when ``None``)."""

    def value(name: str) -> dict[str, Any]:
        param = load(name)
        found: dict[str, Any] = param.entries[-1].value if on is None else param.value_at(on)
        return found

    tables, intervals = value("salary_coefficients"), value("step_interval")
    beyond = value("beyond_frame")
    return {
        group: Ladder(
            group,
            tuple(coefs),
            int(intervals[group]),
            int(beyond["months_to_first"][group]),
            int(beyond["first_percent"]),
            int(beyond["yearly_percent"]),
        )
        for group, coefs in tables.items()
    }


def ladder(group: str, on: dt.date | None = None) -> Ladder:
    try:
        return ladders(on)[group]
    except KeyError:
        raise ValueError(f"unknown salary group '{group}'") from None


# ---- scalar -----------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last_day))


def months_between(start: dt.date, end: dt.date) -> int:
    """Full months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
    days_in_end_month = calendar.monthrange(end.year, end.month)[1]
    return months - (min(start.day, days_in_end_month) > end.day)


def _elapsed(last_step_date: dt.date, as_of: dt.date, delay_months: int) -> int:
    return max(0, months_between(last_step_date, as_of) - delay_months)


def next_step_dates(
    group: str,
    step: int,
    last_step_date: dt.date,
    *,
    delay_months: int = 0,
    on: dt.date | None = None,
) -> list[dt.date]:
    """The date of each step after ``step`` up to the group's last (empty at the last)."""
    lad = ladder(group, on)
    return [
        add_months(last_step_date, k * lad.interval + delay_months)
        for k in range(1, lad.last - step + 1)
    ]


def step_as_of(
    group: str,
    step: int,
    last_step_date: dt.date | None,
    as_of: dt.date,
    *,
    delay_months: int = 0,
) -> int:
    """The step held on ``as_of`` if every regular increase happens on time."""
    lad = ladder(group, as_of)
    if last_step_date is None:
        return min(step, lad.last)
    return min(lad.last, step + _elapsed(last_step_date, as_of, delay_months) // lad.interval)


def beyond_frame_percent(
    group: str,
    step: int,
    last_step_date: dt.date | None,
    as_of: dt.date,
    *,
    delay_months: int = 0,
) -> int:
    """The beyond-frame percent on ``as_of`` (0 before the waiting time at the last step)."""
    if last_step_date is None:
        return 0
    lad = ladder(group, as_of)
    at_last = months_between(last_step_date, as_of) - delay_months
    at_last -= (lad.last - step) * lad.interval
    if at_last < lad.beyond_wait:
        return 0
    return lad.first_pct + (at_last - lad.beyond_wait) // 12 * lad.yearly_pct


# ---- vectorised ---------------------------------------------------------------------------

#: The vectorised month count covers start dates up to this many months before the end date.
MAX_MONTHS = 1_800


@cache
def _months_by_day(end: dt.date) -> tuple[int, pl.Series]:
    """(first day number, months_between(day, end) for each day up to ``end``), clamped to
    0..MAX_MONTHS: ``months_between(d, end) >= k`` holds exactly for ``d <= t_k``."""
    one = dt.timedelta(days=1)
    bounds = []
    for k in range(MAX_MONTHS + 1):
        t = add_months(end, -k)
        while add_months(t + one, k) <= end:
            t += one
        bounds.append(t)
    counts: list[int] = []
    for k in range(MAX_MONTHS, 0, -1):  # days in (t_k+1 … t_(k-1)] count k-1 months
        counts.extend([k - 1] * (bounds[k - 1] - bounds[k]).days)
    first = (bounds[MAX_MONTHS] + one - dt.date(1970, 1, 1)).days
    return first, pl.Series([MAX_MONTHS, *counts], dtype=pl.Int32)


def months_between_expr(start: pl.Expr, end: dt.date) -> pl.Expr:
    """``months_between(start, end)`` per row, clamped to 0..MAX_MONTHS (null stays null);
    a lookup by day number, exact by construction from the scalar ``add_months``."""
    first, table = _months_by_day(end)
    offset = (start.cast(pl.Int32) - first + 1).clip(0, table.len() - 1)
    return pl.lit(table).gather(offset)


def code_of(column: pl.Expr, values: list[str] | tuple[str, ...]) -> pl.Expr:
    """The position of each string in ``values`` (null when absent): an Enum cast, faster
    than hashing each row."""
    return column.cast(pl.Enum(list(values)), strict=False).to_physical().cast(pl.Int32)


def add_months_expr(day: pl.Expr, months: pl.Expr) -> pl.Expr:
    return day.dt.offset_by(pl.format("{}mo", months))


class LadderLookup:
    """Vectorised lookups of the ladders in force on a date, keyed by a group index."""

    WIDTH = 100  # steps per group in the flat coefficient table

    def __init__(self, on: dt.date | None) -> None:
        self.ladders = ladders(on)
        self.groups = list(self.ladders)
        self.index = {g: i for i, g in enumerate(self.groups)}
        flat: list[int | None] = [None] * (len(self.groups) * self.WIDTH)
        for g, i in self.index.items():
            for s, c in enumerate(self.ladders[g].coefficients):
                flat[i * self.WIDTH + s] = c
        self._flat = pl.Series(flat, dtype=pl.Int32)

    def group_index(self, group: pl.Expr) -> pl.Expr:
        """Group index (null for an unknown group)."""
        return code_of(group, self.groups)

    def per_group(self, gidx: pl.Expr, attr: str) -> pl.Expr:
        values = [getattr(self.ladders[g], attr) for g in self.groups]
        return pl.lit(pl.Series(values, dtype=pl.Int32)).gather(gidx)

    def coefficient(self, gidx: pl.Expr, step: pl.Expr) -> pl.Expr:
        """The table coefficient (hundredths) for a group and step; null if outside."""
        inside = (step >= 1) & (step <= self.WIDTH)
        index = pl.when(inside).then(gidx * self.WIDTH + step.cast(pl.Int32) - 1)
        return pl.lit(self._flat).gather(index)


def beyond_frame_expr(
    lookup: LadderLookup,
    gidx: pl.Expr,
    step: pl.Expr,
    last_step_date: pl.Expr,
    delay: pl.Expr,
    as_of: dt.date,
) -> pl.Expr:
    """``beyond_frame_percent`` per row (0 where the date is null)."""
    at_last = (
        months_between_expr(last_step_date, as_of)
        - delay
        - (lookup.per_group(gidx, "last") - step) * lookup.per_group(gidx, "interval")
    )
    wait = lookup.per_group(gidx, "beyond_wait")
    first, yearly = lookup.per_group(gidx, "first_pct"), lookup.per_group(gidx, "yearly_pct")
    pct = first + (at_last - wait) // 12 * yearly
    return pl.when(at_last >= wait).then(pct).otherwise(0).fill_null(0).cast(pl.Int32)


def project(frame: pl.LazyFrame, as_of: dt.date) -> pl.LazyFrame:
    """Add ``step_as_of``, ``coefficient_h_as_of``, ``step_date_as_of``, ``next_step_date``
    and ``beyond_frame_pct`` to a frame with ``salary_group``, ``step``, ``last_step_date``
    (and optionally ``delay_months``). An unknown group keeps its step, with a null
    coefficient."""
    lookup = LadderLookup(as_of)
    names = frame.collect_schema().names()
    delay = pl.col("delay_months").cast(pl.Int32) if "delay_months" in names else pl.lit(0)
    gidx, step = pl.col("_gidx"), pl.col("step").cast(pl.Int32)
    last_date = pl.col("last_step_date").cast(pl.Date)
    interval, last = lookup.per_group(gidx, "interval"), lookup.per_group(gidx, "last")
    elapsed = pl.max_horizontal(months_between_expr(last_date, as_of) - delay, pl.lit(0))
    new_step = pl.min_horizontal(step + (elapsed // interval).fill_null(0), last)
    gained = new_step - step
    return (
        frame.with_columns(_gidx=lookup.group_index(pl.col("salary_group")), _delay=delay)
        .with_columns(
            step_as_of=new_step,
            step_date_as_of=pl.when(gained > 0)
            .then(add_months_expr(last_date, gained * interval + pl.col("_delay")))
            .otherwise(last_date),
            next_step_date=pl.when(new_step < last).then(
                add_months_expr(last_date, (gained + 1) * interval + pl.col("_delay"))
            ),
            beyond_frame_pct=beyond_frame_expr(
                lookup, gidx, step, last_date, pl.col("_delay"), as_of
            ),
        )
        .with_columns(coefficient_h_as_of=lookup.coefficient(gidx, pl.col("step_as_of")))
        .drop("_gidx", "_delay")
    )


def advance(frame: pl.LazyFrame, as_of: dt.date) -> pl.LazyFrame:
    """The roster as it would stand on ``as_of`` if every regular step came on time: step,
    coefficient and last_step_date replaced by their projections (for cost forecasts)."""
    projected = project(frame, as_of)
    return projected.with_columns(
        step=pl.col("step_as_of").fill_null(pl.col("step")).cast(pl.Int32),
        coefficient_h=pl.col("coefficient_h_as_of").fill_null(pl.col("coefficient_h")),
        last_step_date=pl.col("step_date_as_of"),
    ).drop(
        "step_as_of",
        "coefficient_h_as_of",
        "step_date_as_of",
        "next_step_date",
        "beyond_frame_pct",
    )
