"""The recruitment demo: the 2023 exam runs from plan to appointment; winners are on the
roster from their start date (and not before)."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.dating import q_valid_on
from bienche.demo.build import build_demo
from bienche.demo.recruitment import CS_EXAM, HEAD_EXAM, START_ON
from bienche.recruitment.models import Candidate, Exam, Score
from bienche.staffing.models import Assignment

pytestmark = pytest.mark.django_db(transaction=False)


def test_demo_exam_from_plan_to_roster():
    build_demo(progress=False, scale=0.01, steering=False, delegation=False)
    exam = Exam.objects.get(code=CS_EXAM)
    assert exam.synthetic
    assert exam.status == "results"
    assert exam.plan_number
    assert Score.objects.filter(kind="review", candidate__exam=exam).exists()
    winners = Candidate.objects.filter(exam=exam, status="appointed")
    assert winners.exists()
    for c in winners:
        on_roster = Assignment.objects.filter(person__personal_id=c.personal_id)
        assert on_roster.filter(q_valid_on(START_ON)).exists()
        assert not on_roster.filter(q_valid_on(START_ON - dt.timedelta(days=1))).exists()
    head = Candidate.objects.get(exam__code=HEAD_EXAM, status="appointed")
    post = Assignment.objects.filter(q_valid_on(START_ON)).get(person__personal_id=head.personal_id)
    assert (post.position.code, post.leadership_coef_h) == ("TP", 60)
