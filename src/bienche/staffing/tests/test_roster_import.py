"""Roster import with real XLSX files: good, bad in each way, re-imported; nothing written on
a bad file; export → import round trip."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from bienche.org.tests.factories import small_city
from bienche.staffing.models import Assignment, Person
from bienche.staffing.roster_export import roster_export_xlsx
from bienche.staffing.roster_layout import COLUMNS
from bienche.staffing.services.roster_import import roster_import
from bienche.staffing.tests.factories import position

pytestmark = pytest.mark.django_db
HEAD = [c.header for c in COLUMNS]


def row(n, **kw):
    base = {
        "Số định danh cá nhân": f"{n:012d}",
        "Họ và tên": f"Trần Thị {n}",
        "Ngày sinh": "1985-03-04",
        "Giới tính": "Nữ",
        "Trình độ": "Đại học",
        "Chuyên môn": "Luật",
        "Mã đơn vị": "S1",
        "Mã vị trí việc làm": "CV",
        "Loại": "civil_servant",
        "Mã ngạch/chức danh": "01.003",
        "Bậc lương": "3",
        "Hệ số lương": "3,00",
        "Ngày nâng bậc gần nhất": "2021-06-01",
        "Hệ số phụ cấp chức vụ": "",
        "Phụ cấp ưu đãi ngành (%)": "",
        "Ngày bắt đầu": "2022-01-01",
    }
    base.update(kw)
    return base


def write(path, rows, headers=HEAD):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append([r.get(h, "") for h in headers])
    wb.save(path)
    return path


@pytest.fixture(autouse=True)
def city():
    small_city()
    position("S1", "CV", headcount=10, min_group="A1")


def snapshot():
    return (
        Person.objects.count(),
        Assignment.objects.count(),
        list(Assignment.objects.order_by("pk").values_list("valid_to", flat=True)),
    )


def test_good_file_then_reimport_changes_nothing(tmp_path):
    path = write(
        tmp_path / "ok.xlsx", [row(1), row(2, **{"Mã đơn vị": "S2", "Mã vị trí việc làm": ""})]
    )
    report = roster_import(path=path, acting_user=None)
    assert report.ok, report.problems
    assert (report.people_created, report.assignments_created) == (2, 2)
    a = Assignment.objects.get(person__personal_id=f"{1:012d}")
    assert (a.coefficient_h, a.step, a.salary_group, a.position.code) == (300, 3, "A1", "CV")
    before = snapshot()
    again = roster_import(path=path, acting_user=None)
    assert again.ok
    assert again.unchanged == 2
    assert again.assignments_created == 0
    assert snapshot() == before


def test_later_row_closes_previous_assignment(tmp_path):
    roster_import(path=write(tmp_path / "a.xlsx", [row(1)]), acting_user=None)
    report = roster_import(
        path=write(
            tmp_path / "b.xlsx",
            [row(1, **{"Ngày bắt đầu": "2024-07-01", "Bậc lương": "4", "Hệ số lương": "3,33"})],
        ),
        acting_user=None,
    )
    assert report.ok
    assert report.assignments_closed == 1
    rows = list(Assignment.objects.order_by("valid_from").values_list("step", "valid_to"))
    assert rows == [(3, dt.date(2024, 7, 1)), (4, None)]


BAD_ROWS = [
    ({"Số định danh cá nhân": "123"}, "Số định danh cá nhân", "12 chữ số"),
    ({"Ngày sinh": "31/02/1985"}, "Ngày sinh", "không hợp lệ"),
    ({"Giới tính": "X"}, "Giới tính", "không hợp lệ"),
    ({"Mã đơn vị": "NOPE"}, "Mã đơn vị", "không tồn tại"),
    ({"Ngày bắt đầu": "2019-01-01"}, "Mã đơn vị", "không hoạt động"),
    ({"Mã ngạch/chức danh": "99.999"}, "Mã ngạch/chức danh", "Không có ngạch"),
    ({"Bậc lương": "12"}, "Bậc lương", "không có trong thang lương"),
    ({"Mã ngạch/chức danh": "01.004", "Bậc lương": "2"}, "Mã ngạch/chức danh", "thấp hơn"),
    ({"Loại": "public_employee"}, "Loại", "dành cho"),
    ({"Hệ số lương": "abc"}, "Hệ số lương", "không hợp lệ"),
    ({"Họ và tên": ""}, "Họ và tên", "Thiếu giá trị"),
    ({"Mã vị trí việc làm": "ZZ"}, "Mã vị trí việc làm", "không có vị trí"),
]


@pytest.mark.parametrize(("change", "column", "words"), BAD_ROWS)
def test_bad_row_reported_and_nothing_written(tmp_path, change, column, words):
    path = write(tmp_path / "bad.xlsx", [row(1), row(2, **change)])
    before = snapshot()
    report = roster_import(path=path, acting_user=None)
    assert not report.ok
    problem = report.problems[0]
    assert (problem.row, problem.column) == (3, column), report.problems
    assert words in problem.vi
    assert snapshot() == before


def test_person_twice_at_once(tmp_path):
    report = roster_import(path=write(tmp_path / "dup.xlsx", [row(1), row(1)]), acting_user=None)
    assert [(p.row, "Trùng với dòng 2" in p.vi) for p in report.problems] == [(3, True)]
    assert Person.objects.count() == 0


def test_overlap_with_existing_history(tmp_path):
    roster_import(
        path=write(tmp_path / "a.xlsx", [row(1, **{"Ngày bắt đầu": "2023-01-01"})]),
        acting_user=None,
    )
    report = roster_import(
        path=write(tmp_path / "b.xlsx", [row(1, **{"Bậc lương": "4"})]), acting_user=None
    )
    assert "Trùng thời gian" in report.problems[0].vi
    assert Assignment.objects.count() == 1


def test_wrong_columns(tmp_path):
    headers = [h for h in HEAD if h != "Bậc lương"] + ["Cột lạ"]
    report = roster_import(path=write(tmp_path / "cols.xlsx", [row(1)], headers), acting_user=None)
    messages = sorted(p.vi for p in report.problems)
    assert messages == [
        "Cột «Cột lạ» không thuộc mẫu danh sách.",
        "Thiếu cột bắt buộc «Bậc lương».",
    ]


def test_empty_and_corrupt_files(tmp_path):
    empty = roster_import(path=write(tmp_path / "empty.xlsx", []), acting_user=None)
    assert empty.problems[0].vi == "Tệp không có dòng dữ liệu nào."
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    report = roster_import(path=corrupt, acting_user=None)
    assert report.problems[0].vi.startswith("Không đọc được tệp XLSX")
    assert Person.objects.count() == 0


def test_dry_run_writes_nothing(tmp_path):
    report = roster_import(
        path=write(tmp_path / "ok.xlsx", [row(1)]), acting_user=None, dry_run=True
    )
    assert report.ok
    assert report.assignments_created == 1
    assert Person.objects.count() == 0


def test_export_round_trip(tmp_path):
    roster_import(path=write(tmp_path / "ok.xlsx", [row(1), row(2)]), acting_user=None)
    out = tmp_path / "export.xlsx"
    n = roster_export_xlsx(out, on=dt.date(2023, 1, 1), mask_ids=False)
    assert n == 2
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert [c.value for c in ws[1]] == HEAD
    assert ws["A2"].value == f"{1:012d}"
    assert ws["L2"].value == "3,00"
    before = snapshot()
    assert roster_import(path=out, acting_user=None).unchanged == 2
    assert snapshot() == before
    masked = tmp_path / "masked.xlsx"
    roster_export_xlsx(masked, on=dt.date(2023, 1, 1))
    assert openpyxl.load_workbook(masked).active["A2"].value == "********0001"
