"""Pay pages: the scenario page (baseline against a scenario over a period, with downloads)
and a person's payslip explanation (personal data: audited, 404 outside the user's scope).

Figures are computed synchronously on request and cached until the data changes
(``bienche.pay.selectors``); the page says how long the computation took.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from bienche.core.clock import today
from bienche.core.errors import BiencheError, NotFound
from bienche.core.money import format_vnd
from bienche.org.enums import Sector, UnitLevel
from bienche.org.permissions import access_unit_by_code
from bienche.pay import selectors as sel
from bienche.pay.permissions import access_person_pay_by_id, default_unit_code
from bienche.pay.services import pay_explanation_viewed
from bienche.staffing.enums import StaffCategory

MONEY = ("baseline_cost", "scenario_cost", "difference")


def _vnd(value: Any) -> str:
    return format_vnd(int(value or 0), symbol="")


def _period(request: HttpRequest) -> tuple[list[dt.date], list[str]]:
    """The months asked (default: the 12 months of the current year) and any input errors."""
    year = today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 1)
    errors = []
    for name in ("from", "to"):
        raw = request.GET.get(name, "")
        if raw:
            try:
                value = sel.parse_month(raw)
            except BiencheError as exc:
                errors.append(exc.localized())
                continue
            start, end = (value, end) if name == "from" else (start, value)
    try:
        return sel.months_between(start, end), errors
    except BiencheError as exc:
        return sel.months_between(dt.date(year, 1, 1), dt.date(year, 12, 1)), [
            *errors,
            exc.localized(),
        ]


def _query(request: HttpRequest) -> dict[str, Any]:
    months, errors = _period(request)
    code = request.GET.get("unit", "").strip()[:40] or default_unit_code(request.user)
    try:
        unit = access_unit_by_code(request.user, code, on=months[0])
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    scenario = request.GET.get("scenario", "").strip()[:80]
    if scenario and scenario not in {s["name"] for s in sel.scenario_list()}:
        raise Http404(scenario)
    return {"months": months, "errors": errors, "unit": unit, "scenario": scenario}


def _rows(frame: Any, key: str, labels: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": r[key],
            "label": labels.get(r[key], r[key]),
            "baseline_headcount": r["baseline_headcount"],
            "scenario_headcount": r["scenario_headcount"],
            **{f"{m}_vnd": _vnd(r[m]) for m in MONEY},
            "up": r["difference"] > 0,
        }
        for r in frame.sort("difference", "baseline_cost", descending=True).rows(named=True)
    ]


def _labels(choices: list[Any]) -> dict[str, Any]:
    return {str(code): label for code, label in choices}


def _summary(result: sel.PayComparison) -> dict[str, Any]:
    t, n = result.comparison.totals, len(result.months)
    dist = result.comparison.distribution
    return {
        "headcount": result.headcount,
        "excluded": result.excluded,
        "removed": t["scenario_removed"] // n if n else 0,
        **{f"{m}_vnd": _vnd(t[m]) for m in MONEY},
        **{f"{m}_month_vnd": _vnd(t[m] // n) for m in MONEY},
        "months": n,
        "distribution": {
            **dist,
            **{
                f"{k}_vnd": _vnd(round(dist[k]))
                for k in ("median", "worst_loss", "best_gain")
                if k in dist
            },
        },
    }


def _chart(result: sel.PayComparison) -> dict[str, Any]:
    monthly = result.comparison.monthly
    return {
        "labels": [f"{m:%m/%Y}" for m in monthly["month"]],
        "baseline": monthly["baseline_cost"].to_list(),
        "scenario": monthly["scenario_cost"].to_list() if result.scenario else [],
        "baseline_label": result.baseline_label or "Current law",
        "scenario_label": result.scenario or "",
    }


def pay_page(request: HttpRequest) -> HttpResponse:
    q = _query(request)
    months, unit = q["months"], q["unit"]
    ctx: dict[str, Any] = {
        "scenarios": sel.scenario_list(),
        "scenario": q["scenario"],
        "start": months[0],
        "end": months[-1],
        "unit": unit,
        "errors": q["errors"],
        "result": None,
    }
    started = time.perf_counter()
    try:
        result = sel.pay_compare(months, q["scenario"] or None, unit.code)
    except BiencheError as exc:
        ctx["errors"].append(exc.localized())
        return render(request, "pay/scenario.html", ctx)
    elapsed = time.perf_counter() - started
    monthly = [
        {"month": r["month"], **{f"{m}_vnd": _vnd(r[m]) for m in MONEY}}
        for r in result.comparison.monthly.rows(named=True)
    ]
    sectors: dict[str, Any] = dict(Sector.choices)
    ctx |= {
        "result": result,
        "summary": _summary(result),
        "monthly": monthly,
        "by_sector": _rows(result.comparison.annual("sector"), "sector", sectors),
        "by_category": _rows(
            result.comparison.annual("category"), "staff_category", _labels(StaffCategory.choices)
        ),
        "by_level": _rows(result.comparison.annual("level"), "level", _labels(UnitLevel.choices)),
        "top_units": [{**u, **{f"{m}_vnd": _vnd(u[m]) for m in MONEY}} for u in result.top_units],
        "chart": _chart(result),
        "seconds": result.seconds,
        "cached": elapsed < result.seconds / 2,
        "download": urlencode(
            {
                "scenario": q["scenario"],
                "from": f"{months[0]:%Y-%m}",
                "to": f"{months[-1]:%Y-%m}",
                "unit": unit.code,
            }
        ),
    }
    return render(request, "pay/scenario.html", ctx)


def _download(request: HttpRequest, suffix: str) -> FileResponse:
    q = _query(request)
    if q["errors"]:
        raise Http404(q["errors"][0])
    months = q["months"]
    try:
        result = sel.pay_compare(months, q["scenario"] or None, q["unit"].code)
    except BiencheError as exc:
        raise Http404(exc.localized()) from exc
    name = (
        f"luong-{q['scenario'] or 'hien-hanh'}-{q['unit'].code}-{months[0]:%Y%m}-{months[-1]:%Y%m}"
    )
    path = Path(tempfile.mkdtemp()) / f"{name}.{suffix}"
    if suffix == "xlsx":
        result.comparison.to_xlsx(path)
    else:
        result.comparison.to_parquet(path)
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


def pay_download_xlsx(request: HttpRequest) -> FileResponse:
    return _download(request, "xlsx")


def pay_download_parquet(request: HttpRequest) -> FileResponse:
    return _download(request, "parquet")


def _month(request: HttpRequest) -> dt.date:
    raw = request.GET.get("month", "")
    if not raw:
        return today().replace(day=1)
    try:
        return sel.parse_month(raw)
    except BiencheError as exc:
        raise Http404(exc.localized()) from exc


#: Inputs that are rates, coefficients or counts (shown as they are, not as đồng).
PLAIN = ("_bp", "_h", "_pct", "step", "delay_months")


def _inputs(inputs: dict[str, Any]) -> str:
    def show(k: str, v: Any) -> str:
        if isinstance(v, bool) or v is None or (isinstance(v, int) and k.endswith(PLAIN)):
            return str(v)
        if isinstance(v, int):
            return _vnd(v)
        if isinstance(v, dt.date):
            return f"{v:%d/%m/%Y}"
        return ", ".join(map(str, v)) if isinstance(v, list | tuple) else str(v)

    return "; ".join(f"{k} = {show(k, v)}" for k, v in inputs.items())


def pay_person(request: HttpRequest, pk: int) -> HttpResponse:
    month = _month(request)
    scenario = request.GET.get("scenario", "").strip()[:80] or None
    try:
        access_person_pay_by_id(request.user, pk, month)
        pay = sel.person_explanation(pk, month, scenario)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    pay_explanation_viewed(
        acting_user=request.user, person_pk=pk, month=month, scenario=scenario, face="web"
    )
    lines = [
        {
            "rule": line.rule,
            "inputs": _inputs(line.inputs),
            "source": line.source,
            "amount": _vnd(line.amount),
        }
        for line in (pay.explanation.lines if pay.explanation else [])
    ]
    ctx = {
        "pay": pay,
        "month": month,
        "scenario": scenario or "",
        "scenarios": sel.scenario_list(),
        "lines": lines,
    }
    return render(request, "pay/person.html", ctx)


def pay_person_lookup(request: HttpRequest) -> HttpResponse:
    """From a personal identifier (or number) to that person's explanation page."""
    month = _month(request)
    found = sel.person_pk_by_reference(request.GET.get("person", "").strip()[:20])
    if found is None:
        raise Http404("person")
    try:
        access_person_pay_by_id(request.user, found, month)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    url = reverse("pay_person", args=[found])
    return redirect(f"{url}?{urlencode({'month': f'{month:%Y-%m}'})}")
