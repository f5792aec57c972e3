"""The streamlining report counts the year's recruitment (new hires by exam, heads
appointed) through the staffing hook the recruitment app registers."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.models import Unit
from bienche.recruitment.selectors import recruitment_year
from bienche.recruitment.services.results import candidate_appoint, exam_results_post
from bienche.recruitment.tests.factories import RESULTS_DAY, candidate, department, exam, sat
from bienche.staffing.streamlining import streamlining_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointed():
    department()
    code = exam(seats=2)
    a, b, c = candidate(1), candidate(2), candidate(3)
    for n, score in ((a, 90), (b, 80), (c, 30)):
        sat(code, n, score)
    exam_results_post(exam_code=code, on=RESULTS_DAY, acting_user=None)
    candidate_appoint(exam_code=code, number=a, start_on=dt.date(2024, 12, 1), acting_user=None)
    candidate_appoint(exam_code=code, number=b, start_on=dt.date(2025, 1, 2), acting_user=None)
    return code


def test_year_counts_by_appointment_date_and_scope(appointed):
    s1 = Unit.objects.get(code="S1").pk
    assert recruitment_year(None, 2024) == {
        "year": 2024,
        "new_hires": 1,
        "heads_appointed": 0,
        "by_exam": [
            {
                "code": "T24",
                "title": "Thi tuyển công chức 2024",
                "kind": "civil_servant",
                "appointed": 1,
            }
        ],
    }
    assert recruitment_year(frozenset({s1}), 2025)["new_hires"] == 1
    other = Unit.objects.exclude(pk=s1).first().pk
    assert recruitment_year(frozenset({other}), 2024)["new_hires"] == 0


def test_streamlining_report_carries_the_recruitment(appointed):
    s1 = Unit.objects.get(code="S1")
    report = streamlining_report(s1.pk, "2022-2026", dt.date(2024, 12, 31))
    assert report["recruitment"]["new_hires"] == 1
    assert report["recruitment"]["by_exam"][0]["code"] == "T24"
    city = Unit.objects.get(code="HN")
    assert (
        streamlining_report(city.pk, "2022-2026", dt.date(2025, 6, 1))["recruitment"]["new_hires"]
        == 1
    )
