"""API schemas of the delegation register: one In/Out pair per operation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from bienche.delegation.enums import DocumentKind, Outcome, ReceiverClass, TransferKind
from bienche.delegation.enums import Field as PowerField

MAX_ID = 2_147_483_647
#: Dates accepted from clients: the register's range (date arithmetic stays in bounds).
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]


def _version() -> Any:
    return Field(..., ge=1, le=MAX_ID, description="the transfer's version the client last saw")


class PowerOut(Schema):
    code: str
    name: str
    field: str
    kind: str
    level: str
    holder: str
    holder_title: str
    legal_source: str
    synthetic: bool


class TransferOut(Schema):
    id: int
    power: str
    power_name: str
    kind: str
    status: str
    from_unit: str
    to_unit: str | None
    to_class: str
    receiver_level: str
    valid_from: dt.date
    valid_to: dt.date | None
    term_end: dt.date | None
    document: str
    document_date: dt.date
    document_kind: str
    issuer: str
    conditions: str
    reporting_duty: str
    sub_delegation_allowed: bool
    parent_id: int | None
    revoked_on: dt.date | None
    review_on: dt.date | None
    carried_from_id: int | None
    flag: str
    synthetic: bool
    version: int


class PowerDetailOut(PowerOut):
    transfers: list[TransferOut]


class TransferFilters(Schema):
    as_of: Day | None = None
    power: str = Field("", max_length=40)
    field: PowerField | None = None
    kind: TransferKind | None = None
    level: str = Field("", max_length=16)
    unit: str = Field("", max_length=40)
    q: str = Field("", max_length=100)
    limit: int = Field(200, ge=1, le=2000)


class DocumentIn(Schema):
    document_number: str = Field(..., max_length=64)
    document_date: Day
    document_kind: DocumentKind = DocumentKind.COMMITTEE_DECISION
    document_issuer: str = Field("UBND Thành phố Hà Nội", max_length=255)


class TransferIn(DocumentIn):
    power_code: str = Field(..., max_length=40)
    kind: TransferKind
    from_unit_code: str = Field(..., max_length=40)
    to_unit_code: str = Field("", max_length=40)
    to_class: ReceiverClass | None = None
    valid_from: Day
    term_end: Day | None = None
    conditions: str = Field("", max_length=5000)
    reporting_duty: str = Field("", max_length=5000)
    sub_delegation_allowed: bool = False
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    review_on: Day | None = None


class TransferUpdateIn(Schema):
    expected_version: int = _version()
    conditions: str | None = Field(None, max_length=5000)
    reporting_duty: str | None = Field(None, max_length=5000)
    review_on: Day | None = None
    sub_delegation_allowed: bool | None = None


class TransferRevokeIn(DocumentIn):
    expected_version: int = _version()
    on: Day
    reason: str = Field("", max_length=2000)


class ReviewIn(Schema):
    expected_version: int = _version()
    reviewed_on: Day
    outcome: Outcome
    note: str = Field("", max_length=5000)
    next_review_on: Day | None = None
    document_number: str = Field("", max_length=64)
    document_date: Day | None = None
    document_kind: DocumentKind = DocumentKind.COMMITTEE_DECISION
    document_issuer: str = Field("UBND Thành phố Hà Nội", max_length=255)
    task_content: str = Field("", max_length=5000)
    task_deadline: Day | None = None


class ReviewOut(Schema):
    id: int
    transfer_id: int
    reviewed_on: dt.date
    outcome: str
    note: str
    steering_task_id: int | None
    transfer_version: int


class BodyOut(Schema):
    code: str
    name: str


class LinkOut(Schema):
    role: str
    document: str
    issued_on: dt.date | None
    issuer: str
    document_kind: str
    transfer_id: int | None
    from_unit: BodyOut | None
    to_unit: BodyOut | None
    to_class: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    conditions: str
    synthetic: bool


class PowerRefOut(Schema):
    code: str
    name: str


class ResolutionOut(Schema):
    power: PowerRefOut
    unit: BodyOut
    as_of: dt.date
    decides: BodyOut
    responsible: BodyOut
    basis: str
    chain: list[LinkOut]


class UnitPowerOut(Schema):
    power: str
    name: str
    field: str
    source: str
    from_unit: str | None
    to_class: str
    document: str
    issued_on: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    transfer_id: int | None
    synthetic: bool


class ChangeOut(Schema):
    power: str
    from_: UnitPowerOut = Field(..., alias="from")
    to: UnitPowerOut


class DiffQuery(Schema):
    start: Day = Field(..., alias="from")
    end: Day = Field(..., alias="to")


class DiffOut(Schema):
    gained: list[UnitPowerOut]
    lost: list[UnitPowerOut]
    changed: list[ChangeOut]


class RegisterOut(Schema):
    as_of: dt.date
    due: list[TransferOut]
    basis_expired: list[TransferOut]
    receiver_gone: list[TransferOut]
    flagged: list[TransferOut]
    expiring: list[TransferOut]


class StatsOut(Schema):
    year: int
    as_of: dt.date
    powers_transferred: int
    transfers: int
    by_kind: dict[str, int]
    by_field: dict[str, dict[str, int]]
    by_level: dict[str, dict[str, int]]
    by_year: dict[int, dict[str, int]]
    procedures: int
    procedures_transferred: int
    procedures_share: float | None
    institutionalized: int
    institutionalized_share: float | None
