"""The task lifecycle: report progress, report done, accept or send back, extensions, cancel.

State machine (``Task.status``)::

    assigned ──progress──▶ in_progress ──done──▶ reported ──accept──▶ accepted
        │                      ▲                    │
        └─────────done─────────┼────────────────────┘ return (sent back)
    assigned / in_progress / reported ──cancel──▶ cancelled

Each call runs in one transaction: the task row is locked, its ``version`` compared with
the caller's ``expected_version`` (a concurrent edit answers ``Conflict``), the event is
appended to the task's history, the summary columns updated and the change audited. An
event's date (``on``) may be back-dated for late data entry, never before the assignment or
the task's last event, never after today, so the history stays in order.

``acting_user`` None means the system (demo, migrations); any real user is checked here:
reporting needs the lead unit in the user's write scope (supporting units: progress only);
directing needs the document's issuing unit (or a city-wide role).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from bienche.steering import messages as m
from bienche.steering.enums import OPEN_STATUSES, EventKind, Status
from bienche.steering.files import check_upload
from bienche.steering.models import Task, TaskEvent
from bienche.steering.permissions import can_direct, can_report, can_see
from bienche.steering.services.tasks import check_day

CLOSED_LABELS = {
    Status.ACCEPTED: ("đã hoàn thành (đã nghiệm thu)", "done and accepted"),
    Status.CANCELLED: ("bị hủy", "cancelled"),
    Status.REPORTED: ("đã báo cáo hoàn thành, đang chờ nghiệm thu", "reported done"),
    Status.ASSIGNED: ("chưa được báo cáo hoàn thành", "not reported done"),
    Status.IN_PROGRESS: ("chưa được báo cáo hoàn thành", "not reported done"),
}
ACTIONS = {
    "progress": ("báo cáo tiến độ", "report progress on"),
    "done": ("báo cáo hoàn thành", "report done"),
    "accept": ("nghiệm thu", "accept"),
    "return": ("trả lại", "send back"),
    "extend": ("gia hạn", "extend"),
    "decide": ("xử lý đề nghị gia hạn", "decide an extension of"),
    "cancel": ("hủy", "cancel"),
}


#: Audit domain of a progress note on a task already in progress: it adds to the task's
#: history (event, percent, version) but changes no status, deadline, count or evaluation,
#: so the boards and scorecards cached on the "steering" domain stay valid. At a reporting
#: deadline most writes are such notes.
HISTORY_ONLY_DOMAIN = "steering_progress"


def _is_user(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _lock(task: Task, expected_version: int | None) -> Task:
    locked = Task.objects.select_for_update().select_related("document").get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(m.TASK_STALE, field="version", current=locked.version)
    return locked


def _guard(user: Any, task: Task, action: str) -> None:
    if not _is_user(user):
        return
    if not can_see(user, task):
        raise NotFound(m.TASK_UNKNOWN, field="id", id=task.pk)
    if action in {"progress", "done", "extend"}:
        allowed = can_report(user, task, progress_only=action == "progress")
    else:
        allowed = can_direct(user, task)
    if not allowed:
        vi, en = ACTIONS[action]
        raise Forbidden(m.NOT_ALLOWED, field=None, action=vi, action_en=en)


def _require_status(task: Task, allowed: set[str], action: str) -> None:
    if task.status not in allowed:
        vi, en = CLOSED_LABELS[Status(task.status)]
        avi, aen = ACTIONS[action]
        raise InvalidInput(
            m.TASK_CLOSED, field="status", status=vi, status_en=en, action=avi, action_en=aen
        )


def _check_on(task: Task, on: dt.date | None) -> dt.date:
    day = on or today()
    last = (  # events dated after today (a planned reorganization) do not count
        TaskEvent.objects.filter(task=task, on__lte=today())
        .order_by("-on")
        .values_list("on", flat=True)
        .first()
    )
    first = max(task.assigned_on, last or task.assigned_on)
    if day > today() or day < first:
        raise InvalidInput(
            m.EVENT_DATE_INVALID, field="on", on=day.isoformat(), first=first.isoformat()
        )
    return day


def _snapshot(task: Task) -> dict[str, Any]:
    return {
        "status": task.status,
        "current_deadline": task.current_deadline,
        "reported_on": task.reported_on,
        "completed_on": task.completed_on,
        "accepted_on": task.accepted_on,
        "cancelled_on": task.cancelled_on,
        "extensions": task.extensions,
        "version": task.version,
    }


def _commit(
    task: Task, before: dict, event: TaskEvent, acting_user: Any, reason: str = ""
) -> TaskEvent:
    task.version += 1
    task.save()
    event.task = task
    event.actor = acting_user if _is_user(acting_user) else None
    event.save()
    history_only = event.kind == EventKind.PROGRESS and before["status"] == task.status
    audit_record(
        actor=acting_user,
        action=f"steering.task_{event.kind}",
        entity_type="steering.task",
        entity_id=task.pk,
        before=before,
        after={**_snapshot(task), "event": event.pk, "note": event.note},
        reason=reason or event.note,
        domain=HISTORY_ONLY_DOMAIN if history_only else None,
    )
    return event


def task_report(
    *,
    task: Task,
    done: bool = False,
    on: dt.date | None = None,
    note: str = "",
    percent: int | None = None,
    product_ref: str = "",
    product_file: UploadedFile | None = None,
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Report progress (``done=False``) or report the task done with its product."""
    action = "done" if done else "progress"
    _guard(acting_user, task, action)
    if percent is not None and (isinstance(percent, bool) or not 0 <= percent <= 100):
        raise InvalidInput(m.PERCENT_INVALID, field="percent", value=percent)
    if product_file is not None:
        check_upload(product_file, field="product_file")
    with transaction.atomic():
        task = _lock(task, expected_version)
        _require_status(task, {Status.ASSIGNED, Status.IN_PROGRESS}, action)
        day = _check_on(task, on)
        before = _snapshot(task)
        event = TaskEvent(
            kind=EventKind.REPORTED_DONE if done else EventKind.PROGRESS,
            on=day,
            unit_id=task.lead_unit_id,
            note=note.strip(),
            percent=100 if done else percent,
            product_ref=product_ref.strip(),
        )
        if product_file is not None:
            event.product_file.save(product_file.name, product_file, save=False)
        if done:
            task.status, task.reported_on = Status.REPORTED, day
        else:
            task.status = Status.IN_PROGRESS
        return _commit(task, before, event, acting_user)


def task_accept(
    *,
    task: Task,
    on: dt.date | None = None,
    note: str = "",
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Accept the reported result: the task is done as of the date it was reported."""
    _guard(acting_user, task, "accept")
    with transaction.atomic():
        task = _lock(task, expected_version)
        if task.status != Status.REPORTED:
            if task.status in {Status.ACCEPTED, Status.CANCELLED}:
                _require_status(task, {Status.REPORTED}, "accept")
            raise InvalidInput(m.TASK_NOT_REPORTED, field="status")
        day = _check_on(task, on)
        before = _snapshot(task)
        task.status, task.accepted_on, task.completed_on = Status.ACCEPTED, day, task.reported_on
        event = TaskEvent(kind=EventKind.ACCEPTED, on=day, note=note.strip())
        return _commit(task, before, event, acting_user)


def task_return(
    *,
    task: Task,
    note: str,
    on: dt.date | None = None,
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Send a reported result back: the task is open again (and may become overdue)."""
    _guard(acting_user, task, "return")
    if not note.strip():
        raise InvalidInput(m.REASON_REQUIRED, field="note")
    with transaction.atomic():
        task = _lock(task, expected_version)
        if task.status != Status.REPORTED:
            if task.status in {Status.ACCEPTED, Status.CANCELLED}:
                _require_status(task, {Status.REPORTED}, "return")
            raise InvalidInput(m.TASK_NOT_REPORTED, field="status")
        day = _check_on(task, on)
        before = _snapshot(task)
        task.status, task.reported_on = Status.IN_PROGRESS, None
        event = TaskEvent(kind=EventKind.RETURNED, on=day, note=note.strip())
        return _commit(task, before, event, acting_user)


def pending_extension(task: Task) -> TaskEvent | None:
    """The extension request still waiting for a decision, if any."""
    last = (
        TaskEvent.objects.filter(
            task=task,
            kind__in=[
                EventKind.EXTENSION_REQUESTED,
                EventKind.EXTENSION_APPROVED,
                EventKind.EXTENSION_REFUSED,
            ],
        )
        .order_by("-on", "-id")
        .first()
    )
    return last if last is not None and last.kind == EventKind.EXTENSION_REQUESTED else None


def task_extension_request(
    *,
    task: Task,
    deadline: dt.date,
    note: str,
    on: dt.date | None = None,
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Ask for a later deadline; the original deadline stays the one scored against."""
    _guard(acting_user, task, "extend")
    if not note.strip():
        raise InvalidInput(m.REASON_REQUIRED, field="note")
    with transaction.atomic():
        task = _lock(task, expected_version)
        _require_status(task, {Status.ASSIGNED, Status.IN_PROGRESS}, "extend")
        if task.current_deadline is None:
            raise InvalidInput(m.EXT_NO_DEADLINE, field="deadline")
        check_day(deadline, "deadline")
        if deadline <= task.current_deadline:
            raise InvalidInput(
                m.EXT_NOT_LATER,
                field="deadline",
                deadline=deadline.isoformat(),
                current=task.current_deadline.isoformat(),
            )
        if pending_extension(task) is not None:
            raise InvalidInput(m.EXT_PENDING, field="deadline")
        day = _check_on(task, on)
        before = _snapshot(task)
        event = TaskEvent(
            kind=EventKind.EXTENSION_REQUESTED,
            on=day,
            unit_id=task.lead_unit_id,
            deadline=deadline,
            note=note.strip(),
        )
        return _commit(task, before, event, acting_user)


def task_extension_decide(
    *,
    task: Task,
    approve: bool,
    note: str = "",
    on: dt.date | None = None,
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Approve (the deadline in force moves) or refuse the pending request."""
    _guard(acting_user, task, "decide")
    if not approve and not note.strip():
        raise InvalidInput(m.REASON_REQUIRED, field="note")
    with transaction.atomic():
        task = _lock(task, expected_version)
        _require_status(task, set(OPEN_STATUSES), "decide")
        request = pending_extension(task)
        if request is None:
            raise InvalidInput(m.EXT_NONE_PENDING, field="approve")
        day = _check_on(task, on)
        before = _snapshot(task)
        if approve:
            task.current_deadline = request.deadline
            task.extensions += 1
        event = TaskEvent(
            kind=EventKind.EXTENSION_APPROVED if approve else EventKind.EXTENSION_REFUSED,
            on=day,
            deadline=request.deadline,
            note=note.strip(),
        )
        return _commit(task, before, event, acting_user)


def task_cancel(
    *,
    task: Task,
    reason: str,
    on: dt.date | None = None,
    acting_user: Any,
    expected_version: int | None = None,
) -> TaskEvent:
    """Cancel an open task with a reason; it leaves every rate from that date."""
    _guard(acting_user, task, "cancel")
    if not reason.strip():
        raise InvalidInput(m.REASON_REQUIRED, field="reason")
    with transaction.atomic():
        task = _lock(task, expected_version)
        _require_status(task, set(OPEN_STATUSES), "cancel")
        day = _check_on(task, on)
        before = _snapshot(task)
        task.status, task.cancelled_on = Status.CANCELLED, day
        event = TaskEvent(kind=EventKind.CANCELLED, on=day, note=reason.strip())
        return _commit(task, before, event, acting_user, reason=reason.strip())
