"""The demo's answers, on a 1 % demo: what the July 2024 base-salary raise cost per year by
sector, and what the sample Resolution-27 scenario would cost."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from bienche.demo.build import build_demo
from bienche.pay import selectors as sel
from bienche.pay.roster_source import roster_frame
from bienche.rules.payroll import run
from bienche.rules.scenarios import load_scenario

pytestmark = pytest.mark.django_db
YEAR = sel.months_between(dt.date(2024, 7, 1), dt.date(2025, 6, 1))
#: Lines rounded per person (beyond frame, sector allowance, 4 employer lines): Δ can differ
#: from 30 % of the baseline by at most a few đồng per person and month.
ROUNDING_PER_PERSON_MONTH = 10


def test_demo_answers():
    """One demo build (inside the test's transaction) serves both answers."""
    build_demo(progress=False, scale=0.01, steering=False)
    check_base_salary_raise_costs_thirty_percent_of_the_coefficient_lines()
    check_sample_resolution_27_scenario_reports_a_cost_and_gains_and_losses()


def check_base_salary_raise_costs_thirty_percent_of_the_coefficient_lines():
    s = load_scenario("luong-co-so-2024")
    roster = roster_frame(YEAR[0])
    result = sel.pay_compare(YEAR, "luong-co-so-2024")
    c = result.comparison
    assert result.excluded == 0
    people = roster.height
    assert people > 1000
    for i, month in enumerate(YEAR):
        before, after = run(roster, month, s.baseline), run(roster, month, s)
        coef_before = before.totals["salary"] + before.totals["leadership"]
        coef_after = after.totals["salary"] + after.totals["leadership"]
        # 540,000 / 1,800,000 = 30 %, exactly: coefficient × 18,000 đ × 0.3 = coefficient × 5,400
        assert coef_after - coef_before == coef_before * 3 // 10
        assert coef_before * 3 % 10 == 0
        assert after.bonus_fund - before.bonus_fund == before.bonus_fund * 3 // 10
        cost_b = before.totals["employer_cost"] + before.bonus_fund
        cost_s = after.totals["employer_cost"] + after.bonus_fund
        assert c.monthly["baseline_cost"][i] == cost_b
        assert c.monthly["scenario_cost"][i] == cost_s
    total = c.totals
    assert total["difference"] == total["scenario_cost"] - total["baseline_cost"]
    slack = ROUNDING_PER_PERSON_MONTH * people * len(YEAR)
    assert abs(total["difference"] - total["baseline_cost"] * 3 / 10) <= slack
    sectors = c.annual("sector")
    assert sectors["difference"].sum() == total["difference"]
    for r in sectors.rows(named=True):
        assert r["difference"] > 0, r["sector"]
        months = r["baseline_headcount"] * len(YEAR)
        assert (
            abs(r["difference"] - r["baseline_cost"] * 3 / 10) <= ROUNDING_PER_PERSON_MONTH * months
        )
    assert {"education", "health", "general"} <= set(sectors["sector"])
    assert c.distribution["gainers"] == people
    assert c.distribution["losers"] == 0


def check_sample_resolution_27_scenario_reports_a_cost_and_gains_and_losses():
    result = sel.pay_compare(YEAR, "nq27-mau")
    c = result.comparison
    assert result.illustrative
    assert result.baseline_label == ""  # compared with the law in force
    assert c.totals["scenario_cost"] > 0
    assert c.totals["difference"] == c.totals["scenario_cost"] - c.totals["baseline_cost"]
    assert c.totals["difference"] != 0
    d = c.distribution
    assert d["people"] == result.headcount
    assert d["gainers"] + d["losers"] + d["unchanged"] == d["people"]
    assert d["gainers"] > 0
    assert isinstance(d["median"], float)
    assert d["worst_loss"] <= d["median"] <= d["best_gain"]
    assert c.annual("sector").filter(pl.col("scenario_cost") <= 0).height == 0
    assert len(result.top_units) == 10
