"""A synthetic roster for benchmarks and tests: ``synthetic_roster(n, seed)``.

Vectorised (Polars only, no numpy, no per-person loop) and deterministic: the random numbers
come from splitmix64 over the row index and the seed, computed in UInt64 columns, so the
same ``(n, seed)`` gives the same roster on any machine. The mix is plausible, not
calibrated: about 25 people per unit; units by sector (education and health dominate) and
level; categories by sector and level; groups by category; steps uniform with coefficients
taken from the Decree 204 tables; last-step dates within the step's interval (up to 15 years
for people at the last step, so beyond-frame occurs); ~10 % holding a leadership post whose
coefficient is in the leadership table; sector allowances from the sector tables for public
employees in education and health. Every value is one the engine accepts (no exclusions).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import polars as pl

from bienche.rules.roster import ROSTER_COLUMNS
from bienche.rules.steps import LadderLookup

REFERENCE_DAY = dt.date(2024, 7, 1)
_MASK = (1 << 64) - 1

SECTORS = [
    ("education", 40),
    ("health", 15),
    ("general", 22),
    ("culture", 5),
    ("economy", 5),
    ("agriculture", 5),
    ("social", 3),
    ("justice", 2),
    ("construction", 3),
]
LEVELS = [("city", 20), ("district", 35), ("commune", 45)]
CATEGORIES = {  # by the unit's kind
    "psu": [("public_employee", 85), ("contract", 13), ("civil_servant", 2)],
    "commune": [("commune_official", 80), ("contract", 20)],
    "admin": [("civil_servant", 70), ("official", 5), ("contract", 15), ("public_employee", 10)],
    "other": [("civil_servant", 40), ("public_employee", 45), ("contract", 15)],
}
GROUPS = {
    "public_employee": [
        ("A1", 50),
        ("A0", 15),
        ("A2.2", 8),
        ("A2.1", 7),
        ("B", 12),
        ("A3.2", 1),
        ("C1", 7),
    ],
    "civil_servant": [("A1", 55), ("A2.1", 25), ("A3.1", 5), ("A0", 5), ("B", 5), ("C1", 5)],
    "official": [("A2.1", 40), ("A3.1", 30), ("A1", 25), ("CGCC", 5)],
    "contract": [("C1", 40), ("B", 30), ("C2", 20), ("C3", 10)],
    "commune_official": [("A1", 60), ("A0", 20), ("B", 20)],
}
LEADER_SHARE = {"official": 60, "civil_servant": 22, "commune_official": 20, "public_employee": 7}
POSTS = {  # leadership coefficients (hundredths) of leadership_allowance.yaml, by context
    "education": [(70, 1), (55, 2), (50, 2), (45, 2), (35, 3)],
    "health": [(60, 1), (40, 2), (30, 3), (20, 4)],
    "commune": [(30, 1), (25, 2), (20, 3), (15, 3)],
    "admin": [(100, 1), (80, 3), (60, 6), (40, 10)],
}
SECTOR_RATES = {
    "education": [(3500, 50), (3000, 30), (2500, 5), (5000, 10), (7000, 5)],
    "health": [(4000, 50), (3000, 15), (5000, 15), (2000, 10), (6000, 5), (7000, 5)],
}


def _uniform(i: pl.Expr, seed: int, stream: int) -> pl.Expr:
    """splitmix64(i + offset) scaled to [0, 1)."""
    offset = (seed * 0x9E3779B97F4A7C15 + stream * 0xD1B54A32D192ED03) & _MASK
    z = i.cast(pl.UInt64) + pl.lit(offset, pl.UInt64) + pl.lit(0x9E3779B97F4A7C15, pl.UInt64)
    z = z.xor(z // (1 << 30)) * pl.lit(0xBF58476D1CE4E5B9, pl.UInt64)
    z = z.xor(z // (1 << 27)) * pl.lit(0x94D049BB133111EB, pl.UInt64)
    z = z.xor(z // (1 << 31))
    return (z // (1 << 11)).cast(pl.Float64) / float(1 << 53)


def _index(u: pl.Expr, weights: list[int]) -> pl.Expr:
    """The index of the option ``u`` falls in, options weighted by ``weights`` (ints only)."""
    total, acc = sum(weights), 0
    index: pl.Expr = pl.lit(0, pl.Int32)
    for w in weights[:-1]:
        acc += w
        index = index + (u >= acc / total).cast(pl.Int32)
    return index


def _choose(u: pl.Expr, options: Sequence[tuple[object, int]]) -> pl.Expr:
    values = pl.Series([v for v, _w in options])
    return pl.lit(values).gather(_index(u, [w for _v, w in options]))


def _by(key: pl.Expr, u: pl.Expr, table: Mapping[str, Sequence[tuple[object, int]]]) -> pl.Expr:
    """A weighted choice whose options depend on ``key`` (one gather of the values)."""
    flat: list[object] = []
    index: pl.Expr = pl.lit(None, pl.Int32)
    for name, options in table.items():
        local = _index(u, [w for _v, w in options]) + len(flat)
        index = pl.when(key == name).then(local).otherwise(index)
        flat += [v for v, _w in options]
    return pl.lit(pl.Series(flat)).gather(index)


def synthetic_roster(n: int, seed: int = 0) -> pl.DataFrame:
    """``n`` people with every column of ``bienche.rules.roster.ROSTER_COLUMNS``."""
    lookup = LadderLookup(REFERENCE_DAY)
    i, c = pl.int_range(n, dtype=pl.Int64), pl.col
    units = max(1, n // 25)
    # every random stream is a column computed once (an expression reused in several
    # comparisons would be recomputed for each)
    streams = [_uniform(i, seed, k).alias(f"_u{k}") for k in range(4, 12)]
    frame = pl.select(
        pl.format("P{}", i.cast(pl.String).str.zfill(9)).alias("person_id"),
        ((_uniform(i, seed, 1) * units).cast(pl.Int64) + 1).alias("unit_id"),
        *streams,
    ).with_columns(_v2=_uniform(c("unit_id"), seed, 2), _v3=_uniform(c("unit_id"), seed, 3))
    frame = frame.with_columns(sector=_choose(c("_v2"), SECTORS), level=_choose(c("_v3"), LEVELS))
    kind = (
        pl.when(c("sector").is_in(["education", "health"]))
        .then(pl.lit("psu"))
        .when(c("level") == "commune")
        .then(pl.lit("commune"))
        .when(c("sector") == "general")
        .then(pl.lit("admin"))
        .otherwise(pl.lit("other"))
    )
    frame = frame.with_columns(_kind=kind).with_columns(
        staff_category=_by(c("_kind"), c("_u4"), CATEGORIES)
    )
    frame = frame.with_columns(
        salary_group=_by(c("staff_category"), c("_u5"), GROUPS)
    ).with_columns(_gidx=lookup.group_index(c("salary_group")))
    last, interval = lookup.per_group(c("_gidx"), "last"), lookup.per_group(c("_gidx"), "interval")
    frame = frame.with_columns(step=(c("_u6") * last).cast(pl.Int32) + 1, _last=last, _int=interval)
    at_last = c("step") == c("_last")
    days = pl.when(at_last).then(c("_u7") * 5_500).otherwise(c("_u7") * c("_int") * 30.4)
    frame = frame.with_columns(
        coefficient_h=lookup.coefficient(c("_gidx"), c("step")),
        last_step_date=pl.when(at_last | (c("_u8") > 0.01)).then(
            pl.lit(REFERENCE_DAY) - pl.duration(days=days.cast(pl.Int64))
        ),
    )
    return _allowances(frame).select(*ROSTER_COLUMNS)


def _allowances(frame: pl.DataFrame) -> pl.DataFrame:
    c = pl.col
    share = c("staff_category").replace_strict(LEADER_SHARE, default=0, return_dtype=pl.Int32)
    context = (
        pl.when(c("sector").is_in(["education", "health"]))
        .then(c("sector"))
        .when(c("level") == "commune")
        .then(pl.lit("commune"))
        .otherwise(pl.lit("admin"))
    )
    leader = c("_u9") * 100 < share
    rated = (c("staff_category") == "public_employee") & c("sector").is_in(list(SECTOR_RATES))
    return frame.with_columns(
        leadership_coef_h=pl.when(leader)
        .then(_by(context, c("_u10"), POSTS))
        .otherwise(0)
        .cast(pl.Int32),
        sector_allowance_bp=pl.when(rated)
        .then(_by(c("sector"), c("_u11"), SECTOR_RATES))
        .otherwise(0)
        .cast(pl.Int32),
    )
