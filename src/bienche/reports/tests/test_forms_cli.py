"""`bienche report forms`: the whole set written, one workbook per form."""

from __future__ import annotations

import pytest

from bienche.cli import main
from bienche.reports.forms import FORMS
from bienche.reports.tests.forms_world import forms_world, open_sheet

pytestmark = pytest.mark.django_db


def test_cli_writes_the_whole_set(tmp_path, capsys):
    forms_world()
    out = tmp_path / "bieu-mau"
    assert main(["report", "forms", "--as-of", "2024-11-30", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f.filename() for f in FORMS)
    assert "BM01-don-vi-hanh-chinh.xlsx" in names
    printed = capsys.readouterr().out
    assert all(n in printed for n in names)
    for spec in FORMS:
        ws = open_sheet((out / spec.filename()).read_bytes())
        assert ws["A2"].value == "Tính đến ngày 30/11/2024"


def test_cli_unit_scope_and_errors(tmp_path, capsys):
    forms_world()
    out = tmp_path / "d1"
    assert (
        main(["report", "forms", "--as-of", "2024-11-30", "--unit", "D1", "--out", str(out)]) == 0
    )
    ws = open_sheet((out / "BM02-bien-che.xlsx").read_bytes())
    assert "(D1)" in ws["A3"].value
    assert (
        main(["report", "forms", "--as-of", "2024-11-30", "--unit", "XX", "--out", str(out)]) == 3
    )
    assert "lỗi" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "forms", "--as-of", "30/11/2024", "--out", str(out)])
