"""Helpers shared by the recruitment services: lookups that raise the app's errors."""

from __future__ import annotations

from bienche.core.errors import Conflict, InvalidInput, NotFound
from bienche.recruitment import messages as m
from bienche.recruitment.enums import CandidateStatus, ExamStatus
from bienche.recruitment.models import Candidate, Exam, Target

STATUS_VI = {
    ExamStatus.DRAFT: "dự thảo",
    ExamStatus.APPROVED: "đã phê duyệt",
    ExamStatus.RESULTS: "đã có kết quả",
    CandidateStatus.WITHDRAWN: "rút hồ sơ",
    CandidateStatus.DECLINED: "từ chối nhận việc",
    CandidateStatus.APPOINTED: "được tuyển dụng",
}


def exam_locked(code: str, expected_version: int | None = None) -> Exam:
    """The exam locked for a write; a stale ``expected_version`` (someone changed the exam
    since the page was shown) answers ``Conflict``."""
    exam = Exam.objects.select_for_update().filter(code=code).first()
    if exam is None:
        raise NotFound(m.EXAM_UNKNOWN, field="exam", code=code)
    if expected_version is not None and exam.version != expected_version:
        raise Conflict(m.EXAM_STALE, field="expected_version", current=exam.version)
    return exam


def exam_bump(exam: Exam) -> None:
    Exam.objects.filter(pk=exam.pk).update(version=exam.version + 1)
    exam.version += 1


def require_status(exam: Exam, allowed: set[str], action: str, action_en: str) -> None:
    if exam.status not in allowed:
        raise Conflict(
            m.PLAN_STATE,
            field="status",
            status=STATUS_VI.get(exam.status, exam.status),
            action=action,
            action_en=action_en,
        )


def candidate_of(exam: Exam, number: int) -> Candidate:
    c = Candidate.objects.select_related("target__position").filter(exam=exam, number=number)
    found = c.first()
    if found is None:
        raise NotFound(m.CANDIDATE_UNKNOWN, field="number", number=number)
    return found


def require_active(c: Candidate) -> None:
    if c.status != CandidateStatus.REGISTERED:
        raise InvalidInput(
            m.CANDIDATE_NOT_ACTIVE,
            field="number",
            number=c.number,
            status=STATUS_VI.get(c.status, c.status),
        )


def target_of(exam: Exam, position_code: str) -> Target:
    t = Target.objects.select_related("position").filter(exam=exam, position__code=position_code)
    found = t.first()
    if found is None:
        raise InvalidInput(m.TARGET_UNKNOWN, field="position_code", position=position_code)
    return found


def check_candidates_per_post(exam: Exam) -> None:
    """A competitive selection of a leader needs at least two candidates per post
    (Công văn 2424/BNV-CCVC): checked when marking starts and when results are posted."""
    from bienche.recruitment.selectors import exam_rules

    need = exam_rules(exam).get("min_candidates_per_post", 0)
    for target in exam.targets.select_related("position"):
        has = target.candidates.filter(status=CandidateStatus.REGISTERED).count()
        if has < need:
            raise InvalidInput(
                m.TOO_FEW_CANDIDATES,
                field="candidates",
                position=target.position.code,
                need=need,
                has=has,
            )


def check_panel(exam: Exam) -> None:
    """Each candidate marked in round 2 of a leader selection has marks from at least the
    rules' number of panel members (their average is the round's score)."""
    from bienche.recruitment.models import Score
    from bienche.recruitment.selectors import exam_rules

    need = exam_rules(exam).get("panel_min_members", 0)
    if not need:
        return
    marks = Score.objects.filter(candidate__exam=exam, round=2, kind="initial")
    counts: dict[int, set[str]] = {}
    for number, examiner in marks.values_list("candidate__number", "examiner"):
        counts.setdefault(number, set()).add(examiner)
    for number, examiners in sorted(counts.items()):
        if len(examiners) < need:
            raise InvalidInput(
                m.PANEL_TOO_FEW, field="round2", number=number, need=need, has=len(examiners)
            )
