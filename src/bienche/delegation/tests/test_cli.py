"""`bienche delegation who|import|stats|export`."""

import datetime as dt
import json

import pytest
import xlsxwriter

from bienche.cli import main
from bienche.delegation.models import Transfer
from bienche.delegation.tests.factories import power, transfer
from bienche.delegation.transfers_xlsx import COLUMNS
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    small_city()
    power("P1")
    power("P2", field="education")


def workbook(path, rows):
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, list(COLUMNS))
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, [row.get(c, "") for c in COLUMNS])
    wb.close()
    return str(path)


ROW = {
    "Mã thẩm quyền": "P1",
    "Hình thức": "phân cấp",
    "Cơ quan chuyển giao": "UB",
    "Nhóm đơn vị nhận": "cấp xã",
    "Từ ngày": "01/07/2023",
    "Số văn bản": "20/2023/NQ-HĐND",
    "Ngày văn bản": "15/06/2023",
    "Loại văn bản": "nghị quyết HĐND",
}


def test_who_prints_the_competent_body_and_its_documents(city, capsys):
    transfer(to="D1")
    assert (
        main(["delegation", "who", "--power", "P1", "--unit", "W1", "--as-of", "2024-01-01"]) == 0
    )
    out = capsys.readouterr().out
    assert "Người quyết định: Quận Một (D1) — phân cấp" in out
    assert "Luật Đất đai 2024" in out
    assert main(["delegation", "who", "--power", "NOPE", "--unit", "W1"]) == 3


def test_import_all_or_nothing_with_row_field_reason(city, tmp_path, capsys):
    bad = workbook(tmp_path / "bad.xlsx", [ROW, {**ROW, "Mã thẩm quyền": "P9"}])
    assert main(["delegation", "import", bad]) == 4
    err = capsys.readouterr().err
    assert "dòng 3, cột «Mã thẩm quyền»: Không có thẩm quyền mã «P9»." in err
    assert Transfer.objects.count() == 0
    good = workbook(tmp_path / "good.xlsx", [ROW, {**ROW, "Mã thẩm quyền": "P2"}])
    assert main(["delegation", "import", good]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 2
    t = Transfer.objects.get(power__code="P1")
    assert (t.to_class, t.valid_from, t.document.kind) == (
        "commune_level",
        dt.date(2023, 7, 1),
        "council_resolution",
    )


def test_import_names_bad_cells_and_missing_columns(city, tmp_path, capsys):
    path = workbook(
        tmp_path / "x.xlsx", [{**ROW, "Hình thức": "bàn giao", "Từ ngày": "31/02/2023"}]
    )
    assert main(["delegation", "import", path]) == 4
    err = capsys.readouterr().err
    assert "dòng 2, cột «Hình thức»" in err
    assert "dòng 2, cột «Từ ngày»" in err


def test_stats_and_export(city, tmp_path, capsys):
    transfer(to="D1", document=None)
    assert main(["delegation", "stats", "--year", "2024"]) == 0
    assert "Thẩm quyền đã chuyển giao: 1 (phân cấp 1, ủy quyền 0)" in capsys.readouterr().out
    out = tmp_path / "register.xlsx"
    assert main(["delegation", "export", "--out", str(out)]) == 0
    assert out.stat().st_size > 0
