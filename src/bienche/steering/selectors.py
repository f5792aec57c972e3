"""Reads of the steering app: task lists, a unit's board, a task's history and status as of
a date. Scorecards live in ``steering.scorecard``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from bienche.core.workdays import add_working_days
from bienche.org.permissions import Scope
from bienche.steering.enums import OPEN_STATUSES, Bucket, EventKind, Status
from bienche.steering.evaluation import evaluate
from bienche.steering.models import SourceDocument, Task, TaskEvent

#: Fields of a task row in the order :func:`steering.evaluation.evaluate` takes them.
EVAL_FIELDS = (
    "deadline_kind",
    "assigned_on",
    "deadline",
    "completed_on",
    "accepted_on",
    "cancelled_on",
)
DUE_SOON_DAYS = 5
#: Audit domains a board or a scorecard reads: tasks, the units they belong to and the
#: calendar of working days. Progress notes on tasks already in progress are audited apart
#: ("steering_progress", see ``services.lifecycle``) and do not expire them.
STEERING_DOMAINS = ("steering", "org", "calendar_override")


def eval_tuple(task: Task) -> tuple:
    return tuple(getattr(task, f) for f in EVAL_FIELDS)


def task_bucket(task: Task, on: dt.date) -> Bucket | None:
    return evaluate(eval_tuple(task), on)


def fold_events(task: Task, rows: Iterable[tuple], on: dt.date) -> dict[str, Any]:
    """Fold (kind, unit id, to-unit id, percent, deadline) rows dated up to ``on``, oldest
    first, into the task's state that day (see :func:`task_status_on`)."""
    status: str | None = None
    lead = None
    deadline = task.deadline
    percent = last_progress = None
    for kind, unit_id, to_unit_id, e_percent, e_deadline in rows:
        if kind == EventKind.ASSIGNED:
            status, lead = Status.ASSIGNED, unit_id
        elif kind == EventKind.PROGRESS:
            status, percent = Status.IN_PROGRESS, e_percent if e_percent is not None else percent
            last_progress = percent
        elif kind == EventKind.REPORTED_DONE:
            status, percent = Status.REPORTED, 100
        elif kind == EventKind.ACCEPTED:
            status = Status.ACCEPTED
        elif kind == EventKind.RETURNED:
            status, percent = Status.IN_PROGRESS, last_progress
        elif kind == EventKind.EXTENSION_APPROVED:
            deadline = e_deadline
        elif kind == EventKind.CANCELLED:
            status = Status.CANCELLED
        elif kind == EventKind.TRANSFERRED:
            lead = to_unit_id
    return {
        "status": status,
        "lead_unit_id": lead,
        "deadline_in_force": deadline,
        "percent": percent,
        "bucket": task_bucket(task, on),
    }


def task_status_on(task: Task, on: dt.date) -> dict[str, Any]:
    """The task as it stood at the end of ``on``, folded from its history: status, lead
    unit, deadline in force, last progress percent, and the evaluation bucket."""
    # Only the columns the fold reads: a task reported on every week has hundreds of events.
    rows = (
        task.events.filter(on__lte=on)
        .order_by("on", "id")
        .values_list("kind", "unit_id", "to_unit_id", "percent", "deadline")
    )
    return fold_events(task, rows, on)


def task_history(task: Task, *, latest: int | None = None) -> list[TaskEvent]:
    """The task's events, oldest first; with ``latest``, only the last ``latest`` of them."""
    qs = task.events.select_related("actor", "unit", "to_unit", "reorg_event")
    if latest is None:
        return list(qs.order_by("on", "id"))
    return list(qs.order_by("-on", "-id")[:latest])[::-1]


def visible_tasks(scope: Scope) -> QuerySet[Task]:
    qs = Task.objects.all()
    if scope.everything:
        return qs
    ids = list(scope.unit_ids)
    return qs.filter(
        Q(lead_unit_id__in=ids) | Q(supports__unit_id__in=ids) | Q(document__issuer_unit_id__in=ids)
    ).distinct()


def task_search(
    scope: Scope,
    *,
    on: dt.date,
    unit_ids: Iterable[int] | None = None,
    bucket: str = "",
    status: str = "",
    document_id: int | None = None,
    programme: str = "",
    text: str = "",
    assigned_from: dt.date | None = None,
    assigned_to: dt.date | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Tasks the user may see, filtered; each row carries its bucket as of ``on``. With
    ``assigned_from``/``assigned_to`` the list matches a scorecard's period exactly."""
    filters = {
        "assigned_on__lte": min(on, assigned_to) if assigned_to else on,
        "assigned_on__gte": assigned_from,
        "status": status,
        "document_id": document_id,
        "programme__code": programme,
    }
    qs = visible_tasks(scope).filter(**{k: v for k, v in filters.items() if v})
    if unit_ids is not None:
        qs = qs.filter(lead_unit_id__in=list(unit_ids))
    if text:
        qs = qs.filter(Q(content__icontains=text) | Q(document__number__icontains=text))
    rows = []
    for t in qs.select_related("document", "lead_unit", "programme").order_by(
        "current_deadline", "pk"
    ):
        b = task_bucket(t, on)
        if bucket and b != bucket:
            continue
        rows.append(_row(t, b))
        if len(rows) >= limit:
            break
    return rows


def _row(t: Task, bucket: Bucket | None) -> dict[str, Any]:
    return {
        "id": t.pk,
        "document": t.document.number,
        "document_id": t.document_id,
        "item": t.item,
        "content": t.content,
        "lead_unit": t.lead_unit.code,
        "responsible_post": t.responsible_post,
        "deadline_kind": t.deadline_kind,
        "deadline": t.deadline,
        "current_deadline": t.current_deadline,
        "priority": t.priority,
        "programme": t.programme.code if t.programme else "",
        "status": t.status,
        "bucket": bucket.value if bucket else None,
        "completed_on": t.completed_on,
        "extensions": t.extensions,
        "version": t.version,
    }


def unit_board(unit_id: int, on: dt.date) -> dict[str, list[dict[str, Any]]]:
    """A unit's task board: open tasks it leads, open tasks it supports, those due within
    5 working days (deadline in force) and those overdue, plus its recently closed ones."""
    soon_limit = add_working_days(on, DUE_SOON_DAYS)
    lead = list(
        Task.objects.filter(lead_unit_id=unit_id, status__in=OPEN_STATUSES, assigned_on__lte=on)
        .select_related("document", "lead_unit", "programme")
        .order_by("current_deadline", "pk")
    )
    support = list(
        Task.objects.filter(
            supports__unit_id=unit_id, status__in=OPEN_STATUSES, assigned_on__lte=on
        )
        .select_related("document", "lead_unit", "programme")
        .order_by("current_deadline", "pk")
    )
    rows = [_row(t, task_bucket(t, on)) for t in lead]
    due_soon = [
        r for r in rows if r["current_deadline"] and on <= r["current_deadline"] <= soon_limit
    ]
    overdue = [r for r in rows if r["current_deadline"] and r["current_deadline"] < on]
    return {
        "lead": rows,
        "support": [_row(t, task_bucket(t, on)) for t in support],
        "due_soon": due_soon,
        "overdue": overdue,
    }


def document_tasks(document: SourceDocument, on: dt.date, scope: Scope) -> list[dict[str, Any]]:
    """The document's tasks that ``scope`` may see, in the document's order."""
    qs = visible_tasks(scope).filter(document=document)
    return [
        _row(t, task_bucket(t, on))
        for t in qs.select_related("document", "lead_unit", "programme").order_by("pk")
    ]


def documents_list(scope: Scope, *, text: str = "", limit: int = 300) -> list[SourceDocument]:
    qs = SourceDocument.objects.select_related("issuer_unit")
    if not scope.everything:
        ids = list(scope.unit_ids)
        qs = qs.filter(
            Q(issuer_unit_id__in=ids)
            | Q(tasks__lead_unit_id__in=ids)
            | Q(tasks__supports__unit_id__in=ids)
        ).distinct()
    if text:
        qs = qs.filter(Q(number__icontains=text) | Q(summary__icontains=text))
    return list(qs.order_by("-issued_on", "number")[:limit])
