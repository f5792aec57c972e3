"""The services end to end on a small exam, and the bad inputs that must write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.core.models import AuditEntry
from bienche.recruitment import messages as m
from bienche.recruitment.models import Candidate, Exam, Score
from bienche.recruitment.selectors import exam_results
from bienche.recruitment.services.candidates import candidate_register, candidate_withdraw
from bienche.recruitment.services.plans import exam_plan_create
from bienche.recruitment.services.results import (
    candidate_appoint,
    candidate_decline,
    exam_results_post,
    tie_decide,
)
from bienche.recruitment.services.scores import score_enter, score_review
from bienche.recruitment.tests.factories import (
    EXAM_DAY,
    RESULTS_DAY,
    candidate,
    department,
    exam,
    sat,
)
from bienche.staffing.models import Assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    department()
    return exam()


def outcomes(code):
    return {
        r["candidate"].number: (r["outcome"], r["reason"])
        for r in exam_results(Exam.objects.get(code=code))[0]["rows"]
    }


def test_plan_over_the_vacant_seats_is_refused_naming_the_row():
    department(seats=3)
    with pytest.raises(InvalidInput) as err:
        exam(seats=3)  # one of the 3 seats is filled
    assert err.value.message == m.PLAN_OVER_QUOTA
    assert err.value.field == "targets[0].seats"
    assert "Dòng 1" in err.value.vi
    assert not Exam.objects.exists()


def test_plan_over_the_unit_quota_is_refused():
    department(seats=5, quota=2)  # quota 2, one person on the roster: one seat left
    with pytest.raises(InvalidInput) as err:
        exam(seats=2)
    assert err.value.message == m.PLAN_OVER_QUOTA


def test_bad_candidates_are_refused_and_nothing_is_written(world):
    candidate(1)
    base = {
        "exam_code": world,
        "position_code": "CV",
        "full_name": "X",
        "sex": "M",
        "birth_date": dt.date(1990, 1, 1),
        "education": "university",
        "verified_on": dt.date(2024, 1, 1),
        "acting_user": None,
    }
    cases = [
        ({"personal_id": f"{1:012d}"}, m.CANDIDATE_DUPLICATE, "personal_id"),
        (
            {"personal_id": f"{2:012d}", "birth_date": dt.date(2010, 1, 1)},
            m.INELIGIBLE_AGE,
            "birth_date",
        ),
        ({"personal_id": f"{3:012d}", "education": "college"}, m.INELIGIBLE_EDUCATION, "education"),
        (
            {"personal_id": f"{4:012d}", "verified_on": None},
            m.INELIGIBLE_VERIFICATION,
            "verified_on",
        ),
    ]
    audits = AuditEntry.objects.count()
    for change, message, field in cases:
        with pytest.raises(InvalidInput) as err:
            candidate_register(**(base | change))
        assert (err.value.message, err.value.field) == (message, field)
    assert Candidate.objects.count() == 1
    assert AuditEntry.objects.count() == audits


def test_scores_outside_the_scale_or_for_a_round_not_sat_are_refused(world):
    n = candidate(1)
    with pytest.raises(InvalidInput) as err:
        score_enter(exam_code=world, number=n, round=1, value="101", on=EXAM_DAY, acting_user=None)
    assert err.value.message == m.SCORE_SCALE
    score_enter(exam_code=world, number=n, round=1, value=40, on=EXAM_DAY, acting_user=None)
    with pytest.raises(InvalidInput) as err:
        score_enter(exam_code=world, number=n, round=2, value=70, on=EXAM_DAY, acting_user=None)
    assert (err.value.message, err.value.field) == (m.ROUND_NOT_SAT, "round2")
    assert Score.objects.count() == 1


def test_examiners_marks_are_averaged(world):
    n = candidate(1)
    score_enter(exam_code=world, number=n, round=1, value=60, on=EXAM_DAY, acting_user=None)
    for who, value in (("GK1", 70), ("GK2", 80)):
        score_enter(
            exam_code=world,
            number=n,
            round=2,
            value=value,
            examiner=who,
            on=EXAM_DAY,
            acting_user=None,
        )
    row = exam_results(Exam.objects.get(code=world))[0]["rows"][0]
    assert row["round2"] == 75


def test_review_changes_the_ranking_and_keeps_the_history(world):
    a, b = candidate(1), candidate(2)
    c = candidate(3)
    sat(world, a, 80)
    sat(world, b, 70)
    sat(world, c, 65)
    exam_results_post(exam_code=world, on=RESULTS_DAY, acting_user=None)
    assert outcomes(world)[c] == ("lost", "outside_quota")
    score_review(
        exam_code=world,
        number=c,
        round=2,
        value=85,
        reason="Cộng sót câu 3",
        on=RESULTS_DAY + dt.timedelta(days=2),
        acting_user=None,
    )
    assert outcomes(world)[c] == ("won", "within_quota")
    assert outcomes(world)[b] == ("lost", "outside_quota")
    assert list(
        Score.objects.filter(candidate__number=c, round=2).values_list("value", flat=True)
    ) == [65, 85]


def test_review_after_the_deadline_is_refused(world):
    n = candidate(1)
    sat(world, n, 60)
    exam_results_post(exam_code=world, on=RESULTS_DAY, acting_user=None)
    with pytest.raises(InvalidInput) as err:
        score_review(
            exam_code=world,
            number=n,
            round=2,
            value=90,
            reason="x",
            on=RESULTS_DAY + dt.timedelta(days=30),
            acting_user=None,
        )
    assert (err.value.message, err.value.field) == (m.REVIEW_LATE, "on")
    assert Score.objects.filter(kind="review").count() == 0


def test_tie_decided_by_the_head_then_decline_then_appointment(world):
    a, b, c = candidate(1), candidate(2), candidate(3)
    sat(world, a, 90)
    sat(world, b, 70)
    sat(world, c, 70)
    exam_results_post(exam_code=world, on=RESULTS_DAY, acting_user=None)
    assert outcomes(world)[b][0] == outcomes(world)[c][0] == "tie_pending"
    tie_decide(
        exam_code=world, number=c, decision_number="9/QĐ-TEST", on=RESULTS_DAY, acting_user=None
    )
    assert outcomes(world)[c] == ("won", "head_decided")
    assert outcomes(world)[b] == ("lost", "head_decided_other")
    candidate_decline(
        exam_code=world, number=a, on=RESULTS_DAY + dt.timedelta(days=20), acting_user=None
    )
    assert outcomes(world)[b] == ("supplementary", "next")
    start = dt.date(2024, 12, 1)
    candidate_appoint(exam_code=world, number=b, start_on=start, acting_user=None)
    on_roster = Assignment.objects.get(person__personal_id=f"{2:012d}")
    assert (on_roster.valid_from, on_roster.position.code) == (start, "CV")


def test_withdrawn_candidate_leaves_the_ranking(world):
    a, b = candidate(1), candidate(2)
    sat(world, a, 90)
    sat(world, b, 60)
    candidate_withdraw(exam_code=world, number=a, on=EXAM_DAY, acting_user=None)
    assert outcomes(world)[a] == ("withdrawn", "withdrawn")
    assert outcomes(world)[b] == ("won", "within_quota")


def test_plan_codes_are_unique(world):
    with pytest.raises(InvalidInput):
        exam_plan_create(
            code=world,
            title="x",
            kind="civil_servant",
            unit_code="S1",
            exam_date=EXAM_DAY,
            targets=[],
            acting_user=None,
        )
