"""XLSX import of candidates and scores: a good file, each kind of bad file (row, column and
reason in Vietnamese), and nothing written on any problem."""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from openpyxl import load_workbook

from bienche.recruitment.imports import (
    CANDIDATE_HEADERS,
    SCORE_HEADERS,
    candidates_import_xlsx,
    scores_import_xlsx,
    template_xlsx,
)
from bienche.recruitment.models import Candidate, Score
from bienche.recruitment.tests.factories import EXAM_DAY, candidate, department, exam

pytestmark = pytest.mark.django_db


def book(path, headers, rows):
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, headers)
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, row)
    wb.close()
    return path


GOOD = [
    ["CV", "001098000201", "Nguyễn Văn An", "03/02/1998", "Nam", "Đại học", "", "01/06/2024"],
    [
        "CV",
        "001098000202",
        "Trần Thị Bình",
        "1997-12-31",
        "Nữ",
        "thạc sĩ",
        "con liệt sĩ",
        "01/06/2024",
    ],
]


@pytest.fixture
def approved():
    department()
    return exam()


def imp(tmp_path, rows, headers=CANDIDATE_HEADERS):
    return candidates_import_xlsx(
        book(tmp_path / "c.xlsx", headers, rows), exam_code="T24", acting_user=None
    )


def test_good_candidates_file_registers_everyone(approved, tmp_path):
    report = imp(tmp_path, GOOD)
    assert report.ok
    assert report.rows == 2
    b = Candidate.objects.get(personal_id="001098000202")
    assert (b.number, b.sex, b.education, b.priority) == (2, "F", "master", "martyr_child")
    assert b.birth_date == dt.date(1997, 12, 31)


@pytest.mark.parametrize(
    ("change", "row", "column", "words"),
    [
        ({3: "31/02/1998"}, 3, "Ngày sinh", "không hợp lệ"),
        ({4: "X"}, 3, "Giới tính", "«X» không hợp lệ"),
        ({2: ""}, 3, "Họ và tên", "Thiếu giá trị"),
        ({1: "001098000201"}, 3, "Số định danh cá nhân", "Trùng số định danh với dòng 2"),
        ({3: "01/01/2010"}, 3, "Ngày sinh", "chưa đủ 18 tuổi"),  # eligibility (service)
        ({5: "Cao đẳng"}, 3, "Trình độ", "yêu cầu trình độ"),
        ({7: ""}, 3, "Ngày đạt kiểm định", "kiểm định chất lượng đầu vào"),
        ({0: "XX"}, 3, "Mã vị trí", "không tuyển vị trí «XX»"),
        ({1: "12AB"}, 3, "Số định danh cá nhân", ""),
    ],
)
def test_each_bad_row_is_named_and_nothing_is_written(
    approved, tmp_path, change, row, column, words
):
    bad = list(GOOD[1])
    for i, v in change.items():
        bad[i] = v
    report = imp(tmp_path, [GOOD[0], bad])
    assert not report.ok
    p = report.problems[0]
    assert (p.row, p.column) == (row, column)
    assert words in p.vi
    assert not Candidate.objects.exists()


def test_already_registered_and_missing_column(approved, tmp_path):
    candidate(1)  # personal id 000000000001
    report = imp(
        tmp_path,
        [GOOD[0], ["CV", "000000000001", "A", "03/02/1998", "Nam", "Đại học", "", "01/06/2024"]],
    )
    assert [(p.row, p.column) for p in report.problems] == [(3, "Số định danh cá nhân")]
    assert "đã đăng ký kỳ thi này (số báo danh 1)" in report.problems[0].vi
    assert Candidate.objects.count() == 1
    report = imp(tmp_path, [row[:-2] for row in GOOD], headers=CANDIDATE_HEADERS[:5])
    assert [(p.row, p.column) for p in report.problems] == [(1, "Trình độ")]
    assert Candidate.objects.count() == 1


def test_not_an_xlsx_and_an_empty_file(approved, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a workbook")
    report = candidates_import_xlsx(path, exam_code="T24", acting_user=None)
    assert report.problems[0].row == 0
    assert "Không đọc được" in report.problems[0].vi
    assert "không có dòng" in imp(tmp_path, []).problems[0].vi


def scores(tmp_path, rows, rnd=1):
    return scores_import_xlsx(
        book(tmp_path / "s.xlsx", SCORE_HEADERS, rows),
        exam_code="T24",
        round=rnd,
        on=EXAM_DAY,
        acting_user=None,
    )


@pytest.fixture
def registered(approved):
    return [candidate(n) for n in (1, 2, 3)]


def test_scores_per_round_and_examiner(registered, tmp_path):
    r1 = [[1, "Thí sinh 1", "80", ""], [2, "Thí sinh 2", "45", ""], [3, "", "70,5", ""]]
    assert scores(tmp_path, r1).ok
    r2 = [[1, "", 80, "GK1"], [1, "", 90, "GK2"], [3, "", 60, "GK1"]]
    report = scores(tmp_path, r2, rnd=2)
    assert report.ok
    assert report.rows == 3
    assert Score.objects.filter(round=2, candidate__number=1).count() == 2
    assert Score.objects.get(round=1, candidate__number=3).value == 70.5


@pytest.mark.parametrize(
    ("rows", "rnd", "row", "column", "words"),
    [
        ([[1, "", "80"], [3, "", "101"]], 1, 3, "Điểm", "ngoài thang điểm 0–100"),
        ([[1, "", "80"], [3, "", "abc"]], 1, 3, "Điểm", "ngoài thang điểm"),
        ([[1, "", "80"], [9, "", "50"]], 1, 3, "Số báo danh", "Không có thí sinh số báo danh 9"),
        ([[1, "", "80"], ["x", "", "50"]], 1, 3, "Số báo danh", "không hợp lệ"),
        ([[1, "", "80"], [1, "", "50"]], 1, 3, "Số báo danh", "Trùng số báo danh"),
        ([[1, "", "80"], [3, "Người khác", "50"]], 1, 3, "Họ và tên", "không khớp"),
        ([[1, "", "80"], [2, "", "70"]], 2, 3, "Điểm", "không được thi vòng 2"),
        ([[1, "", "80"], [3, "", ""]], 1, 3, "Điểm", "Thiếu giá trị"),
    ],
)
def test_bad_scores_are_named_and_nothing_is_written(
    registered, tmp_path, rows, rnd, row, column, words
):
    from bienche.recruitment.services.scores import score_enter

    if rnd == 2:
        for n, v in ((1, 80), (2, 30)):
            score_enter(exam_code="T24", number=n, round=1, value=v, on=EXAM_DAY, acting_user=None)
    before = Score.objects.count()
    report = scores(tmp_path, [[*r, ""] for r in rows], rnd=rnd)
    assert not report.ok
    assert any(p.row == row and p.column == column and words in p.vi for p in report.problems), (
        report.problems
    )
    assert Score.objects.count() == before


def test_templates_have_vietnamese_headers_and_round_trip(registered, tmp_path):
    for kind, headers in (("candidates", CANDIDATE_HEADERS), ("scores", SCORE_HEADERS)):
        path = tmp_path / f"{kind}.xlsx"
        template_xlsx(path, kind=kind)
        wb = load_workbook(path)
        assert [c.value for c in wb.worksheets[0][1]] == list(headers)
        assert wb.worksheets[1].title == "Hướng dẫn"
    wb = load_workbook(tmp_path / "scores.xlsx")
    wb.worksheets[0].append([1, "Thí sinh 1", 75, ""])
    wb.save(tmp_path / "filled.xlsx")
    report = scores_import_xlsx(
        tmp_path / "filled.xlsx", exam_code="T24", round=1, on=EXAM_DAY, acting_user=None
    )
    assert report.ok, report.problems
