"""Delegation register pages: the register with filters and its XLSX export and import,
"who decides", a power and its chain of documents, a transfer and its reviews, the
review register, statistics. Reads go through ``delegation.selectors`` / ``resolution``;
writes through its services; every signed-in user may read the register."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.delegation import selectors as sel
from bienche.delegation.enums import Field, Outcome, ReceiverClass, Status, TransferKind
from bienche.delegation.permissions import access_transfer_by_id, can_record, can_write
from bienche.delegation.resolution import who_decides_by_code
from bienche.delegation.services.documents import DocumentSpec
from bienche.delegation.services.reviews import TaskRequest, review_record
from bienche.delegation.stats import delegation_stats
from bienche.delegation.transfers_xlsx import (
    transfers_export_xlsx,
    transfers_import_xlsx,
    transfers_template_xlsx,
)
from bienche.org.enums import UnitLevel
from bienche.web.delegation_forms import ImportForm, ReviewForm
from bienche.web.params import date_param

LIST_LIMIT = 500
EXPORT_LIMIT = 100_000
MATCHES = 30


def labels() -> dict[str, Any]:
    return {
        "field_labels": dict(Field.choices),
        "kind_labels": dict(TransferKind.choices),
        "class_labels": dict(ReceiverClass.choices),
        "status_labels": dict(Status.choices),
        "level_labels": dict(UnitLevel.choices),
        "outcome_labels": dict(Outcome.choices),
    }


def _filters(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """(keyword arguments of ``transfer_list``, the filters as shown)."""
    on, error = date_param(request, "on", today())
    names = ("q", "field", "kind", "level", "unit", "power", "all")
    f = {k: request.GET.get(k, "").strip()[:100] for k in names}
    f["field"] = f["field"] if f["field"] in Field.values else ""
    f["kind"] = f["kind"] if f["kind"] in TransferKind.values else ""
    f["level"] = f["level"] if f["level"] in UnitLevel.values else ""
    search = {
        "on": None if f["all"] else on,
        "text": f["q"],
        "field": f["field"],
        "kind": f["kind"],
        "level": f["level"],
        "unit_code": f["unit"],
        "power_code": f["power"],
    }
    return search, {**f, "on": on, "error": error}


def register_page(request: HttpRequest) -> HttpResponse:
    search, shown = _filters(request)
    on = shown["on"]
    rows = [sel.transfer_row(t, on) for t in sel.transfer_list(limit=LIST_LIMIT, **search)]
    ctx = {
        **shown,
        "rows": rows,
        "limit": LIST_LIMIT,
        "query": request.GET.urlencode(),
        "fields": Field.choices,
        "kinds": TransferKind.choices,
        "levels": UnitLevel.choices,
        "can_record": can_record(request.user),
        **labels(),
    }
    return render(request, "delegation/register.html", ctx)


def register_download(request: HttpRequest) -> FileResponse:
    search, shown = _filters(request)
    rows = [
        sel.transfer_row(t, shown["on"]) for t in sel.transfer_list(limit=EXPORT_LIMIT, **search)
    ]
    tmp = Path(tempfile.mkdtemp()) / f"phan-cap-uy-quyen-{shown['on'].isoformat()}.xlsx"
    transfers_export_xlsx(rows, tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def template_download(request: HttpRequest) -> FileResponse:
    tmp = Path(tempfile.mkdtemp()) / "mau-nhap-phan-cap-uy-quyen.xlsx"
    transfers_template_xlsx(tmp)
    return FileResponse(tmp.open("rb"), as_attachment=True, filename=tmp.name)


def import_page(request: HttpRequest) -> HttpResponse:
    """Transfers from an XLSX file: every row or none; problems by row and column."""
    if not can_record(request.user):
        raise Http404(_("You may not record transfers."))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[Any] = []
    if request.method == "POST" and form.is_valid():
        dry_run = form.cleaned_data["dry_run"]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "transfers.xlsx"
            path.write_bytes(form.cleaned_data["file"].read())
            try:
                result = transfers_import_xlsx(path, acting_user=request.user, dry_run=dry_run)
            except NotFound as exc:
                form.add_error(None, exc.localized())
                result = None
        problems = result.problems if result else []
        if result and result.ok:
            if dry_run:
                messages.success(request, _("The file has no problems; nothing was written."))
            else:
                messages.success(request, _("%(n)d transfers imported.") % {"n": result.created})
            return redirect("delegation_register")
    return render(request, "delegation/import.html", {"form": form, "problems": problems})


def who_page(request: HttpRequest) -> HttpResponse:
    """Search a power (code or words) and a unit; answer who decides on the date."""
    on, error = date_param(request, "on", today())
    power_q = request.GET.get("power", "").strip()[:100]
    unit_q = request.GET.get("unit", "").strip()[:40]
    matches, result = [], None
    if power_q:
        matches = sel.power_list(text=power_q, limit=MATCHES)
        exact = [p for p in matches if p.code.casefold() == power_q.casefold()]
        chosen = exact[0] if exact else (matches[0] if len(matches) == 1 else None)
        if chosen is not None and unit_q:
            try:
                result = who_decides_by_code(chosen.code, unit_q, on)
            except BiencheError as exc:
                error = exc.localized()
    ctx = {
        "on": on,
        "error": error,
        "power_q": power_q,
        "unit_q": unit_q,
        "matches": matches,
        "result": result,
        **labels(),
    }
    return render(request, "delegation/who.html", ctx)


def power_page(request: HttpRequest, code: str) -> HttpResponse:
    """The power, its legal source and every transfer of it: its chain of documents."""
    try:
        power = sel.power_get(code)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    on = today()
    ctx = {
        "power": power,
        "on": on,
        "rows": [sel.transfer_row(t, on) for t in sel.power_transfers(power)],
        **labels(),
    }
    return render(request, "delegation/power.html", ctx)


def _review(request: HttpRequest, transfer: Any, form: ReviewForm) -> bool:
    data = form.cleaned_data
    document = None
    if data["document_number"]:
        document = DocumentSpec(
            number=data["document_number"],
            issued_on=data["document_date"] or data["reviewed_on"],
            kind=data["document_kind"] or "committee_decision",
        )
    task = None
    if data["task_content"]:
        day = data["reviewed_on"]
        deadline = data["task_deadline"] or day + dt.timedelta(
            days=min(30, (dt.date.max - day).days)
        )
        task = TaskRequest(content=data["task_content"], deadline=deadline)
    try:
        review_record(
            transfer=transfer,
            reviewed_on=data["reviewed_on"],
            outcome=data["outcome"],
            expected_version=data["expected_version"],
            note=data["note"],
            document=document,
            next_review_on=data["next_review_on"],
            task=task,
            acting_user=request.user,
        )
    except BiencheError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.localized())
        return False
    return True


def transfer_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        transfer = access_transfer_by_id(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    writable = can_write(request.user, transfer)
    initial = {"expected_version": transfer.version, "reviewed_on": today()}
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not writable:
            raise Http404(_("You may not review this transfer."))
        if form.is_valid() and _review(request, transfer, form):
            messages.success(request, _("Review recorded."))
            return redirect("delegation_transfer", pk=transfer.pk)
    ctx = {
        "t": sel.transfer_row(transfer, today()),
        "transfer": transfer,
        "reviews": transfer.reviews.select_related("document").order_by("reviewed_on", "id"),
        "carried_to": transfer.carried_to.all(),
        "form": form if writable else None,
        **labels(),
    }
    return render(request, "delegation/transfer.html", ctx)


def review_page(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "on", today())
    register = sel.review_register(on)
    sections = [
        ("due", _("Due for review"), register["due"]),
        ("basis", _("Legal basis expired or replaced"), register["basis_expired"]),
        ("gone", _("Receiving unit or class no longer exists"), register["receiver_gone"]),
        ("flagged", _("Flagged by a reorganization"), register["flagged"]),
        ("expiring", _("Term ending within 90 days"), register["expiring"]),
    ]
    ctx = {
        "on": on,
        "error": error,
        "sections": [
            (k, title, [sel.transfer_row(t, on) for t in rows]) for k, title, rows in sections
        ],
        **labels(),
    }
    return render(request, "delegation/review.html", ctx)


def stats_page(request: HttpRequest) -> HttpResponse:
    try:
        year = max(1990, min(int(request.GET.get("year", today().year)), 2100))
    except ValueError:
        year = today().year
    stats = delegation_stats(year)
    ctx = {"year": year, "s": stats, "years": range(2020, today().year + 1), **labels()}
    return render(request, "delegation/stats.html", ctx)
