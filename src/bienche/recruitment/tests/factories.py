"""Recruitment test data built through the real services: a department S1 with an open
position CV (3 seats, 1 filled) inside a civil-servant quota of 10."""

from __future__ import annotations

import datetime as dt

from bienche.org.tests.factories import small_city
from bienche.recruitment.services.candidates import candidate_register
from bienche.recruitment.services.plans import exam_plan_approve, exam_plan_create
from bienche.recruitment.services.scores import score_enter
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import position, staff

EXAM_DAY = dt.date(2024, 10, 5)
RESULTS_DAY = dt.date(2024, 10, 21)


def department(*, seats: int = 3, quota: int = 10) -> None:
    """S1 with position CV (``seats`` people needed, one filled) and position TP (head)."""
    small_city()
    quota_set(
        unit_code="S1",
        kind="civil_servant",
        amount=quota,
        valid_from=dt.date(2021, 1, 1),
        basis_number="1/QĐ-TEST",
        acting_user=None,
    )
    position("S1", "CV", headcount=seats, min_group="A1")
    position("S1", "TP", headcount=1, category="leadership")
    staff(900, "S1", position="CV")


def exam(code: str = "T24", *, seats: int = 2, kind: str = "civil_servant") -> str:
    exam_plan_create(
        code=code,
        title="Thi tuyển công chức 2024",
        kind=kind,
        unit_code="S1",
        exam_date=EXAM_DAY,
        targets=[{"unit_code": "S1", "position_code": "CV", "seats": seats}],
        acting_user=None,
    )
    exam_plan_approve(code=code, number="5/QĐ-TEST", on=dt.date(2024, 8, 20), acting_user=None)
    return code


def candidate(n: int, code: str = "T24", *, priority: str = "", position: str = "CV") -> int:
    c = candidate_register(
        exam_code=code,
        position_code=position,
        personal_id=f"{n:012d}",
        full_name=f"Thí sinh {n}",
        birth_date=dt.date(1998, 1, 1),
        sex="F",
        education="university",
        priority=priority,
        verified_on=dt.date(2024, 6, 1),
        acting_user=None,
    )
    return c.number


def sat(code: str, number: int, round2: object, round1: object = 80) -> None:
    score_enter(exam_code=code, number=number, round=1, value=round1, on=EXAM_DAY, acting_user=None)
    if round2 is not None:
        score_enter(
            exam_code=code, number=number, round=2, value=round2, on=EXAM_DAY, acting_user=None
        )


def exam_in(unit: str, code: str = "MX") -> dict[str, str]:
    """A posted exam of ``unit`` (an open position RV of 2 seats) with candidate 1 scored."""
    position(unit, "RV", headcount=2, min_group="A1")
    exam_plan_create(
        code=code,
        title="Thi tuyển thử",
        kind="civil_servant",
        unit_code=unit,
        exam_date=EXAM_DAY,
        targets=[{"unit_code": unit, "position_code": "RV", "seats": 1}],
        acting_user=None,
    )
    exam_plan_approve(code=code, number="6/QĐ-TEST", on=dt.date(2024, 8, 20), acting_user=None)
    n = candidate(801, code, position="RV")
    sat(code, n, 70)
    from bienche.recruitment.services.results import exam_results_post

    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    return {"exam": code}


def approved_in(unit: str, code: str = "FZ") -> str:
    """An approved exam of ``unit`` (an open position RV of 2 seats), no candidates yet."""
    position(unit, "RV", headcount=2, min_group="A1")
    exam_plan_create(
        code=code,
        title="Thi tuyển thử",
        kind="civil_servant",
        unit_code=unit,
        exam_date=EXAM_DAY,
        targets=[{"unit_code": unit, "position_code": "RV", "seats": 1}],
        acting_user=None,
    )
    exam_plan_approve(code=code, number="7/QĐ-TEST", on=dt.date(2024, 8, 20), acting_user=None)
    return code


LEADER_FILE = {
    "rank_code": "01.003",
    "years_in_field": 6,
    "political_theory": "trung_cap",
    "state_management": "chuyen_vien",
    "internal": False,
}


def leader_exam(code: str = "LD") -> str:
    """A leader selection for S1's head of division (TP, allowance 0.60), plan approved."""
    exam_plan_create(
        code=code,
        title="Thi tuyển Trưởng phòng",
        kind="leadership",
        unit_code="S1",
        exam_date=EXAM_DAY,
        targets=[
            {
                "unit_code": "S1",
                "position_code": "TP",
                "seats": 1,
                "rank_code": "01.003",
                "leadership_coef_h": 60,
            }
        ],
        acting_user=None,
    )
    exam_plan_approve(code=code, number="7/QĐ-TEST", on=dt.date(2024, 8, 20), acting_user=None)
    return code


def leader_candidate(n: int, code: str = "LD", **over: object) -> int:
    """A candidate meeting every standard of the head-of-division post (external)."""
    args = {
        "personal_id": f"{n:012d}",
        "full_name": f"Ứng viên {n}",
        "birth_date": dt.date(1985, 3, 1),
        "sex": "M",
        "education": "university",
    } | LEADER_FILE
    c = candidate_register(exam_code=code, position_code="TP", acting_user=None, **(args | over))
    return c.number


def panel(code: str, number: int, marks: list[object], round1: object = 80) -> None:
    """Round 1, then one round-2 mark (đề án and defence) per panel member."""
    score_enter(exam_code=code, number=number, round=1, value=round1, on=EXAM_DAY, acting_user=None)
    for k, value in enumerate(marks, start=1):
        score_enter(
            exam_code=code,
            number=number,
            round=2,
            value=value,
            examiner=f"HĐ{k}",
            on=EXAM_DAY,
            acting_user=None,
        )
