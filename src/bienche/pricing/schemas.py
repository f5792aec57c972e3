"""In/Out schemas of the pricing API (/api/v1/pricing). Amounts are integer VND; ratios are
basis points (1/100 %), rounded down."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema

Day = Annotated[dt.date, Field(ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))]
Year = Annotated[int, Field(ge=2000, le=2100)]
Amount = Annotated[int, Field(ge=0, le=10**15)]
Percent = Annotated[int, Field(ge=0, le=1000)]


class YearIn(Schema):
    year: Year = 2023


class AutonomyRowOut(Schema):
    code: str
    name: str
    year: int
    revenue: int
    expenditure: int
    ratio_bp: int
    computed: int
    approved: int | None
    decision: str
    differs: bool
    synthetic: bool


class FinanceIn(Schema):
    year: Year
    revenue: Amount
    recurrent_expenditure: Amount
    self_finances_investment: bool = False


class FinanceOut(Schema):
    code: str
    year: int
    ratio_bp: int
    computed: int


class PriceLineOut(Schema):
    kind: str
    item: str
    unit: str
    quantity: str
    formula: str
    amount: int
    source: str


class PriceOut(Schema):
    service: str
    name: str
    unit_label: str
    as_of: dt.date
    norm_from: dt.date
    norm_source: str
    base_salary: int
    base_salary_source: str
    what_if: bool
    lines: list[PriceLineOut]
    direct: int
    overhead: int
    depreciation: int
    full: int
    without_depreciation: int
    user_fee: int
    budget_share: int
    budget_share_bp: int


class CriteriaIn(Schema):
    year: Year = 2023
    continue_from: Percent = 95
    stop_below: Percent = 80
    low_coverage: Percent = 85
    max_share_low: Percent = 25
    max_family_increase: Amount = 150000


class CheckOut(Schema):
    criterion: str
    value: int
    threshold: int
    passed: bool


class VerdictOut(Schema):
    group: str
    schools: int
    enrolment: int
    revenue: int
    cost: int
    gap: int
    coverage_bp: int
    median_coverage_bp: int
    share_low_bp: int
    family_increase: int
    budget_effect: int
    outliers: int
    verdict: str
    checks: list[CheckOut]


class EvaluationOut(Schema):
    year: int
    synthetic: bool
    schools: int
    by_area: list[VerdictOut]
    by_district: list[VerdictOut]
    outliers: list[str]
