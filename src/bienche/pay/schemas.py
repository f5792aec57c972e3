"""API schemas of the pay app. Amounts are integer đồng."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class ScenarioOut(Schema):
    name: str
    label: str
    description: str
    illustrative: bool
    baseline: str  # label of the counterfactual it is compared with ("" = current law)


class ExclusionOut(Schema):
    side: str
    rule: str
    reason: str
    people: int
    example: str | None


class SectorRunOut(Schema):
    sector: str
    headcount: int
    salary: int
    gross: int
    employer_contributions: int
    employee_contributions: int
    employer_cost: int
    bonus_fund: int
    allowances: int
    net: int


class PayRunOut(Schema):
    month: dt.date
    scenario: str | None
    unit: str | None
    roster_date: dt.date
    headcount: int
    excluded: int
    removed: int
    totals: dict[str, int]
    by_sector: list[SectorRunOut]
    exclusions: list[ExclusionOut]
    seconds: float


class MonthCostOut(Schema):
    month: dt.date
    baseline_headcount: int
    scenario_headcount: int
    baseline_excluded: int
    scenario_excluded: int
    baseline_cost: int
    scenario_cost: int
    difference: int


class DimensionCostOut(Schema):
    key: str
    baseline_headcount: float
    scenario_headcount: float
    baseline_cost: int
    scenario_cost: int
    difference: int


class UnitCostOut(DimensionCostOut):
    name: str


class DistributionOut(Schema):
    people: int
    gainers: int
    losers: int
    unchanged: int
    removed: int
    partial: int
    median: float | None = None
    mean: float | None = None
    worst_loss: int | None = None
    best_gain: int | None = None
    p10: float | None = None
    p90: float | None = None


class PayCompareOut(Schema):
    scenario: str | None
    scenario_label: str
    baseline_label: str
    illustrative: bool
    unit: str | None
    roster_date: dt.date
    months: list[dt.date]
    headcount: int
    excluded: int
    baseline_cost: int
    scenario_cost: int
    difference: int
    monthly: list[MonthCostOut]
    by_sector: list[DimensionCostOut]
    by_category: list[DimensionCostOut]
    top_units: list[UnitCostOut]
    distribution: DistributionOut
    exclusions: list[ExclusionOut]
    seconds: float


class LineOut(Schema):
    rule: str
    inputs: dict[str, object]
    source: str
    amount: int


class ExplanationOut(Schema):
    person: int
    personal_id: str
    full_name: str
    unit: str
    month: dt.date
    scenario: str | None
    lines: list[LineOut]
    gross: int
    net: int
    employer_cost: int
