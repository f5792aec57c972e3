"""Pages of the pricing app: unit autonomy, the norm and price builder (line by line, with a
base-salary what-if), the preschool pilot dashboard (criteria adjustable in the query
string), its DOCX report and the XLSX import of school accounts.

Everyone signed in may read (prices and the pilot's evaluation are public budget figures);
only city administrators import accounts (``pricing.services.common.guard_admin``).
"""

from __future__ import annotations

import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.org.enums import AutonomyLevel
from bienche.org.permissions import is_city_admin
from bienche.pricing import labels
from bienche.pricing import selectors as sel
from bienche.pricing.accounts_xlsx import HEADERS, school_accounts_import_xlsx
from bienche.pricing.enums import Area, LineKind, Verdict
from bienche.pricing.pilot import Criteria
from bienche.pricing.report import pilot_report_docx
from bienche.steering.files import check_upload
from bienche.web.params import date_param
from bienche.web.steering_forms import show_error
from bienche.web.steering_views import forbidden

DEFAULT_YEAR = 2023


def _year(request: HttpRequest, years: list[int], default: int) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else default


def autonomy_page(request: HttpRequest) -> HttpResponse:
    trend = sel.autonomy_trend()
    years = [t["year"] for t in trend]
    year = _year(request, years, years[-1] if years else today().year)
    error = ""
    try:
        rows = sel.autonomy_rows(year)
    except BiencheError as exc:
        rows, error = [], exc.localized()
    context = {
        "error": error,
        "year": year,
        "years": years,
        "rows": rows,
        "trend": trend,
        "differs": sum(1 for r in rows if r["differs"]),
        "level_labels": dict(AutonomyLevel.choices),
    }
    return render(request, "pricing/autonomy.html", context)


def services_page(request: HttpRequest) -> HttpResponse:
    return render(request, "pricing/services.html", {"services": sel.services_list()})


def service_page(request: HttpRequest, code: str) -> HttpResponse:
    on, error = date_param(request, "on", today())
    raw = request.GET.get("base_salary", "").replace(".", "").strip()
    what_if = int(raw) if raw.isdigit() and 0 < int(raw) < 10**9 else None
    try:
        actual = sel.service_price(code, on)
        scenario = sel.service_price(code, on, base_salary=what_if) if what_if else None
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    except BiencheError as exc:
        service = sel.service_get(code)
        context = {"service": service, "on": on, "error": exc.localized()}
        return render(request, "pricing/service.html", context, status=422)
    context = {
        "service": actual.service,
        "on": on,
        "error": error,
        "r": actual,
        "s": scenario,
        "what_if": what_if,
        "delta": scenario.price.full - actual.price.full if scenario else 0,
        "kind_labels": dict(LineKind.choices),
        "norms": list(actual.service.norms.order_by("-valid_from")),
    }
    return render(request, "pricing/service.html", context)


def criteria_from(request: HttpRequest) -> tuple[Criteria, list[str]]:
    values, errors = {}, []
    for f in fields(Criteria):
        raw = request.GET.get(f.name, "").strip()
        if not raw:
            continue
        if raw.isdigit() and int(raw) <= 10**7:
            values[f.name] = int(raw)
        else:
            label = labels.CRITERIA[f.name][0]
            errors.append(
                _("%(field)s: «%(value)s» is not a whole number ≥ 0.")
                % {"field": label, "value": raw}
            )
    return Criteria(**values), errors


def pilot_page(request: HttpRequest) -> HttpResponse:
    years = sel.pilot_years()
    year = _year(request, years, years[-1] if years else DEFAULT_YEAR)
    criteria, errors = criteria_from(request)
    try:
        ev = sel.pilot_evaluation(year, criteria)
    except BiencheError as exc:
        errors.append(exc.localized())
        year = DEFAULT_YEAR
        ev = sel.pilot_evaluation(year, criteria)
    by_district = ev["by_district"]
    chart = {
        "coverage": ev["histogram"],
        "districts": {
            "labels": [v.group for v in by_district],
            "coverage": [v.coverage_bp / 100 for v in by_district],
        },
    }
    context = {
        "year": year,
        "years": years,
        "ev": ev,
        "errors": errors,
        "chart": chart,
        "fields": labels.criteria_fields(criteria),
        "query": request.GET.urlencode(),
        "area_labels": dict(Area.choices),
        "verdict_labels": dict(Verdict.choices),
        "outliers": [s for s in ev["schools"] if s.outlier],
        "can_import": is_city_admin(request.user),
    }
    return render(request, "pricing/pilot.html", context)


def pilot_report(request: HttpRequest) -> FileResponse:
    years = sel.pilot_years()
    year = _year(request, years, years[-1] if years else DEFAULT_YEAR)
    criteria, _errors = criteria_from(request)
    tmp = tempfile.NamedTemporaryFile(suffix=".docx", delete=False)  # noqa: SIM115
    tmp.close()
    try:
        pilot_report_docx(year, criteria, tmp.name)
    except BiencheError as exc:
        Path(tmp.name).unlink()
        raise Http404(exc.localized()) from exc
    handle = Path(tmp.name).open("rb")  # noqa: SIM115 - FileResponse closes it
    Path(tmp.name).unlink()
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"danh-gia-thi-diem-mam-non-{year}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


class AccountsForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("School year (starting)"),
        min_value=2000,
        max_value=2100,
        initial=DEFAULT_YEAR,
    )
    file = forms.FileField(label=gettext_lazy("XLSX file"))


def pilot_import(request: HttpRequest) -> HttpResponse:
    if not is_city_admin(request.user):
        return forbidden(request, _("Only city administrators may import school accounts."))
    form = AccountsForm(request.POST or None, request.FILES or None)
    report: Any = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload(upload, field="file")
        except BiencheError as exc:
            show_error(form, exc)
            return render(
                request, "pricing/import.html", {"form": form, "headers": HEADERS}, status=422
            )
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "accounts.xlsx"
            path.write_bytes(upload.read())
            year = form.cleaned_data["year"]
            report = school_accounts_import_xlsx(path, year=year, acting_user=request.user)
        if report.ok:
            messages.success(request, _("%(n)d school accounts imported.") % {"n": report.rows})
            return redirect(f"/pricing/pilot/?year={year}")
        status = 422
    context = {"form": form, "report": report, "headers": HEADERS}
    return render(request, "pricing/import.html", context, status=status)
