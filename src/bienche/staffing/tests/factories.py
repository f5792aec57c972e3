"""Staffing test data built through the real services."""

from __future__ import annotations

import datetime as dt

from bienche.staffing.services.positions import position_create
from bienche.staffing.services.roster import assignment_start, person_upsert

D0 = dt.date(2021, 1, 1)


def pid(n: int) -> str:
    return f"{n:012d}"


def person(n: int, *, birth: dt.date = dt.date(1980, 5, 1), sex: str = "F") -> str:
    person_upsert(
        personal_id=pid(n), full_name=f"Nguyễn Văn {n}", birth_date=birth, sex=sex, acting_user=None
    )
    return pid(n)


def staff(
    n: int,
    unit: str,
    *,
    position: str | None = None,
    on: dt.date = D0,
    rank: str = "01.003",
    step: int = 1,
    category: str = "civil_servant",
    leadership_coef_h: int = 0,
) -> None:
    person(n)
    assignment_start(
        personal_id=pid(n),
        unit_code=unit,
        position_code=position,
        staff_category=category,
        rank_code=rank,
        step=step,
        coefficient_h=234,
        valid_from=on,
        leadership_coef_h=leadership_coef_h,
        acting_user=None,
    )


def position(
    unit: str,
    code: str,
    *,
    headcount: int = 2,
    category: str = "professional",
    min_group: str = "",
    on: dt.date = D0,
) -> None:
    position_create(
        unit_code=unit,
        code=code,
        title=f"Vị trí {code}",
        category=category,
        headcount=headcount,
        min_group=min_group,
        valid_from=on,
        acting_user=None,
    )
