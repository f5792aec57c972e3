"""The statistical forms page: each form (and the whole set as a ZIP) as of a date."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.reports.forms import FORMS, form_get, forms_zip
from bienche.reports.forms.access import forms_unit_code
from bienche.reports.forms.api import XLSX
from bienche.web.params import date_param


def _params(request: HttpRequest) -> tuple[dt.date, str | None, str]:
    on, error = date_param(request, "as_of", today())
    try:
        code = forms_unit_code(request.user, request.GET.get("unit", "").strip(), on=on)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    return on, code, error


def _attachment(data: bytes, name: str, content_type: str) -> HttpResponse:
    resp = HttpResponse(data, content_type=content_type)
    resp["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


def report_forms(request: HttpRequest) -> HttpResponse:
    on, code, error = _params(request)
    ctx = {"on": on, "unit_code": code, "error": error, "forms": FORMS}
    return render(request, "reports/forms.html", ctx)


def report_form_download(request: HttpRequest, code: str) -> HttpResponse:
    on, unit_code, _error = _params(request)
    try:
        spec = form_get(code)
        return _attachment(spec.xlsx(on, unit_code), spec.filename(), XLSX)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def report_forms_zip(request: HttpRequest) -> HttpResponse:
    on, unit_code, _error = _params(request)
    name = f"bieu-mau-{unit_code or 'HN'}-{on.isoformat()}.zip"
    try:
        return _attachment(forms_zip(on, unit_code), name, "application/zip")
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
