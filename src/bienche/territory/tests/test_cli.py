from __future__ import annotations

import json

import pytest

from bienche.cli import main
from bienche.territory.tests.factories import city_with_records

pytestmark = pytest.mark.django_db


def test_check_json(capsys):
    city_with_records()
    args = ["territory", "check", "--round", "nq35-2023", "--as-of", "2023-08-01"]
    assert main([*args, "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    status = {u["code"]: u["status"] for u in rep["units"]}
    # W1: 1 km² (18%), 9,500 people (63% of 15,000) → must; W2: 91% and 80% → encouraged;
    # C1: 83% of the area, 113% of the population → compliant
    assert status == {"W1": "must", "W2": "encouraged", "C1": "compliant"}
    assert main(args) == 0
    assert "W1" in capsys.readouterr().out


def test_propose_json_and_text(capsys):
    city_with_records()
    base = ["territory", "propose", "--round", "nq35-2023", "--parent", "D1"]
    assert main([*base, "--as-of", "2023-08-01", "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    best = rep["proposals"][0]
    assert [m["code"] for m in best["merges"][0]["members"]] == ["W1", "W2"]
    assert best["merges"][0]["population"] == 21500
    assert best["impact"]["units_fewer"] == 1
    assert main([*base, "--as-of", "2023-08-01"]) == 0
    assert "Phường Một + Phường Hai" in capsys.readouterr().out


def test_unknown_round_exit_code(capsys):
    assert main(["territory", "check", "--round", "nq99", "--as-of", "2023-08-01"]) == 3
    assert "nq99" in capsys.readouterr().err
