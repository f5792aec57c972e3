"""The evaluation of a task as of a date, in the national convention's buckets.

Pure functions of the task's dates (no database), so the same rule serves the task page,
the board, the scorecard over 50,000 tasks and the tests. The rule, as written on the
scorecard page:

* A task does not exist before its assignment date (``None``).
* Cancelled on or before the date: ``cancelled`` (left out of every rate).
* Recurring ("thường xuyên"): ``ongoing``.
* Done means *accepted*: as of ``D`` a task is done when its report was accepted on or
  before ``D``; it is then done on the date it was *reported* done. Done on time when that
  date is on or before the original deadline, else done late, forever: extensions and later
  edits never turn a late task into an on-time one.
* Not done: within deadline while ``D`` is on or before the original deadline, overdue after.
* Without a deadline: done (on time) once accepted, ``no_deadline`` while open.

Extensions are counted and shown, and the deadline in force drives reminders; the score is
always against the original deadline (the deadline the committee set), so a unit cannot
improve its record by asking for more time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bienche.steering.enums import Bucket, DeadlineKind

DONE = frozenset({Bucket.DONE_ON_TIME, Bucket.DONE_LATE})
DUE = frozenset({Bucket.DONE_ON_TIME, Bucket.DONE_LATE, Bucket.OPEN_OVERDUE})


@dataclass(frozen=True, slots=True)
class TaskDates:
    deadline_kind: str
    assigned_on: dt.date
    deadline: dt.date | None
    completed_on: dt.date | None = None
    accepted_on: dt.date | None = None
    cancelled_on: dt.date | None = None


def evaluate(
    task: TaskDates | tuple,
    on: dt.date,
) -> Bucket | None:
    """The bucket of ``task`` as of ``on``; ``None`` when the task was not yet assigned.

    ``task`` may be a :class:`TaskDates` or a tuple in its field order (for bulk rows).
    """
    kind, assigned_on, deadline, completed_on, accepted_on, cancelled_on = (
        task if isinstance(task, tuple) else _as_tuple(task)
    )
    if on < assigned_on:
        return None
    if cancelled_on is not None and cancelled_on <= on:
        return Bucket.CANCELLED
    if kind == DeadlineKind.RECURRING:
        return Bucket.ONGOING
    done = accepted_on is not None and accepted_on <= on and completed_on is not None
    if deadline is None:
        return Bucket.DONE_ON_TIME if done else Bucket.NO_DEADLINE
    if done:
        assert completed_on is not None
        return Bucket.DONE_ON_TIME if completed_on <= deadline else Bucket.DONE_LATE
    return Bucket.OPEN_WITHIN if on <= deadline else Bucket.OPEN_OVERDUE


def _as_tuple(t: TaskDates) -> tuple:
    return (
        t.deadline_kind,
        t.assigned_on,
        t.deadline,
        t.completed_on,
        t.accepted_on,
        t.cancelled_on,
    )


def delay_days(task: TaskDates | tuple, on: dt.date, between) -> int | None:  # type: ignore[no-untyped-def]
    """Working days late as of ``on`` (done late: report date − deadline; overdue: ``on`` −
    deadline), by ``between(a, b)`` (a working-day counter); ``None`` when not late."""
    bucket = evaluate(task, on)
    t = task if isinstance(task, tuple) else _as_tuple(task)
    deadline, completed_on = t[2], t[3]
    if bucket == Bucket.DONE_LATE:
        return between(deadline, completed_on)
    if bucket == Bucket.OPEN_OVERDUE:
        return between(deadline, on)
    return None
