"""Roster rows for the rules tests (plain dicts and Polars frames, no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from bienche.rules.roster import ROSTER_COLUMNS


def person(**overrides: Any) -> dict[str, Any]:
    """A civil servant A1 step 1 in a city department, no allowances; override any field."""
    row: dict[str, Any] = {
        "person_id": "P1",
        "unit_id": 1,
        "sector": "general",
        "level": "city",
        "staff_category": "civil_servant",
        "salary_group": "A1",
        "step": 1,
        "coefficient_h": 234,
        "last_step_date": dt.date(2023, 1, 1),
        "leadership_coef_h": 0,
        "sector_allowance_bp": 0,
    }
    row.update(overrides)
    return row


def roster(*people: dict[str, Any]) -> pl.DataFrame:
    schema = dict(ROSTER_COLUMNS)
    if any("delay_months" in p for p in people):
        schema["delay_months"] = pl.Int32()
    return pl.DataFrame([{k: p.get(k) for k in schema} for p in people], schema=schema)
