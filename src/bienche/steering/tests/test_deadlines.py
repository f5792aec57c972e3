"""Deadlines as "N working days from the document" across Tết and official swap days.

Expected dates are counted by hand from the Government's official calendars:
2024: Tết 08/02–14/02 off; 29/04 (Mon) off in exchange for Saturday 04/05 worked.
2025: Tết 25/01–02/02 off; 02/05 (Fri) off in exchange for Saturday 26/04 worked.
2026: Tết 14/02–22/02 off; Giỗ Tổ 26/04 (Sun) compensated Monday 27/04; 31/08 off in
exchange for Saturday 22/08 worked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.tests.factories import small_city
from bienche.steering.enums import DeadlineKind
from bienche.steering.tests.factories import document, task

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city():
    small_city()


@pytest.mark.parametrize(
    ("issued_on", "days", "expected"),
    [
        (D(2024, 2, 7), 3, D(2024, 2, 19)),  # Thu 8/2 … Wed 14/2 Tết; 15, 16, 19
        (D(2024, 4, 26), 1, D(2024, 5, 2)),  # 29/4 bridge, 30/4, 1/5 off
        (D(2024, 5, 3), 1, D(2024, 5, 4)),  # Saturday 4/5/2024 is worked
        (D(2025, 1, 24), 5, D(2025, 2, 7)),  # 25/1 … 2/2 Tết
        (D(2025, 4, 24), 2, D(2025, 4, 26)),  # Fri 25/4, Saturday 26/4 worked
        (D(2025, 4, 29), 2, D(2025, 5, 6)),  # 30/4, 1/5, 2/5 (swap), weekend off
        (D(2026, 2, 13), 1, D(2026, 2, 23)),  # 14/2 … 22/2 Tết
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # Giỗ Tổ on Sunday 26/4, Monday 27/4 in lieu
        (D(2026, 8, 21), 1, D(2026, 8, 22)),  # Saturday 22/8/2026 worked
        (D(2026, 8, 28), 1, D(2026, 9, 3)),  # 31/8 swap, 1/9 and 2/9 national day
    ],
)
def test_working_day_deadline(issued_on, days, expected):
    doc = document(number=f"{issued_on:%d%m%Y}/TB", issued_on=issued_on)
    t = task(doc, deadline_kind=DeadlineKind.WORKING_DAYS, deadline_days=days)
    assert t.deadline == expected
    assert t.current_deadline == expected
    assert t.deadline_days == days
