"""`bienche pay …`: scenarios, run (XLSX / Parquet, database or file roster), compare, explain."""

from __future__ import annotations

import json

import openpyxl
import polars as pl
import pytest

from bienche.cli import main
from bienche.core.models import AuditEntry
from bienche.pay.roster_source import roster_frame
from bienche.pay.services import EXPLAIN_VIEWED
from bienche.pay.tests.factories import C_LINES, EMPLOYER_COST, JULY, pay_city, pid

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return pay_city()


def test_scenarios(capsys):
    assert main(["pay", "scenarios"]) == 0
    out = capsys.readouterr().out
    assert "luong-co-so-2024" in out
    assert "nq27-mau [MINH HỌA / ILLUSTRATIVE]" in out
    assert main(["pay", "scenarios", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_run_to_xlsx(people, capsys, tmp_path):
    out = tmp_path / "run.xlsx"
    assert main(["pay", "run", "--month", "2024-07", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "4 người được tính, 1 bị loại (excluded)" in captured.out
    assert "[leadership]" in captured.out
    assert "computing 2024-07" in captured.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Tổng hợp",
        "Theo ngành",
        "Theo loại",
        "Theo cấp",
        "Theo đơn vị",
        "Bị loại",
    ]
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert int(summary["employer_cost"]) == sum(EMPLOYER_COST.values())
    assert int(summary["excluded"]) == 1
    assert book["Bị loại"].max_row == 2


def test_run_to_parquet_for_a_unit(people, capsys, tmp_path):
    out = tmp_path / "run.parquet"
    args = ["pay", "run", "--month", "2024-07", "--unit", "T1", "--out", str(out)]
    assert main(args) == 0
    frame = pl.read_parquet(out)
    assert frame["person_id"].to_list() == [str(people["C"])]
    assert {k: frame[k][0] for k in C_LINES} == C_LINES


def test_run_scenario_on_a_roster_file(people, capsys, tmp_path):
    roster = tmp_path / "roster.parquet"
    roster_frame(JULY).write_parquet(roster)
    out = tmp_path / "what-if.parquet"
    args = ["pay", "run", "--month", "2024-07", "--scenario", "nq27-mau", "--roster", str(roster)]
    assert main([*args, "--out", str(out)]) == 0
    frame = pl.read_parquet(out)
    assert frame.height == 4
    assert frame["position_level"].null_count() == 0
    assert "roster file" in capsys.readouterr().err


def test_run_refuses_bad_roster_and_bad_output(tmp_path, capsys):
    bad = tmp_path / "bad.parquet"
    pl.DataFrame({"person_id": ["1"]}).write_parquet(bad)
    out = str(tmp_path / "x.parquet")
    assert main(["pay", "run", "--month", "2024-07", "--roster", str(bad), "--out", out]) == 4
    assert "missing columns unit_id" in capsys.readouterr().err
    assert main(["pay", "run", "--month", "2024-07", "--out", "x.csv"]) == 2


def test_compare_to_xlsx_and_parquet(people, capsys, tmp_path):
    base = ["pay", "compare", "--from", "2024-07", "--to", "2025-06"]
    base += ["--scenario", "luong-co-so-2024"]
    assert main([*base, "--out", str(tmp_path / "c.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "difference / chênh lệch" in out
    assert "gainers 4" in out
    assert "Tổng hợp" in openpyxl.load_workbook(tmp_path / "c.xlsx").sheetnames
    assert main([*base, "--unit", "D2", "--out", str(tmp_path / "c.parquet")]) == 0
    frame = pl.read_parquet(tmp_path / "c.parquet")
    period = frame.filter((pl.col("dimension") == "unit") & pl.col("month").is_null())
    assert period.height == 1
    assert period["difference"][0] > 0


def test_explain_by_personal_id_or_number(people, capsys):
    assert main(["pay", "explain", pid("C"), "--month", "2024-07", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {x["rule"]: x["amount"] for x in data["lines"]}["net"] == C_LINES["net"]
    assert main(["pay", "explain", str(people["C"]), "--month", "2024-07"]) == 0
    assert "sector_allowance" in capsys.readouterr().out
    entries = AuditEntry.objects.filter(action=EXPLAIN_VIEWED)
    assert entries.count() == 2
    assert {e.after["face"] for e in entries} == {"cli"}


def test_explain_unknown_or_unpayable(people, capsys):
    assert main(["pay", "explain", "999999999999", "--month", "2024-07"]) == 3
    assert main(["pay", "explain", pid("E"), "--month", "2024-07"]) == 4
    assert "rule leadership" in capsys.readouterr().err


def test_bench_pay_tool_prints_its_figures(capsys):
    from bienche.cli import main

    assert main(["bench", "pay", "--staff", "3000"]) == 0
    out = capsys.readouterr().out
    assert "month payroll from Parquet, 3,000 staff" in out
    assert "speed-up over the per-person reference" in out
