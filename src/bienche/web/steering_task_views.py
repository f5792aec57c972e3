"""Steering task and document pages: a task with its history and the lifecycle forms the
user may use, product downloads, and a source document's page with the three ways to add
(one form, pasted text confirmed item by item, an XLSX file).

Each POST goes to its own URL and calls one service with the version the page was rendered
with; errors come back next to the form (Conflict asks to reload), refusals are 403 pages,
objects outside the user's scope 404.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath
from typing import Any

from django.contrib import messages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienche.core.clock import today
from bienche.core.errors import BiencheError, Conflict, Forbidden, NotFound
from bienche.org.permissions import Scope, user_scope
from bienche.org.selectors import unit_labels
from bienche.steering import messages as m
from bienche.steering import selectors as sel
from bienche.steering.enums import OPEN_STATUSES, DeadlineKind, EventKind, Status
from bienche.steering.models import SourceDocument, Task, TaskEvent
from bienche.steering.permissions import (
    can_direct,
    can_direct_document,
    can_report,
    document_for_user,
    task_for_user,
)
from bienche.steering.services import lifecycle
from bienche.steering.services.tasks import TaskProblems, task_create, tasks_create
from bienche.steering.tasks_xlsx import tasks_import_xlsx, tasks_template_xlsx
from bienche.steering.textsplit import split_items
from bienche.steering.timeline import EventRow, task_timeline
from bienche.web.steering_forms import (
    ACTION_FORMS,
    ImportForm,
    ItemFormSet,
    PasteForm,
    TaskForm,
    VersionedForm,
    blank_form_html,
    show_error,
)
from bienche.web.steering_views import forbidden, labels

DIRECT = frozenset({"accept", "return", "decide", "cancel"})
DONE_MESSAGES = {
    "progress": gettext_lazy("Progress reported."),
    "done": gettext_lazy("Reported done; awaiting acceptance."),
    "extend": gettext_lazy("Extension requested."),
    "accept": gettext_lazy("Result accepted."),
    "return": gettext_lazy("Result sent back."),
    "decide": gettext_lazy("Extension request decided."),
    "cancel": gettext_lazy("Task cancelled."),
}


def _task_or_404(user: Any, pk: int | str) -> Task:
    try:
        return task_for_user(user, pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def _doc_or_404(user: Any, pk: int | str) -> SourceDocument:
    try:
        return document_for_user(user, pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def _download(f: FieldFile) -> FileResponse:
    try:
        handle = f.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("No such file.")) from exc
    return FileResponse(handle, as_attachment=True, filename=PurePath(f.name or "").name)


# --- the task page ---------------------------------------------------------------------


def _report_actions(user: Any, task: Task, pending: EventRow | None) -> list[str]:
    if task.status not in {Status.ASSIGNED, Status.IN_PROGRESS}:
        return []
    out = ["progress"] if can_report(user, task, progress_only=True) else []
    if can_report(user, task):
        out.append("done")
        if task.current_deadline is not None and pending is None:
            out.append("extend")
    return out


def _direct_actions(user: Any, task: Task, pending: EventRow | None) -> list[str]:
    if task.status not in OPEN_STATUSES or not can_direct(user, task):
        return []
    out = ["accept", "return"] if task.status == Status.REPORTED else []
    if pending is not None:
        out.append("decide")
    return [*out, "cancel"]


#: Events shown on the task page unless the officer asks for all of them (a task reported on
#: every week for years would otherwise make its page slower with every report).
HISTORY_SHOWN = 30


def _history(events: list[EventRow], names: dict[int, str]) -> list[dict[str, Any]]:
    rows = []
    for e in events:
        transferred = e.kind == EventKind.TRANSFERRED
        basis = ""
        if transferred:
            basis = e.basis_number if e.reorg_event_id else e.note
        rows.append(
            {
                "event": e,
                "unit": names.get(e.unit_id, "") if transferred else "",
                "to_unit": names.get(e.to_unit_id, ""),
                "basis": basis,
                "file_name": PurePath(e.product_file).name if e.product_file else "",
            }
        )
    return rows


def _render_task(
    request: HttpRequest,
    task: Task,
    bound: tuple[str, VersionedForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    show_all = request.GET.get("history") == "all"
    timeline = task_timeline(task, today(), latest=None if show_all else HISTORY_SHOWN)
    pending = timeline.pending
    actions = _report_actions(user, task, pending) + _direct_actions(user, task, pending)
    forms = {a: blank_form_html(a, task.version) for a in actions}
    if bound is not None:
        forms[bound[0]] = render_to_string("steering/_fields.html", {"form": bound[1]})
    supports = list(task.supports.values_list("unit_id", flat=True))
    events = timeline.shown
    # Every unit the page names, read in one query.
    names = unit_labels(
        [task.lead_unit_id, *supports]
        + [i for e in events if e.kind == EventKind.TRANSFERRED for i in (e.unit_id, e.to_unit_id)]
        + [e.to_unit_id for e in events]
    )
    ctx = {
        "task": task,
        # Whoever sees a task sees its document (same rule: lead, support or issuer).
        "document_visible": True,
        "lead": names.get(task.lead_unit_id, ""),
        "supports": [names.get(i, "") for i in supports],
        "state": timeline.state,
        "today": today(),
        "pending": pending,
        "history": _history(events, names),
        "history_total": timeline.total,
        "forms": forms,
        "conflict": status == 409,
        "deadline_kinds": dict(DeadlineKind.choices),
        **labels(),
    }
    return render(request, "steering/task.html", ctx, status=status)


def task_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_task(request, _task_or_404(request.user, pk))


def _may(user: Any, task: Task, action: str) -> bool:
    if action in DIRECT:
        return can_direct(user, task)
    return can_report(user, task, progress_only=action == "progress")


def _run(action: str, task: Task, d: dict[str, Any], user: Any) -> TaskEvent:
    common = {"task": task, "acting_user": user, "expected_version": d["expected_version"]}
    if action in {"progress", "done"}:
        return lifecycle.task_report(
            done=action == "done",
            note=d["note"],
            percent=d.get("percent"),
            product_ref=d["product_ref"],
            product_file=d["product_file"],
            **common,
        )
    if action == "extend":
        return lifecycle.task_extension_request(deadline=d["deadline"], note=d["note"], **common)
    if action == "accept":
        return lifecycle.task_accept(note=d["note"], **common)
    if action == "return":
        return lifecycle.task_return(note=d["note"], **common)
    if action == "decide":
        return lifecycle.task_extension_decide(approve=d["approve"], note=d["note"], **common)
    return lifecycle.task_cancel(reason=d["reason"], **common)


def task_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """POST one lifecycle step (progress, done, extend, accept, return, decide, cancel)."""
    if action not in ACTION_FORMS:
        raise Http404(action)
    task = _task_or_404(request.user, pk)
    if request.method != "POST":
        return redirect("steering_task", pk=task.pk)
    if not _may(request.user, task, action):
        vi, en = lifecycle.ACTIONS[action]
        return forbidden(request, Forbidden(m.NOT_ALLOWED, action=vi, action_en=en).localized())
    form = ACTION_FORMS[action](request.POST, request.FILES, prefix=action)
    status = 200
    if form.is_valid():
        try:
            _run(action, task, form.cleaned_data, request.user)
        except Forbidden as exc:
            return forbidden(request, exc.localized())
        except NotFound as exc:
            raise Http404(exc.localized()) from exc
        except Conflict as exc:
            form.add_error(None, exc.localized())
            status = 409
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, DONE_MESSAGES[action])
            return redirect(reverse("steering_task", args=[task.pk]) + "#history")
    return _render_task(request, _task_or_404(request.user, pk), (action, form), status)


def event_file(request: HttpRequest, pk: int) -> FileResponse:
    """A product file of a task's history, to users who may see the task."""
    event = TaskEvent.objects.filter(pk=pk).only("task_id", "product_file").first()
    if event is None or not event.product_file:
        raise Http404(_("No such file."))
    _task_or_404(request.user, event.task_id)
    return _download(event.product_file)


# --- documents -----------------------------------------------------------------------


def document_file(request: HttpRequest, pk: int) -> FileResponse:
    doc = _doc_or_404(request.user, pk)
    if not doc.attachment:
        raise Http404(_("No such file."))
    return _download(doc.attachment)


def _document_tasks(user: Any, doc: SourceDocument) -> list[dict[str, Any]]:
    """The document's tasks this user may see (directors of the document see them all)."""
    scope = user_scope(user)
    if can_direct_document(user, doc):
        scope = Scope(True, frozenset())
    return sel.document_tasks(doc, today(), scope)


def _render_document(
    request: HttpRequest, doc: SourceDocument, status: int = 200, **forms: Any
) -> HttpResponse:
    ctx = {
        "doc": doc,
        "tasks": _document_tasks(request.user, doc),
        "can_direct": can_direct_document(request.user, doc),
        "task_form": TaskForm(prefix="task"),
        "paste_form": PasteForm(prefix="paste"),
        "import_form": ImportForm(prefix="import"),
        **labels(),
        **forms,
    }
    return render(request, "steering/document.html", ctx, status=status)


def document_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_document(request, _doc_or_404(request.user, pk))


def _directed(request: HttpRequest, pk: int) -> SourceDocument | HttpResponse:
    """The document if the user may assign tasks from it, else the response to send."""
    doc = _doc_or_404(request.user, pk)
    if request.method != "POST":
        return redirect("steering_document", pk=doc.pk)
    if not can_direct_document(request.user, doc):
        return forbidden(request, _("You may not assign tasks from this document."))
    return doc


def document_task_new(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _directed(request, pk)
    if isinstance(doc, HttpResponse):
        return doc
    form = TaskForm(request.POST, prefix="task")
    if form.is_valid():
        try:
            task_create(document=doc, spec=form.spec(), acting_user=request.user)
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Task added."))
            return redirect("steering_document", pk=doc.pk)
    return _render_document(request, doc, task_form=form)


def document_paste(request: HttpRequest, pk: int) -> HttpResponse:
    """Split pasted text into proposed items, shown for confirmation (nothing written)."""
    doc = _directed(request, pk)
    if isinstance(doc, HttpResponse):
        return doc
    form = PasteForm(request.POST, prefix="paste")
    if not form.is_valid():
        return _render_document(request, doc, paste_form=form)
    preamble, items = split_items(form.cleaned_data["text"])
    if not items:
        form.add_error("text", _("No numbered items were found in the text."))
        return _render_document(request, doc, paste_form=form)
    initial = [
        {"include": True, "item": i.number, "content": i.text, "deadline_kind": DeadlineKind.DATE}
        for i in items
    ]
    items_form = ItemFormSet(initial=initial, prefix="items")
    return _render_document(request, doc, paste_form=form, items=items_form, preamble=preamble)


def document_paste_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Create every included item as a task, or none (problems shown per row)."""
    doc = _directed(request, pk)
    if isinstance(doc, HttpResponse):
        return doc
    formset = ItemFormSet(request.POST, prefix="items")
    if formset.is_valid():
        chosen = [f for f in formset.forms if f.cleaned_data.get("include")]
        if not chosen:
            messages.error(request, _("No item was chosen."))
            return redirect("steering_document", pk=doc.pk)
        try:
            tasks = tasks_create(
                document=doc, specs=[f.spec() for f in chosen], acting_user=request.user
            )
        except TaskProblems as exc:
            for index, error in exc.problems:
                show_error(chosen[index], error)
        else:
            messages.success(request, _("%(n)d tasks created.") % {"n": len(tasks)})
            return redirect("steering_document", pk=doc.pk)
    return _render_document(request, doc, items=formset)


def import_template_download(request: HttpRequest) -> FileResponse:
    """The empty XLSX layout of a task import, with its guide sheet."""
    tmp = Path(tempfile.mkdtemp()) / "mau-nhap-nhiem-vu.xlsx"
    tasks_template_xlsx(tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def document_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Tasks from an XLSX file: every row or none; problems listed by row and column."""
    doc = _directed(request, pk)
    if isinstance(doc, HttpResponse):
        return doc
    form = ImportForm(request.POST, request.FILES, prefix="import")
    if not form.is_valid():
        return _render_document(request, doc, import_form=form)
    dry_run = form.cleaned_data["dry_run"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tasks.xlsx"
        path.write_bytes(form.cleaned_data["file"].read())
        result = tasks_import_xlsx(path, document=doc, acting_user=request.user, dry_run=dry_run)
    if result.problems:
        return _render_document(request, doc, import_form=form, problems=result.problems)
    if dry_run:
        messages.success(request, _("The file has no problems; nothing was written."))
    else:
        messages.success(request, _("%(n)d tasks imported.") % {"n": result.created})
    return redirect("steering_document", pk=doc.pk)
