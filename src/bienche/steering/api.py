"""REST endpoints of steering (/api/v1/steering): parse → check access → call → serialise.

Visibility: a document or task outside the user's scope answers 404 exactly like a missing
one (``steering.permissions``); a visible task the user may not act on answers 403 (the
lifecycle services decide). Every change of a task carries the ``expected_version`` the
client last saw; a concurrent change answers 409.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from bienche.core.clock import today
from bienche.core.errors import InvalidInput, Message
from bienche.org.permissions import access_unit_by_code, user_scope
from bienche.org.selectors import unit_tree_as_of
from bienche.steering import selectors as sel
from bienche.steering.models import SourceDocument, Task, TaskEvent
from bienche.steering.permissions import document_for_user, task_for_user
from bienche.steering.schemas import (
    MAX_ID,
    DocumentDetailOut,
    DocumentIn,
    DocumentOut,
    ExtensionDecisionIn,
    ExtensionRequestIn,
    ScorecardOut,
    ScorecardQuery,
    TaskAcceptIn,
    TaskActionOut,
    TaskCancelIn,
    TaskDetailOut,
    TaskFilters,
    TaskIn,
    TaskReportIn,
    TaskReturnIn,
    TaskRowOut,
)
from bienche.steering.scorecard import scorecard
from bienche.steering.services import lifecycle
from bienche.steering.services.documents import document_create
from bienche.steering.services.tasks import TaskSpec, guard_directs, task_create

SCORECARD_UNIT_REQUIRED = Message(
    "scorecard_unit_required",
    "Cần chọn đơn vị: chỉ người dùng cấp thành phố được xem bảng điểm của mọi đơn vị.",
    "Choose a unit: only city-wide users may see the scorecard of every unit.",
)
router = Router(tags=["steering"])
ID = Path(..., ge=1, le=MAX_ID)


# --- serialisation ----------------------------------------------------------------------


def _document(doc: SourceDocument) -> dict[str, Any]:
    return {
        "id": doc.pk,
        "kind": doc.kind,
        "number": doc.number,
        "issuer": doc.issuer,
        "issuer_unit": doc.issuer_unit.code if doc.issuer_unit else None,
        "issued_on": doc.issued_on,
        "summary": doc.summary,
        "has_attachment": bool(doc.attachment),
    }


def _event(e: TaskEvent) -> dict[str, Any]:
    return {
        "id": e.pk,
        "kind": e.kind,
        "on": e.on,
        "at": e.at,
        "actor": e.actor.get_username() if e.actor else None,
        "unit": e.unit.code if e.unit else None,
        "to_unit": e.to_unit.code if e.to_unit else None,
        "note": e.note,
        "percent": e.percent,
        "deadline": e.deadline,
        "product_ref": e.product_ref,
        "has_product_file": bool(e.product_file),
    }


#: Task columns serialised as they are.
TASK_FIELDS = (
    "item content responsible_post deadline_kind deadline current_deadline priority status "
    "completed_on extensions version parent_id responsible_leader deadline_days period "
    "assigned_on recorded_on reported_on accepted_on cancelled_on"
).split()


def _task(task: Task, on: dt.date) -> dict[str, Any]:
    history = sel.task_history(task)
    codes = {task.lead_unit_id: task.lead_unit.code}
    for e in history:
        codes.update({u.pk: u.code for u in (e.unit, e.to_unit) if u is not None})
    state = sel.task_status_on(task, on)
    pending = lifecycle.pending_extension(task)
    return {
        **{name: getattr(task, name) for name in TASK_FIELDS},
        "id": task.pk,
        "document": task.document.number,
        "document_id": task.document_id,
        "lead_unit": task.lead_unit.code,
        "programme": task.programme.code if task.programme else "",
        "bucket": state["bucket"],
        "supporting_units": sorted(task.supports.values_list("unit__code", flat=True)),
        "as_of": on,
        "as_of_status": {**state, "lead_unit": codes.get(state["lead_unit_id"])},
        "pending_extension": _event(pending) if pending else None,
        "history": [_event(e) for e in history],
    }


def _action(event: TaskEvent) -> dict[str, Any]:
    task = event.task  # the locked row the service updated
    return {
        "id": task.pk,
        "status": task.status,
        "version": task.version,
        "current_deadline": task.current_deadline,
        "extensions": task.extensions,
        "event": _event(event),
    }


# --- documents --------------------------------------------------------------------------


@router.get("/documents", response=list[DocumentOut])
def documents_list(request: HttpRequest, q: str = Query("", max_length=100)) -> list[dict]:
    docs = sel.documents_list(user_scope(request.user), text=q)
    prefetch_related_objects(docs, "issuer_unit")
    return [_document(d) for d in docs]


@router.post("/documents", response={201: DocumentOut})
def document_new(request: HttpRequest, payload: DocumentIn) -> Status:
    """Record a document; below city level it must name an issuing unit in the user's
    write scope (checked by the service)."""
    doc = document_create(**payload.dict(), acting_user=request.user)
    return Status(201, _document(doc))


@router.get("/documents/{doc_id}", response=DocumentDetailOut)
def document_detail(request: HttpRequest, doc_id: int = ID, as_of: dt.date | None = None) -> dict:
    """The document and the tasks it assigned that the user may see, as of ``as_of``."""
    doc = document_for_user(request.user, doc_id)
    on = as_of or today()
    rows = sel.document_tasks(doc, on, user_scope(request.user))
    return {**_document(doc), "as_of": on, "tasks": rows}


@router.post("/documents/{doc_id}/tasks", response={201: TaskDetailOut})
def document_task_new(request: HttpRequest, payload: TaskIn, doc_id: int = ID) -> Status:
    doc = document_for_user(request.user, doc_id)
    guard_directs(request.user, doc)
    spec = TaskSpec(**{**payload.dict(), "period": payload.period or ""})
    task = task_create(document=doc, spec=spec, acting_user=request.user)
    return Status(201, _task(task_for_user(request.user, task.pk), today()))


# --- tasks ------------------------------------------------------------------------------


@router.get("/tasks", response=list[TaskRowOut])
def tasks_list(request: HttpRequest, filters: Query[TaskFilters]) -> list[dict]:
    on = filters.as_of or today()
    unit_ids = None
    if filters.unit:
        unit = access_unit_by_code(request.user, filters.unit, on=on)
        subtree = unit_tree_as_of(on).subtree_ids(unit.pk) if filters.subtree else set()
        unit_ids = subtree or {unit.pk}
    return sel.task_search(
        user_scope(request.user),
        on=on,
        unit_ids=unit_ids,
        bucket=filters.bucket or "",
        status=filters.status or "",
        document_id=filters.document,
        programme=filters.programme or "",
        text=filters.q or "",
        limit=filters.limit,
    )


@router.get("/tasks/{task_id}", response=TaskDetailOut)
def task_detail(request: HttpRequest, task_id: int = ID, as_of: dt.date | None = None) -> dict:
    """The task with its history, and its status as it stood at the end of ``as_of``."""
    return _task(task_for_user(request.user, task_id), as_of or today())


@router.post("/tasks/{task_id}/reports", response={201: TaskActionOut})
def task_report(request: HttpRequest, payload: TaskReportIn, task_id: int = ID) -> Status:
    """Report progress (``done`` false) or report the task done."""
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_report(task=task, **payload.dict(), acting_user=request.user)
    return Status(201, _action(event))


@router.post("/tasks/{task_id}/accept", response=TaskActionOut)
def task_accept(request: HttpRequest, payload: TaskAcceptIn, task_id: int = ID) -> dict:
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_accept(task=task, **payload.dict(), acting_user=request.user)
    return _action(event)


@router.post("/tasks/{task_id}/return", response=TaskActionOut)
def task_return(request: HttpRequest, payload: TaskReturnIn, task_id: int = ID) -> dict:
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_return(task=task, **payload.dict(), acting_user=request.user)
    return _action(event)


@router.post("/tasks/{task_id}/extensions", response={201: TaskActionOut})
def task_extension_request(
    request: HttpRequest, payload: ExtensionRequestIn, task_id: int = ID
) -> Status:
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_extension_request(task=task, **payload.dict(), acting_user=request.user)
    return Status(201, _action(event))


@router.post("/tasks/{task_id}/extensions/decision", response=TaskActionOut)
def task_extension_decide(
    request: HttpRequest, payload: ExtensionDecisionIn, task_id: int = ID
) -> dict:
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_extension_decide(task=task, **payload.dict(), acting_user=request.user)
    return _action(event)


@router.post("/tasks/{task_id}/cancel", response=TaskActionOut)
def task_cancel(request: HttpRequest, payload: TaskCancelIn, task_id: int = ID) -> dict:
    task = task_for_user(request.user, task_id)
    event = lifecycle.task_cancel(task=task, **payload.dict(), acting_user=request.user)
    return _action(event)


# --- scorecard --------------------------------------------------------------------------


@router.get("/scorecard", response=ScorecardOut)
def unit_scorecard(request: HttpRequest, query: Query[ScorecardQuery]) -> dict:
    """Scorecard of the lead units under ``unit`` (all units: city-wide readers only) for
    the tasks assigned from ``from`` to ``to``; the definitions come with the figures."""
    if query.unit:
        unit = access_unit_by_code(request.user, query.unit, on=query.end).code
    elif user_scope(request.user).everything:
        unit = None
    else:
        raise InvalidInput(SCORECARD_UNIT_REQUIRED, field="unit")
    return scorecard(query.start, query.end, unit_code=unit)
