"""In/Out schemas of the Hòa Lạc API (/api/v1/hoalac). Dates are kept to 1990–2100 and
amounts to sensible bounds, so nothing the client sends can overflow a calendar or a
column."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from bienche.investment.enums import (
    Currency,
    LandUse,
    ObstacleKind,
    Pipeline,
    Sector,
    Stage,
    Status,
    TechLevel,
)

MAX_ID = 2_147_483_647
Day = Annotated[dt.date, Field(ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))]
Amount = Annotated[int, Field(ge=0, le=10**15)]
Version = Annotated[int, Field(ge=1, le=MAX_ID, description="the version the client last saw")]


class ProjectFilters(Schema):
    as_of: Day | None = None
    stage: Stage | None = None
    sector: Sector | None = None
    status: Status | None = None
    zone: str | None = Field(None, max_length=16)


class ProjectRowOut(Schema):
    code: str
    name: str
    investor: str
    investor_id: int
    country: str
    sector: str
    pipeline: str
    stage: str
    since: dt.date
    status: str
    zone: str
    land_use: str
    land_ha: float
    registered: int = Field(description="registered capital on as_of, VND")
    disbursed: int = Field(description="cumulative disbursement on as_of, VND")
    jobs_planned: int
    jobs_created: int
    next_step: str
    next_step_due: dt.date | None
    synthetic: str


class StageOut(Schema):
    stage: str
    entered_on: dt.date
    note: str


class MoneyOut(Schema):
    on: dt.date
    currency: str
    amount: int
    rate_vnd: int
    amount_vnd: int
    number: str = ""
    amendment: int | None = None


class ProjectDetailOut(ProjectRowOut):
    version: int
    stages: list[StageOut]
    certificates: list[MoneyOut]
    disbursements: list[MoneyOut]


class ProjectIn(Schema):
    code: str = Field(..., min_length=1, max_length=24)
    name: str = Field(..., min_length=1, max_length=255)
    investor_id: int = Field(..., ge=1, le=MAX_ID)
    pipeline: Pipeline = Pipeline.NEW
    sector: Sector
    stage_on: Day
    zone_code: str = Field("", max_length=16)
    land_use: LandUse | None = None
    land_ha: float = Field(0, ge=0, le=100_000)
    jobs_planned: int = Field(0, ge=0, le=10**7)
    tech_level: TechLevel = TechLevel.HIGH
    next_step: str = Field(..., min_length=1, max_length=255)
    next_step_days: int = Field(10, ge=1, le=250)


class StageIn(Schema):
    stage: Stage
    on: Day
    next_step: str = Field("", max_length=255)
    next_step_days: int = Field(10, ge=1, le=250)
    note: str = Field("", max_length=4000)
    expected_version: Version


class CertificateIn(Schema):
    number: str = Field(..., min_length=1, max_length=64)
    issued_on: Day
    amount: Amount
    currency: Currency = Currency.VND
    rate_vnd: int | None = Field(None, ge=1, le=1_000_000)
    expected_version: Version


class DisbursementIn(Schema):
    on: Day
    amount: Amount
    currency: Currency = Currency.VND
    rate_vnd: int | None = Field(None, ge=1, le=1_000_000)
    note: str = Field("", max_length=255)
    expected_version: Version


class InvestorIn(Schema):
    name: str = Field(..., min_length=1, max_length=255)
    country: str = Field(..., min_length=2, max_length=2)
    sector: Sector
    contacts: str = Field("", max_length=4000)
    confirm_distinct: bool = False


class InvestorOut(Schema):
    id: int
    name: str
    country: str
    sector: str
    synthetic: bool


class ObstacleIn(Schema):
    kind: ObstacleKind
    description: str = Field(..., min_length=1, max_length=4000)
    responsible_unit_code: str = Field(..., min_length=1, max_length=40)
    raised_on: Day
    project_code: str | None = Field(None, max_length=24)
    days: int = Field(20, ge=1, le=250)


class ObstacleOut(Schema):
    id: int
    kind: str
    description: str
    project: str
    raised_on: dt.date
    age_days: int
    owner_code: str
    owner: str
    task_id: int | None
    task_status: str
    task_deadline: dt.date | None


class DashboardOut(Schema):
    on: dt.date
    totals: dict[str, int]
    by_stage: list[dict[str, Any]]
    by_sector: list[dict[str, Any]]
    by_country: list[dict[str, Any]]
    land_by_zone: list[dict[str, Any]]
    obstacles: list[ObstacleOut]
    obstacles_open: int
    targets: list[dict[str, Any]]
