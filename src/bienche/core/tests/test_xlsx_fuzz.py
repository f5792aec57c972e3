"""The XLSX importers under random, corrupted and hostile files: a clear problem, no crash,
nothing written."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from bienche.core.xlsx import check_archive
from bienche.org.models import Unit
from bienche.org.tests.factories import small_city
from bienche.recruitment.imports import candidates_import_xlsx, scores_import_xlsx
from bienche.recruitment.models import Candidate, Score
from bienche.recruitment.tests.factories import approved_in
from bienche.staffing.models import Assignment, JobPosition, Person
from bienche.staffing.positions_xlsx import positions_import_xlsx
from bienche.staffing.services.roster_import import roster_import
from bienche.steering.models import SourceDocument, Task
from bienche.steering.tasks_xlsx import tasks_import_xlsx
from bienche.steering.tests.factories import document

pytestmark = pytest.mark.django_db


def _valid_workbook(rows: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf)
    book.set_properties({"created": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)})  # same bytes
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()
    return buf.getvalue()


GOOD = _valid_workbook([["STT", "Họ và tên"], ["1", "Nguyễn Văn A"]])


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    return buf.getvalue()


def _import_all(tmp_path, data: bytes) -> None:
    """Every importer on the same bytes; each must report, never raise or write."""
    path = tmp_path / "in.xlsx"
    path.write_bytes(data)
    report = roster_import(path=path, acting_user=None)
    assert report.problems
    target = SourceDocument.objects.filter(number="FUZZ").first() or document(
        number="FUZZ", issued_on=dt.date(2024, 3, 1)
    )
    tasks = tasks_import_xlsx(path, document=target, acting_user=None)
    assert tasks.problems
    unit = Unit.objects.get(code="S1")
    _changed, problems = positions_import_xlsx(
        path, unit_code="S1", unit_id=unit.pk, acting_user=None
    )
    assert problems
    for rnd in (1, 2):
        assert scores_import_xlsx(
            path, exam_code="FZ", round=rnd, on=dt.date(2024, 10, 5), acting_user=None
        ).problems
    assert candidates_import_xlsx(path, exam_code="FZ", acting_user=None).problems
    assert Person.objects.count() == 0
    assert Assignment.objects.count() == 0
    assert JobPosition.objects.count() == 1  # the exam's position (fixture)
    assert Candidate.objects.count() == 0
    assert Score.objects.count() == 0
    assert Task.objects.count() == 0


@pytest.fixture(autouse=True)
def city():
    small_city()
    approved_in("S1", "FZ")  # an exam open for registration (recruitment importers)


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes(tmp_path_factory, data):
    _import_all(tmp_path_factory.mktemp("fuzz"), data)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_corrupted_workbooks(tmp_path_factory, data):
    good = GOOD
    cut = data.draw(st.integers(0, len(good) - 1))
    flip = data.draw(st.integers(0, len(good) - 1))
    corrupted = bytearray(good[:cut] + good[cut:])
    corrupted[flip] ^= 0xFF
    _import_all(tmp_path_factory.mktemp("fuzz"), bytes(corrupted))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=6), min_size=1, max_size=8))
def test_well_formed_workbooks_with_random_cells(tmp_path_factory, rows):
    _import_all(tmp_path_factory.mktemp("fuzz"), _valid_workbook(rows))


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_bomb())
    with pytest.raises(ValueError, match="unpack"):
        check_archive(path)
    _import_all(tmp_path, path.read_bytes())
