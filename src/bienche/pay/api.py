"""REST endpoints of pay: parse → check access → call → serialise.

Figures by unit need read access to the unit (default: the user's own unit, or the city for
city-wide users); a person's explanation needs personal-data scope over the unit paying them
and is recorded in the audit trail. A person who cannot be paid answers 422 with the rule and
the reason (the totals list them as excluded).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from bienche.core.errors import InvalidInput
from bienche.org.permissions import access_unit_by_code
from bienche.pay import messages as m
from bienche.pay import selectors as sel
from bienche.pay.permissions import access_person_pay_by_id, default_unit_code
from bienche.pay.schemas import ExplanationOut, PayCompareOut, PayRunOut, ScenarioOut
from bienche.pay.services import pay_explanation_viewed

router = Router(tags=["pay"])
MONTH = Query(..., pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")
SCENARIO = Query("", max_length=80, description="a scenario name; empty: current law")
UNIT = Query("", max_length=40, description="unit code; default: yours (the city if city-wide)")


def _unit(request: HttpRequest, code: str, on: dt.date) -> str:
    return access_unit_by_code(request.user, code or default_unit_code(request.user), on=on).code


def _dimension(frame: Any, key: str) -> list[dict[str, Any]]:
    return [{**r, "key": str(r.pop(key))} for r in frame.rows(named=True)]


@router.get("/scenarios", response=list[ScenarioOut])
def pay_scenarios(request: HttpRequest) -> list[dict[str, Any]]:
    return sel.scenario_list()


@router.get("/run", response=PayRunOut)
def pay_run(
    request: HttpRequest, month: str = MONTH, scenario: str = SCENARIO, unit: str = UNIT
) -> dict[str, Any]:
    on = sel.parse_month(month)
    code = _unit(request, unit, on)
    result = sel.pay_run(on, scenario_name=scenario or None, unit_code=code)
    t = result.totals
    return {
        **result.__dict__,
        "unit": result.unit_code,
        "headcount": t["headcount"],
        "excluded": t["excluded"],
        "removed": t["removed"],
        "exclusions": [{**x, "side": x["side"] or "run"} for x in result.exclusions],
    }


@router.get("/compare", response=PayCompareOut)
def pay_compare(
    request: HttpRequest,
    start: str = Query(..., alias="from", pattern=r"^\d{4}-\d{2}$", description="YYYY-MM"),
    end: str = Query(..., alias="to", pattern=r"^\d{4}-\d{2}$", description="YYYY-MM"),
    scenario: str = SCENARIO,
    unit: str = UNIT,
) -> dict[str, Any]:
    months = sel.months_between(sel.parse_month(start), sel.parse_month(end))
    code = _unit(request, unit, months[0])
    r = sel.pay_compare(months, scenario or None, code)
    c = r.comparison
    return {
        **{k: getattr(r, k) for k in ("scenario", "scenario_label", "baseline_label")},
        **{k: getattr(r, k) for k in ("illustrative", "roster_date", "exclusions", "seconds")},
        "unit": r.unit_code,
        "months": list(r.months),
        "headcount": r.headcount,
        "excluded": r.excluded,
        **{k: c.totals[k] for k in ("baseline_cost", "scenario_cost", "difference")},
        "monthly": c.monthly.rows(named=True),
        "by_sector": _dimension(c.annual("sector"), "sector"),
        "by_category": _dimension(c.annual("category"), "staff_category"),
        "top_units": [{**u, "key": u["code"]} for u in r.top_units],
        "distribution": c.distribution,
    }


@router.get("/people/{pk}/explain", response=ExplanationOut)
def pay_explain(
    request: HttpRequest, pk: int, month: str = MONTH, scenario: str = SCENARIO
) -> dict[str, Any]:
    on = sel.parse_month(month)
    access_person_pay_by_id(request.user, pk, on)
    pay = sel.person_explanation(pk, on, scenario or None)
    pay_explanation_viewed(
        acting_user=request.user, person_pk=pk, month=on, scenario=scenario, face="api"
    )
    if pay.explanation is None:
        raise InvalidInput(m.RULES_REFUSED, field="person", reason=pay.refused)
    e = pay.explanation
    return {
        "person": pk,
        "personal_id": pay.personal_id,
        "full_name": pay.full_name,
        "unit": pay.unit_code,
        "month": e.month,
        "scenario": e.scenario,
        "lines": e.as_dict()["lines"],
        **{k: e.amount(k) for k in ("gross", "net", "employer_cost")},
    }
