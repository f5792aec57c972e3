"""The synthetic roster: deterministic, every row payable, a plausible mix."""

from __future__ import annotations

import datetime as dt

import polars as pl

from bienche.rules.payroll import run
from bienche.rules.roster import ROSTER_COLUMNS
from bienche.rules.steps import ladders
from bienche.rules.synthetic import synthetic_roster


def test_deterministic_and_shaped():
    a, b = synthetic_roster(5_000, seed=1), synthetic_roster(5_000, seed=1)
    assert a.equals(b)
    assert not a.equals(synthetic_roster(5_000, seed=2))
    assert a.schema == pl.Schema(ROSTER_COLUMNS)
    assert a["person_id"].n_unique() == 5_000


def test_every_row_is_payable_and_the_mix_is_plausible():
    frame = synthetic_roster(20_000, seed=4)
    result = run(frame, dt.date(2024, 7, 1))
    assert result.totals["excluded"] == 0
    share = frame.select(
        leaders=(pl.col("leadership_coef_h") > 0).mean(),
        teachers_health=(pl.col("sector_allowance_bp") > 0).mean(),
        at_last=pl.struct("salary_group", "step")
        .map_elements(lambda r: r["step"] == ladders(None)[r["salary_group"]].last, pl.Boolean)
        .mean(),
    ).row(0, named=True)
    assert 0.07 < share["leaders"] < 0.14
    assert 0.3 < share["teachers_health"] < 0.6
    assert 0.05 < share["at_last"] < 0.2
    assert (result.people["beyond_frame_pct"] > 0).sum() > 0
    assert frame["unit_id"].n_unique() > 700
    assert set(frame["staff_category"].unique()) == {
        "official",
        "civil_servant",
        "public_employee",
        "contract",
        "commune_official",
    }
