"""A small world for report tests, built through the real services: the small city of the
org factories, staff and quotas from 2021, two wards merged on 01/07/2023, and 2023 tasks
with every outcome (D1: on time, late, overdue; S1: on time; W3: within deadline)."""

from __future__ import annotations

import datetime as dt

from bienche.org.services import unit_merge
from bienche.org.tests.factories import BASIS, small_city, spec
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import staff
from bienche.steering.services.lifecycle import task_accept, task_report
from bienche.steering.tests.factories import document, task

D = dt.date
MERGE_ON = D(2023, 7, 1)


def _quotas() -> None:
    for code, kind, amount in (
        ("HN", "civil_servant", 20),
        ("S1", "civil_servant", 5),
        ("D1", "civil_servant", 6),
        ("D1", "public_employee_budget", 4),
    ):
        quota_set(
            unit_code=code,
            kind=kind,
            amount=amount,
            valid_from=D(2021, 1, 1),
            basis_number="1/QĐ-TEST",
            acting_user=None,
        )


def _staff() -> None:
    n = 0
    for unit, count, category, rank in (
        ("S1", 4, "civil_servant", "01.003"),
        ("D1", 3, "civil_servant", "01.003"),
        ("W1", 2, "public_employee", "V.07.02.26"),
        ("S2", 2, "civil_servant", "01.003"),
    ):
        for _ in range(count):
            n += 1
            staff(n, unit, category=category, rank=rank)


def _tasks() -> None:
    doc = document(number="5/TB-BCĐ", issued_on=D(2023, 3, 1))
    deadline = D(2023, 3, 31)
    on_time = task(doc, "D1", deadline=deadline, recorded_on=D(2023, 3, 2))
    task_report(task=on_time, done=True, on=D(2023, 3, 28), acting_user=None)
    task_accept(task=on_time, on=D(2023, 3, 29), acting_user=None)
    late = task(doc, "D1", deadline=deadline, recorded_on=D(2023, 3, 2))
    task_report(task=late, done=True, on=D(2023, 4, 5), acting_user=None)
    task_accept(task=late, on=D(2023, 4, 6), acting_user=None)
    task(doc, "D1", deadline=deadline, recorded_on=D(2023, 3, 2), content="Rà soát vị trí")
    s1 = task(doc, "S1", deadline=deadline, recorded_on=D(2023, 3, 2))
    task_report(task=s1, done=True, on=D(2023, 3, 20), acting_user=None)
    task_accept(task=s1, on=D(2023, 3, 21), acting_user=None)
    later = document(number="9/TB-BCĐ", issued_on=D(2023, 12, 1))
    task(later, "W3", deadline=D(2024, 3, 29), recorded_on=D(2023, 12, 4))


def build_world() -> None:
    small_city()
    _quotas()
    _staff()
    unit_merge(
        predecessor_codes=["W1", "W2"],
        successor=spec("W3", "D1", "ward", name="Phường Ba"),
        on=MERGE_ON,
        basis=BASIS.__class__(number="15/NQ-HĐND", issuer="HĐND TP", date=D(2023, 6, 20)),
        acting_user=None,
    )
    _tasks()
