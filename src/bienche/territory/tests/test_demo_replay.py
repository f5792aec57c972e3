"""The Hà Nội demo: the 2025 replay read from the registry's lineage, and a proposal with
its impact (pages included)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from bienche.demo.build import build_demo
from bienche.territory.models import TerritoryRecord
from bienche.territory.replay import territory_replay
from bienche.territory.report import proposal_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    build_demo(progress=False, staffing=False, steering=False, delegation=False, hoalac=False)


def test_replay_2025_from_lineage(demo):
    replay = territory_replay(parent_code="HN", on=dt.date(2025, 7, 1), propose=False)
    assert replay.units_before == 526
    assert len(replay.actual) == 126  # Resolution 1656/NQ-UBTVQH15
    assert replay.must_before > 400
    # every new unit formed of 3 or more old units is exempt from the check (2025 rule)
    assert all(a.meets for a in replay.actual if len(a.members) >= 3)
    assert TerritoryRecord.objects.filter(synthetic=True).count() == 526 + 126


def test_proposal_with_impact_for_a_district(demo):
    rep = proposal_report(
        round_code="nq35-2023",
        parent_code="HN.H.001",
        on=dt.date(2025, 3, 1),
        max_units=8,
        alternatives=1,
    )
    best = rep["proposals"][0]
    assert best["merges"]
    assert best["impact"]["units_fewer"] > 0
    assert best["impact"]["units_after"] == rep["units"] - best["impact"]["units_fewer"]


def test_pages(demo, django_user_model):
    user = django_user_model.objects.create_user("u", password="pw-territory-2026")
    c = Client()
    c.force_login(user)
    r = c.get("/territory/", {"round": "nq35-2023", "on": "2025-03-01", "parent": "HN.H.001"})
    assert r.status_code == 200
    assert b"HN.X.00001" in r.content
    r = c.get(
        "/territory/propose/",
        {"round": "nq35-2023", "on": "2025-03-01", "parent": "HN.H.001", "max_units": "8"},
    )
    assert r.status_code == 200
    assert b"<svg" in r.content
    r = c.get("/territory/propose/", {"round": "nq35-2023", "parent": "HN.H.001", "pin": "A+B"})
    assert r.status_code == 200
    assert b"A+B" in r.content  # the error names the pair


def test_demo_saved_proposal_with_impact(demo, django_user_model):
    from bienche.core.errors import Conflict
    from bienche.territory import messages as msg
    from bienche.territory.impact import proposal_impact
    from bienche.territory.models import SavedProposal
    from bienche.territory.services.proposals import proposal_adopt

    saved = SavedProposal.objects.get()
    assert (saved.parent.code, saved.as_of) == ("HN.H.001", dt.date(2025, 3, 1))
    impact = proposal_impact(saved)
    assert impact["units_fewer"] > 0
    assert impact["offices_freed"] == impact["units_fewer"]
    assert len(impact["groups"]) == saved.groups.count() > 0
    # its units were reorganized on 01/07/2025: adopting it now is refused as stale
    with pytest.raises(Conflict) as exc:
        proposal_adopt(
            proposal_id=saved.pk,
            basis_number="1/NQ-DEMO",
            basis_date=None,
            effective_on=dt.date(2025, 9, 1),
            acting_user=None,
        )
    assert exc.value.message == msg.PROPOSAL_STALE_UNIT
    user = django_user_model.objects.create_user("v", password="pw-territory-2026")
    c = Client()
    c.force_login(user)
    page = c.get(f"/territory/proposals/{saved.pk}/")
    assert page.status_code == 200
    assert b'data-testid="impact"' in page.content
    assert b"HN.H.001" in c.get("/territory/proposals/").content
