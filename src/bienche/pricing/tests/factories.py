"""Factories for the pricing tests: built through the real services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.org.enums import UnitKind
from bienche.org.services import unit_establish
from bienche.org.tests.factories import BASIS, small_city, spec
from bienche.pricing.services.autonomy import autonomy_decision_record, unit_finance_record
from bienche.pricing.services.norms import LineSpec, input_price_set, norm_create, service_create
from bienche.pricing.services.pilot import SchoolSpec, pilot_school_register, pilot_terms

PSU = "P1"


def psu_city() -> None:
    """The small city plus two public service units under department S1: P1 and P2."""
    small_city()
    unit_establish(
        specs=[
            spec("P1", "S1", UnitKind.PUBLIC_SERVICE_UNIT, name="Bệnh viện Một", autonomy_level=3),
            spec("P2", "S1", UnitKind.PUBLIC_SERVICE_UNIT, name="Trường Hai", autonomy_level=4),
        ],
        on=dt.date(2020, 1, 1),
        basis=BASIS,
        acting_user=None,
    )


def finance(code: str, year: int, revenue: int, expenditure: int, level: int | None = None):
    unit_finance_record(
        unit_code=code,
        year=year,
        revenue=revenue,
        recurrent_expenditure=expenditure,
        acting_user=None,
    )
    if level is not None:
        autonomy_decision_record(
            unit_code=code,
            level=level,
            valid_from=dt.date(year, 1, 1),
            decision_number=f"{year}/QĐ-{code}",
            decision_date=dt.date(year - 1, 12, 20),
            acting_user=None,
        )


#: The hand-worked norm (see test_unit_price.py): one labour line, materials, equipment,
#: depreciation and 10 % overhead; families pay 100,000 VND.
MN_LINES = [
    LineSpec("labour", "Giáo viên mầm non hạng III", "giờ", "12", "2.10"),
    LineSpec("material", "Đồ dùng học tập", "bộ", "0.1"),
    LineSpec("equipment", "Đồ chơi ngoài trời", "bộ", "0.05"),
    LineSpec("depreciation", "Phòng học", "phòng", "0.0001"),
    LineSpec("overhead", "Quản lý chung", "%", "10"),
]


def preschool_service(code: str = "MN") -> None:
    service_create(
        code=code, name="Chăm sóc, giáo dục trẻ mầm non", unit_label="trẻ/tháng", acting_user=None
    )
    norm_create(
        service_code=code,
        valid_from=dt.date(2023, 1, 1),
        source="QĐ định mức (thử)",
        lines=MN_LINES,
        user_fee=100000,
        acting_user=None,
    )
    for item, price in (
        ("Đồ dùng học tập", 120000),
        ("Đồ chơi ngoài trời", 300000),
        ("Phòng học", 400000000),
    ):
        input_price_set(
            item=item,
            valid_from=dt.date(2023, 1, 1),
            price=price,
            source="Giá thị trường (thử)",
            acting_user=None,
        )


def pilot_schools(n_per_area: int = 4) -> list[str]:
    specs = [
        SchoolSpec(f"{area[0].upper()}{i}", f"Trường {area} {i}", district, area)
        for area, district in (
            ("urban", "Quận Một"),
            ("rural", "Huyện Hai"),
            ("mountain", "Huyện Ba"),
        )
        for i in range(1, n_per_area + 1)
    ]
    pilot_school_register(schools=specs, acting_user=None)
    return [s.code for s in specs]


def account(
    code: str,
    area: str,
    *,
    year: int = 2023,
    enrolment: int = 100,
    cost_factor: float = 1.0,
    **kw: Any,
) -> dict[str, Any]:
    """A row that adds up: revenue at the unified price, cost = revenue × factor."""
    terms = pilot_terms(year)
    months = 9
    fees = enrolment * months * terms["family"][area]
    budget = enrolment * months * (terms["price"][area] - terms["family"][area])
    total = int((fees + budget) * cost_factor)
    salary = total * 7 // 10
    depreciation = total // 20
    row = {
        "code": code,
        "enrolment": enrolment,
        "months": months,
        "fees": fees,
        "budget": budget,
        "previous_budget": budget,
        "salary_cost": salary,
        "depreciation_cost": depreciation,
        "operating_cost": total - salary - depreciation,
        "total_cost": total,
    }
    return row | kw


def pricing_objects() -> str:
    """The objects the access matrix needs: the hand-worked service; returns its code."""
    preschool_service("MN")
    return "MN"
