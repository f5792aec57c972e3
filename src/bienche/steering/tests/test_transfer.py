"""Open tasks follow their lead unit through a merge, visibly; closed ones stay."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.enums import UnitKind
from bienche.org.services import LegalBasis, unit_merge
from bienche.org.tests.factories import small_city
from bienche.org.tests.factories import spec as unit_spec
from bienche.steering.enums import EventKind
from bienche.steering.models import Task
from bienche.steering.scorecard import scorecard
from bienche.steering.selectors import task_status_on
from bienche.steering.services.lifecycle import task_accept, task_report
from bienche.steering.tests.factories import document, task

D = dt.date
pytestmark = pytest.mark.django_db
MERGE_ON = D(2024, 7, 1)


@pytest.fixture
def merged():
    small_city()
    doc = document(issued_on=D(2024, 3, 1))
    open_task = task(doc, "W1", content="Mở", deadline=D(2024, 9, 30))
    closed = task(doc, "W1", content="Đã xong", deadline=D(2024, 5, 31))
    task_report(task=closed, done=True, on=D(2024, 5, 20), acting_user=None)
    task_accept(task=closed, on=D(2024, 5, 21), acting_user=None)
    supported = task(
        doc, "S1", content="Phối hợp", deadline=D(2024, 9, 30), supporting_codes=["W2"]
    )
    task(
        doc,
        "S2",
        content="Hai phường phối hợp",
        deadline=D(2024, 9, 30),
        supporting_codes=["W1", "W2"],
    )
    unit_merge(
        predecessor_codes=["W1", "W2"],
        successor=unit_spec("W3", "D1", UnitKind.WARD, name="Phường Ba"),
        on=MERGE_ON,
        basis=LegalBasis(number="99/NQ-UBTVQH15", issuer="UBTVQH", date=D(2024, 6, 1)),
        acting_user=None,
    )
    for t in (open_task, closed, supported):
        t.refresh_from_db()
    return open_task, closed, supported


def test_open_task_passes_to_the_successor_visibly(merged):
    open_task, closed, supported = merged
    assert open_task.lead_unit.code == "W3"
    event = open_task.events.get(kind=EventKind.TRANSFERRED)
    assert (event.unit.code, event.to_unit.code, event.on) == ("W1", "W3", MERGE_ON)
    assert "99/NQ-UBTVQH15" in event.note
    assert task_status_on(open_task, D(2024, 6, 30))["lead_unit_id"] == event.unit_id
    assert task_status_on(open_task, MERGE_ON)["lead_unit_id"] == event.to_unit_id
    assert closed.lead_unit.code == "W1"  # the record of the past does not move
    assert list(supported.supports.values_list("unit__code", flat=True)) == ["W3"]


def test_scorecard_counts_the_task_for_whoever_led_it_then(merged):
    before = {u["unit"]: u["assigned"] for u in scorecard(D(2024, 1, 1), D(2024, 6, 30))["units"]}
    after = {u["unit"]: u["assigned"] for u in scorecard(D(2024, 1, 1), D(2024, 12, 31))["units"]}
    assert before["W1"] == 2
    assert after["W1"] == 1
    assert after["W3"] == 1


def test_a_task_entered_late_for_a_merged_unit_is_handed_over(merged):
    late_doc = document(number="LATE/TB", issued_on=D(2024, 5, 1))
    t = task(late_doc, "W2", content="Nhập muộn", deadline=D(2024, 9, 30))
    assert t.lead_unit.code == "W3"
    event = t.events.get(kind=EventKind.TRANSFERRED)
    assert (event.unit.code, event.on) == ("W2", MERGE_ON)


def test_two_supporting_units_merged_become_one_role(merged):
    both = Task.objects.get(content="Hai phường phối hợp")
    assert list(both.supports.values_list("unit__code", flat=True)) == ["W3"]
