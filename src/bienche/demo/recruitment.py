"""The 2023 city recruitment demo: a civil-servant exam for the city's departments and a pilot
competitive selection of a head of division (Trưởng phòng) at the Department of Home Affairs.

Real: the rules (Decree 138/2020 as amended by Decree 06/2023: rounds, the 50/100 pass mark,
priority points, tie-breaks). Synthetic, and labelled so (``synthetic=True``, "(giả lập)"):
the plan's decision numbers, the seats, every candidate, every score, the dates.
Each exam runs from plan to appointment: the winners join the roster on their start date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from bienche.core.dating import q_valid_on
from bienche.org.models import Unit
from bienche.recruitment.models import Exam
from bienche.recruitment.selectors import exam_results
from bienche.recruitment.services.appointments import leadership_appoint
from bienche.recruitment.services.candidates import candidate_register
from bienche.recruitment.services.plans import exam_plan_approve, exam_plan_create
from bienche.recruitment.services.results import (
    candidate_appoint,
    exam_results_post,
    tie_decide,
)
from bienche.recruitment.services.scores import score_enter, score_review
from bienche.recruitment.vacancies import quota_gap
from bienche.staffing.models import Assignment
from bienche.staffing.services.positions import position_change
from bienche.staffing.services.roster import assignment_end

SEED = 2023
CS_EXAM = "TTCC-2023"
HEAD_EXAM = "TTLD-2023-NV"
DEPTS = ("HN.S.NV", "HN.S.TC", "HN.S.KHDT", "HN.S.TP", "HN.S.XD", "HN.S.TNMT")
SCHEME_ON = dt.date(2023, 3, 1)
PLAN_ON = dt.date(2023, 5, 15)
EXAM_ON = dt.date(2023, 9, 16)
RESULTS_ON = dt.date(2023, 10, 16)
START_ON = dt.date(2023, 12, 1)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Linh", "Nam")
PRIORITIES = ("", "", "", "", "", "", "military_service", "ethnic_minority", "martyr_child")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} (giả lập)"


def _targets() -> list[dict]:
    """Each department's job-position scheme of 2023 opens seats up to its quota gap."""
    targets = []
    for code in DEPTS:
        unit = Unit.objects.filter(code=code).first()
        gap = quota_gap(unit.pk, "civil_servant", SCHEME_ON) if unit else None
        if not gap:
            continue
        seats = min(gap, 3)
        position_change(
            unit_code=code,
            code="CV",
            on=SCHEME_ON,
            headcount=_headcount(unit) + seats,
            acting_user=None,
        )
        targets.append({"unit_code": code, "position_code": "CV", "seats": seats})
    return targets


def _headcount(unit: Unit) -> int:
    from bienche.staffing.models import JobPositionVersion

    v = JobPositionVersion.objects.filter(position__unit=unit, position__code="CV")
    return v.filter(q_valid_on(SCHEME_ON - dt.timedelta(days=1))).get().headcount


def _candidates(rng: random.Random, exam: str, targets: list[dict], base: int) -> None:
    n = 0
    for t in targets:
        for _ in range(t["seats"] * 3 + 1):
            n += 1
            candidate_register(
                exam_code=exam,
                position_code=t["position_code"],
                personal_id=f"{base + n:012d}",
                full_name=_name(rng),
                birth_date=dt.date(rng.randint(1988, 2000), rng.randint(1, 12), 1),
                sex=rng.choice("MF"),
                education=rng.choice(("university", "university", "master")),
                priority=rng.choice(PRIORITIES),
                synthetic=True,
                acting_user=None,
            )


def _scores(rng: random.Random, exam: Exam, panel: int = 1) -> None:
    for c in exam.candidates.all():
        r1 = rng.randint(35, 95)
        score_enter(
            exam_code=exam.code, number=c.number, round=1, value=r1, on=EXAM_ON, acting_user=None
        )
        if r1 < 50:
            continue
        for k in range(panel):
            score_enter(
                exam_code=exam.code,
                number=c.number,
                round=2,
                value=rng.randint(40, 92),
                examiner=f"GK{k + 1}" if panel > 1 else "",
                on=EXAM_ON,
                acting_user=None,
            )


def _appoint_winners(exam: Exam) -> int:
    appointed = 0
    for block in exam_results(exam):
        for row in block["rows"]:
            if row["outcome"] in {"won", "supplementary"}:
                candidate_appoint(
                    exam_code=exam.code,
                    number=row["candidate"].number,
                    start_on=START_ON,
                    acting_user=None,
                )
                appointed += 1
    return appointed


def _civil_servant_exam(rng: random.Random) -> dict:
    targets = _targets()
    if not targets:
        return {"exams": 0, "candidates": 0, "appointed": 0}
    exam = exam_plan_create(
        code=CS_EXAM,
        title="Thi tuyển công chức các sở năm 2023 (giả lập)",
        kind="civil_servant",
        unit_code="HN.S.NV",
        exam_date=EXAM_ON,
        targets=targets,
        synthetic=True,
        acting_user=None,
    )
    exam_plan_approve(code=CS_EXAM, number="1234/QĐ-UBND (giả lập)", on=PLAN_ON, acting_user=None)
    _candidates(rng, CS_EXAM, targets, 990_000_000)
    _scores(rng, exam)
    exam_results_post(exam_code=CS_EXAM, on=RESULTS_ON, acting_user=None)
    reviewed = exam.candidates.filter(scores__round=2).first()
    if reviewed is not None:
        score_review(
            exam_code=CS_EXAM,
            number=reviewed.number,
            round=2,
            value=78,
            reason="Phúc khảo: cộng sót điểm câu 2 (giả lập)",
            on=RESULTS_ON + dt.timedelta(days=3),
            acting_user=None,
        )
    return {"exams": 1, "candidates": exam.candidates.count(), "appointed": _appoint_winners(exam)}


def _head_selection(rng: random.Random) -> dict:
    """A head of division retires; the post goes to a competitive selection (đề án + defence)."""
    holder = (
        Assignment.objects.filter(unit__code="HN.S.NV", position__code="TP")
        .filter(q_valid_on(PLAN_ON))
        .order_by("id")
        .first()
    )
    if holder is None:
        return {"exams": 0}
    assignment_end(
        personal_id=holder.person.personal_id,
        on=dt.date(2023, 4, 30),
        reason="retirement",
        acting_user=None,
    )
    exam = exam_plan_create(
        code=HEAD_EXAM,
        title="Thi tuyển Trưởng phòng, Sở Nội vụ — thí điểm (giả lập)",
        kind="leadership",
        unit_code="HN.S.NV",
        exam_date=EXAM_ON,
        targets=[
            {
                "unit_code": "HN.S.NV",
                "position_code": "TP",
                "seats": 1,
                "rank_code": "01.002",
                "leadership_coef_h": 60,
            }
        ],
        synthetic=True,
        acting_user=None,
    )
    exam_plan_approve(code=HEAD_EXAM, number="567/QĐ-SNV (giả lập)", on=PLAN_ON, acting_user=None)
    _head_candidates(rng)
    _scores(rng, exam, panel=3)  # round 2: the đề án and its defence, 3 panel members
    exam_results_post(exam_code=HEAD_EXAM, on=RESULTS_ON, acting_user=None)
    return {"exams": 1, "appointed": _appoint_head(exam)}


def _head_candidates(rng: random.Random) -> None:
    """Four external synthetic candidates meeting the post's standards (placeholders [M])."""
    for n in range(1, 5):
        candidate_register(
            exam_code=HEAD_EXAM,
            position_code="TP",
            personal_id=f"{991_000_000 + n:012d}",
            full_name=_name(rng),
            birth_date=dt.date(rng.randint(1978, 1988), rng.randint(1, 12), 1),
            sex=rng.choice("MF"),
            education=rng.choice(("university", "master")),
            internal=False,
            rank_code=rng.choice(("01.003", "01.002")),
            years_in_field=rng.randint(6, 15),
            political_theory=rng.choice(("trung_cap", "cao_cap")),
            state_management=rng.choice(("chuyen_vien", "chuyen_vien_chinh")),
            synthetic=True,
            acting_user=None,
        )


def _appoint_head(exam: Exam) -> int:
    """The appointment decision of the post's winner (a tie: the head decides first)."""
    appointed = 0
    for block in exam_results(exam):
        rows = block["rows"]
        pending = [r for r in rows if r["outcome"] == "tie_pending"]
        if pending:
            tie_decide(
                exam_code=exam.code,
                number=pending[0]["candidate"].number,
                decision_number="601/QĐ-SNV (giả lập)",
                on=RESULTS_ON,
                acting_user=None,
            )
            rows = exam_results(exam)[0]["rows"]
        for row in rows:
            if row["outcome"] == "won":
                leadership_appoint(
                    exam_code=exam.code,
                    number=row["candidate"].number,
                    decision_number="612/QĐ-SNV (giả lập)",
                    decided_on=START_ON - dt.timedelta(days=10),
                    signer="Giám đốc Sở Nội vụ (giả lập)",
                    effective_on=START_ON,
                    acting_user=None,
                )
                appointed += 1
    return appointed


def build_recruitment_demo(step: Callable[[str], None]) -> dict:
    rng = random.Random(SEED)
    out = _civil_servant_exam(rng)
    heads = _head_selection(rng)
    step(
        f"  recruitment 2023: {out['candidates']} candidates, {out['appointed']} recruited; "
        f"head selection: {heads.get('appointed', 0)} appointed"
    )
    return out | {"heads": heads.get("appointed", 0)}


def recruitment_wipe() -> None:
    from bienche.recruitment.models import (
        Candidate,
        LeadershipAppointment,
        Score,
        Target,
        TieDecision,
    )

    for model in (LeadershipAppointment, TieDecision, Score, Candidate, Target, Exam):
        model.objects.all().delete()
