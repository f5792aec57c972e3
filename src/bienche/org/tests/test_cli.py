import json

import pytest

from bienche.cli import EXIT_NOT_FOUND, main
from bienche.org.services import LegalBasis, UnitSpec, unit_merge
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city():
    small_city()
    unit_merge(
        predecessor_codes=["W1", "W2"],
        successor=UnitSpec(code="W9", name="Phường Chín", kind="ward", parent_code="HN"),
        on=__import__("datetime").date(2025, 7, 1),
        basis=LegalBasis("1656/NQ-UBTVQH15"),
        acting_user=None,
    )


def run_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_tree_json_with_kind_filter(capsys):
    data = run_json(
        capsys,
        "org",
        "tree",
        "--as-of",
        "2025-06-30",
        "--kind",
        "urban_district,rural_district,ward,commune",
        "--format",
        "json",
    )
    assert data["counts_by_kind"] == {
        "urban_district": 1,
        "rural_district": 1,
        "ward": 2,
        "commune": 1,
    }
    w1 = next(u for u in data["units"] if u["code"] == "W1")
    assert {"code", "name", "kind", "parent_code", "valid_from", "valid_to"} <= set(w1)
    assert w1["parent_code"] == "D1"
    assert w1["valid_to"] == "2025-07-01"
    after = run_json(
        capsys, "org", "tree", "--as-of", "2025-07-01", "--kind", "ward", "--format", "json"
    )
    assert [u["code"] for u in after["units"]] == ["W9"]


def test_tree_text(capsys):
    assert main(["org", "tree", "--as-of", "2021-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Thành phố Hà Nội [HN]")
    assert "    Phường Một [W1] (ward)" in out


def test_lineage_json(capsys):
    data = run_json(capsys, "org", "lineage", "W9", "--format", "json")
    assert sorted(s["predecessor_code"] for s in data["steps"]) == ["W1", "W2"]
    fwd = run_json(capsys, "org", "lineage", "W1", "--direction", "forward", "--format", "json")
    assert [s["successor_code"] for s in fwd["steps"]] == ["W9"]


def test_diff(capsys):
    data = run_json(capsys, "org", "diff", "2025-06-30", "2025-07-01", "--format", "json")
    assert [u["code"] for u in data["added"]] == ["W9"]
    assert sorted(u["code"] for u in data["removed"]) == ["W1", "W2"]


def test_unknown_code_exit_code(capsys):
    assert main(["org", "lineage", "NOPE"]) == EXIT_NOT_FOUND
    err = capsys.readouterr().err
    assert "unit_unknown" in err
    assert "Không có đơn vị" in err


def test_bad_date_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["org", "tree", "--as-of", "30/06/2025"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
