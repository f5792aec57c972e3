"""Steering pages: the committee dashboard, a unit's board, the task list and its export,
the document list and the form of a new document, the scorecard and its export, in-app
notices. A task's page and a document's page (with its task forms): steering_task_views.

Reads go through ``steering.selectors`` / ``steering.scorecard``; a unit outside the user's
scope answers 404 exactly like a missing one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from bienche.core.cache import cached_read
from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.org.models import Unit
from bienche.org.permissions import Scope, access_unit_by_code, user_scope
from bienche.org.selectors import unit_latest_node, unit_tree_as_of
from bienche.steering import selectors as sel
from bienche.steering.enums import Bucket, DocumentKind, NoticeKind, Status
from bienche.steering.scorecard import BUCKETS, scorecard
from bienche.steering.scorecard import definitions as card_definitions
from bienche.steering.scorecard_xlsx import scorecard_export_xlsx
from bienche.steering.services.documents import document_create
from bienche.steering.services.notices import notice_list, notice_mark_read
from bienche.steering.tasks_xlsx import tasks_export_xlsx
from bienche.web.params import date_param
from bienche.web.steering_forms import DocumentForm, show_error
from bienche.web.templatetags.steering_tags import task_table_html

LIST_LIMIT = 500
EXPORT_LIMIT = 50_000
ALL_TASKS = 1_000_000
NOTICE_LIMIT = 300
OVERDUE_SHOWN = 10
CITY = "HN"


def labels() -> dict[str, Any]:
    return {"bucket_labels": dict(Bucket.choices), "status_labels": dict(Status.choices)}


def unit_or_404(user: Any, code: str, on: dt.date | None = None) -> Unit:
    try:
        return access_unit_by_code(user, code, on=on)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    html = render_to_string("steering/forbidden.html", {"message": message}, request=request)
    return HttpResponseForbidden(html)


def member_unit_code(user: Any) -> str | None:
    """The unit of the user's first membership, if any."""
    return (
        user.memberships.filter(unit__isnull=False)
        .order_by("pk")
        .values_list("unit__code", flat=True)
        .first()
    )


def _scoped_unit(request: HttpRequest, on: dt.date, *, city_default: bool) -> Unit | None:
    """The ``unit`` asked for; by default the city (or every unit) for city-wide users and
    the user's own unit for the others. ``None`` means every unit (city-wide users only)."""
    code = request.GET.get("unit", "").strip()
    if code:
        return unit_or_404(request.user, code, on)
    if user_scope(request.user).everything:
        if city_default and Unit.objects.filter(code=CITY).exists():
            return unit_or_404(request.user, CITY, on)
        return None
    own = member_unit_code(request.user)
    if not own:
        raise Http404(_("You have no unit."))
    return unit_or_404(request.user, own, on)


def _subtree(unit: Unit | None, on: dt.date) -> set[int] | None:
    if unit is None:
        return None
    return unit_tree_as_of(on).subtree_ids(unit.pk) or {unit.pk}


def _scope_key(scope: Scope) -> str:
    if scope.everything:
        return "all"
    return hashlib.sha256(",".join(map(str, sorted(scope.unit_ids))).encode()).hexdigest()[:16]


def _dashboard_rows(scope: Scope, unit: Unit | None, on: dt.date) -> dict[str, Any]:
    """Current status counts, and the overdue tasks grouped by lead unit (the first
    ``OVERDUE_SHOWN`` of each group, the rest counted)."""
    rows = sel.task_search(scope, on=on, unit_ids=_subtree(unit, on), limit=ALL_TASKS)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["bucket"] == Bucket.OPEN_OVERDUE:
            groups.setdefault(r["lead_unit"], []).append(r)
    names = {n.code: n.name for n in unit_tree_as_of(on).by_id.values() if n.code in groups}
    overdue = [
        {"code": code, "name": names.get(code, code), "count": len(g), "rows": g[:OVERDUE_SHOWN]}
        for code, g in sorted(groups.items())
    ]
    return {
        "status_counts": dict(Counter(r["status"] for r in rows)),
        "overdue": overdue,
        "overdue_total": sum(g["count"] for g in overdue),
    }


def _chart(card: dict[str, Any]) -> dict[str, Any]:
    bucket_labels = dict(Bucket.choices)
    trend = card["trend"]
    return {
        "buckets": {
            "keys": BUCKETS,
            "labels": [str(bucket_labels[b]) for b in BUCKETS],
            "values": [card["total"][b] for b in BUCKETS],
        },
        "trend": {
            "labels": [q["quarter"] for q in trend],
            "rate": [None if q["on_time_rate"] is None else q["on_time_rate"] * 100 for q in trend],
            "label": _("On-time rate (%)"),
        },
    }


def steering_dashboard(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    unit = _scoped_unit(request, on, city_default=True)
    code = unit.code if unit else None
    start = dt.date(on.year, 1, 1)
    card = cached_read(
        f"steering-card:{start.isoformat()}:{on.isoformat()}:{code}",
        lambda: scorecard(start, on, unit_code=code),
        domains=sel.STEERING_DOMAINS,
    )
    scope = user_scope(request.user)
    rows = cached_read(
        f"steering-dashboard:{on.isoformat()}:{code}:{_scope_key(scope)}",
        lambda: _dashboard_rows(scope, unit, on),
        domains=sel.STEERING_DOMAINS,
    )
    ctx = {
        "on": on,
        "error": error,
        "unit": unit,
        "node": unit_latest_node(unit) if unit else None,
        "card": card,
        "buckets": [(b, card["total"][b]) for b in BUCKETS],
        "statuses": [(s, rows["status_counts"].get(s, 0)) for s in Status.values],
        "overdue": rows["overdue"],
        "overdue_total": rows["overdue_total"],
        "weakest": card["ranking"][::-1][:10],
        "chart": _chart(card),
        **labels(),
    }
    return render(request, "steering/dashboard.html", ctx)


def _board_sections(unit_id: int, on: dt.date) -> list[tuple[str, str, int, SafeString]]:
    """The board's sections as (anchor, title, count, table), tables rendered once."""
    board = sel.unit_board(unit_id, on)
    names = labels()
    done: dict[int, SafeString] = {}
    sections = [
        ("lead", _("I lead"), board["lead"]),
        ("support", _("I support"), board["support"]),
        (
            "due-soon",
            _("Due soon (%(n)d working days)") % {"n": sel.DUE_SOON_DAYS},
            board["due_soon"],
        ),
        ("overdue", _("Overdue"), board["overdue"]),
    ]
    return [
        (
            key,
            str(title),
            len(rows),
            task_table_html(
                rows, f"board-{key}", names["status_labels"], names["bucket_labels"], done
            ),
        )
        for key, title, rows in sections
    ]


def steering_board(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    unit = _scoped_unit(request, on, city_default=True)
    if unit is None:
        raise Http404(_("Choose a unit."))
    # The page officers open most at a deadline: built once per change of the tasks, units
    # or calendar (not per progress note), day and language.
    sections = cached_read(
        f"steering-board:{unit.pk}:{on.isoformat()}:{translation.get_language()}",
        lambda: _board_sections(unit.pk, on),
        domains=sel.STEERING_DOMAINS,
    )
    ctx = {
        "on": on,
        "error": error,
        "unit": unit,
        "node": unit_latest_node(unit),
        "sections": sections,
    }
    return render(request, "steering/board.html", ctx)


def _task_filters(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """(keyword arguments of ``task_search``, the filters as shown on the page)."""
    on, error = date_param(request, "on", today())
    names = ("unit", "bucket", "status", "document", "programme", "q", "subtree")
    f = {k: request.GET.get(k, "").strip()[:100] for k in names}
    f["bucket"] = f["bucket"] if f["bucket"] in Bucket.values else ""
    f["status"] = f["status"] if f["status"] in Status.values else ""
    unit_ids = None
    if f["unit"]:
        unit = unit_or_404(request.user, f["unit"], on)
        unit_ids = {unit.pk} if f["subtree"] == "0" else _subtree(unit, on)
    search = {
        "on": on,
        "unit_ids": unit_ids,
        "bucket": f["bucket"],
        "status": f["status"],
        "document_id": int(f["document"]) if f["document"].isdigit() else None,
        "programme": f["programme"],
        "text": f["q"],
    }
    return search, {**f, "on": on, "error": error}


def task_list(request: HttpRequest) -> HttpResponse:
    search, shown = _task_filters(request)
    rows = sel.task_search(user_scope(request.user), limit=LIST_LIMIT, **search)
    ctx = {
        **shown,
        "rows": rows,
        "limit": LIST_LIMIT,
        "query": request.GET.urlencode(),
        "buckets": Bucket.choices,
        "statuses": Status.choices,
        **labels(),
    }
    return render(request, "steering/tasks.html", ctx)


def task_list_download(request: HttpRequest) -> FileResponse:
    search, _shown = _task_filters(request)
    rows = sel.task_search(user_scope(request.user), limit=EXPORT_LIMIT, **search)
    tmp = Path(tempfile.mkdtemp()) / f"nhiem-vu-{search['on'].isoformat()}.xlsx"
    tasks_export_xlsx(rows, tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def definitions() -> list[str]:
    """The scorecard's definitions as plain paragraphs (its reST markup removed)."""
    text = card_definitions(translation.get_language() or "vi")
    text = text.replace("**", "").replace("``", "")
    return [" ".join(p.split()).lstrip("* ") for p in ("\n" + text).split("\n* ") if p.strip()]


def _card_params(request: HttpRequest) -> tuple[dict[str, Any], str]:
    first = dt.date(today().year, 1, 1)
    start, e1 = date_param(request, "from", first)
    end, e2 = date_param(request, "to", today())
    error = e1 or e2
    if end < start:
        error = _("The end date is before the start date.")
        start, end = first, today()
    unit = _scoped_unit(request, end, city_default=False)
    return {"start": start, "end": end, "unit": unit}, error


def _card(start: dt.date, end: dt.date, unit: Unit | None) -> dict[str, Any]:
    code = unit.code if unit else None
    return cached_read(
        f"steering-card:{start.isoformat()}:{end.isoformat()}:{code}",
        lambda: scorecard(start, end, unit_code=code),
    )


def scorecard_page(request: HttpRequest) -> HttpResponse:
    params, error = _card_params(request)
    card = _card(**params)
    ctx = {
        **params,
        "error": error,
        "card": card,
        "columns": BUCKETS,
        "definitions": definitions(),
        **labels(),
    }
    return render(request, "steering/scorecard.html", ctx)


def scorecard_download(request: HttpRequest) -> FileResponse:
    params, _error = _card_params(request)
    card = _card(**params)
    name = f"bang-danh-gia-{params['start'].isoformat()}-{params['end'].isoformat()}.xlsx"
    tmp = Path(tempfile.mkdtemp()) / name
    scorecard_export_xlsx(card, tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def documents_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    write = user_scope(request.user, for_write=True)
    ctx = {
        "documents": sel.documents_list(user_scope(request.user), text=q),
        "q": q,
        "can_record": write.everything or bool(write.unit_ids),
        "kind_labels": dict(DocumentKind.choices),
    }
    return render(request, "steering/documents.html", ctx)


def document_new(request: HttpRequest) -> HttpResponse:
    write = user_scope(request.user, for_write=True)
    if not (write.everything or write.unit_ids):
        return forbidden(request, _("You may not record documents."))
    initial = {"issued_on": today(), "issuer_unit_code": member_unit_code(request.user) or ""}
    form = DocumentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            doc = document_create(
                **{**d, "issuer_unit_code": d["issuer_unit_code"].strip() or None},
                acting_user=request.user,
            )
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Document recorded."))
            return redirect("steering_document", pk=doc.pk)
    return render(request, "steering/document_form.html", {"form": form})


def notices_page(request: HttpRequest) -> HttpResponse:
    unread = request.GET.get("unread") == "1"
    ctx = {
        "notices": notice_list(user_scope(request.user), unread=unread, limit=NOTICE_LIMIT),
        "unread": unread,
        "limit": NOTICE_LIMIT,
        "kind_labels": dict(NoticeKind.choices),
    }
    return render(request, "steering/notices.html", ctx)


def notice_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a notice of one of the user's units as read (POST)."""
    if request.method == "POST":
        try:
            notice_mark_read(notice_id=pk, acting_user=request.user)
        except NotFound as exc:
            raise Http404(exc.localized()) from exc
    return redirect("steering_notices")
