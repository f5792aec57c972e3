"""Scores: marks per round (per examiner where several mark) and reviews (phúc khảo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import ExamKind, ExamStatus, Round, ScoreKind
from bienche.recruitment.models import Candidate, Exam, Score
from bienche.recruitment.selectors import (
    current_scores,
    exam_rules,
    review_deadline,
    round_score,
)
from bienche.recruitment.services.common import (
    candidate_of,
    check_candidates_per_post,
    exam_bump,
    exam_locked,
    require_active,
    require_status,
)


def _value(exam: Exam, rnd: int, value: Any) -> Decimal:
    scale = 100 if rnd == Round.ONE else exam_rules(exam)["round2_scale"]
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number < 0 or number > scale:
        raise InvalidInput(m.SCORE_SCALE, field=f"round{rnd}", round=rnd, value=value, scale=scale)
    return number


def _sat_round2(exam: Exam, c: Candidate) -> None:
    r1 = round_score(list(Score.objects.filter(candidate=c, round=Round.ONE).order_by("id")))
    if r1 is None or r1 < exam_rules(exam)["round1_pass_percent"]:
        raise InvalidInput(m.ROUND_NOT_SAT, field="round2", number=c.number)


def _leader_marking(exam: Exam, rnd: int, examiner: str) -> None:
    """A leader selection: marking closes the candidates list (at least 2 per post), and
    each round-2 mark (the đề án and its defence) names its panel member."""
    check_candidates_per_post(exam)
    if rnd == Round.TWO and not examiner.strip():
        raise InvalidInput(m.PANEL_EXAMINER_REQUIRED, field="examiner")


@transaction.atomic
def score_enter(
    *,
    exam_code: str,
    number: int,
    round: int,  # noqa: A002 - the domain's word
    value: Any,
    on: dt.date,
    examiner: str = "",
    acting_user: Any,
) -> Score:
    """Record a mark; several examiners may mark round 2 (the round's score is their mean)."""
    exam = exam_locked(exam_code)
    require_status(exam, {ExamStatus.APPROVED}, "nhập điểm", "enter scores")
    c = candidate_of(exam, number)
    require_active(c)
    rnd = Round(int(round))
    score = _value(exam, rnd, value)
    if rnd == Round.TWO:
        _sat_round2(exam, c)
    if exam.kind == ExamKind.LEADERSHIP:
        _leader_marking(exam, rnd, examiner)
    if Score.objects.filter(candidate=c, round=rnd, examiner=examiner).exists():
        raise InvalidInput(m.SCORE_EXISTS, field=f"round{rnd}", number=number, round=int(rnd))
    s = Score.objects.create(candidate=c, round=rnd, value=score, examiner=examiner, entered_on=on)
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.score.enter",
        entity_type="candidate",
        entity_id=c.pk,
        after={"round": int(rnd), "value": score, "examiner": examiner},
    )
    return s


@transaction.atomic
def score_review(
    *,
    exam_code: str,
    number: int,
    round: int,  # noqa: A002
    value: Any,
    reason: str,
    on: dt.date,
    acting_user: Any,
) -> Score:
    """A review (phúc khảo) within the deadline after the results were posted; the new
    score replaces the old one in the ranking and both stay in the history."""
    exam = exam_locked(exam_code)
    if exam.results_on is None:
        raise InvalidInput(m.REVIEW_BEFORE_RESULTS, field="on")
    deadline = review_deadline(exam)
    if deadline is not None and on > deadline:
        raise InvalidInput(
            m.REVIEW_LATE,
            field="on",
            deadline=deadline.strftime("%d/%m/%Y"),
            on=on.strftime("%d/%m/%Y"),
        )
    c = candidate_of(exam, number)
    rnd = Round(int(round))
    score = _value(exam, rnd, value)
    if not reason.strip():
        raise InvalidInput(m.REASON_REQUIRED, field="reason")
    before = current_scores(exam).get(c.pk, {}).get(int(rnd))
    if before is None:
        raise InvalidInput(m.SCORE_MISSING, field=f"round{rnd}", number=number, round=int(rnd))
    s = Score.objects.create(
        candidate=c, round=rnd, value=score, kind=ScoreKind.REVIEW, reason=reason, entered_on=on
    )
    exam_bump(exam)
    audit_record(
        actor=acting_user,
        action="recruitment.score.review",
        entity_type="candidate",
        entity_id=c.pk,
        before={"round": int(rnd), "value": before},
        after={"round": int(rnd), "value": score},
        reason=reason,
    )
    return s
