"""Pages of the report drafts: the list with the create form, the editor (preview of the
live draft, one form per narrative section with its history, letterhead overrides, the
regenerate and freeze actions, the frozen versions with their downloads), the preview
document itself and the downloads.

Readers see the reports of their subtree; the Organization Board, Home Affairs and city
administrators write (``reports.permissions``). The preview is served from its own URL
and shown in a same-origin frame: its stylesheet is inline, so that one response carries
a CSP allowing inline styles and nothing else (no script, no remote resource).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from bienche.core.errors import BiencheError, Forbidden, NotFound
from bienche.reports import drafting, services
from bienche.reports import selectors as sel
from bienche.reports.models import NarrativeRevision, Report
from bienche.reports.pages import pdf_page_count, pdf_page_png
from bienche.reports.permissions import access_report_by_id, can_write
from bienche.web.reports_forms import FreezeForm, LetterheadForm, NarrativeForm, ReportCreateForm
from bienche.web.steering_forms import show_error
from bienche.web.steering_views import forbidden

PREVIEW_CSP = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:"],
    "font-src": ["data:"],
    "frame-ancestors": ["'self'"],
}


def _report(request: HttpRequest, pk: int, *, for_write: bool = False) -> Report:
    try:
        return access_report_by_id(request.user, pk, for_write=for_write)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def reports_page(request: HttpRequest) -> HttpResponse:
    writer = can_write(request.user)
    form = ReportCreateForm(request.POST or None, initial={"year": 2023, "format": "state"})
    if request.method == "POST":
        if not writer:
            return forbidden(request, _("Only report drafters may create reports."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = services.report_create(
                    year=data["year"],
                    unit_code=data["unit_code"] or None,
                    fmt=data["format"],
                    acting_user=request.user,
                )
            except BiencheError as exc:
                show_error(form, exc)
            else:
                return redirect("report_editor", pk=report.pk)
    reports = sel.report_list(request.user)
    ctx = {"reports": reports, "form": form, "can_write": writer}
    return render(request, "reports/list.html", ctx, status=400 if form.errors else 200)


def _section_forms(
    report: Report, doc: Any, bound: dict[str, NarrativeForm]
) -> list[dict[str, Any]]:
    current = sel.report_narratives(report)
    sections = {s.key: s for s in drafting.editable_sections(doc)} if doc else {}
    out = []
    for key in drafting.EDITABLE_KEYS:
        rev = current.get(key)
        section = sections.get(key)
        initial = rev.html if rev else (drafting.section_html(section) if section else "")
        form = bound.get(key) or NarrativeForm(
            initial={"html": initial, "expected_revision": rev.number if rev else 0},
            prefix=key,
        )
        heading = section.heading if section else key
        history = sel.narrative_history(report, key)
        out.append({"key": key, "heading": heading, "form": form, "history": history})
    return out


def _editor(
    request: HttpRequest,
    report: Report,
    *,
    bound: dict[str, NarrativeForm] | None = None,
    conflict: NarrativeRevision | None = None,
    letterhead: LetterheadForm | None = None,
    freeze: FreezeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    doc, build_error = None, ""
    versions = sel.frozen_list(report)
    try:
        doc = drafting.draft_document(report)
    except ValueError as exc:
        build_error = str(exc)
    letterhead = letterhead or LetterheadForm(
        initial={
            "number": report.number,
            "issued_on": report.issued_on,
            "signer_name": report.signer_name,
            "signer_title": report.signer_title,
            "expected_version": report.version,
        }
    )
    ctx = {
        "report": report,
        "doc": doc,
        "build_error": build_error,
        "sections": _section_forms(report, doc, bound or {}),
        "conflict": conflict,
        "letterhead": letterhead,
        "freeze": freeze or FreezeForm(),
        "versions": versions,
        "pages": _pages(report, versions),
        "can_write": can_write(request.user),
    }
    return render(request, "reports/editor.html", ctx, status=status)


def _pages(report: Report, versions: list) -> dict[str, Any] | None:
    """The latest frozen version's PDF pages, shown as images when poppler is installed."""
    latest = next((v for v in versions if not v.pdf_missing_reason), None)
    if latest is None:
        return None
    count = pdf_page_count(sel.frozen_get(report, latest.number).pdf)
    return {"number": latest.number, "pages": range(1, count + 1)} if count else None


def report_editor(request: HttpRequest, pk: int) -> HttpResponse:
    return _editor(request, _report(request, pk))


@csp_override(PREVIEW_CSP)
@xframe_options_sameorigin
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        doc = drafting.draft_document(report)
    except ValueError as exc:
        return HttpResponse(f"<!doctype html><meta charset=utf-8><p>{escape(str(exc))}</p>")
    return HttpResponse(drafting.renderers().render_html(doc))


def _write_guard(request: HttpRequest, pk: int) -> Report | HttpResponse:
    try:
        return _report(request, pk, for_write=True)
    except Forbidden as exc:
        return forbidden(request, exc.localized())


@require_POST
def report_narrative(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    report = _write_guard(request, pk)
    if isinstance(report, HttpResponse):
        return report
    form = NarrativeForm(request.POST, prefix=key)
    if not form.is_valid():
        return _editor(request, report, bound={key: form}, status=400)
    try:
        services.report_narrative_save(
            report=report,
            section_key=key,
            html=form.cleaned_data["html"],
            expected_revision=form.cleaned_data["expected_revision"],
            acting_user=request.user,
        )
    except BiencheError as exc:
        return _narrative_refused(request, report, key, form, exc)
    messages.success(request, _("Saved."))
    return redirect(f"/reports/{report.pk}/#section-{key}")


def _narrative_refused(
    request: HttpRequest, report: Report, key: str, form: NarrativeForm, exc: BiencheError
) -> HttpResponse:
    """Keep the officer's text; on a conflict show the other edit and rebase on it."""
    history = sel.narrative_history(report, key)
    conflict = history[0] if exc.status == 409 and history else None
    data = {f"{key}-html": form.cleaned_data["html"]}
    data[f"{key}-expected_revision"] = (
        conflict.number if conflict else form["expected_revision"].value()
    )
    again = NarrativeForm(data, prefix=key)
    again.is_valid()
    show_error(again, exc)
    status = 409 if conflict else 400
    return _editor(request, report, bound={key: again}, conflict=conflict, status=status)


@require_POST
def report_letterhead(request: HttpRequest, pk: int) -> HttpResponse:
    report = _write_guard(request, pk)
    if isinstance(report, HttpResponse):
        return report
    form = LetterheadForm(request.POST)
    if form.is_valid():
        try:
            services.report_letterhead_update(
                report=report, acting_user=request.user, **form.cleaned_data
            )
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Letterhead saved."))
            return redirect("report_editor", pk=report.pk)
    return _editor(request, report, letterhead=form, status=400)


@require_POST
def report_regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    messages.info(request, _("Figures regenerated from today's data."))
    return redirect("report_editor", pk=report.pk)


@require_POST
def report_freeze_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = _write_guard(request, pk)
    if isinstance(report, HttpResponse):
        return report
    form = FreezeForm(request.POST)
    if form.is_valid():
        try:
            version = services.report_freeze(report=report, acting_user=request.user)
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Version %(n)s frozen.") % {"n": version.number})
            if version.pdf_missing_reason:
                messages.warning(request, version.pdf_missing_reason)
            return redirect(f"/reports/{report.pk}/#versions")
    return _editor(request, report, freeze=form, status=400)


def report_download(request: HttpRequest, pk: int, number: int, kind: str) -> HttpResponse:
    report = _report(request, pk)
    try:
        found = sel.frozen_file(report, number, kind)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    resp = HttpResponse(found.content, content_type=found.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return resp


def report_page(request: HttpRequest, pk: int, number: int, page: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        png = pdf_page_png(sel.frozen_get(report, number), page)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    return HttpResponse(png, content_type="image/png")
