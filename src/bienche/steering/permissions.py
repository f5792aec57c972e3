"""Who may see, report on and direct a task. One place, used by web, API and CLI.

* **See**: the user's read scope contains the lead unit, a supporting unit or the issuing
  unit (city-wide roles see everything).
* **Report** (progress, done, ask for an extension): the user's write scope contains the
  lead unit; officers of a supporting unit may report progress only.
* **Direct** (create tasks, accept, send back, decide extensions, cancel): city-wide
  administrators, or officers whose write scope contains the issuing unit of the document.

A task the user may not see answers ``NotFound`` exactly like a missing task (no leak).
"""

from __future__ import annotations

from typing import Any

from bienche.core.errors import NotFound
from bienche.org.permissions import Scope, user_scope
from bienche.steering import messages as m
from bienche.steering.models import SourceDocument, Task, TaskSupport

#: Attribute where ``task_for_user`` keeps the supporting units of the task it loaded, so
#: the checks of one request (see, report progress, report done) read them once.
_SUPPORTS = "_support_unit_ids"


def _support_ids(task: Task) -> set[int]:
    memo = task.__dict__.get(_SUPPORTS)
    if memo is not None:
        return memo
    return set(task.supports.values_list("unit_id", flat=True))


def can_see(user: Any, task: Task, scope: Scope | None = None) -> bool:
    scope = scope or user_scope(user)
    if scope.everything:
        return True
    ids = {task.lead_unit_id, task.document.issuer_unit_id} | _support_ids(task)
    return any(scope.contains(i) for i in ids if i is not None)


def can_report(
    user: Any, task: Task, *, progress_only: bool = False, write_scope: Scope | None = None
) -> bool:
    scope = write_scope or user_scope(user, for_write=True)
    if scope.contains(task.lead_unit_id):
        return True
    return progress_only and any(scope.contains(i) for i in _support_ids(task))


def can_direct_document(
    user: Any, document: SourceDocument, write_scope: Scope | None = None
) -> bool:
    scope = write_scope or user_scope(user, for_write=True)
    if scope.everything:
        return True
    return document.issuer_unit_id is not None and scope.contains(document.issuer_unit_id)


def can_direct(user: Any, task: Task, write_scope: Scope | None = None) -> bool:
    return can_direct_document(user, task.document, write_scope)


def task_for_user(user: Any, task_id: int | str) -> Task:
    """The task if the user may see it; else the same ``NotFound`` as a missing one."""
    try:
        pk = int(task_id)
    except (TypeError, ValueError):
        raise NotFound(m.TASK_UNKNOWN, field="id", id=task_id) from None
    task = Task.objects.select_related("document", "lead_unit", "programme").filter(pk=pk).first()
    if task is not None:
        task.__dict__[_SUPPORTS] = _support_ids(task)
    if task is None or not can_see(user, task):
        raise NotFound(m.TASK_UNKNOWN, field="id", id=task_id)
    return task


def document_for_user(user: Any, doc_id: int | str) -> SourceDocument:
    try:
        pk = int(doc_id)
    except (TypeError, ValueError):
        raise NotFound(m.DOC_UNKNOWN, field="id", ref=doc_id) from None
    doc = SourceDocument.objects.filter(pk=pk).first()
    if doc is None:
        raise NotFound(m.DOC_UNKNOWN, field="id", ref=doc_id)
    scope = user_scope(user)
    if scope.everything or (doc.issuer_unit_id and scope.contains(doc.issuer_unit_id)):
        return doc
    units = set(Task.objects.filter(document=doc).values_list("lead_unit_id", flat=True))
    units |= set(TaskSupport.objects.filter(task__document=doc).values_list("unit_id", flat=True))
    if any(scope.contains(u) for u in units):
        return doc
    raise NotFound(m.DOC_UNKNOWN, field="id", ref=doc_id)
