"""Results: posting, the head's decision on a remaining tie, a winner's decline
(supplementary recruitment of the next candidate) and the appointment onto the roster."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import CandidateStatus, ExamKind, ExamStatus
from bienche.recruitment.models import Candidate, Exam, TieDecision
from bienche.recruitment.ranking import SUPPLEMENTARY, TIE_PENDING, WON
from bienche.recruitment.selectors import candidate_result
from bienche.recruitment.services.candidates import _set_status
from bienche.recruitment.services.common import (
    candidate_of,
    check_candidates_per_post,
    check_panel,
    exam_bump,
    exam_locked,
    require_active,
    require_status,
)
from bienche.staffing.ranks import rank_catalogue
from bienche.staffing.services.roster import assignment_start, person_upsert

STAFF_CATEGORY = {
    ExamKind.CIVIL_SERVANT: "civil_servant",
    ExamKind.PUBLIC_EMPLOYEE: "public_employee",
    ExamKind.LEADERSHIP: "civil_servant",
}


@transaction.atomic
def exam_results_post(
    *, exam_code: str, on: dt.date, expected_version: int | None = None, acting_user: Any
) -> Exam:
    """Post the results (niêm yết): the review window opens from this date."""
    exam = exam_locked(exam_code, expected_version)
    require_status(exam, {ExamStatus.APPROVED}, "niêm yết kết quả", "post the results")
    check_candidates_per_post(exam)
    check_panel(exam)
    Exam.objects.filter(pk=exam.pk).update(status=ExamStatus.RESULTS, results_on=on)
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.exam.results",
        entity_type="exam",
        entity_id=exam.pk,
        before={"status": exam.status},
        after={"status": ExamStatus.RESULTS, "results_on": on},
    )
    exam.refresh_from_db()
    return exam


@transaction.atomic
def tie_decide(
    *,
    exam_code: str,
    number: int,
    decision_number: str,
    on: dt.date,
    expected_version: int | None = None,
    acting_user: Any,
) -> TieDecision:
    """Record the head's choice among candidates tied at the last seat."""
    exam = exam_locked(exam_code, expected_version)
    require_status(exam, {ExamStatus.RESULTS}, "quyết định khi bằng điểm", "decide a tie")
    c = candidate_of(exam, number)
    if candidate_result(exam, c).get("outcome") != TIE_PENDING:
        raise InvalidInput(m.TIE_NOT_PENDING, field="number", number=number)
    d = TieDecision.objects.create(
        target=c.target, chosen=c, number=decision_number.strip(), decided_on=on
    )
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.tie.decide",
        entity_type="candidate",
        entity_id=c.pk,
        after={"decision": decision_number, "on": on},
    )
    return d


def _winner(exam: Exam, c: Candidate, action: str, action_en: str) -> None:
    require_active(c)
    if candidate_result(exam, c).get("outcome") not in {WON, SUPPLEMENTARY}:
        raise InvalidInput(
            m.NOT_WINNER, field="number", number=c.number, action=action, action_en=action_en
        )


@transaction.atomic
def candidate_decline(
    *,
    exam_code: str,
    number: int,
    on: dt.date,
    reason: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Candidate:
    """A winner declines (or does not complete the file): the next passing candidate takes
    the seat if this falls within the supplementary window."""
    exam = exam_locked(exam_code, expected_version)
    require_status(exam, {ExamStatus.RESULTS}, "ghi từ chối", "record a decline")
    c = candidate_of(exam, number)
    _winner(exam, c, "ghi từ chối nhận việc", "record a decline")
    _set_status(c, CandidateStatus.DECLINED, on, acting_user, reason)
    exam_bump(exam)
    return c


@transaction.atomic
def candidate_appoint(
    *,
    exam_code: str,
    number: int,
    start_on: dt.date,
    coefficient_h: int | None = None,
    step: int = 1,
    expected_version: int | None = None,
    acting_user: Any,
) -> Candidate:
    """Recruit (or appoint) a winner: a roster assignment from ``start_on`` through the
    staffing services, with the post's leadership allowance for a head of division."""
    exam = exam_locked(exam_code, expected_version)
    require_status(exam, {ExamStatus.RESULTS}, "ra quyết định tuyển dụng", "appoint")
    c = candidate_of(exam, number)
    _winner(exam, c, "ra quyết định tuyển dụng", "appoint")
    roster_join(
        exam, c, start_on=start_on, step=step, coefficient_h=coefficient_h, user=acting_user
    )
    _set_status(c, CandidateStatus.APPOINTED, start_on, acting_user, "")
    exam_bump(exam)
    return c


def roster_join(
    exam: Exam,
    c: Candidate,
    *,
    start_on: dt.date,
    step: int,
    coefficient_h: int | None,
    user: Any,
    carry: Any = None,
) -> Any:
    """The winner onto the roster from ``start_on`` (the staffing services), with the post's
    leadership allowance; ``carry`` (an internal candidate's current assignment) keeps the
    person's rank, step and coefficient."""
    person = person_upsert(
        personal_id=c.personal_id,
        full_name=c.full_name,
        birth_date=c.birth_date,
        sex=c.sex,
        education=c.education,
        acting_user=user,
    )
    target = c.target
    rank_code = carry.rank_code if carry else target.rank_code
    if carry:
        step, coefficient_h = carry.step, carry.coefficient_h
    if coefficient_h is None:  # the rank's scale at that step (Decree 204/2004 tables)
        cat = rank_catalogue()
        rank = cat.get(rank_code)
        scale = cat.scales.get(rank.group) if rank else None
        coefficient_h = scale.coefficient_h(step) if scale else 234
    a = assignment_start(
        personal_id=c.personal_id,
        unit_code=target.position.unit.code,
        position_code=target.position.code,
        staff_category=STAFF_CATEGORY[ExamKind(exam.kind)],
        rank_code=rank_code,
        step=step,
        coefficient_h=coefficient_h,
        valid_from=start_on,
        last_step_date=carry.last_step_date if carry else None,
        leadership_coef_h=target.leadership_coef_h,
        acting_user=user,
    )
    Candidate.objects.filter(pk=c.pk).update(person=person)
    return a
