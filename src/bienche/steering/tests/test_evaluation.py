"""The evaluation buckets, pinned date by date (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.steering.enums import Bucket, DeadlineKind
from bienche.steering.evaluation import TaskDates, delay_days, evaluate

D = dt.date
ASSIGNED, DEADLINE = D(2024, 3, 1), D(2024, 3, 29)


def dates(**kw) -> TaskDates:
    kw.setdefault("deadline_kind", DeadlineKind.DATE)
    kw.setdefault("assigned_on", ASSIGNED)
    kw.setdefault("deadline", DEADLINE)
    return TaskDates(**kw)


def test_not_assigned_yet():
    assert evaluate(dates(), D(2024, 2, 29)) is None


@pytest.mark.parametrize(
    ("on", "bucket"),
    [
        (ASSIGNED, Bucket.OPEN_WITHIN),
        (DEADLINE, Bucket.OPEN_WITHIN),  # the deadline day itself is still within
        (D(2024, 3, 30), Bucket.OPEN_OVERDUE),
    ],
)
def test_open_task(on, bucket):
    assert evaluate(dates(), on) == bucket


def test_done_on_time_counts_from_acceptance_not_before():
    t = dates(completed_on=D(2024, 3, 20), accepted_on=D(2024, 3, 25))
    assert evaluate(t, D(2024, 3, 24)) == Bucket.OPEN_WITHIN  # reported, not yet accepted
    assert evaluate(t, D(2024, 3, 25)) == Bucket.DONE_ON_TIME


def test_reported_before_deadline_accepted_after_is_on_time():
    t = dates(completed_on=D(2024, 3, 29), accepted_on=D(2024, 4, 5))
    assert evaluate(t, D(2024, 4, 1)) == Bucket.OPEN_OVERDUE  # as it stood then
    assert evaluate(t, D(2024, 4, 5)) == Bucket.DONE_ON_TIME  # done on the day reported


def test_done_late_stays_late_forever():
    t = dates(completed_on=D(2024, 4, 2), accepted_on=D(2024, 4, 3))
    for on in (D(2024, 4, 3), D(2025, 1, 1), D(2030, 12, 31)):
        assert evaluate(t, on) == Bucket.DONE_LATE


def test_extension_does_not_change_the_score():
    """Scored against the original deadline: the evaluation has no extended deadline input,
    so a task done within an approved extension is done late."""
    t = dates(completed_on=D(2024, 4, 10), accepted_on=D(2024, 4, 10))
    assert evaluate(t, D(2024, 4, 10)) == Bucket.DONE_LATE


def test_cancelled_from_its_date():
    t = dates(cancelled_on=D(2024, 4, 5))
    assert evaluate(t, D(2024, 4, 4)) == Bucket.OPEN_OVERDUE
    assert evaluate(t, D(2024, 4, 5)) == Bucket.CANCELLED


def test_recurring_is_ongoing():
    t = dates(deadline_kind=DeadlineKind.RECURRING, deadline=None)
    assert evaluate(t, D(2026, 1, 1)) == Bucket.ONGOING


def test_no_deadline():
    t = dates(deadline_kind=DeadlineKind.NONE, deadline=None)
    assert evaluate(t, D(2024, 6, 1)) == Bucket.NO_DEADLINE
    done = dates(
        deadline_kind=DeadlineKind.NONE,
        deadline=None,
        completed_on=D(2024, 5, 1),
        accepted_on=D(2024, 5, 2),
    )
    assert evaluate(done, D(2024, 6, 1)) == Bucket.DONE_ON_TIME


def test_tuple_and_dataclass_agree():
    t = dates(completed_on=D(2024, 4, 2), accepted_on=D(2024, 4, 3))
    as_tuple = (t.deadline_kind, t.assigned_on, t.deadline, t.completed_on, t.accepted_on, None)
    assert evaluate(as_tuple, D(2024, 5, 1)) == evaluate(t, D(2024, 5, 1))


def test_delay_days():
    def between(a, b):
        return (b - a).days

    late = dates(completed_on=D(2024, 4, 2), accepted_on=D(2024, 4, 3))
    assert delay_days(late, D(2024, 5, 1), between) == 4
    assert delay_days(dates(), D(2024, 4, 8), between) == 10
    assert delay_days(dates(), D(2024, 3, 10), between) is None
