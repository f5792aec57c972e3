"""The roster the engine reads, its checks, and the per-person rates derived from it.

``ROSTER_COLUMNS`` are required (name → Polars type); ``OPTIONAL_COLUMNS`` default when absent.
A roster with a missing column or a value of the wrong type is refused whole (``RosterError``).
Row by row, ``prepare`` derives the rates each pay line needs and a failure code: a person
whose pay cannot be computed is never dropped silently, ``run`` lists them with the rule and
the reason, ``explain`` raises ``PayrollError``.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from bienche.rules.errors import BAD_COLUMN_TYPE, MISSING_COLUMNS, RosterError
from bienche.rules.money import half_up
from bienche.rules.scenarios import PositionPay
from bienche.rules.snapshot import Snapshot
from bienche.rules.steps import beyond_frame_expr, code_of

#: Required roster columns. Codes follow the staffing and org apps (stable API values).
ROSTER_COLUMNS: dict[str, pl.DataType] = {
    "person_id": pl.String(),  # the person's stable identifier
    "unit_id": pl.Int64(),  # the unit paying the person
    "sector": pl.String(),  # the unit's sector (org Sector: general, education, health, …)
    "level": pl.String(),  # the unit's level (org UnitLevel: city, district, commune)
    "staff_category": pl.String(),  # staffing StaffCategory code
    "salary_group": pl.String(),  # Decree 204/2004 group: CGCC, A3.1 … A0, B, C1–C3
    "step": pl.Int32(),  # bậc, 1-based
    "coefficient_h": pl.Int32(),  # hệ số lương in hundredths; must equal the table's
    "last_step_date": pl.Date(),  # date the current step was reached (nullable)
    "leadership_coef_h": pl.Int32(),  # leadership allowance coefficient in hundredths (0: none)
    "sector_allowance_bp": pl.Int32(),  # sector allowance rate in basis points (0: none)
}
#: Optional columns and their default.
OPTIONAL_COLUMNS: dict[str, tuple[pl.DataType, int]] = {
    "delay_months": (pl.Int32(), 0),  # discipline delay of the step and beyond-frame clocks
}
#: Staff categories (mirrors bienche.staffing.enums.StaffCategory; rules imports no Django).
STAFF_CATEGORIES = ("official", "civil_servant", "public_employee", "contract", "commune_official")

#: Failure codes → (rule, reason template over the row's columns).
FAILURES: dict[int, tuple[str, str]] = {
    1: ("roster", "a required value is empty (person_id, unit_id, sector, level, group, step)"),
    2: ("roster", "unknown staff_category '{staff_category}'"),
    3: ("salary_coefficient", "unknown salary group '{salary_group}'"),
    4: ("salary_coefficient", "step {step} outside 1–{max_step} of group {salary_group}"),
    5: (
        "salary_coefficient",
        "coefficient_h {coefficient_h} does not match the table's {table_coefficient_h} "
        "for {salary_group} step {step}",
    ),
    6: ("beyond_frame", "at the last step of {salary_group} with no last_step_date"),
    7: ("beyond_frame", "negative delay_months {delay_months}"),
    8: (
        "leadership",
        "leadership coefficient {leadership_coef_h} (hundredths) matches no post of "
        "leadership_allowance on this month: an allowance without a source",
    ),
    9: (
        "sector_allowance",
        "sector allowance {sector_allowance_bp} bp is not a rate of sector '{sector}' "
        "in sector_allowances: an allowance without a source",
    ),
    10: (
        "position_pay",
        "the scenario maps {salary_group} step {step} with leadership {leadership_coef_h} "
        "to no new level",
    ),
}


def coerce(roster: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """The roster as a LazyFrame with the documented types (refused whole if it cannot be)."""
    lf = roster.lazy()
    schema = lf.collect_schema()
    names = schema.names()
    missing = [c for c in ROSTER_COLUMNS if c not in names]
    if missing:
        raise RosterError(MISSING_COLUMNS.format(columns=", ".join(missing)))
    check_types(schema)
    casts = [pl.col(c).cast(t, strict=True) for c, t in ROSTER_COLUMNS.items()]
    for col, (dtype, default) in OPTIONAL_COLUMNS.items():
        if col in names:
            casts.append(pl.col(col).cast(dtype, strict=True).fill_null(default))
        else:
            casts.append(pl.lit(default, dtype).alias(col))
    return lf.select(casts).with_columns(
        pl.col("leadership_coef_h").fill_null(0), pl.col("sector_allowance_bp").fill_null(0)
    )


def check_types(schema: pl.Schema) -> None:
    """Refuse columns whose type cannot hold the documented one (before any row is read)."""
    kinds = {
        pl.String(): (pl.String, pl.Categorical, pl.Enum),
        pl.Date(): (pl.Date, pl.Datetime),
    }
    for col, dtype in ROSTER_COLUMNS.items():
        have = schema[col]
        ok = isinstance(have, kinds[dtype]) if dtype in kinds else have.is_integer()
        if not ok and have != pl.Null():
            raise RosterError(BAD_COLUMN_TYPE.format(column=col, dtype=dtype, error=have))


def _changed(rate: pl.Expr, snap: Snapshot, line: str) -> pl.Expr:
    for change in snap.allowance_changes:
        if change.line != line:
            continue
        applies = rate > 0
        if change.sector is not None:
            applies = applies & (pl.col("sector") == change.sector)
        new = pl.max_horizontal(half_up(rate * change.scale_bp, 10_000) + change.add, pl.lit(0))
        rate = pl.when(applies).then(new).otherwise(rate)
    return rate.cast(pl.Int64)


def member(values: pl.Expr, allowed: list[int], size: int) -> pl.Expr:
    """``values`` in ``allowed`` (ints in 0..size-1) via a lookup table; any value outside,
    negative or too large, is not a member."""
    table = [False] * (size + 2)  # [negative, 0 … size − 1, size and above]
    for v in allowed:
        if 0 <= v < size:
            table[v + 1] = True
    return pl.lit(pl.Series(table)).gather(values.clip(-1, size) + 1)


def _sector_ok(snap: Snapshot) -> pl.Expr:
    """Rate 0, or one of the rates of the person's sector."""
    bp = pl.col("sector_allowance_bp")
    ok: pl.Expr = bp == 0
    for name, rates in snap.sector_rates.items():
        ok = ok | ((pl.col("sector") == name) & member(bp, list(rates), 20_000))
    return ok


@cache
def _levels(
    pay: PositionPay, ladder: tuple[tuple[str, int], ...], posts: tuple[int, ...]
) -> tuple[dict[int, int], dict[int, str]]:
    """Every (group index, step, leadership) the roster may hold → new level amount, label."""
    amounts: dict[int, int] = {}
    labels: dict[int, str] = {}
    for gidx, (group, last) in enumerate(ladder):
        for step in range(1, last + 1):
            for lead in (0, *posts):
                found = pay.level_of(group, step, lead)
                if found:
                    at = (gidx * 100 + step) * 10_000 + lead
                    labels[at], amounts[at] = found
    return amounts, labels


def _position_level(snap: Snapshot) -> list[pl.Expr]:
    pay = snap.position_pay
    if pay is None:
        return []
    ladder = tuple((g, snap.lookup.ladders[g].last) for g in snap.lookup.groups)
    amounts, labels = _levels(pay, ladder, tuple(snap.leadership_posts))
    key = (pl.col("_gidx").cast(pl.Int64) * 100 + pl.col("step")) * 10_000 + pl.col(
        "leadership_coef_h"
    )
    return [
        key.replace_strict(amounts, default=None, return_dtype=pl.Int64).alias("position_salary"),
        key.replace_strict(labels, default=None, return_dtype=pl.String).alias("position_level"),
    ]


def _failure(snap: Snapshot) -> pl.Expr:
    c = pl.col
    required = ["person_id", "unit_id", "sector", "level", "salary_group", "step", "coefficient_h"]
    checks = [
        (pl.any_horizontal([c(x).is_null() for x in required]), 1),
        (c("_cat").is_null(), 2),
        (c("_gidx").is_null(), 3),
        ((c("step") < 1) | (c("step") > c("max_step")), 4),
        (c("coefficient_h") != c("table_coefficient_h"), 5),
        ((c("step") == c("max_step")) & c("last_step_date").is_null(), 6),
        (c("delay_months") < 0, 7),
        (~member(c("leadership_coef_h"), [0, *snap.leadership_posts], 10_000), 8),
        (~_sector_ok(snap), 9),
    ]
    if snap.position_pay is not None:
        checks.append((c("position_salary").is_null(), 10))
    # the first failing check wins: weight check i by (top - i), take the max, map back
    top = len(FAILURES) + 1
    weights = [cond.fill_null(False).cast(pl.Int8) * (top - value) for cond, value in checks]
    worst = pl.max_horizontal(weights)
    return pl.when(worst > 0).then(top - worst).otherwise(0).cast(pl.Int8).alias("_fail")


def prepare(lf: pl.LazyFrame, snap: Snapshot) -> pl.LazyFrame:
    """Add the rates every line needs and ``_fail`` (0: payable, else a FAILURES code)."""
    lookup, c = snap.lookup, pl.col
    covered = pl.Series([x not in snap.unemployment_excluded for x in STAFF_CATEGORIES])
    lf = lf.with_columns(
        _gidx=lookup.group_index(c("salary_group")),
        _cat=code_of(c("staff_category"), STAFF_CATEGORIES),
    )
    lf = lf.with_columns(
        *_position_level(snap),
        max_step=lookup.per_group(c("_gidx"), "last"),
        table_coefficient_h=lookup.coefficient(c("_gidx"), c("step")),
        _bf=beyond_frame_expr(
            lookup, c("_gidx"), c("step"), c("last_step_date"), c("delay_months"), snap.month
        ),
    )
    at_last = c("step") == c("max_step")
    lf = lf.with_columns(
        beyond_frame_pct=_changed(
            pl.when(at_last).then(c("_bf")).otherwise(0), snap, "beyond_frame"
        ),
        leadership_h=_changed(c("leadership_coef_h"), snap, "leadership"),
        sector_bp=_changed(c("sector_allowance_bp"), snap, "sector_allowance"),
        unemployment_covered=pl.lit(covered).gather(c("_cat")),
    )
    return lf.with_columns(_failure(snap)).drop("_bf", "_cat")


def reasons(failed: pl.LazyFrame) -> pl.LazyFrame:
    """``person_id, rule, reason`` for rows whose ``_fail`` is not 0."""
    rule: pl.Expr = pl.lit(None, pl.String)
    reason: pl.Expr = pl.lit(None, pl.String)
    for code, (name, template) in FAILURES.items():
        hit = pl.col("_fail") == code
        rule = pl.when(hit).then(pl.lit(name)).otherwise(rule)
        reason = pl.when(hit).then(_format(template)).otherwise(reason)
    return failed.select("person_id", rule.alias("rule"), reason.alias("reason"))


def _format(template: str) -> pl.Expr:
    """A reason template ``"… {column} …"`` as a Polars string expression."""
    parts = template.replace("}", "{").split("{")
    names = parts[1::2]
    fmt = "{}".join(p.replace("{", "{{") for p in parts[0::2])
    return pl.format(fmt, *[pl.col(n).cast(pl.String).fill_null("∅") for n in names])
