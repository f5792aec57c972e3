"""Org pages: chart as of a date, unit page, event timeline, reorganization form."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.delegation.selectors import powers_of_unit
from bienche.org import selectors as sel
from bienche.org.enums import EventKind, UnitKind
from bienche.org.permissions import access_unit_by_code, guard_write_codes, user_scope
from bienche.web.event_dispatch import run_event_form
from bienche.web.forms import FORMS
from bienche.web.params import date_param
from bienche.web.tree_html import render_tree

QUICK_DATES = [dt.date(2023, 12, 31), dt.date(2025, 6, 30), dt.date(2025, 7, 1)]


def org_chart(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    try:
        days = max(0, min(int(request.GET.get("days", "30")), 3650))
    except ValueError:
        days = 30
    q = request.GET.get("q", "").strip()
    tree = sel.unit_tree_as_of(on)
    scope = user_scope(request.user, on=on)
    if not scope.everything:
        # A narrowed copy: the tree is cached and shared by every request of the process.
        roots = [
            n
            for n in tree.walk()
            if n.unit_id in scope.unit_ids and (n.parent_id not in scope.unit_ids)
        ]
        tree = dataclasses.replace(tree, roots=roots)
    changing = sel.units_changing_within(today(), days)
    kind_labels = dict(UnitKind.choices)
    ctx = {
        "on": on,
        "today": today(),
        "error": error,
        "tree_html": render_tree(tree, changing=changing, kind_labels=kind_labels),
        "q": q,
        "days": days,
        "quick_dates": [*QUICK_DATES, today()],
        "counts": sel.unit_counts_as_of(on),
    }
    return render(request, "org/chart.html", ctx)


def unit_page(request: HttpRequest, code: str) -> HttpResponse:
    try:
        unit = access_unit_by_code(request.user, code)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    ctx = {
        "unit": unit,
        "node": sel.unit_latest_node(unit),
        "history": sel.unit_history(unit),
        "events": sel.unit_events(unit),
        "back": sel.unit_lineage(unit, direction="back", takeover=True),
        "forward": sel.unit_lineage(unit, direction="forward", takeover=True),
        "children": sel.unit_list(on=today(), parent_code=unit.code, limit=500),
        "powers": powers_of_unit(unit, today()),
        "kind_labels": dict(UnitKind.choices),
        "event_kinds": [(k, v) for k, v in EventKind.choices if k in FORMS],
    }
    return render(request, "org/unit.html", ctx)


#: Rows shown per kind of change on the diff page (the 2025 reform changes ~600 units).
DIFF_SHOWN = 1000


def _diff_in_scope(diff: dict[str, list[dict]], codes: set[str] | None) -> dict[str, list]:
    if codes is None:
        return diff
    return {k: [r for r in rows if r["code"] in codes] for k, rows in diff.items()}


def org_diff(request: HttpRequest) -> HttpResponse:
    """What changed in the apparatus between two dates: units added, removed, renamed, moved
    to another parent, of another kind — limited to the units the user may read."""
    d2, error2 = date_param(request, "to", today())
    d1, error1 = date_param(request, "from", d2 - dt.timedelta(days=365))
    if d1 > d2:
        d1, d2 = d2, d1
    diff = sel.units_diff(d1, d2)
    codes = None
    scope_a, scope_b = user_scope(request.user, on=d1), user_scope(request.user, on=d2)
    if not scope_a.everything:
        ids = scope_a.unit_ids | scope_b.unit_ids
        codes = set(sel.unit_codes(ids))
    diff = _diff_in_scope(diff, codes)
    sections = [
        (key, label, rows[:DIFF_SHOWN], len(rows))
        for key, label, rows in (
            ("added", _("Added"), diff["added"]),
            ("removed", _("Removed"), diff["removed"]),
            ("renamed", _("Renamed"), diff["renamed"]),
            ("moved", _("Moved to another parent"), diff["moved"]),
            ("kind_changed", _("Kind changed"), diff["kind_changed"]),
        )
    ]
    ctx = {
        "d1": d1,
        "d2": d2,
        "error": error1 or error2,
        "sections": sections,
        "kind_labels": dict(UnitKind.choices),
        "quick": [
            (dt.date(2025, 6, 30), dt.date(2025, 7, 1)),
            (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ],
    }
    return render(request, "org/diff.html", ctx)


def event_timeline(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or None
    events = sel.event_list(kind=kind, limit=500)
    ctx = {
        "events": events,
        "kind": kind,
        "event_kinds": EventKind.choices,
        "form_kinds": [(k, v) for k, v in EventKind.choices if k in FORMS],
    }
    return render(request, "org/events.html", ctx)


def event_new(request: HttpRequest, kind: str) -> HttpResponse:
    form_class = FORMS.get(kind)
    if form_class is None:
        raise Http404(kind)
    writer = user_scope(request.user, for_write=True)
    if not writer.everything and not writer.unit_ids:
        return HttpResponseForbidden(_("You may not record reorganizations."))
    initial = {"code": request.GET.get("code", ""), "effective_on": today()}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event, code = run_event_form(kind, form.cleaned_data, request.user, guard_write_codes)
        except BiencheError as exc:
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, exc.localized())
        else:
            return redirect("unit_page", code=code) if code else redirect("event_timeline")
    label = dict(EventKind.choices)[kind]
    return render(request, "org/event_form.html", {"form": form, "kind": kind, "label": label})
