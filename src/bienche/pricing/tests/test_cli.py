"""`bienche pricing price SERVICE --as-of DATE` and `bienche pricing pilot-report`."""

import json
import zipfile

import pytest

from bienche.cli import main
from bienche.pricing.services.pilot import school_accounts_record
from bienche.pricing.tests.factories import account, pilot_schools, preschool_service

pytestmark = pytest.mark.django_db


def test_price_on_a_date(capsys):
    preschool_service()
    assert main(["pricing", "price", "MN", "--as-of", "2024-07-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["full"], data["base_salary"]) == (524_859, 2_340_000)
    assert main(["pricing", "price", "MN", "--as-of", "2024-06-30"]) == 0
    out = capsys.readouterr().out
    assert "419.822" in out
    assert "Nghị định 24/2023/NĐ-CP" in out
    assert (
        main(
            [
                "pricing",
                "price",
                "MN",
                "--as-of",
                "2024-06-30",
                "--base-salary",
                "2340000",
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["full"] == 524_859


def test_price_of_an_unknown_service_fails(capsys):
    assert main(["pricing", "price", "XX", "--as-of", "2024-07-01"]) == 3


def test_pilot_report(tmp_path, capsys):
    codes = pilot_schools(2)
    rows = [
        (n, account(c, {"U": "urban", "R": "rural", "M": "mountain"}[c[0]]))
        for n, c in enumerate(codes, 2)
    ]
    assert school_accounts_record(year=2023, rows=rows, acting_user=None) == []
    out = tmp_path / "r.docx"
    assert (
        main(
            [
                "pricing",
                "pilot-report",
                "--year",
                "2023",
                "--out",
                str(out),
                "--continue-from",
                "99",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["schools"] == 6
    with zipfile.ZipFile(out) as z:
        assert "Tiếp tục" in z.read("word/document.xml").decode()
