"""The forms API: /api/v1/reports/forms/{code}?as_of=&unit= answers the form's XLSX."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Router

from bienche.core.clock import today
from bienche.reports.forms import form_get
from bienche.reports.forms.access import forms_unit_code

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
router = Router(tags=["reports"])  # mounted at /reports/forms


@router.get("/{code}")
def report_form_xlsx(
    request: HttpRequest, code: str, as_of: dt.date | None = None, unit: str | None = None
) -> HttpResponse:
    """A statistical form (BM01…BM05) as XLSX for the unit's subtree (default: the caller's
    scope) as of a date (default today)."""
    on = as_of or today()
    spec = form_get(code)
    unit_code = forms_unit_code(request.user, unit, on=on)
    resp = HttpResponse(spec.xlsx(on, unit_code), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{spec.filename()}"'
    return resp
