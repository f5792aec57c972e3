import datetime as dt

import openpyxl
import pytest

from bienche.org.models import Unit
from bienche.org.tests.factories import small_city
from bienche.staffing.models import JobPosition, JobPositionVersion
from bienche.staffing.positions_xlsx import HEADERS, positions_export_xlsx, positions_import_xlsx

pytestmark = pytest.mark.django_db


def write(path, rows, headers=HEADERS):
    wb = openpyxl.Workbook()
    wb.active.append(list(headers))
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def run(path):
    unit = Unit.objects.get(code="S1")
    return positions_import_xlsx(path, unit_code="S1", unit_id=unit.pk, acting_user=None)


GOOD = [
    ["CV", "Chuyên viên", "professional", "A1", 5, "open", "2022-01-01"],
    ["GD", "Giám đốc", "leadership", "A2.1", 1, "open", "2022-01-01"],
]


def test_import_export_round_trip_idempotent(tmp_path):
    small_city()
    assert run(write(tmp_path / "p.xlsx", GOOD)) == (2, [])
    assert run(write(tmp_path / "p.xlsx", GOOD)) == (0, [])
    changed = [["CV", "Chuyên viên", "professional", "A1", 7, "open", "2023-01-01"]]
    assert run(write(tmp_path / "c.xlsx", changed)) == (1, [])
    heads = JobPositionVersion.objects.filter(position__code="CV").order_by("valid_from")
    assert [v.headcount for v in heads] == [5, 7]
    out = tmp_path / "out.xlsx"
    assert (
        positions_export_xlsx(out, unit_id=Unit.objects.get(code="S1").pk, on=dt.date(2023, 6, 1))
        == 2
    )
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert run(out) == (0, [])


def test_bad_rows_write_nothing(tmp_path):
    small_city()
    bad = [GOOD[0], ["GD", "", "boss", "Z9", 0, "open", "2022-13-01"]]
    changed, problems = run(write(tmp_path / "b.xlsx", bad))
    assert changed == 0
    assert {(p.row, p.column) for p in problems} == {
        (3, "Tên vị trí"),
        (3, "Nhóm"),
        (3, "Nhóm lương tối thiểu"),
        (3, "Số người cần"),
        (3, "Ngày hiệu lực"),
    }
    assert not JobPosition.objects.exists()


def test_service_error_rolls_back_every_row(tmp_path):
    small_city()
    rows = [GOOD[0], ["GD", "Giám đốc", "leadership", "A2.1", 1, "open", "2019-01-01"]]
    changed, problems = run(write(tmp_path / "r.xlsx", rows))
    assert changed == 0
    assert problems[0].row == 3
    assert "không hoạt động" in problems[0].vi
    assert not JobPosition.objects.exists()
