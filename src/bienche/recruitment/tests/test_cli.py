"""`bienche recruit rank`: text, JSON and XLSX; an unknown exam exits 3 (not found)."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from bienche.cli import main
from bienche.recruitment.tests.factories import candidate, department, exam, sat

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked():
    department()
    code = exam(seats=1)
    sat(code, candidate(1), 80)
    sat(code, candidate(2), 45)
    return code


def test_rank_json_gives_each_reason(ranked, capsys):
    assert main(["recruit", "rank", "--exam", ranked, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["positions"][0]["rows"]
    assert [(r["number"], r["outcome"]) for r in rows] == [(1, "won"), (2, "failed")]
    assert rows[1]["reason_text"] == "Điểm vòng 2 dưới mức đạt 50"


def test_rank_xlsx_and_text(ranked, capsys, tmp_path):
    out = tmp_path / "rank.xlsx"
    assert main(["recruit", "rank", "--exam", ranked, "--format", "xlsx", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    assert sheet["E4"].value == "Thí sinh 1"
    assert main(["recruit", "rank", "--exam", ranked]) == 0
    assert "SBD" in capsys.readouterr().out


def test_unknown_exam(capsys):
    assert main(["recruit", "rank", "--exam", "NOPE"]) != 0
