"""The roster the payroll engine reads, in bulk: from the database as of a date, or from a file.

``roster_frame(on)`` runs ONE raw SQL query — the assignments valid on ``on``, their person
and the version of their unit valid on ``on`` (sector, level) — fetches the rows in chunks
and builds a Polars frame with exactly ``bienche.rules.roster.ROSTER_COLUMNS``: no ORM object
per row. The unit version is LEFT-joined: an assignment whose unit has no version on that
date keeps empty sector and level, and the engine lists it as excluded with the reason
instead of it disappearing from the totals. ``person_id`` is the Person's primary key as a
string. SQLite returns dates as ISO strings (the query casts them to text on both engines, so
one vectorised parse serves both).

``read_roster_file(path)`` reads a what-if roster from Parquet or XLSX (first sheet, the
column names of ``ROSTER_COLUMNS`` on the first row) and refuses, naming them, missing
columns or columns of the wrong type (``RosterError``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl
from django.db import connection

from bienche.rules.errors import BAD_COLUMN_TYPE, MISSING_COLUMNS, RosterError
from bienche.rules.roster import ROSTER_COLUMNS

#: Above this many unit ids the subtree filter runs in Polars (SQLite limits bound variables).
SQL_IN_LIMIT = 500
CHUNK = 50_000
UNSUPPORTED_FILE = "roster: unsupported file type {suffix} (use .parquet or .xlsx)"
NO_FILE = "roster: no such file {path}"

_SELECT = """
SELECT p.id, a.unit_id, v.sector, v.level, a.staff_category, a.salary_group, a.step,
       a.coefficient_h, CAST(a.last_step_date AS TEXT), a.leadership_coef_h,
       a.sector_allowance_bp{extra}
FROM staffing_assignment a
JOIN staffing_person p ON p.id = a.person_id
LEFT JOIN org_unitversion v
  ON v.unit_id = a.unit_id AND v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s)
WHERE a.valid_from <= %s AND (a.valid_to IS NULL OR a.valid_to > %s)
"""
#: Types of the columns as the database returns them (before the casts to ROSTER_COLUMNS).
_RAW = {
    "person_id": pl.Int64(),
    "unit_id": pl.Int64(),
    "sector": pl.String(),
    "level": pl.String(),
    "staff_category": pl.String(),
    "salary_group": pl.String(),
    "step": pl.Int64(),
    "coefficient_h": pl.Int64(),
    "last_step_date": pl.String(),
    "leadership_coef_h": pl.Int64(),
    "sector_allowance_bp": pl.Int64(),
}


def _fetch(sql: str, params: Sequence[Any], schema: dict[str, pl.DataType] = _RAW) -> pl.DataFrame:
    frames = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            frames.append(pl.DataFrame(rows, schema=schema, orient="row"))
    if not frames:
        return pl.DataFrame(schema=schema)
    return pl.concat(frames, rechunk=True)


def _typed(raw: pl.DataFrame) -> pl.DataFrame:
    casts = []
    for name, dtype in ROSTER_COLUMNS.items():
        col = pl.col(name)
        if name == "last_step_date":
            col = col.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=True)
        casts.append(col.cast(dtype, strict=True).alias(name))
    return raw.select(casts)


def roster_frame(on: dt.date, *, unit_ids: set[int] | None = None) -> pl.DataFrame:
    """The roster valid on ``on`` (optionally only the units ``unit_ids``), engine-typed."""
    sql = _SELECT.format(extra="")
    params: list[Any] = [on, on, on, on]
    in_sql = unit_ids is not None and 0 < len(unit_ids) <= SQL_IN_LIMIT
    if unit_ids is not None and not unit_ids:
        return _typed(pl.DataFrame(schema=_RAW))
    if in_sql and unit_ids is not None:
        ids = sorted(unit_ids)
        sql += f" AND a.unit_id IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    frame = _typed(_fetch(sql, params))
    if unit_ids is not None and not in_sql:
        frame = frame.filter(pl.col("unit_id").is_in(sorted(unit_ids)))
    return frame


def person_row(person_pk: int, on: dt.date) -> tuple[dict[str, object], dict[str, str]] | None:
    """One person's roster row on ``on`` (the same query, filtered) and their identifier and
    name, or None when they hold no assignment that day."""
    if not 0 < person_pk < 2**63:  # no such key (and no out-of-range database error)
        return None
    sql = _SELECT.format(extra=", p.personal_id, p.full_name") + " AND a.person_id = %s"
    schema = {**_RAW, "personal_id": pl.String(), "full_name": pl.String()}
    raw = _fetch(sql, [on, on, on, on, person_pk], schema)
    if raw.height == 0:
        return None
    who = raw.select("personal_id", "full_name").row(0, named=True)
    return _typed(raw).row(0, named=True), who


def read_roster_file(path: str | Path) -> pl.DataFrame:
    """A what-if roster from ``.parquet`` or ``.xlsx``, checked and cast to ROSTER_COLUMNS."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(NO_FILE.format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame = pl.read_parquet(path)
    elif suffix == ".xlsx":
        frame = pl.read_excel(path, infer_schema_length=None)
    else:
        raise RosterError(UNSUPPORTED_FILE.format(suffix=suffix or "(none)"))
    return check_roster(frame)


def check_roster(frame: pl.DataFrame) -> pl.DataFrame:
    """Refuse a roster with missing columns or a column that cannot take its type."""
    missing = [c for c in ROSTER_COLUMNS if c not in frame.columns]
    if missing:
        raise RosterError(MISSING_COLUMNS.format(columns=", ".join(missing)))
    out = {}
    for name, dtype in ROSTER_COLUMNS.items():
        col = frame[name]
        try:
            if dtype == pl.Date() and col.dtype == pl.String():
                col = col.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=True)
            elif dtype == pl.String() and col.dtype.is_integer():
                col = col.cast(pl.String)
            out[name] = col.cast(dtype, strict=True)
        except (pl.exceptions.PolarsError, TypeError) as exc:
            error = f"{col.dtype}: {str(exc).splitlines()[0]}"
            raise RosterError(
                BAD_COLUMN_TYPE.format(column=name, dtype=dtype, error=error)
            ) from exc
    if "delay_months" in frame.columns:
        out["delay_months"] = frame["delay_months"].cast(pl.Int32, strict=False)
    return pl.DataFrame(out)


def person_pk(reference: str) -> int | None:
    """The Person's primary key from a personal identifier or from the key itself."""
    reference = reference.strip()
    if not reference:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM staffing_person WHERE personal_id = %s", [reference])
        row = cursor.fetchone()
        if row is None and reference.isdigit() and len(reference) <= 12:
            cursor.execute("SELECT id FROM staffing_person WHERE id = %s", [int(reference)])
            row = cursor.fetchone()
    return int(row[0]) if row else None
