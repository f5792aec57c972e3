"""Creating tasks from a document: one, many (import, pasted text), all-or-nothing.

Every spec is checked before anything is written; the first problem of each spec is
reported with its position (``TaskProblems``), so an import of 500 rows either writes 500
tasks or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record_many
from bienche.core.clock import today
from bienche.core.dating import q_valid_on
from bienche.core.errors import BiencheError, InvalidInput, NotFound
from bienche.core.workdays import add_working_days
from bienche.org.models import UnitVersion
from bienche.org.permissions import user_scope
from bienche.steering import messages as m
from bienche.steering.enums import DeadlineKind, EventKind, Period, Priority, Status
from bienche.steering.models import Programme, SourceDocument, Task, TaskEvent, TaskSupport
from bienche.steering.services.transfer import hand_over_late_entries

MAX_WORKING_DAYS = 1000
#: Dates accepted anywhere in steering (deadlines, periods): beyond, arithmetic overflows.
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
#: Column limits of Task, checked here so PostgreSQL never sees an over-long value.
TEXT_LIMITS = {
    "item": (16, "số thứ tự", "item number"),
    "responsible_post": (120, "chức danh chịu trách nhiệm", "responsible post"),
    "responsible_leader": (120, "lãnh đạo phụ trách", "responsible leader"),
}


def check_day(day: dt.date, field: str) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(
            m.DATE_OUT_OF_RANGE,
            field=field,
            on=day.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )
    return day


@dataclass
class TaskSpec:
    content: str
    lead_unit_code: str
    responsible_post: str
    deadline_kind: str = DeadlineKind.DATE
    deadline: dt.date | None = None
    deadline_days: int | None = None
    period: str = ""
    supporting_codes: list[str] = field(default_factory=list)
    responsible_leader: str = ""
    priority: str = Priority.NORMAL
    programme_code: str = ""
    item: str = ""
    parent_id: int | None = None
    recorded_on: dt.date | None = None
    synthetic: bool = False


class TaskProblems(InvalidInput):
    """Several specs were refused: ``problems`` is [(index, error)], index from 0."""

    def __init__(self, problems: list[tuple[int, BiencheError]]) -> None:
        self.problems = problems
        first = problems[0][1]
        super().__init__(first.message, field=first.field, **first.params)


@dataclass
class _Context:
    document: SourceDocument
    active: dict[str, int]  # code → unit id, units active on the document date
    programmes: dict[str, int]
    parents: set[int]


def _context(document: SourceDocument, specs: list[TaskSpec]) -> _Context:
    codes = {s.lead_unit_code for s in specs} | {c for s in specs for c in s.supporting_codes}
    active = dict(
        UnitVersion.objects.filter(
            q_valid_on(document.issued_on), unit__code__in=codes
        ).values_list("unit__code", "unit_id")
    )
    wanted = {s.programme_code for s in specs if s.programme_code}
    programmes = dict(Programme.objects.filter(code__in=wanted).values_list("code", "pk"))
    parents = set(
        Task.objects.filter(
            document=document, pk__in=[s.parent_id for s in specs if s.parent_id]
        ).values_list("pk", flat=True)
    )
    return _Context(document, active, programmes, parents)


def compute_deadline(spec: TaskSpec, issued_on: dt.date) -> dt.date | None:
    """The original deadline a spec implies (checks the spec's deadline fields)."""
    kind = spec.deadline_kind
    if kind not in DeadlineKind.values:
        raise InvalidInput(m.TASK_DEADLINE_KIND_INVALID, field="deadline_kind", kind=kind)
    if kind == DeadlineKind.DATE:
        if spec.deadline is None:
            raise InvalidInput(m.TASK_DEADLINE_REQUIRED, field="deadline")
        deadline = check_day(spec.deadline, "deadline")
    elif kind == DeadlineKind.WORKING_DAYS:
        days = spec.deadline_days
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_WORKING_DAYS:
            raise InvalidInput(m.TASK_DAYS_INVALID, field="deadline_days", days=days)
        deadline = add_working_days(issued_on, days)
    elif kind == DeadlineKind.RECURRING:
        if spec.period not in Period.values:
            raise InvalidInput(m.TASK_PERIOD_REQUIRED, field="period")
        return None
    else:
        return None
    if deadline < issued_on:
        raise InvalidInput(
            m.TASK_DEADLINE_BEFORE_DOCUMENT,
            field="deadline",
            deadline=deadline.isoformat(),
            on=issued_on.isoformat(),
        )
    return deadline


def _check_texts(spec: TaskSpec) -> None:
    if not spec.content.strip():
        raise InvalidInput(m.TASK_CONTENT_REQUIRED, field="content")
    if not spec.responsible_post.strip():
        raise InvalidInput(m.TASK_POST_REQUIRED, field="responsible_post")
    for name, (limit, vi, en) in TEXT_LIMITS.items():
        if len(getattr(spec, name).strip()) > limit:
            raise InvalidInput(
                m.TASK_FIELD_TOO_LONG, field=name, field_vi=vi, field_en=en, limit=limit
            )


def _check(spec: TaskSpec, ctx: _Context) -> dt.date | None:
    on = ctx.document.issued_on.isoformat()
    _check_texts(spec)
    if spec.recorded_on and not ctx.document.issued_on <= spec.recorded_on <= today():
        raise InvalidInput(
            m.TASK_RECORDED_ON_INVALID, field="recorded_on", on=spec.recorded_on, first=on
        )
    if spec.lead_unit_code not in ctx.active:
        raise InvalidInput(
            m.TASK_LEAD_NOT_ACTIVE, field="lead_unit_code", code=spec.lead_unit_code, on=on
        )
    for code in spec.supporting_codes:
        if code == spec.lead_unit_code:
            raise InvalidInput(m.TASK_SUPPORT_IS_LEAD, field="supporting_codes", code=code)
        if code not in ctx.active:
            raise InvalidInput(
                m.TASK_SUPPORT_NOT_ACTIVE, field="supporting_codes", code=code, on=on
            )
    if spec.priority not in Priority.values:
        raise InvalidInput(m.TASK_PRIORITY_INVALID, field="priority", value=spec.priority)
    if spec.programme_code and spec.programme_code not in ctx.programmes:
        raise InvalidInput(
            m.TASK_PROGRAMME_UNKNOWN, field="programme_code", code=spec.programme_code
        )
    if spec.parent_id and spec.parent_id not in ctx.parents:
        raise InvalidInput(m.TASK_PARENT_INVALID, field="parent_id")
    return compute_deadline(spec, ctx.document.issued_on)


def tasks_check(document: SourceDocument, specs: list[TaskSpec]) -> list[tuple[int, BiencheError]]:
    """Every problem of ``specs`` (first per spec), without writing: for previews."""
    ctx = _context(document, specs)
    problems = []
    for i, spec in enumerate(specs):
        try:
            _check(spec, ctx)
        except BiencheError as exc:
            problems.append((i, exc))
    return problems


def tasks_create(
    *, document: SourceDocument, specs: list[TaskSpec], acting_user: Any
) -> list[Task]:
    """Create every task of ``specs`` or none. The acting user must be allowed to direct the
    document (``steering.permissions.can_direct_document``; checked by the callers that face
    users, since the demo and the CLI act as the system)."""
    ctx = _context(document, specs)
    deadlines: list[dt.date | None] = []
    problems: list[tuple[int, BiencheError]] = []
    for i, spec in enumerate(specs):
        try:
            deadlines.append(_check(spec, ctx))
        except BiencheError as exc:
            problems.append((i, exc))
    if problems:
        raise TaskProblems(problems)
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    with transaction.atomic():
        tasks = [
            Task(
                document=document,
                parent_id=spec.parent_id,
                item=spec.item.strip(),
                content=spec.content.strip(),
                lead_unit_id=ctx.active[spec.lead_unit_code],
                responsible_post=spec.responsible_post.strip(),
                responsible_leader=spec.responsible_leader.strip(),
                deadline_kind=spec.deadline_kind,
                deadline_days=spec.deadline_days
                if spec.deadline_kind == DeadlineKind.WORKING_DAYS
                else None,
                period=spec.period if spec.deadline_kind == DeadlineKind.RECURRING else "",
                deadline=deadline,
                current_deadline=deadline,
                priority=spec.priority,
                programme_id=ctx.programmes.get(spec.programme_code),
                status=Status.ASSIGNED,
                assigned_on=document.issued_on,
                recorded_on=spec.recorded_on or today(),
                synthetic=spec.synthetic,
                created_by=user,
            )
            for spec, deadline in zip(specs, deadlines, strict=True)
        ]
        Task.objects.bulk_create(tasks, batch_size=1000)
        TaskSupport.objects.bulk_create(
            [
                TaskSupport(task=t, unit_id=ctx.active[c])
                for t, s in zip(tasks, specs, strict=True)
                for c in dict.fromkeys(s.supporting_codes)
            ],
            batch_size=2000,
        )
        TaskEvent.objects.bulk_create(
            [
                TaskEvent(
                    task=t,
                    kind=EventKind.ASSIGNED,
                    on=t.assigned_on,
                    actor=user,
                    unit_id=t.lead_unit_id,
                    deadline=t.deadline,
                )
                for t in tasks
            ],
            batch_size=2000,
        )
        hand_over_late_entries(tasks)
        audit_record_many(
            actor=acting_user,
            action="steering.task_create",
            entity_type="steering.task",
            rows=[
                {"entity_id": t.pk, "after": _snapshot(t, s)}
                for t, s in zip(tasks, specs, strict=True)
            ],
        )
    return tasks


def task_create(*, document: SourceDocument, spec: TaskSpec, acting_user: Any) -> Task:
    try:
        return tasks_create(document=document, specs=[spec], acting_user=acting_user)[0]
    except TaskProblems as exc:
        raise exc.problems[0][1] from None


def guard_directs(user: Any, document: SourceDocument) -> None:
    """Refuse (as not found) a user who may not assign tasks from ``document``."""
    scope = user_scope(user, for_write=True)
    if scope.everything:
        return
    if document.issuer_unit_id is None or not scope.contains(document.issuer_unit_id):
        raise NotFound(m.DOC_UNKNOWN, field="document", ref=document.number)


def _snapshot(task: Task, spec: TaskSpec) -> dict[str, Any]:
    return {
        "document": task.document.number,
        "item": task.item,
        "content": task.content,
        "lead_unit": spec.lead_unit_code,
        "supporting_units": spec.supporting_codes,
        "responsible_post": task.responsible_post,
        "deadline_kind": task.deadline_kind,
        "deadline": task.deadline,
        "period": task.period,
        "priority": task.priority,
        "programme": spec.programme_code,
    }
