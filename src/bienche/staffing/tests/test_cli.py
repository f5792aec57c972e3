import datetime as dt
import json

import openpyxl
import pytest

from bienche.cli import main
from bienche.org.tests.factories import small_city
from bienche.staffing.models import Person
from bienche.staffing.roster_layout import COLUMNS
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city():
    small_city()
    quota_set(
        unit_code="S1",
        kind="civil_servant",
        amount=5,
        valid_from=dt.date(2021, 1, 1),
        basis_number="Q",
        acting_user=None,
    )
    staff(1, "S1")


def test_report_json(capsys):
    assert (
        main(["staffing", "report", "--as-of", "2022-01-01", "--unit", "UB", "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["by_kind"] == [{"kind": "civil_servant", "quota": 5, "actual": 1, "gap": 4}]


def test_export_then_import_dry_run(capsys, tmp_path):
    out = tmp_path / "r.xlsx"
    assert main(["roster", "export", "--as-of", "2022-01-01", "--out", str(out), "--unmasked"]) == 0
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert ws.max_row == 2
    capsys.readouterr()
    assert main(["roster", "import", str(out), "--dry-run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["ok"], report["unchanged"]) == (True, 1)


def test_import_bad_file_exit_code(capsys, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("nope")
    assert main(["roster", "import", str(bad)]) == 4
    assert "Không đọc được tệp XLSX" in capsys.readouterr().err
    assert Person.objects.count() == 1


def test_streamlining_json(capsys):
    assert (
        main(
            [
                "staffing",
                "streamlining",
                "--unit",
                "S1",
                "--as-of",
                "2025-01-01",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2022-2026"
    assert [r["kind"] for r in data["rows"]] == ["civil_servant"]
    assert main(["staffing", "streamlining", "--period", "1990-1991"]) == 4


def test_report_xlsx(capsys, tmp_path):
    out = tmp_path / "report.xlsx"
    assert (
        main(
            [
                "staffing",
                "report",
                "--as-of",
                "2022-01-01",
                "--unit",
                "UB",
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    ws = openpyxl.load_workbook(out)["Biên chế"]
    assert [c.value for c in ws[4]] == ["Biên chế công chức", 5, 1, 4]
