"""In/Out schemas of the recruitment API (/api/v1/recruit)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

Day = Annotated[dt.date, Field(ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))]


class ExamOut(Schema):
    code: str
    title: str
    kind: str
    unit_code: str
    exam_date: dt.date
    status: str
    plan_number: str
    results_on: dt.date | None
    synthetic: bool


class ResultRowOut(Schema):
    number: int
    full_name: str
    status: str
    round1: Decimal | None
    round2: Decimal | None
    priority: float
    total: Decimal | None
    rank: int | None
    outcome: str
    reason: str
    reason_text: str


class TargetResultOut(Schema):
    unit_code: str
    position_code: str
    seats: int
    rows: list[ResultRowOut]


class ReviewIn(Schema):
    number: Annotated[int, Field(ge=1, le=1_000_000)]
    round: Annotated[int, Field(ge=1, le=2)]
    value: Annotated[Decimal, Field(ge=-1000, le=1000, max_digits=7, decimal_places=2)]
    reason: Annotated[str, Field(min_length=1, max_length=255)]
    on: Day


class ReviewOut(Schema):
    number: int
    round: int
    value: Decimal
    outcome: str
    reason_text: str


class ProblemOut(Schema):
    row: int
    column: str
    vi: str
    en: str


class ImportOut(Schema):
    """All or nothing: ``rows`` written when ``ok``, else every problem and nothing written."""

    ok: bool
    rows: int
    problems: list[ProblemOut]


class LeaderAppointIn(Schema):
    """The appointment decision of a leader selection's winner."""

    number: Annotated[int, Field(ge=1, le=1_000_000)]
    decision_number: Annotated[str, Field(min_length=1, max_length=64)]
    decided_on: Day
    signer: Annotated[str, Field(min_length=1, max_length=120)]
    effective_on: Day
    term_years: Annotated[int, Field(ge=1, le=5)] = 5
    step: Annotated[int, Field(ge=1, le=20)] = 1
    expected_version: int | None = None


class LeaderAppointOut(Schema):
    number: int
    decision_number: str
    decided_on: dt.date
    signer: str
    effective_on: dt.date
    term_years: int
    term_ends_on: dt.date
    leadership_coef_h: int
