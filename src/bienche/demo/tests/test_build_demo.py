"""The whole demo build and the foundation's acceptance checks on it."""

import datetime as dt
import json

import pytest

from bienche.cli import main
from bienche.demo.build import build_demo, ensure_demo_users
from bienche.demo.hanoi_units import load_hanoi
from bienche.org.models import Unit
from bienche.org.selectors import unit_lineage

pytestmark = pytest.mark.django_db
DISTRICT = {"urban_district", "rural_district", "town"}
COMMUNE = {"ward", "commune", "township"}


def tree(capsys, day):
    assert main(["org", "tree", "--as-of", day, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["units"]


def test_demo_acceptance(capsys):
    build_demo(progress=False, staffing=False, steering=False)
    before = tree(capsys, "2025-06-30")
    districts = [u for u in before if u["kind"] in DISTRICT]
    communes = [u for u in before if u["kind"] in COMMUNE]
    assert (len(districts), len(communes)) == (30, 526)
    assert {u["parent_code"] for u in districts} == {"HN"}
    assert {u["parent_code"] for u in communes} == {u["code"] for u in districts}
    after = tree(capsys, "2025-07-01")
    assert [u for u in after if u["kind"] in DISTRICT] == []
    new = [u for u in after if u["kind"] in COMMUNE]
    assert len(new) == 126
    assert {u["parent_code"] for u in new} == {"HN"}
    assert sum(1 for u in after if u["kind"] == "department") == 16
    assert sum(1 for u in tree(capsys, "2024-12-31") if u["kind"] == "department") == 21

    legacy_code = {c.gso_code: f"HN.X.{c.gso_code}" for c in load_hanoi().communes}
    for nc in load_hanoi().new_communes:
        unit = Unit.objects.get(code=f"HN.X25.{nc.gso_code}")
        first_gen = {s.predecessor_code for s in unit_lineage(unit) if s.depth == 1}
        assert first_gen == {legacy_code[p.legacy_gso_code] for p in nc.predecessors}

    users = ensure_demo_users()
    assert [u[0] for u in users] == ["admin", "canbo.noivu", "xem"]
    assert ensure_demo_users() == users  # idempotent


def test_demo_rebuild_is_deterministic(capsys):
    build_demo(progress=False, staffing=False, steering=False)
    first = tree(capsys, "2023-12-31")
    build_demo(progress=False, rebuild=True, staffing=False, steering=False)
    assert tree(capsys, "2023-12-31") == first


def test_demo_staffing_small_scale_conserved_through_2025():
    from bienche.org.models import Unit
    from bienche.staffing.selectors import staffing_summary

    build_demo(progress=False, scale=0.01, steering=False)
    hn = Unit.objects.get(code="HN").pk

    def actual(day):
        return {r["kind"]: r["actual"] for r in staffing_summary(hn, day)["by_kind"]}

    before = actual(dt.date(2024, 12, 31))
    assert sum(before.values()) > 1000
    assert actual(dt.date(2025, 7, 1)) == before
    after = staffing_summary(hn, dt.date(2026, 6, 30))
    assert all(r["quota"] >= r["actual"] * 0.95 for r in after["by_kind"])
