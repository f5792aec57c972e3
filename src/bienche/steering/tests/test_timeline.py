"""The task page's one-query timeline agrees with the selectors it replaces on the page:
``task_status_on``, ``lifecycle.pending_extension``, ``task_history`` and the count."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.tests.factories import small_city
from bienche.steering import selectors as sel
from bienche.steering.enums import EventKind
from bienche.steering.models import TaskEvent
from bienche.steering.services import lifecycle
from bienche.steering.tests.factories import task
from bienche.steering.timeline import task_timeline

pytestmark = pytest.mark.django_db

D = dt.date(2024, 3, 1)
SEQUENCE = [
    (EventKind.PROGRESS, 5, {"percent": 20}),
    (EventKind.EXTENSION_REQUESTED, 8, {"deadline": dt.date(2024, 6, 30)}),
    (EventKind.PROGRESS, 10, {"percent": None, "note": "không ghi %"}),
    (EventKind.EXTENSION_APPROVED, 12, {"deadline": dt.date(2024, 6, 30)}),
    (EventKind.PROGRESS, 20, {"percent": 60, "product_ref": "BC 2"}),
    (EventKind.REPORTED_DONE, 25, {"percent": 100}),
    (EventKind.RETURNED, 27, {}),
    (EventKind.EXTENSION_REQUESTED, 30, {"deadline": dt.date(2024, 8, 31)}),
    (EventKind.PROGRESS, 31, {"percent": 80}),
]


def _compare(t, on, latest):
    timeline = task_timeline(t, on, latest=latest)
    assert timeline.state == sel.task_status_on(t, on)
    expected_pending = lifecycle.pending_extension(t)
    assert (timeline.pending.pk if timeline.pending else None) == (
        expected_pending.pk if expected_pending else None
    )
    assert timeline.total == t.events.count()
    history = sel.task_history(t, latest=latest)
    assert [e.pk for e in timeline.shown] == [e.pk for e in history]
    for row, event in zip(timeline.shown, history, strict=True):
        assert row.get_kind_display() == event.get_kind_display()
        assert row.note == event.note
        assert row.product_ref == event.product_ref
        assert row.actor_name == (event.actor.get_username() if event.actor else "")
    return timeline


@pytest.mark.parametrize("latest", [None, 3, 1])
def test_timeline_agrees_with_the_selectors_at_every_step(latest):
    small_city()
    t = task(lead="D1")
    seen_pending = set()
    for kind, day, extra in SEQUENCE:
        TaskEvent.objects.create(task=t, kind=kind, on=D + dt.timedelta(days=day), **extra)
        for on in (
            D,
            D + dt.timedelta(days=day - 1),
            D + dt.timedelta(days=day),
            dt.date(2025, 1, 1),
        ):
            timeline = _compare(t, on, latest)
            seen_pending.add(timeline.pending is not None)
    assert seen_pending == {True, False}  # the sequence both opens and closes a request
