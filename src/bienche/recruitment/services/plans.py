"""Recruitment plans: targets from vacant positions within quota, approval by decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput, NotFound
from bienche.org.models import Unit
from bienche.recruitment import messages as m
from bienche.recruitment.enums import ExamKind, ExamStatus
from bienche.recruitment.leader_eligibility import post_allowance_h, standard_for
from bienche.recruitment.models import Exam, Target
from bienche.recruitment.services.common import exam_bump, exam_locked, require_status
from bienche.recruitment.vacancies import quota_gap, vacant_positions
from bienche.staffing.models import JobPosition
from bienche.staffing.ranks import rank_catalogue


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound(m.TARGET_UNKNOWN, field="unit_code", position=code)
    return unit


def _target(exam: Exam, row: int, spec: dict[str, Any], taken: dict[int, int]) -> Target:
    unit = _unit(spec["unit_code"])
    code = spec["position_code"]
    position = JobPosition.objects.filter(unit=unit, code=code).first()
    if position is None:
        raise InvalidInput(m.TARGET_UNKNOWN, field=f"targets[{row}].position_code", position=code)
    if exam.kind == ExamKind.LEADERSHIP:  # a post with standards (trưởng/phó trưởng phòng)
        try:
            standard_for(code)
        except InvalidInput as exc:
            raise InvalidInput(
                m.LEADER_NO_STANDARD, field=f"targets[{row}].position_code", position=code
            ) from exc
    seats = int(spec["seats"])
    free = vacant_positions(unit.pk, exam.exam_date).get(code, 0)
    gap = quota_gap(unit.pk, exam.kind, exam.exam_date)
    if gap is not None:
        free = min(free, gap - taken.get(unit.pk, 0))
    if seats < 1 or seats > free:
        raise InvalidInput(
            m.PLAN_OVER_QUOTA,
            field=f"targets[{row}].seats",
            row=row + 1,
            position=f"{unit.code}/{code}",
            vacant=max(free, 0),
            seats=seats,
        )
    taken[unit.pk] = taken.get(unit.pk, 0) + seats
    rank_code = spec.get("rank_code", "01.003")
    if rank_catalogue().get(rank_code) is None:
        raise InvalidInput(
            m.PLAN_RANK_UNKNOWN, field=f"targets[{row}].rank_code", row=row + 1, code=rank_code
        )
    return Target(
        exam=exam,
        position=position,
        seats=seats,
        rank_code=rank_code,
        education=spec.get("education", "university"),
        leadership_coef_h=_allowance(exam, code, spec),
    )


def _allowance(exam: Exam, code: str, spec: dict[str, Any]) -> int:
    """The post's allowance as given by the plan, else (a leader selection) the pay
    parameters' coefficient of the post in Hà Nội."""
    given = int(spec.get("leadership_coef_h") or 0)
    if given or exam.kind != ExamKind.LEADERSHIP:
        return given
    return post_allowance_h(code, exam.exam_date)


@transaction.atomic
def exam_plan_create(
    *,
    code: str,
    title: str,
    kind: str,
    unit_code: str,
    exam_date: dt.date,
    targets: list[dict[str, Any]],
    synthetic: bool = False,
    acting_user: Any,
) -> Exam:
    """Draft a plan: each target must fit the position's vacant seats within quota."""
    if Exam.objects.filter(code=code).exists():
        raise InvalidInput(m.EXAM_EXISTS, field="code", code=code)
    if not targets:
        raise InvalidInput(m.PLAN_EMPTY, field="targets")
    ExamKind(kind)
    exam = Exam.objects.create(
        code=code,
        title=title,
        kind=kind,
        unit=_unit(unit_code),
        exam_date=exam_date,
        synthetic=synthetic,
    )
    taken: dict[int, int] = {}
    rows = [_target(exam, i, spec, taken) for i, spec in enumerate(targets)]
    Target.objects.bulk_create(rows)
    audit_record(
        actor=acting_user,
        action="recruitment.exam.plan",
        entity_type="exam",
        entity_id=exam.pk,
        after={"code": code, "kind": kind, "exam_date": exam_date, "targets": targets},
    )
    return exam


@transaction.atomic
def exam_plan_approve(
    *,
    code: str,
    number: str,
    on: dt.date,
    signer: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Exam:
    """Approve the drafted plan by decision (number, date, signer): candidates may then
    register."""
    exam = exam_locked(code, expected_version)
    require_status(exam, {ExamStatus.DRAFT}, "phê duyệt kế hoạch", "approve the plan")
    Exam.objects.filter(pk=exam.pk).update(
        status=ExamStatus.APPROVED, plan_number=number.strip(), plan_date=on, plan_signer=signer
    )
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.exam.approve",
        entity_type="exam",
        entity_id=exam.pk,
        before={"status": exam.status},
        after={"status": ExamStatus.APPROVED, "number": number, "on": on, "signer": signer},
    )
    exam.refresh_from_db()
    return exam
