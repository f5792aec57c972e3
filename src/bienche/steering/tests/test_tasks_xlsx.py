import datetime as dt
import unicodedata

import openpyxl
import pytest
from django.utils import translation

from bienche.org.permissions import Scope
from bienche.org.tests.factories import small_city
from bienche.steering import messages as m
from bienche.steering.enums import Bucket, DeadlineKind, Period, Priority, Status
from bienche.steering.models import Task
from bienche.steering.selectors import document_tasks
from bienche.steering.services.documents import document_create
from bienche.steering.services.lifecycle import task_accept, task_report
from bienche.steering.tasks_xlsx import (
    COL_DEADLINE,
    COL_DOCUMENT,
    COL_ITEM,
    COL_KIND,
    COL_LEAD,
    DEADLINE_WORDS,
    PERIOD_WORDS,
    PRIORITY_WORDS,
    TEMPLATE_HEADERS,
    tasks_export_xlsx,
    tasks_import_xlsx,
    tasks_template_xlsx,
)

pytestmark = pytest.mark.django_db

H = TEMPLATE_HEADERS
# STT, content, lead, support, post, leader, kind, deadline, days, period, priority, programme
GOOD = [
    ["1", "Rà soát vị trí việc làm", "D1", "S1; S2", "Chủ tịch UBND quận", "Ông A", "",
     dt.date(2024, 4, 30), None, "", "cao", ""],
    ["2", "Báo cáo sắp xếp", "D2", "", "Chủ tịch UBND huyện", "", "số ngày làm việc",
     None, 10, "", "", ""],
    ["3", "Báo cáo định kỳ", "S1", "", "Giám đốc Sở", "", "thường xuyên", None, None, "quý",
     "khẩn", ""],
    ["4", "Nghiên cứu đề án", "S2", "", "Giám đốc Sở", "", "", None, None, "", "", ""],
]  # fmt: skip


@pytest.fixture
def doc():
    small_city()
    return document_create(
        kind="conclusion",
        number="12/KL-UBND",
        issuer="UBND Thành phố",
        issuer_unit_code="UB",
        issued_on=dt.date(2024, 3, 1),
        summary="Kết luận",
        acting_user=None,
    )


def write(path, rows, headers=H):
    wb = openpyxl.Workbook()
    wb.active.append(list(headers))
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_import_creates_every_kind(doc, tmp_path):
    report = tasks_import_xlsx(write(tmp_path / "t.xlsx", GOOD), document=doc, acting_user=None)
    assert (report.ok, report.rows, report.created) == (True, 4, 4), report.problems
    tasks = {t.item: t for t in Task.objects.filter(document=doc)}
    assert (tasks["1"].deadline_kind, tasks["1"].deadline) == ("date", dt.date(2024, 4, 30))
    assert sorted(tasks["1"].supports.values_list("unit__code", flat=True)) == ["S1", "S2"]
    assert (tasks["1"].priority, tasks["1"].responsible_leader) == ("high", "Ông A")
    assert (tasks["2"].deadline_kind, tasks["2"].deadline) == ("working_days", dt.date(2024, 3, 15))
    assert (tasks["3"].deadline_kind, tasks["3"].period, tasks["3"].priority) == (
        "recurring",
        "quarter",
        "urgent",
    )
    assert (tasks["4"].deadline_kind, tasks["4"].deadline) == ("none", None)


def test_codes_unicode_forms_and_document_column(doc, tmp_path):
    headers = [unicodedata.normalize("NFD", h).upper() for h in H] + [COL_DOCUMENT]
    rows = [
        ["1", "Việc", "D1", "", "GĐ", "", "working_days", None, "5", "", "urgent", "", doc.number],
        [
            "2",
            "Việc",
            "D1",
            "",
            "GĐ",
            "",
            "RECURRING",
            None,
            None,
            "half_year",
            "",
            "",
            " 12/kl-ubnd",
        ],
    ]
    path = write(tmp_path / "t.xlsx", rows, headers)
    report = tasks_import_xlsx(path, document=doc, acting_user=None, dry_run=True)
    assert (report.ok, report.created, report.dry_run) == (True, 0, True), report.problems
    assert not Task.objects.exists()


def test_cell_problems_name_row_and_column(doc, tmp_path):
    rows = [
        GOOD[0],
        ["x" * 20, "Việc", "D1", "", "GĐ", "", "sớm", "31/02/2024", "", "", "", ""],
        ["2b", "Việc", "D1", "", "GĐ", "", "", "31/12/9999", "", "", "", ""],
        ["3", "Việc", "D1", "", "GĐ", "", "ngày", dt.date(2024, 4, 1), "abc", "", "", ""],
        ["4", "Việc", "D1", "", "GĐ", "", "", dt.date(2024, 4, 1), 5, "", "", ""],
        ["5", "Việc", "D1", "", "GĐ", "", "không thời hạn", None, None, "tháng", "", ""],
    ]
    report = tasks_import_xlsx(write(tmp_path / "t.xlsx", rows), document=doc, acting_user=None)
    found = {(p.row, p.column) for p in report.problems}
    assert found == {
        (3, COL_ITEM),
        (3, COL_KIND),
        (3, COL_DEADLINE),
        (4, COL_DEADLINE),
        (5, "Số ngày làm việc"),
        (6, COL_KIND),
        (7, "Kỳ báo cáo"),
    }
    assert all(p.vi and p.en for p in report.problems)
    assert not Task.objects.exists()


def test_business_problems_map_to_columns(doc, tmp_path):
    rows = [
        GOOD[0],
        ["2", "Việc", "XX", "", "GĐ", "", "", dt.date(2024, 4, 1), None, "", "", ""],
        ["3", "Việc", "D1", "", "GĐ", "", "", dt.date(2024, 2, 1), None, "", "", ""],
        ["4", "Việc", "D1", "", "GĐ", "", "ngày", None, None, "", "", ""],
        ["5", "Việc", "D1", "", "GĐ", "", "thường xuyên", None, None, "", "", ""],
        ["6", "Việc", "D1", "D1", "GĐ", "", "", None, None, "", "", ""],
    ]
    report = tasks_import_xlsx(write(tmp_path / "t.xlsx", rows), document=doc, acting_user=None)
    assert [(p.row, p.column) for p in report.problems] == [
        (3, COL_LEAD),
        (4, COL_DEADLINE),
        (5, COL_DEADLINE),
        (6, "Kỳ báo cáo"),
        (7, "Đơn vị phối hợp"),
    ]
    assert report.problems[0].vi == m.TASK_LEAD_NOT_ACTIVE.render("vi", code="XX", on="2024-03-01")
    assert not Task.objects.exists()


def test_file_level_problems(doc, tmp_path):
    headers = [h for h in H if h != COL_LEAD] + ["Ghi chú"]
    path = write(tmp_path / "h.xlsx", [], headers)
    report = tasks_import_xlsx(path, document=doc, acting_user=None)
    assert {(p.row, p.column) for p in report.problems} == {(0, "Ghi chú"), (0, COL_LEAD)}
    other = [[*GOOD[0], "99/TB"]]
    path = write(tmp_path / "d.xlsx", other, [*H, COL_DOCUMENT])
    report = tasks_import_xlsx(path, document=doc, acting_user=None)
    assert [(p.row, p.column) for p in report.problems] == [(2, COL_DOCUMENT)]
    empty = tasks_import_xlsx(write(tmp_path / "e.xlsx", []), document=doc, acting_user=None)
    assert [p.row for p in empty.problems] == [0]
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert not tasks_import_xlsx(bad, document=doc, acting_user=None).ok


def test_vocabularies_cover_every_code():
    assert set(DEADLINE_WORDS) == set(DeadlineKind.values)
    assert set(PERIOD_WORDS) == set(Period.values)
    assert set(PRIORITY_WORDS) == set(Priority.values)


def test_export_real_dates_and_vietnamese_labels(doc, tmp_path):
    assert tasks_import_xlsx(write(tmp_path / "t.xlsx", GOOD), document=doc, acting_user=None).ok
    first = Task.objects.get(item="1")
    task_report(task=first, done=True, on=dt.date(2024, 4, 10), acting_user=None)
    task_accept(task=first, on=dt.date(2024, 4, 12), acting_user=None)
    rows = document_tasks(doc, dt.date(2024, 5, 15), Scope(True, frozenset()))
    out = tmp_path / "out.xlsx"
    tasks_export_xlsx(rows, out)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Mã nhiệm vụ", COL_DOCUMENT, COL_ITEM, "Nội dung nhiệm vụ"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:O5"
    row = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert row[COL_DEADLINE].value.date() == dt.date(2024, 4, 30)
    assert row[COL_DEADLINE].number_format == "dd/mm/yyyy"
    assert row["Ngày hoàn thành"].value.date() == dt.date(2024, 4, 10)
    assert row[COL_KIND].value == "ngày"
    with translation.override("vi"):
        assert row["Trạng thái"].value == str(Status.ACCEPTED.label)
        assert row["Đánh giá"].value == str(Bucket.DONE_ON_TIME.label)
        late = {c.value for c in ws["M"][1:]}
        assert str(Bucket.OPEN_OVERDUE.label) in late


def test_template_round_trip(doc, tmp_path):
    path = tmp_path / "template.xlsx"
    tasks_template_xlsx(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Nhiệm vụ"]
    assert tuple(c.value for c in ws[1]) == H
    assert [r[0].value for r in wb["Hướng dẫn"].iter_rows(min_row=2)] == list(H)
    for r in GOOD:
        ws.append(r)
    wb.save(path)
    assert tasks_import_xlsx(path, document=doc, acting_user=None).created == 4
