"""The preschool pilot: its schools and their yearly accounts (all or nothing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import BiencheError, InvalidInput
from bienche.core.problems import Problem
from bienche.pricing import messages as m
from bienche.pricing.enums import Area
from bienche.pricing.models import PilotSchool, SchoolAccount
from bienche.pricing.services.common import amount, guard_admin, text
from bienche.rules.params import ParameterError, load

#: Account fields: (field, Vietnamese label, English label), in the XLSX column order.
ACCOUNT_FIELDS = (
    ("enrolment", "Số trẻ", "Enrolment"),
    ("months", "Số tháng", "Months"),
    ("fees", "Học phí thu", "Fees collected"),
    ("budget", "Ngân sách hỗ trợ", "Budget support"),
    ("previous_budget", "Ngân sách năm trước thí điểm", "Budget before the pilot"),
    ("salary_cost", "Chi lương", "Salary cost"),
    ("operating_cost", "Chi hoạt động", "Operating cost"),
    ("depreciation_cost", "Khấu hao", "Depreciation"),
    ("total_cost", "Tổng chi phí", "Total cost"),
)


@dataclass(frozen=True)
class SchoolSpec:
    code: str
    name: str
    district: str
    area: str
    unit_id: int | None = None


def pilot_terms(year: int) -> dict[str, Any]:
    """The pilot's dated terms (price per area, family share, …) for a school year."""
    try:
        return dict(load("preschool_pilot").value_at(dt.date(year, 9, 1)))
    except (ParameterError, ValueError, OverflowError):
        raise InvalidInput(m.NO_PILOT_TERMS, field="year", year=year) from None


@transaction.atomic
def pilot_school_register(
    *, schools: list[SchoolSpec], synthetic: bool = False, acting_user: Any
) -> int:
    guard_admin(acting_user, "ghi danh sách trường thí điểm", "register pilot schools")
    seen: dict[str, int] = {}
    existing = set(
        PilotSchool.objects.filter(code__in=[s.code.strip() for s in schools]).values_list(
            "code", flat=True
        )
    )
    for n, s in enumerate(schools, start=1):
        code = text(s.code, f"schools[{n}].code", "mã trường", "The school code", 64)
        if code in seen or code in existing:
            raise InvalidInput(
                m.SCHOOL_DUPLICATE,
                field=f"schools[{n}].code",
                code=code,
                first=seen.get(code, "—"),
                row=n,
            )
        seen[code] = n
        if s.area not in Area.values:
            raise InvalidInput(
                m.FIELD_REQUIRED, field=f"schools[{n}].area", what="vùng", what_en="The area"
            )
    PilotSchool.objects.bulk_create(
        PilotSchool(
            code=s.code.strip(),
            name=s.name,
            district=s.district,
            area=s.area,
            unit_id=s.unit_id,
            synthetic=synthetic,
        )
        for s in schools
    )
    audit_record(
        actor=acting_user,
        action="pilot_school_register",
        entity_type="pricing.PilotSchool",
        entity_id="*",
        after={"schools": len(schools)},
    )
    return len(schools)


def _row_values(raw: dict[str, Any]) -> dict[str, int]:
    return {f: amount(raw.get(f), f, vi, en) for f, vi, en in ACCOUNT_FIELDS}


def _adds_up(v: dict[str, int], price: int) -> None:
    parts = v["salary_cost"] + v["operating_cost"] + v["depreciation_cost"]
    if parts != v["total_cost"]:
        raise InvalidInput(
            m.COSTS_DONT_ADD,
            field="total_cost",
            total=v["total_cost"],
            salary=v["salary_cost"],
            operating=v["operating_cost"],
            depreciation=v["depreciation_cost"],
            sum=parts,
        )
    expected = v["enrolment"] * v["months"] * price
    if v["fees"] + v["budget"] != expected:
        raise InvalidInput(
            m.REVENUE_DONT_ADD,
            field="budget",
            fees=v["fees"],
            budget=v["budget"],
            sum=v["fees"] + v["budget"],
            enrolment=v["enrolment"],
            months=v["months"],
            price=price,
            expected=expected,
        )


def accounts_check(
    *, year: int, rows: list[tuple[int, dict[str, Any]]]
) -> tuple[list[SchoolAccount], list[Problem]]:
    """Accounts to write and every problem (row numbers as given; column = field)."""
    prices = pilot_terms(year)["price"]
    schools = {s.code: s for s in PilotSchool.objects.all()}
    first: dict[str, int] = {}
    out: list[SchoolAccount] = []
    problems: list[Problem] = []
    for n, raw in rows:
        code = str(raw.get("code") or "").strip()
        try:
            school = schools.get(code)
            if school is None:
                raise InvalidInput(m.SCHOOL_OUTSIDE, field="code", code=code)
            if code in first:
                raise InvalidInput(
                    m.SCHOOL_DUPLICATE, field="code", code=code, first=first[code], row=n
                )
            first[code] = n
            values = _row_values(raw)
            _adds_up(values, prices[school.area])
        except BiencheError as exc:
            problems.append(Problem(n, exc.field or "", exc.vi, exc.en))
            continue
        out.append(SchoolAccount(school=school, year=year, **values))
    return out, problems


@transaction.atomic
def school_accounts_record(
    *,
    year: int,
    rows: list[tuple[int, dict[str, Any]]],
    synthetic: bool = False,
    acting_user: Any,
) -> list[Problem]:
    """Replace the year's accounts of the schools given, or write nothing and return the
    problems (school outside the pilot, duplicates, figures that do not add up)."""
    guard_admin(acting_user, "nhập số liệu trường thí điểm", "import pilot school accounts")
    accounts, problems = accounts_check(year=year, rows=rows)
    if problems:
        return problems
    for a in accounts:
        a.synthetic = synthetic
    SchoolAccount.objects.filter(year=year, school__in=[a.school for a in accounts]).delete()
    SchoolAccount.objects.bulk_create(accounts)
    audit_record(
        actor=acting_user,
        action="school_accounts_record",
        entity_type="pricing.SchoolAccount",
        entity_id=str(year),
        after={"year": year, "schools": len(accounts)},
    )
    return []
