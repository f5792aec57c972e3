"""Scorecards: counts, rates, delays in working days, extensions, recording delay, trend."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput, NotFound
from bienche.org.tests.factories import small_city
from bienche.steering import messages as m
from bienche.steering.scorecard import DEFINITIONS, _quarters, scorecard
from bienche.steering.services.lifecycle import (
    task_accept,
    task_cancel,
    task_extension_decide,
    task_extension_request,
    task_report,
)
from bienche.steering.tests.factories import document, task

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    """D1: on time, late (3 working days), overdue; S1: on time with an extension; C1
    cancelled. Document of Friday 2024-03-01; deadline Friday 2024-03-29."""
    small_city()
    doc = document(issued_on=D(2024, 3, 1))
    deadline = D(2024, 3, 29)
    on_time = task(doc, "D1", deadline=deadline, recorded_on=D(2024, 3, 4))
    task_report(task=on_time, done=True, on=D(2024, 3, 28), acting_user=None)
    task_accept(task=on_time, on=D(2024, 4, 2), acting_user=None)
    late = task(doc, "D1", deadline=deadline, recorded_on=D(2024, 3, 12))  # 7 working days
    task_report(task=late, done=True, on=D(2024, 4, 3), acting_user=None)  # Mon, Tue, Wed
    task_accept(task=late, on=D(2024, 4, 3), acting_user=None)
    task(doc, "D1", deadline=deadline, recorded_on=D(2024, 3, 1))  # never done
    ext = task(doc, "S1", deadline=deadline, recorded_on=D(2024, 3, 1))
    task_extension_request(
        task=ext, deadline=D(2024, 4, 30), note="x", on=D(2024, 3, 20), acting_user=None
    )
    task_extension_decide(task=ext, approve=True, on=D(2024, 3, 21), acting_user=None)
    task_report(task=ext, done=True, on=D(2024, 3, 25), acting_user=None)
    task_accept(task=ext, on=D(2024, 3, 26), acting_user=None)
    gone = task(doc, "C1", deadline=deadline, recorded_on=D(2024, 3, 1))
    task_cancel(task=gone, reason="Không còn phù hợp", on=D(2024, 3, 5), acting_user=None)


def test_scorecard_figures(history):
    card = scorecard(D(2024, 1, 1), D(2024, 6, 30))
    units = {u["unit"]: u for u in card["units"]}
    d1 = units["D1"]
    assert (d1["assigned"], d1["done_on_time"], d1["done_late"], d1["open_overdue"]) == (3, 1, 1, 1)
    assert d1["due"] == 3
    assert d1["on_time_rate"] == round(1 / 3, 4)
    # late: 3 working days. Overdue as of Sunday 2024-06-30: April 22 weekdays − Giỗ Tổ
    # 18/4, bridge 29/4, 30/4 = 19; May 23 weekdays − 1/5 + Saturday 4/5 worked = 23;
    # June 20: 62 working days.
    assert d1["avg_delay_days"] == round((3 + 62) / 2, 1)
    assert d1["recorded_in_time"] == 2  # 1 and 0 working days; the 7-day one is not
    s1 = units["S1"]
    assert (s1["done_on_time"], s1["extensions"], s1["on_time_rate"]) == (1, 1, 1.0)
    assert units["C1"]["cancelled"] == 1
    assert units["C1"]["due"] == 0
    assert card["total"]["assigned"] == 5
    assert [u["unit"] for u in card["ranking"]] == ["S1", "D1"]  # C1 has nothing due


def test_scope_to_a_subtree(history):
    card = scorecard(D(2024, 1, 1), D(2024, 6, 30), unit_code="UB")
    assert [u["unit"] for u in card["units"]] == ["S1"]
    assert card["total"]["assigned"] == 1


def test_evaluated_as_of_the_end_of_the_period(history):
    card = scorecard(D(2024, 3, 1), D(2024, 3, 29))
    d1 = {u["unit"]: u for u in card["units"]}["D1"]
    assert (d1["done_on_time"], d1["done_late"], d1["open_within"]) == (0, 0, 3)  # not accepted yet


def test_quarterly_trend(history):
    trend = {q["quarter"]: q for q in scorecard(D(2024, 1, 1), D(2024, 6, 30))["trend"]}
    assert list(trend) == ["2024-Q1", "2024-Q2"]
    q1 = trend["2024-Q1"]  # due 29/3, as of 31/3: S1 accepted 26/3; the others not yet
    assert (q1["due"], q1["done_on_time"], q1["open_overdue"]) == (4, 1, 3)


def test_definitions_are_written_out():
    assert "On-time rate" in DEFINITIONS
    assert "3 working days" in DEFINITIONS


def test_quarters():
    assert [q[0] for q in _quarters(D(2023, 11, 5), D(2024, 4, 1))] == [
        "2023-Q4",
        "2024-Q1",
        "2024-Q2",
    ]
    assert _quarters(D(2024, 12, 1), D(2024, 12, 31))[0][2] == D(2024, 12, 31)


def test_end_before_start_is_refused():
    with pytest.raises(InvalidInput) as exc:
        scorecard(D(2024, 2, 1), D(2024, 1, 1))
    assert exc.value.message == m.SCORECARD_PERIOD_INVALID
    with pytest.raises(InvalidInput):
        scorecard(D(2024, 1, 1), dt.date.max)
    with pytest.raises(NotFound):
        scorecard(D(2024, 1, 1), D(2024, 2, 1), unit_code="NOPE")
