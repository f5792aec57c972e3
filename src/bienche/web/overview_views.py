"""The committee's overview page: every module's headline figure as of a date."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.org.enums import UnitLevel
from bienche.reports.forms.access import forms_unit_code
from bienche.reports.overview import overview_summary
from bienche.staffing.enums import QuotaKind
from bienche.steering.enums import Bucket
from bienche.web.params import date_param


def _charts(d: dict) -> dict:
    charts: dict = {}
    if d["staffing"]:
        kinds = d["staffing"]["by_kind"]
        labels = dict(QuotaKind.choices)
        charts["staffing"] = {
            "labels": [str(labels.get(k, k)) for k in kinds],
            "quota": [v["quota"] for v in kinds.values()],
            "actual": [v["actual"] for v in kinds.values()],
        }
    if d["steering"]:
        buckets = d["steering"]["buckets"]
        labels = dict(Bucket.choices)
        charts["steering"] = {
            "labels": [str(labels[k]) for k in buckets],
            "values": list(buckets.values()),
        }
    if d["autonomy"]:
        trend = d["autonomy"]["trend"]
        charts["autonomy"] = {
            "labels": [t["year"] for t in trend],
            "groups": {g: [t[f"g{g}"] for t in trend] for g in (1, 2, 3, 4)},
        }
    return charts


def overview_page(request: HttpRequest) -> HttpResponse:
    on, error = date_param(request, "as_of", today())
    try:
        code = forms_unit_code(request.user, request.GET.get("unit", "").strip(), on=on)
        d = overview_summary(on, code)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    ctx = {
        "on": on,
        "error": error,
        "d": d,
        "unit_code": code,
        "level_labels": dict(UnitLevel.choices),
        "chart": _charts(d),
    }
    return render(request, "reports/overview.html", ctx)
