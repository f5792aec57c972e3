"""API schemas of the org app: one In/Out pair per operation."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class UnitOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    level: str
    sector: str
    parent_code: str | None
    autonomy_level: int | None
    admin_code: str
    synthetic: bool
    valid_from: dt.date
    valid_to: dt.date | None


class UnitPageOut(Schema):
    as_of: dt.date
    items: list[UnitOut]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page.")


class EventOut(Schema):
    id: int
    kind: str
    effective_on: dt.date
    basis_number: str
    basis_issuer: str
    basis_date: dt.date | None
    summary: str


class VersionOut(Schema):
    name: str
    short_name: str
    kind: str
    level: str
    parent_code: str | None
    valid_from: dt.date
    valid_to: dt.date | None
    opened_by: EventOut
    closed_by: EventOut | None


class UnitHistoryOut(Schema):
    code: str
    versions: list[VersionOut]


class LineageStepOut(Schema):
    depth: int
    event_id: int
    event_kind: str
    effective_on: dt.date
    basis_number: str
    predecessor_code: str
    successor_code: str
    share_bp: int
    name: str
    kind: str = Field("formed", description="formed | takeover (staff and functions only)")


class LineageOut(Schema):
    code: str
    direction: str
    steps: list[LineageStepOut]


class CountsOut(Schema):
    on: dt.date
    total: int
    districts: int = Field(..., description="district-level territorial units")
    communes: int = Field(..., description="commune-level territorial units")
    by_kind: dict[str, int]
    by_level: dict[str, int]


class BasisIn(Schema):
    effective_on: dt.date = Field(..., description="Effective date (YYYY-MM-DD).")
    basis_number: str = Field(..., min_length=1, max_length=64, examples=["1656/NQ-UBTVQH15"])
    basis_issuer: str = Field("", max_length=255)
    basis_date: dt.date | None = None
    summary: str = Field("", max_length=4000)


class UnitSpecIn(Schema):
    code: str = Field(..., min_length=1, max_length=40)
    name: str = Field(..., min_length=1, max_length=255)
    kind: str
    parent_code: str | None = None
    short_name: str = Field("", max_length=120)
    level: str | None = None
    sector: str = "general"
    autonomy_level: int | None = None


class EstablishIn(BasisIn):
    units: list[UnitSpecIn] = Field(..., min_length=1, max_length=500)


class RenameIn(BasisIn):
    code: str
    name: str = Field(..., min_length=1, max_length=255)
    short_name: str | None = Field(None, max_length=120)


class ChangeKindIn(BasisIn):
    code: str
    kind: str
    level: str | None = None


class TransferIn(BasisIn):
    code: str
    new_parent_code: str


class MergeIn(BasisIn):
    predecessor_codes: list[str] = Field(..., min_length=2, max_length=500)
    successor: UnitSpecIn


class AbsorbIn(BasisIn):
    absorbed_codes: list[str] = Field(..., min_length=1, max_length=500)
    into_code: str


class SplitPartIn(Schema):
    unit: UnitSpecIn
    share_percent: float = Field(..., gt=0, le=100)


class SplitIn(BasisIn):
    predecessor_code: str
    successors: list[SplitPartIn] = Field(..., min_length=2, max_length=100)
    children_to: str | None = None


class EdgeIn(Schema):
    predecessor_code: str
    successor_code: str
    share_percent: float = Field(100, gt=0, le=100)


class RearrangeIn(BasisIn):
    predecessor_codes: list[str] = Field(..., min_length=1, max_length=1000)
    successors: list[UnitSpecIn] = Field(..., min_length=1, max_length=1000)
    edges: list[EdgeIn] = Field(..., min_length=1, max_length=5000)
    children_to: dict[str, str] | None = None


class DissolveIn(BasisIn):
    code: str
    children_to: str | None = None


class EventCreatedOut(Schema):
    event: EventOut
    units: list[str]
