"""A small world for the statistical forms, built through the real services.

small_city (HN → D1 → W1, W2; D2 → C1; UB → S1, S2) with quotas for D1 and D2, staff in
D1, W1, D2 and S1, job positions in D1 and D2, a posted exam of D1 and two tasks (D1's
overdue, D2's within its deadline) as of ``AS_OF``.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from bienche.org.tests.factories import small_city
from bienche.recruitment.tests.factories import exam_in
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import position, staff
from bienche.steering.tests.factories import task

AS_OF = dt.date(2024, 11, 30)


def _quota(unit: str, kind: str, amount: int) -> None:
    quota_set(
        unit_code=unit,
        kind=kind,
        amount=amount,
        valid_from=dt.date(2021, 1, 1),
        basis_number="1/QĐ-TEST",
        acting_user=None,
    )


def forms_world() -> None:
    small_city()
    _quota("D1", "civil_servant", 10)
    _quota("D2", "civil_servant", 4)
    _quota("W1", "commune_official", 5)
    position("D1", "CV", headcount=3)
    position("D2", "LD", headcount=1, category="leadership")
    staff(1, "D1", position="CV")
    staff(2, "D1", position="CV")
    staff(3, "W1", category="commune_official")
    staff(4, "D2", position="LD")
    staff(5, "S1", category="public_employee", rank="V.07.02.25")
    exam_in("D1")
    task(lead="D1", deadline=dt.date(2024, 4, 30))
    task(lead="D2", deadline=dt.date(2024, 12, 31))


def open_sheet(data: bytes):  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert len(wb.worksheets) == 1
    return wb.worksheets[0]


def row_of(ws, label: str) -> int:  # type: ignore[no-untyped-def]
    """The row whose first three cells hold ``label`` (e.g. the total row)."""
    for row in ws.iter_rows(min_row=7):
        if any(c.value == label for c in row[:3]):
            return row[0].row
    raise AssertionError(f"no row {label!r}")


def values(ws, row: int) -> list:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[row]]
