"""The statistical forms: layout of every workbook, and figures equal to the selectors'."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.utils import get_column_letter

from bienche.core.errors import NotFound
from bienche.org.models import Unit
from bienche.org.selectors import unit_counts_as_of, unit_tree_as_of
from bienche.recruitment.models import Exam
from bienche.recruitment.selectors import exam_results
from bienche.reports import messages as m
from bienche.reports.forms import FORMS, form_get, form_xlsx
from bienche.reports.forms.sheet import INT_FORMAT, PCT_FORMAT
from bienche.reports.tests.forms_world import AS_OF, forms_world, open_sheet, row_of, values
from bienche.staffing import selectors as ssel
from bienche.steering.scorecard import scorecard

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    forms_world()


@pytest.mark.parametrize("spec", FORMS, ids=lambda s: s.code)
def test_layout_of_every_form(world, spec):
    table = spec.build(AS_OF, None)
    ws = open_sheet(spec.xlsx(AS_OF, None))
    width = len(table.columns)
    assert ws.title == spec.code
    assert ws["A1"].value == f"{spec.code}. {table.title}"
    assert ws["A2"].value == "Tính đến ngày 30/11/2024"
    merged = {str(r) for r in ws.merged_cells.ranges}
    last = get_column_letter(width)
    assert {f"A1:{last}1", f"A2:{last}2", "A5:A6"} <= merged
    col = 1
    for group in table.groups:  # every group's header: merged across or down
        n = len(group.columns)
        first = ws.cell(row=5, column=col)
        assert first.value == group.header
        end = f"{get_column_letter(col + n - 1)}{5 if n > 1 else 6}"
        assert f"{first.coordinate}:{end}" in merged
        if n > 1:
            assert [ws.cell(row=6, column=col + i).value for i in range(n)] == [
                c.header for c in group.columns
            ]
        col += n
    assert ws.freeze_panes == "A7"
    assert ws.column_dimensions["C"].width >= 10
    total = row_of(ws, "Tổng cộng")
    assert all(ws.cell(row=total, column=c).font.b for c in range(1, width + 1))
    for c, column in enumerate(table.columns, 1):
        want = {"int": INT_FORMAT, "pct": PCT_FORMAT}.get(column.kind)
        if want:
            assert ws.cell(row=total, column=c).number_format == want
    footer = ws.cell(row=total + 2, column=1).value
    assert footer.startswith("Nguồn số liệu: bienche.")


def test_units_form_equals_the_registry_counts(world):
    ws = open_sheet(form_xlsx("BM01", AS_OF, None))
    counts = unit_counts_as_of(AS_OF)
    assert [ws.cell(row=5, column=c).value for c in (3, 6)] == ["Theo cấp", "Tổng số"]
    assert [ws.cell(row=6, column=c).value for c in (3, 4, 5)] == [
        "Cấp thành phố",
        "Cấp huyện",
        "Cấp xã",
    ]
    total = values(ws, row_of(ws, "Tổng cộng"))
    assert total[2:] == [
        counts["by_level"].get("city", 0),
        counts["by_level"].get("district", 0),
        counts["by_level"].get("commune", 0),
        counts["total"],
    ]
    assert values(ws, row_of(ws, "Phường"))[2:] == [0, 0, 2, 2]
    scoped = open_sheet(form_xlsx("BM01", AS_OF, "D1"))
    assert values(scoped, row_of(scoped, "Tổng cộng"))[-1] == 3


def test_staffing_form_equals_the_staffing_summary(world):
    ws = open_sheet(form_xlsx("BM02", AS_OF, None))
    hn = Unit.objects.get(code="HN").pk
    summary = ssel.staffing_summary(hn, AS_OF)
    quota = {r["kind"]: r for r in summary["by_kind"]}
    total = values(ws, row_of(ws, "Tổng cộng"))
    assert ws.cell(row=5, column=4).value == "Biên chế công chức"
    assert total[3:6] == [
        quota["civil_servant"]["quota"],
        quota["civil_servant"]["actual"],
        quota["civil_servant"]["gap"],
    ]
    assert total[3:6] == [14, 3, 11]
    assert total[18:20] == [19, 5]  # all kinds: quota and staff
    d1 = values(ws, row_of(ws, "D1"))
    d1_summary = ssel.staffing_summary(Unit.objects.get(code="D1").pk, AS_OF)
    assert d1[18:20] == [
        sum(r["quota"] for r in d1_summary["by_kind"]),
        sum(r["actual"] for r in d1_summary["by_kind"]),
    ]
    assert [values(ws, r)[1] for r in range(7, row_of(ws, "Tổng cộng"))] == ["D1", "D2", "UB"]


def test_positions_form_equals_position_fill(world):
    ws = open_sheet(form_xlsx("BM03", AS_OF, None))
    ids = set(unit_tree_as_of(AS_OF).by_id)
    fill = ssel.position_fill(ids, AS_OF)
    total = values(ws, row_of(ws, "Tổng cộng"))
    assert total[-4:] == [
        len(fill["positions"]),
        fill["seats_needed"],
        fill["seats_filled"],
        fill["seats_needed"] - fill["seats_filled"],
    ]
    assert ws.cell(row=5, column=4).value == "Lãnh đạo, quản lý"
    d2 = values(ws, row_of(ws, "D2"))
    assert d2[3:6] == [1, 1, 1]  # one leadership position, one needed, one filled


def test_recruitment_form_equals_the_exam_results(world):
    ws = open_sheet(form_xlsx("BM04", AS_OF, None))
    exam = Exam.objects.get(code="MX")
    rows = [r for b in exam_results(exam) for r in b["rows"]]
    won = sum(1 for r in rows if r["outcome"] == "won")
    line = values(ws, row_of(ws, "MX"))
    assert line[5].date() == dt.date(2024, 10, 5)
    assert ws.cell(row=row_of(ws, "MX"), column=6).number_format == "dd/mm/yyyy"
    assert line[6:10] == [1, len(rows), won, 0]
    assert line[10] == pytest.approx(won / len(rows))
    before = open_sheet(form_xlsx("BM04", dt.date(2024, 10, 10), None))  # results not posted
    assert values(before, row_of(before, "MX"))[8] is None
    assert open_sheet(form_xlsx("BM04", dt.date(2024, 10, 1), None)).max_row < ws.max_row


def test_steering_form_equals_the_scorecard(world):
    ws = open_sheet(form_xlsx("BM05", AS_OF, None))
    card = scorecard(dt.date(2024, 1, 1), AS_OF)
    total = values(ws, row_of(ws, "Tổng cộng"))
    keys = ("assigned", "done_on_time", "done_late", "open_within", "open_overdue")
    assert total[3:8] == [card["total"][k] for k in keys]
    assert total[3:8] == [2, 0, 0, 1, 1]
    assert values(ws, row_of(ws, "D1"))[7] == 1  # D1's task is overdue
    scoped = open_sheet(form_xlsx("BM05", AS_OF, "D1"))
    codes = [values(scoped, r)[1] for r in range(7, row_of(scoped, "Tổng cộng"))]
    assert codes == ["D1"]


def test_a_unit_scope_keeps_other_units_out(world):
    for spec in FORMS:
        ws = open_sheet(spec.xlsx(AS_OF, "D1"))
        text = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
        assert not text & {"D2", "C1", "S1", "Huyện Hai", "Xã Một"}, spec.code
        assert "Quận Một (D1)" in ws["A3"].value


def test_bad_scope_and_unknown_form(world):
    with pytest.raises(NotFound) as exc:
        form_xlsx("BM01", dt.date(2019, 1, 1), "D1")  # D1 was established in 2020
    assert exc.value.message == m.FORM_UNIT_ABSENT
    with pytest.raises(NotFound):
        form_xlsx("BM01", AS_OF, "NOPE")
    with pytest.raises(NotFound) as exc:
        form_get("BM99")
    assert exc.value.message == m.FORM_UNKNOWN


def test_a_date_with_no_data_gives_empty_forms(world):
    for spec in FORMS:  # before the city was established: headers, a zero total, no rows
        ws = open_sheet(spec.xlsx(dt.date(2019, 6, 30), None))
        total = values(ws, row_of(ws, "Tổng cộng"))
        assert row_of(ws, "Tổng cộng") == 7, spec.code
        assert all(v in (None, 0) for v in total if not isinstance(v, str)), spec.code
