"""Candidates: registration with eligibility and duplicate checks, withdrawal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.eligibility import check_eligible
from bienche.recruitment.enums import CandidateStatus, ExamKind, ExamStatus
from bienche.recruitment.leader_eligibility import LeaderFile, check_leader_eligible
from bienche.recruitment.models import Candidate, Target
from bienche.recruitment.services.common import (
    candidate_of,
    exam_bump,
    exam_locked,
    require_active,
    require_status,
    target_of,
)
from bienche.staffing.validation import check_personal_id


@transaction.atomic
def candidate_register(
    *,
    exam_code: str,
    position_code: str,
    personal_id: str,
    full_name: str,
    birth_date: dt.date,
    sex: str,
    education: str,
    priority: str = "",
    verified_on: dt.date | None = None,
    internal: bool = True,
    rank_code: str = "",
    years_in_field: int | None = None,
    political_theory: str = "",
    state_management: str = "",
    current_post: str = "",
    synthetic: bool = False,
    acting_user: Any,
) -> Candidate:
    """Register a candidate; for a leader selection the post's standards apply too."""
    exam = exam_locked(exam_code)
    require_status(exam, {ExamStatus.APPROVED}, "nhận hồ sơ", "register candidates")
    target = target_of(exam, position_code)
    pid = check_personal_id(personal_id)
    other = Candidate.objects.filter(exam=exam, personal_id=pid).first()
    if other is not None:
        raise InvalidInput(m.CANDIDATE_DUPLICATE, field="personal_id", pid=pid, number=other.number)
    check_eligible(
        kind=exam.kind,
        exam_date=exam.exam_date,
        position=position_code,
        need=target.education,
        birth_date=birth_date,
        education=education,
        priority=priority,
        verified_on=verified_on,
    )
    leader = LeaderFile(
        personal_id=pid,
        birth_date=birth_date,
        sex=sex,
        rank_code=rank_code.strip(),
        years_in_field=years_in_field,
        political_theory=political_theory,
        state_management=state_management,
        current_post=current_post,
        internal=internal,
    )
    if exam.kind == ExamKind.LEADERSHIP:
        _leader_checks(target, exam.exam_date, priority, leader)
    number = (Candidate.objects.filter(exam=exam).aggregate(n=Max("number"))["n"] or 0) + 1
    c = Candidate.objects.create(
        exam=exam,
        target=target,
        number=number,
        personal_id=pid,
        full_name=full_name.strip(),
        birth_date=birth_date,
        sex=sex,
        education=education,
        priority=priority,
        verified_on=verified_on,
        internal=internal,
        rank_code=leader.rank_code,
        years_in_field=years_in_field,
        political_theory=political_theory,
        state_management=state_management,
        current_post=current_post,
        synthetic=synthetic,
    )
    audit_record(
        actor=acting_user,
        action="recruitment.candidate.register",
        entity_type="candidate",
        entity_id=c.pk,
        after={"exam": exam_code, "number": number, "position": position_code},
    )
    return c


def _leader_checks(target: Target, on: dt.date, priority: str, leader: LeaderFile) -> None:
    if priority:
        raise InvalidInput(m.LEADER_PRIORITY, field="priority")
    unit = target.position.unit
    check_leader_eligible(
        position_code=target.position.code, unit=(unit.pk, unit.code), on=on, candidate=leader
    )


def _set_status(c: Candidate, status: str, on: dt.date, acting_user: Any, reason: str) -> None:
    Candidate.objects.filter(pk=c.pk).update(status=status, status_on=on)
    audit_record(
        actor=acting_user,
        action=f"recruitment.candidate.{status}",
        entity_type="candidate",
        entity_id=c.pk,
        before={"status": c.status},
        after={"status": status, "on": on},
        reason=reason,
    )
    c.status, c.status_on = status, on


@transaction.atomic
def candidate_withdraw(
    *,
    exam_code: str,
    number: int,
    on: dt.date,
    reason: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Candidate:
    exam = exam_locked(exam_code, expected_version)
    c = candidate_of(exam, number)
    require_active(c)
    _set_status(c, CandidateStatus.WITHDRAWN, on, acting_user, reason)
    exam_bump(exam)
    return c
