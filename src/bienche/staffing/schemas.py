"""API schemas of the staffing app."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class KindRowOut(Schema):
    kind: str
    quota: int
    actual: int
    gap: int


class PositionRowOut(Schema):
    code: str
    title: str
    needed: int
    filled: int
    vacant: int
    status: str


class StaffingSummaryOut(Schema):
    unit: str
    on: dt.date
    subtree: bool
    units: int
    by_kind: list[KindRowOut]
    by_category: dict[str, int]
    positions: list[PositionRowOut]
    seats_needed: int
    seats_filled: int
    positions_without_people: int
    people_without_position: int


class QuotaIn(Schema):
    unit_code: str
    kind: str
    amount: int = Field(..., ge=0, le=10_000_000)
    reserve: int = Field(0, ge=0, le=10_000_000)
    valid_from: dt.date
    valid_to: dt.date | None = None
    basis_number: str = Field(..., min_length=1, max_length=64)
    basis_date: dt.date | None = None


class QuotaOut(Schema):
    id: int
    unit_code: str
    kind: str
    amount: int
    reserve: int
    valid_from: dt.date
    valid_to: dt.date | None
    basis_number: str


class PositionIn(Schema):
    unit_code: str
    code: str = Field(..., min_length=1, max_length=40)
    standard: str = Field("", max_length=20, description="catalogue code, e.g. DC.KT")
    title: str = Field("", max_length=255)
    category: str = ""
    headcount: int = Field(..., ge=1, le=100_000)
    min_group: str = ""
    valid_from: dt.date


class PositionOut(Schema):
    unit_code: str
    code: str


class AssignmentOut(Schema):
    personal_id: str
    full_name: str
    birth_date: str
    unit_code: str
    position_code: str | None
    staff_category: str
    rank_code: str
    step: int
    coefficient: str
    valid_from: dt.date


class AssignmentPageOut(Schema):
    as_of: dt.date
    items: list[AssignmentOut]
    next_cursor: str | None


class ProblemOut(Schema):
    row: int
    column: str
    vi: str
    en: str


class ImportReportOut(Schema):
    ok: bool
    dry_run: bool
    rows: int
    people_created: int
    people_updated: int
    assignments_created: int
    assignments_closed: int
    unchanged: int
    problems: list[ProblemOut]
