"""Baseline against scenario: every month agrees with ``run``; gains and losses; exports."""

from __future__ import annotations

import datetime as dt

import openpyxl
import polars as pl
import pytest

from bienche.rules.compare import compare
from bienche.rules.payroll import run
from bienche.rules.scenarios import (
    AllowanceChange,
    DatedValue,
    HeadcountChange,
    KeepShare,
    Scenario,
    load_scenario,
)
from bienche.rules.synthetic import synthetic_roster
from bienche.rules.tests.factories import person, roster

D = dt.date
YEAR = [D(2024 + (6 + k) // 12, (6 + k) % 12 + 1, 1) for k in range(12)]


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    base = synthetic_roster(4_000, seed=5)
    bad = base.head(3).with_columns(
        person_id=pl.col("person_id") + "-bad", coefficient_h=pl.col("coefficient_h") + 1
    )
    return pl.concat([base, bad])


def _cost(result) -> int:
    return result.totals["employer_cost"] + result.totals["bonus_fund"]


def test_every_month_agrees_with_run(frame):
    s = load_scenario("luong-co-so-2024")
    months = [D(2024, 6, 1), D(2024, 7, 1), D(2025, 3, 1)]
    c = compare(frame, months, s.baseline, s)
    for row in c.monthly.iter_rows(named=True):
        base, scen = run(frame, row["month"], s.baseline), run(frame, row["month"], s)
        assert row["baseline_cost"] == _cost(base)
        assert row["scenario_cost"] == _cost(scen)
        assert row["baseline_gross"] == base.totals["gross"]
        assert row["scenario_excluded"] == scen.totals["excluded"] == 3
        assert row["scenario_headcount"] == scen.totals["headcount"]
        by_unit = c.by_unit.filter(pl.col("month") == row["month"])
        expected = scen.by_unit.select(
            "unit_id", (pl.col("employer_cost") + pl.col("bonus_fund")).alias("cost")
        )
        got = by_unit.select("unit_id", pl.col("scenario_cost").alias("cost")).sort("unit_id")
        assert got.equals(expected)
        by_sector = c.by_sector.filter(pl.col("month") == row["month"]).sort("sector")
        assert by_sector["baseline_headcount"].to_list() == base.by_sector["headcount"].to_list()
    assert c.monthly.filter(pl.col("month") == D(2024, 6, 1))["difference"].item() == 0
    assert c.totals["difference"] == c.monthly["difference"].sum() > 0


def test_the_cost_of_the_2024_raise_by_sector(frame):
    s = load_scenario("luong-co-so-2024")
    c = compare(frame, YEAR, s.baseline, s)
    annual = c.annual("sector")
    assert annual["difference"].sum() == c.totals["difference"]
    assert (annual["difference"] > 0).all()
    d = c.distribution
    assert d["gainers"] == d["people"] == 4_000
    assert d["losers"] == 0
    assert d["partial"] == 3
    assert d["worst_loss"] > 0  # everyone gains: the least gain
    # every salary line rises by exactly 30 %: pay 1.3 × (to the rounding of each line)
    ratio = c.totals["scenario_gross"] / c.totals["baseline_gross"]
    assert 1.2999 < ratio < 1.3001


def test_gains_losses_and_headcount(frame):
    scenario = Scenario(
        "mixed",
        allowances=(AllowanceChange("sector_allowance", "education", scale_bp=5_000),),
        headcount=HeadcountChange(keep=(KeepShare(9_500, "civil_servant"),), since=D(2024, 9, 1)),
    )
    months = [D(2024, 7, 1), D(2024, 8, 1), D(2024, 9, 1)]
    c = compare(frame, months, None, scenario)
    september = c.monthly.row(2, named=True)
    assert september["scenario_removed"] == run(frame, D(2024, 9, 1), scenario).removed > 0
    assert c.monthly.row(0, named=True)["scenario_removed"] == 0
    assert september["scenario_cost"] == _cost(run(frame, D(2024, 9, 1), scenario))
    d = c.distribution
    assert d["losers"] > 0
    assert d["worst_loss"] < 0
    assert d["removed"] == september["scenario_removed"]
    assert d["people"] + d["removed"] + d["partial"] == frame.height


def test_exports_read_back(frame, tmp_path):
    s = load_scenario("nq27-mau")
    c = compare(frame, YEAR[:2], None, s)
    c.to_parquet(tmp_path / "c.parquet")
    back = pl.read_parquet(tmp_path / "c.parquet")
    assert set(back["dimension"].unique()) == {"unit", "sector", "category", "level"}
    annual = back.filter(pl.col("month").is_null() & (pl.col("dimension") == "sector"))
    assert annual["difference"].sum() == c.totals["difference"]
    c.to_xlsx(tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(tmp_path / "c.xlsx", read_only=True)
    assert book.sheetnames[:2] == ["Tổng hợp", "Theo tháng"]
    assert "Theo ngành" in book.sheetnames
    sheet = pl.read_excel(tmp_path / "c.xlsx", sheet_name="Theo ngành")
    assert "Chênh lệch (đồng)" in sheet.columns
    assert sheet["Chênh lệch (đồng)"].sum() == c.totals["difference"]


def test_a_tiny_roster_by_hand():
    """One A1 step 1 civil servant, July 2024, 2,340,000 against 1,800,000:
    gross 5,475,600 vs 4,212,000; employer contributions 22.5 % (no unemployment) of each
    (1,232,010 vs 947,700); bonus 547,560 vs 421,200. Cost difference:
    (5,475,600 + 1,232,010 + 547,560) − (4,212,000 + 947,700 + 421,200) = 1,674,270."""
    s = load_scenario("luong-co-so-2024")
    c = compare(roster(person()), [D(2024, 7, 1)], s.baseline, s)
    assert c.totals["difference"] == 1_674_270
    assert c.distribution["median"] == 5_475_600 - 4_212_000
    s2 = Scenario("x", base_salary=(DatedValue(D(2024, 7, 1), 2_340_000, "r"),))
    assert compare(roster(person()), [D(2024, 7, 1)], None, s2).totals["difference"] == 0
