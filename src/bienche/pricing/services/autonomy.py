"""Autonomy of public service units: approved groups (dated decisions) and yearly finances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput, NotFound
from bienche.org import messages as om
from bienche.org.models import Unit, UnitVersion
from bienche.pricing import messages as m
from bienche.pricing.models import AutonomyDecision, UnitFinance
from bienche.pricing.services.common import amount, guard_admin, text


def _psu(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound(om.UNIT_UNKNOWN, field="unit_code", code=code)
    if not UnitVersion.objects.filter(unit=unit, kind="public_service_unit").exists():
        raise InvalidInput(m.UNIT_NOT_PSU, field="unit_code", code=code)
    return unit


@transaction.atomic
def autonomy_decision_record(
    *,
    unit_code: str,
    level: int,
    valid_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    issuer: str = "",
    synthetic: bool = False,
    acting_user: Any,
) -> AutonomyDecision:
    """Record the group approved for a unit from ``valid_from``; the decision in force
    before it ends that day (history is never edited)."""
    guard_admin(acting_user, "ghi quyết định giao tự chủ", "record autonomy decisions")
    unit = _psu(unit_code)
    if level not in (1, 2, 3, 4):
        raise InvalidInput(m.LEVEL_INVALID, field="level", value=level)
    number = text(decision_number, "decision_number", "số quyết định", "The decision number")
    if AutonomyDecision.objects.filter(unit=unit, valid_from=valid_from).exists():
        raise InvalidInput(
            m.DUPLICATE,
            field="valid_from",
            what="quyết định từ ngày",
            what_en="A decision from",
            key=valid_from.isoformat(),
        )
    AutonomyDecision.objects.filter(
        unit=unit, valid_from__lt=valid_from, valid_to__isnull=True
    ).update(valid_to=valid_from)
    later = (
        AutonomyDecision.objects.filter(unit=unit, valid_from__gt=valid_from)
        .order_by("valid_from")
        .values_list("valid_from", flat=True)
        .first()
    )
    decision = AutonomyDecision.objects.create(
        unit=unit,
        level=level,
        valid_from=valid_from,
        valid_to=later,
        decision_number=number,
        decision_date=decision_date,
        issuer=issuer,
        synthetic=synthetic,
    )
    audit_record(
        actor=acting_user,
        action="autonomy_decision_record",
        entity_type="org.Unit",
        entity_id=unit.code,
        after={"level": level, "valid_from": valid_from, "decision": number},
    )
    return decision


@transaction.atomic
def unit_finance_record(
    *,
    unit_code: str,
    year: int,
    revenue: Any,
    recurrent_expenditure: Any,
    self_finances_investment: bool = False,
    synthetic: bool = False,
    acting_user: Any,
) -> UnitFinance:
    """Record (or replace) a unit's revenue and recurrent expenditure for a year."""
    guard_admin(acting_user, "ghi số liệu tài chính", "record unit finances")
    unit = _psu(unit_code)
    rev = amount(revenue, "revenue", "Tổng thu sự nghiệp", "Revenue")
    exp = amount(recurrent_expenditure, "recurrent_expenditure", "Chi thường xuyên", "Expenditure")
    if exp == 0:
        raise InvalidInput(m.EXPENDITURE_ZERO, field="recurrent_expenditure")
    before = UnitFinance.objects.filter(unit=unit, year=year).first()
    old = (
        {"revenue": before.revenue, "recurrent_expenditure": before.recurrent_expenditure}
        if before
        else None
    )
    row, _created = UnitFinance.objects.update_or_create(
        unit=unit,
        year=year,
        defaults={
            "revenue": rev,
            "recurrent_expenditure": exp,
            "self_finances_investment": bool(self_finances_investment),
            "synthetic": synthetic,
        },
    )
    audit_record(
        actor=acting_user,
        action="unit_finance_record",
        entity_type="org.Unit",
        entity_id=unit.code,
        before=old,
        after={"year": year, "revenue": rev, "recurrent_expenditure": exp},
    )
    return row


@dataclass(frozen=True)
class DecisionSpec:
    unit_code: str
    level: int
    valid_from: dt.date
    decision_number: str
    decision_date: dt.date
    issuer: str = ""


@dataclass(frozen=True)
class FinanceSpec:
    unit_code: str
    year: int
    revenue: int
    recurrent_expenditure: int
    self_finances_investment: bool = False


@transaction.atomic
def autonomy_bulk_load(
    *,
    decisions: list[DecisionSpec],
    finances: list[FinanceSpec],
    synthetic: bool = False,
    acting_user: Any,
) -> None:
    """First decisions and yearly finances of many units at once (an initial load: units
    must have no decision nor finances for those keys yet). Same checks, one audit row."""
    guard_admin(acting_user, "nạp số liệu tự chủ", "load autonomy data")
    codes = {d.unit_code for d in decisions} | {f.unit_code for f in finances}
    ids = dict(
        UnitVersion.objects.filter(unit__code__in=codes, kind="public_service_unit")
        .values_list("unit__code", "unit_id")
        .distinct()
    )
    for code in sorted(codes - set(ids)):
        raise InvalidInput(m.UNIT_NOT_PSU, field="unit_code", code=code)
    taken = AutonomyDecision.objects.filter(unit_id__in=ids.values()).exists() or (
        UnitFinance.objects.filter(unit_id__in=ids.values()).exists()
    )
    if taken:
        raise InvalidInput(
            m.DUPLICATE,
            field="unit_code",
            what="số liệu tự chủ của đơn vị",
            what_en="Autonomy data of a unit",
            key=", ".join(sorted(codes))[:80],
        )
    for d in decisions:
        if d.level not in (1, 2, 3, 4):
            raise InvalidInput(m.LEVEL_INVALID, field="level", value=d.level)
    for x in finances:
        amount(x.revenue, "revenue", "Tổng thu sự nghiệp", "Revenue")
        if (
            amount(
                x.recurrent_expenditure, "recurrent_expenditure", "Chi thường xuyên", "Expenditure"
            )
            == 0
        ):
            raise InvalidInput(m.EXPENDITURE_ZERO, field="recurrent_expenditure")
    AutonomyDecision.objects.bulk_create(
        AutonomyDecision(
            unit_id=ids[d.unit_code],
            level=d.level,
            valid_from=d.valid_from,
            decision_number=d.decision_number,
            decision_date=d.decision_date,
            issuer=d.issuer,
            synthetic=synthetic,
        )
        for d in decisions
    )
    UnitFinance.objects.bulk_create(
        UnitFinance(
            unit_id=ids[x.unit_code],
            year=x.year,
            revenue=x.revenue,
            recurrent_expenditure=x.recurrent_expenditure,
            self_finances_investment=x.self_finances_investment,
            synthetic=synthetic,
        )
        for x in finances
    )
    audit_record(
        actor=acting_user,
        action="autonomy_bulk_load",
        entity_type="pricing.UnitFinance",
        entity_id="*",
        after={"decisions": len(decisions), "finances": len(finances)},
    )
