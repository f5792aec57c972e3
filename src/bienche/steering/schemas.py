"""API schemas of the steering app: one In/Out pair per operation, stable codes as enums."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import model_validator

from bienche.steering.enums import Bucket, DeadlineKind, DocumentKind, Period, Priority, Status

MAX_ID = 2_147_483_647
UnitCode = Annotated[str, Field(max_length=40)]
#: Deadlines and scorecard periods are walked over working-day calendars (reminders,
#: scorecards): keep them to sensible dates (a deadline of 9999-12-31 would overflow).
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def _note() -> Any:
    return Field("", max_length=5000)


def _on() -> Any:
    return Field(None, description="date of the event (default today; back-dating allowed)")


def _version() -> Any:
    return Field(..., ge=1, le=MAX_ID, description="the task's version the client last saw")


class DocumentIn(Schema):
    kind: DocumentKind
    number: str = Field(..., max_length=64)
    issuer: str = Field(..., max_length=255)
    issued_on: dt.date
    summary: str = Field(..., max_length=20_000)
    issuer_unit_code: str | None = Field(None, max_length=40)


class DocumentOut(Schema):
    id: int
    kind: str
    number: str
    issuer: str
    issuer_unit: str | None
    issued_on: dt.date
    summary: str
    has_attachment: bool


class TaskRowOut(Schema):
    id: int
    document: str
    document_id: int
    item: str
    content: str
    lead_unit: str
    responsible_post: str
    deadline_kind: str
    deadline: dt.date | None
    current_deadline: dt.date | None
    priority: str
    programme: str
    status: str
    bucket: str | None = Field(..., description="evaluation as of the requested date")
    completed_on: dt.date | None
    extensions: int
    version: int


class DocumentDetailOut(DocumentOut):
    as_of: dt.date
    tasks: list[TaskRowOut]


class TaskIn(Schema):
    """A task to assign from the document; mirrors ``services.tasks.TaskSpec``."""

    content: str = Field(..., max_length=20_000)
    lead_unit_code: str = Field(..., max_length=40)
    responsible_post: str = Field(..., max_length=120)
    deadline_kind: DeadlineKind = DeadlineKind.DATE
    deadline: dt.date | None = Field(None, ge=FIRST_DAY, le=LAST_DAY)
    deadline_days: int | None = Field(None, description="with deadline_kind working_days")
    period: Period | None = Field(None, description="with deadline_kind recurring")
    supporting_codes: list[UnitCode] = Field(default_factory=list, max_length=100)
    responsible_leader: str = Field("", max_length=120)
    priority: Priority = Priority.NORMAL
    programme_code: str = Field("", max_length=32)
    item: str = Field("", max_length=16)
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)


class TaskFilters(Schema):
    unit: str | None = Field(None, max_length=40, description="lead unit code")
    subtree: bool = Field(True, description="with the units under it (as of as_of)")
    bucket: Bucket | None = None
    status: Status | None = None
    document: int | None = Field(None, ge=1, le=MAX_ID)
    programme: str | None = Field(None, max_length=32)
    q: str | None = Field(None, max_length=100)
    as_of: dt.date | None = None
    limit: int = Field(500, ge=1, le=2000)


class TaskEventOut(Schema):
    id: int
    kind: str
    on: dt.date
    at: dt.datetime
    actor: str | None
    unit: str | None
    to_unit: str | None
    note: str
    percent: int | None
    deadline: dt.date | None
    product_ref: str
    has_product_file: bool


class TaskStatusOut(Schema):
    """The task as it stood at the end of ``as_of``, folded from its history."""

    status: str | None
    lead_unit: str | None
    deadline_in_force: dt.date | None
    percent: int | None
    bucket: str | None


class TaskDetailOut(TaskRowOut):
    parent_id: int | None
    responsible_leader: str
    deadline_days: int | None
    period: str
    supporting_units: list[str]
    assigned_on: dt.date
    recorded_on: dt.date
    reported_on: dt.date | None
    accepted_on: dt.date | None
    cancelled_on: dt.date | None
    as_of: dt.date
    as_of_status: TaskStatusOut
    pending_extension: TaskEventOut | None
    history: list[TaskEventOut]


class TaskReportIn(Schema):
    done: bool = False
    note: str = _note()
    percent: int | None = None
    product_ref: str = Field("", max_length=255)
    on: dt.date | None = _on()
    expected_version: int = _version()


class TaskAcceptIn(Schema):
    note: str = _note()
    on: dt.date | None = _on()
    expected_version: int = _version()


class TaskReturnIn(Schema):
    note: str = _note()
    on: dt.date | None = _on()
    expected_version: int = _version()


class ExtensionRequestIn(Schema):
    deadline: dt.date = Field(..., ge=FIRST_DAY, le=LAST_DAY)
    note: str = _note()
    on: dt.date | None = _on()
    expected_version: int = _version()


class ExtensionDecisionIn(Schema):
    approve: bool
    note: str = _note()
    on: dt.date | None = _on()
    expected_version: int = _version()


class TaskCancelIn(Schema):
    reason: str = _note()
    on: dt.date | None = _on()
    expected_version: int = _version()


class TaskActionOut(Schema):
    id: int
    status: str
    version: int
    current_deadline: dt.date | None
    extensions: int
    event: TaskEventOut


class ScorecardQuery(Schema):
    start: dt.date = Field(..., alias="from", ge=FIRST_DAY, le=LAST_DAY)
    end: dt.date = Field(..., alias="to", ge=FIRST_DAY, le=LAST_DAY)
    unit: str | None = Field(None, max_length=40)

    @model_validator(mode="after")
    def _ordered(self) -> ScorecardQuery:
        if self.end < self.start:
            raise ValueError("'to' is before 'from' / ngày kết thúc trước ngày bắt đầu")
        return self


class ScoreLineOut(Schema):
    unit: str
    name: str
    assigned: int
    done_on_time: int
    done_late: int
    open_within: int
    open_overdue: int
    no_deadline: int
    ongoing: int
    cancelled: int
    due: int
    on_time_rate: float | None
    avg_delay_days: float | None
    extensions: int
    recorded_in_time: int
    avg_recording_days: float | None


class QuarterOut(Schema):
    quarter: str
    due: int
    done_on_time: int
    done_late: int
    open_overdue: int
    on_time_rate: float | None


class ScorecardOut(Schema):
    start: dt.date
    end: dt.date
    as_of: dt.date
    unit: str | None
    total: ScoreLineOut
    units: list[ScoreLineOut]
    ranking: list[ScoreLineOut]
    trend: list[QuarterOut]
    definitions: str
