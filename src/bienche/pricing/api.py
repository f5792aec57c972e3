"""REST endpoints of the pricing app (/api/v1/pricing): parse → check access → call →
serialise. Everyone signed in reads; recording a unit's finances needs a city administrator
(403 otherwise)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from bienche.core.clock import today
from bienche.pricing import formulas as f
from bienche.pricing import selectors as sel
from bienche.pricing.pilot import Criteria
from bienche.pricing.schemas import (
    AutonomyRowOut,
    CriteriaIn,
    EvaluationOut,
    FinanceIn,
    FinanceOut,
    PriceOut,
    YearIn,
)
from bienche.pricing.services.autonomy import unit_finance_record

router = Router(tags=["pricing"])


@router.get("/autonomy", response=list[AutonomyRowOut])
def pricing_autonomy_list(request: HttpRequest, q: Query[YearIn]) -> list[dict]:
    return sel.autonomy_rows(q.year)


@router.post("/units/{code}/finances", response={201: FinanceOut})
def pricing_finance_record(request: HttpRequest, code: str, payload: FinanceIn) -> Any:
    row = unit_finance_record(unit_code=code, acting_user=request.user, **payload.dict())
    computed = f.autonomy_group(
        revenue=row.revenue,
        recurrent_expenditure=row.recurrent_expenditure,
        self_finances_investment=row.self_finances_investment,
    )
    ratio = f.ratio_bp(row.revenue, row.recurrent_expenditure)
    return 201, {"code": code, "year": row.year, "ratio_bp": ratio, "computed": computed}


@router.get("/services/{code}/price", response=PriceOut)
def pricing_service_price(
    request: HttpRequest, code: str, as_of: dt.date | None = None, base_salary: int | None = None
) -> dict:
    if base_salary is not None and not 0 < base_salary < 10**9:
        base_salary = None
    r = sel.service_price(code, as_of or today(), base_salary=base_salary)
    p = r.price
    return {
        "service": r.service.code,
        "name": r.service.name,
        "unit_label": r.service.unit_label,
        "as_of": r.on,
        "norm_from": r.norm.valid_from,
        "norm_source": r.norm.source,
        "base_salary": r.base_salary,
        "base_salary_source": r.base_salary_source,
        "what_if": r.what_if,
        "lines": [
            {
                "kind": x.kind,
                "item": x.item,
                "unit": x.unit,
                "quantity": str(float(x.quantity)),
                "formula": x.formula,
                "amount": x.amount,
                "source": x.source,
            }
            for x in p.lines
        ],
        "direct": p.direct,
        "overhead": p.overhead,
        "depreciation": p.depreciation,
        "full": p.full,
        "without_depreciation": p.without_depreciation,
        "user_fee": p.user_fee,
        "budget_share": p.budget_share,
        "budget_share_bp": p.budget_share_bp,
    }


@router.get("/pilot/evaluation", response=EvaluationOut)
def pricing_pilot_evaluation(request: HttpRequest, q: Query[CriteriaIn]) -> dict:
    data = q.dict()
    year = data.pop("year")
    ev = sel.pilot_evaluation(year, Criteria(**data))
    return {
        "year": year,
        "synthetic": ev["synthetic"],
        "schools": len(ev["schools"]),
        "by_area": [dataclasses.asdict(v) for v in ev["by_area"]],
        "by_district": [dataclasses.asdict(v) for v in ev["by_district"]],
        "outliers": [s.code for s in ev["schools"] if s.outlier],
    }
