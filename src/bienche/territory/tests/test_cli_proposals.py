"""CLI: save, show, adopt a proposal; import boundaries and adjacency; period warning."""

from __future__ import annotations

import json

import pytest

from bienche.cli import main
from bienche.org.models import ReorgEvent
from bienche.territory.models import Adjacency, SavedProposal
from bienche.territory.tests.factories import city_with_records

pytestmark = pytest.mark.django_db
SAVE = ["territory", "save", "--round", "nq35-2023", "--parent", "D1", "--as-of", "2023-08-01"]


def test_save_show_adopt(capsys):
    city_with_records()
    assert main([*SAVE, "--format", "json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["impact"]["units_after"] == 1
    pid = str(saved["id"])
    assert main(["territory", "show", "--proposal", pid]) == 0
    assert "W1 + W2" in capsys.readouterr().out
    adopt = ["territory", "adopt", "--proposal", pid, "--basis", "9/NQ-UBTVQH15"]
    assert main([*adopt, "--basis-date", "2023-10-01", "--effective", "2023-11-01"]) == 0
    assert "9/NQ-UBTVQH15" in capsys.readouterr().out
    assert ReorgEvent.objects.filter(kind="merge", basis_number="9/NQ-UBTVQH15").count() == 1
    assert main([*adopt, "--effective", "2023-12-01"]) == 4  # already adopted (conflict)
    assert "territory_proposal_adopted" in capsys.readouterr().err
    assert main(["territory", "proposals"]) == 0
    assert "adopted" in capsys.readouterr().out
    assert SavedProposal.objects.get().status == "adopted"


def test_period_warning_on_stderr(capsys):
    city_with_records()
    assert main(["territory", "check", "--round", "nq35-2023", "--as-of", "2023-01-01"]) == 0
    err = capsys.readouterr().err
    assert "01/01/2023" in err
    assert "nq35-2023" in err
    assert main(["territory", "check", "--round", "nq35-2023", "--as-of", "2023-08-01"]) == 0
    assert capsys.readouterr().err == ""


def test_import_files(tmp_path, capsys):
    city_with_records()
    geo = tmp_path / "b.geojson"
    square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    right = [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]
    geo.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "properties": {"code": "W2"},
                        "geometry": {"type": "Polygon", "coordinates": square},
                    },
                    {
                        "properties": {"ma": "C1"},
                        "geometry": {"type": "Polygon", "coordinates": right},
                    },
                ],
            }
        )
    )
    assert main(["territory", "import-boundaries", str(geo)]) == 0
    assert "1 cặp liền kề" in capsys.readouterr().out
    assert Adjacency.objects.filter(unit_a__code__in=["W2", "C1"], approximate=False).count() == 1
    csv = tmp_path / "a.csv"
    csv.write_text("W1,XX\n")
    assert main(["territory", "import-adjacency", str(csv)]) == 4
    assert "XX" in capsys.readouterr().err
