"""The reads this issue added to the apps: the registry's first day, the events of a period
(scoped to units), and the streamlining period in force on a date."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.selectors import events_between, registry_start, unit_ids_by_code
from bienche.reports.tests.world import MERGE_ON, build_world
from bienche.staffing.streamlining import period_on

D = dt.date


@pytest.mark.django_db
def test_registry_start_and_events_between():
    assert registry_start() is None
    build_world()
    assert registry_start() == D(2020, 1, 1)
    (merge,) = events_between(D(2023, 1, 1), D(2023, 12, 31))
    assert (merge.effective_on, merge.basis_number) == (MERGE_ON, "15/NQ-HĐND")
    assert merge.n_units > 0
    ids = unit_ids_by_code(["S1", "W1"])
    assert [e.pk for e in events_between(D(2023, 1, 1), D(2023, 12, 31), unit_ids={ids["W1"]})] == [
        merge.pk
    ]
    assert events_between(D(2023, 1, 1), D(2023, 12, 31), unit_ids={ids["S1"]}) == []
    assert events_between(D(2023, 7, 2), D(2023, 12, 31)) == []


def test_period_on():
    assert period_on(D(2021, 6, 1)) is None  # before the first baseline ends
    assert period_on(D(2023, 12, 31)).name == "2022-2026"
    assert period_on(D(2025, 6, 30)).name == "2025-2030"  # the later baseline wins
    assert period_on(D(2031, 1, 1)) is None
