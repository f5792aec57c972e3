"""The appointment decision of a leader selection's winner (quyết định bổ nhiệm): decision
number, date, signer, effective date and term; the person joins the roster in the post from
the effective date with the post's leadership allowance, in one transaction with an audit
row. An internal winner keeps their rank, step and coefficient."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.dating import q_valid_on
from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import CandidateStatus, ExamKind, ExamStatus
from bienche.recruitment.leader_eligibility import add_years
from bienche.recruitment.leadership_data import DEFAULT_TERM_YEARS
from bienche.recruitment.models import Candidate, LeadershipAppointment
from bienche.recruitment.services.candidates import _set_status
from bienche.recruitment.services.common import (
    candidate_of,
    exam_bump,
    exam_locked,
    require_status,
)
from bienche.recruitment.services.results import _winner, roster_join
from bienche.staffing.models import Assignment


def _check_dates(decided_on: dt.date, effective_on: dt.date, term_years: int) -> None:
    if effective_on < decided_on:
        raise InvalidInput(
            m.APPOINT_DATES,
            field="effective_on",
            effective=effective_on.strftime("%d/%m/%Y"),
            decided=decided_on.strftime("%d/%m/%Y"),
        )
    if not 1 <= term_years <= DEFAULT_TERM_YEARS:
        raise InvalidInput(m.APPOINT_TERM, field="term_years", years=term_years)


def _current(c: Candidate, on: dt.date) -> Assignment | None:
    if not c.internal:
        return None
    qs = Assignment.objects.filter(person__personal_id=c.personal_id).filter(q_valid_on(on))
    return qs.order_by("-valid_from").first()


@transaction.atomic
def leadership_appoint(
    *,
    exam_code: str,
    number: int,
    decision_number: str,
    decided_on: dt.date,
    signer: str,
    effective_on: dt.date,
    term_years: int = DEFAULT_TERM_YEARS,
    step: int = 1,
    expected_version: int | None = None,
    acting_user: Any,
) -> LeadershipAppointment:
    """Appoint the winner of a post: the decision record and the roster assignment."""
    exam = exam_locked(exam_code, expected_version)
    if exam.kind != ExamKind.LEADERSHIP:
        raise InvalidInput(m.APPOINT_NOT_LEADERSHIP, field="exam", code=exam_code)
    require_status(exam, {ExamStatus.RESULTS}, "ra quyết định bổ nhiệm", "appoint")
    c = candidate_of(exam, number)
    _winner(exam, c, "ra quyết định bổ nhiệm", "appoint")
    if not decision_number.strip():
        raise InvalidInput(m.APPOINT_NUMBER_REQUIRED, field="decision_number")
    _check_dates(decided_on, effective_on, term_years)
    carry = _current(c, effective_on)
    a = roster_join(
        exam, c, start_on=effective_on, step=step, coefficient_h=None, user=acting_user, carry=carry
    )
    record = LeadershipAppointment.objects.create(
        candidate=c,
        decision_number=decision_number.strip(),
        decided_on=decided_on,
        signer=signer.strip(),
        effective_on=effective_on,
        term_years=term_years,
        term_ends_on=add_years(effective_on, term_years) - dt.timedelta(days=1),
        leadership_coef_h=a.leadership_coef_h,
    )
    _set_status(c, CandidateStatus.APPOINTED, effective_on, acting_user, decision_number)
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.leader.appoint",
        entity_type="candidate",
        entity_id=c.pk,
        after={
            "exam": exam_code,
            "decision": record.decision_number,
            "decided_on": decided_on,
            "signer": record.signer,
            "effective_on": effective_on,
            "term_ends_on": record.term_ends_on,
            "post": c.target.position.code,
            "leadership_coef_h": record.leadership_coef_h,
        },
    )
    return record
