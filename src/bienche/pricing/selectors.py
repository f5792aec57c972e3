"""Reads of the pricing app: autonomy by unit and year, a service's price on a date, the
pilot evaluation. Everything computed here goes through the pure ``formulas``/``pilot``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Q

from bienche.core.errors import InvalidInput, NotFound
from bienche.org.models import UnitVersion
from bienche.pricing import formulas as f
from bienche.pricing import messages as m
from bienche.pricing import pilot as pl
from bienche.pricing.models import AutonomyDecision, InputPrice, Norm, SchoolAccount, Service
from bienche.pricing.services.pilot import pilot_terms
from bienche.rules.params import ParameterError, load


def _bands(on: dt.date) -> dict[str, int]:
    try:
        return dict(load("psu_autonomy").value_at(on))
    except ParameterError:
        raise InvalidInput(m.NO_AUTONOMY_RULES, field="year", year=on.year) from None


def _names(unit_ids: set[int], on: dt.date) -> dict[int, str]:
    rows = (
        UnitVersion.objects.filter(unit_id__in=unit_ids, valid_from__lte=on)
        .order_by("unit_id", "valid_from")
        .values_list("unit_id", "name")
    )
    return dict(rows)


def autonomy_rows(year: int) -> list[dict[str, Any]]:
    """Each unit with accounts for ``year``: ratio, computed group, approved group in force
    on 31 December (with its decision) and whether they differ."""
    from bienche.pricing.models import UnitFinance

    end = dt.date(year, 12, 31)
    bands = _bands(end)
    finances = list(UnitFinance.objects.filter(year=year).select_related("unit"))
    ids = {x.unit_id for x in finances}
    decisions = {
        d.unit_id: d
        for d in AutonomyDecision.objects.filter(unit_id__in=ids, valid_from__lte=end).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=end)
        )
    }
    names = _names(ids, end)
    out = []
    for x in finances:
        computed = f.autonomy_group(
            revenue=x.revenue,
            recurrent_expenditure=x.recurrent_expenditure,
            self_finances_investment=x.self_finances_investment,
            **bands,
        )
        d = decisions.get(x.unit_id)
        out.append(
            {
                "code": x.unit.code,
                "name": names.get(x.unit_id, x.unit.code),
                "year": year,
                "revenue": x.revenue,
                "expenditure": x.recurrent_expenditure,
                "investment": x.self_finances_investment,
                "ratio_bp": f.ratio_bp(x.revenue, x.recurrent_expenditure),
                "computed": computed,
                "approved": d.level if d else None,
                "decision": d.decision_number if d else "",
                "decision_from": d.valid_from if d else None,
                "differs": d is not None and d.level != computed,
                "synthetic": x.synthetic,
            }
        )
    return sorted(out, key=lambda r: (not r["differs"], r["code"]))


def autonomy_trend() -> list[dict[str, Any]]:
    """Per year: how many units the formula puts in each group."""
    from bienche.pricing.models import UnitFinance

    years = sorted(set(UnitFinance.objects.values_list("year", flat=True)))
    out = []
    for year in years:
        if year < load("psu_autonomy").entries[0].since.year:
            continue  # before Decree 60/2021: its groups do not apply
        counts = Counter(r["computed"] for r in autonomy_rows(year))
        out.append({"year": year, **{f"g{g}": counts.get(g, 0) for g in (1, 2, 3, 4)}})
    return out


@dataclass(frozen=True)
class PriceResult:
    service: Service
    norm: Norm
    on: dt.date
    price: f.UnitPrice
    base_salary: int
    base_salary_source: str
    what_if: bool


def service_get(code: str) -> Service:
    service = Service.objects.filter(code=code).first()
    if service is None:
        raise NotFound(m.SERVICE_UNKNOWN, field="service", code=code)
    return service


def _input_price(item: str, on: dt.date) -> int:
    row = InputPrice.objects.filter(item=item, valid_from__lte=on).order_by("-valid_from").first()
    if row is None:
        raise InvalidInput(m.NO_INPUT_PRICE, field="as_of", item=item, on=on.isoformat())
    return row.price


def _employer_bp(on: dt.date) -> int:
    employer = load("contributions").value_at(on)["employer"]
    return int(sum(employer.values()))


def service_price(code: str, on: dt.date, *, base_salary: int | None = None) -> PriceResult:
    """The unit price of a service on ``on`` from its norm in force and that day's input
    prices; ``base_salary`` overrides the dated one (a what-if, nothing is stored)."""
    service = service_get(code)
    norm = service.norms.filter(valid_from__lte=on).order_by("-valid_from").first()
    if norm is None:
        raise InvalidInput(m.NO_NORM, field="as_of", code=code, on=on.isoformat())
    try:
        dated = load("base_salary").at(on)
        hours = load("service_price_rules").value_at(on)["hours_per_month"]
        employer = _employer_bp(on)
    except ParameterError:
        raise InvalidInput(m.NO_BASE_SALARY, field="as_of", on=on.isoformat()) from None
    items = []
    for line in norm.lines.all():
        price = 0
        if line.kind not in (f.LABOUR, f.OVERHEAD):
            price = _input_price(line.item, on)
        items.append(
            f.NormItem(
                kind=line.kind,
                item=line.item,
                unit=line.unit,
                quantity=Fraction(line.quantity),
                price=price,
                coefficient=Fraction(line.coefficient),
                source=line.source,
            )
        )
    salary = base_salary if base_salary is not None else int(dated.value)
    result = f.unit_price(
        items,
        base_salary=salary,
        employer_bp=employer,
        hours_per_month=int(hours),
        user_fee=norm.user_fee,
    )
    source = "giả định (what-if)" if base_salary is not None else dated.reference
    return PriceResult(service, norm, on, result, salary, source, base_salary is not None)


def services_list() -> list[Service]:
    return list(Service.objects.prefetch_related("norms"))


def pilot_years() -> list[int]:
    return sorted(set(SchoolAccount.objects.values_list("year", flat=True)))


def pilot_evaluation(year: int, criteria: pl.Criteria) -> dict[str, Any]:
    """Every school's figures, verdicts by area and by district, the totals (one query)."""
    terms = pilot_terms(year)
    accounts = SchoolAccount.objects.filter(year=year).select_related("school")
    schools = [
        pl.SchoolYear(
            code=a.school.code,
            name=a.school.name,
            district=a.school.district,
            area=a.school.area,
            enrolment=a.enrolment,
            months=a.months,
            fees=a.fees,
            budget=a.budget,
            previous_budget=a.previous_budget,
            cost=a.total_cost,
            previous_family_rate=terms["previous_family"][a.school.area],
            synthetic=a.synthetic,
        )
        for a in accounts
    ]
    results = pl.evaluate_schools(schools)
    by_area = pl.verdicts(results, "area", criteria)
    by_district = pl.verdicts(results, "district", criteria)
    total = pl.group_verdict("all", results, criteria) if results else None
    return {
        "year": year,
        "terms": terms,
        "criteria": criteria,
        "schools": results,
        "by_area": by_area,
        "by_district": by_district,
        "total": total,
        "synthetic": any(s.synthetic for s in schools),
        "histogram": coverage_histogram(results),
    }


def coverage_histogram(results: list[pl.SchoolResult], step: int = 5) -> dict[str, list]:
    """Schools per coverage band of ``step`` percent (for the distribution chart)."""
    counts = Counter(min(r.coverage_bp // (step * 100), 200 // step) * step for r in results)
    bands = sorted(counts)
    return {"labels": [f"{b}–{b + step}%" for b in bands], "schools": [counts[b] for b in bands]}
