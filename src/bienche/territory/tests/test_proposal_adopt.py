"""From a saved proposal to the registry: impact before adoption, adoption through org's
merge events (staff, quotas, delegations and tasks carried), stale and repeated adoption
refused, nothing half-written on error."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.audit import AuditEntry
from bienche.core.errors import Conflict, Forbidden, InvalidInput
from bienche.delegation.models import Transfer
from bienche.delegation.tests.factories import delegation, power
from bienche.org.models import LineageEdge, ReorgEvent, UnitVersion
from bienche.org.services.access import membership_grant
from bienche.org.services.events import unit_rename
from bienche.org.tests.factories import BASIS
from bienche.staffing.models import Assignment, Quota
from bienche.staffing.services.positions import position_create
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import staff
from bienche.steering.models import Task
from bienche.steering.tests.factories import task
from bienche.territory import messages as msg
from bienche.territory.impact import proposal_impact
from bienche.territory.models import Adjacency, SavedProposal, TerritoryRecord
from bienche.territory.services.proposals import proposal_adopt, proposal_save
from bienche.territory.services.territory_import import RecordIn, territory_import
from bienche.territory.tests.factories import city_with_records

pytestmark = pytest.mark.django_db
ON = dt.date(2023, 8, 1)
EFFECTIVE = dt.date(2024, 1, 1)
D0 = dt.date(2021, 1, 1)


def _world() -> None:
    city_with_records()
    n = 0
    for code, people, quota in (("W1", 2, 5), ("W2", 3, 6), ("C1", 1, 4)):
        position_create(
            unit_code=code,
            code=f"{code}.CT",
            title="Chủ tịch UBND",
            category="leadership",
            headcount=1,
            valid_from=D0,
            acting_user=None,
        )
        quota_set(
            unit_code=code,
            kind="civil_servant",
            amount=quota,
            valid_from=D0,
            basis_number="Q",
            acting_user=None,
        )
        for i in range(people):
            n += 1
            staff(n, code, position=f"{code}.CT" if i == 0 else None)
    task(lead="W1", deadline=dt.date(2024, 6, 30))
    power("P1")
    delegation(to="W2", from_unit="D1")


def _save(**kw):
    return proposal_save(round_code="nq35-2023", parent_code="D1", on=ON, acting_user=None, **kw)


def _adopt(p, **kw):
    kw.setdefault("basis_number", "1234/NQ-UBTVQH15")
    kw.setdefault("basis_date", dt.date(2023, 11, 20))
    kw.setdefault("effective_on", EFFECTIVE)
    return proposal_adopt(proposal_id=p.pk, acting_user=None, **kw)


def test_saved_proposal_keeps_inputs_and_shows_impact():
    _world()
    p = _save(pinned=("W1+W2",))
    assert p.status == "saved"
    assert p.pinned == ["W1+W2"]
    assert [g.members for g in p.groups.all()] == [["W1", "W2"]]
    assert p.groups.get().new_name == "Phường Hai"  # the most populous member's name
    impact = proposal_impact(p)
    assert (impact["units_before"], impact["units_after"]) == (2, 1)
    assert (impact["offices_before"], impact["offices_after"]) == (2, 1)
    assert impact["staff_in_merged_units"] == 5
    assert impact["quotas_carried"] == {"civil_servant": 11}
    assert impact["open_tasks_carried"] == 1
    # two people chair the People's Committee in the new unit; the norm is one
    assert impact["groups"][0]["leadership_surplus"] == [
        {"post": "Chủ tịch UBND", "count": 2, "norm": 1, "surplus": 1}
    ]
    assert impact["leadership_surplus"] == 1
    assert AuditEntry.objects.filter(action="territory.proposal_save").count() == 1


def test_adopt_merges_with_lineage_and_carries_everything():
    _world()
    p = _save()
    staff_before = Assignment.objects.filter(valid_to__isnull=True).count()
    quota_before = sum(Quota.objects.filter(valid_to__isnull=True).values_list("amount", flat=True))
    p = _adopt(p)
    group = p.groups.get()
    new = group.new_code
    assert p.status == "adopted"
    assert p.basis_number == "1234/NQ-UBTVQH15"
    event = ReorgEvent.objects.get(pk=group.event_id)
    assert (event.kind, event.effective_on, event.basis_number) == (
        "merge",
        EFFECTIVE,
        "1234/NQ-UBTVQH15",
    )
    lineage = set(
        LineageEdge.objects.filter(event=event).values_list(
            "predecessor__code", "successor__code", "share_bp"
        )
    )
    assert lineage == {("W1", new, 10000), ("W2", new, 10000)}
    v = UnitVersion.objects.get(unit__code=new)
    assert (v.kind, v.parent.code, v.name, v.valid_from) == ("ward", "D1", "Phường Hai", EFFECTIVE)
    for old in ("W1", "W2"):
        assert UnitVersion.objects.get(unit__code=old).valid_to == EFFECTIVE
    on = EFFECTIVE
    assert Assignment.objects.filter(unit__code=new, valid_from__lte=on, valid_to=None).count() == 5
    assert Quota.objects.get(unit__code=new, valid_to=None).amount == 11
    quota_after = sum(Quota.objects.filter(valid_to__isnull=True).values_list("amount", flat=True))
    assert quota_after == quota_before  # totals conserved
    assert Assignment.objects.filter(valid_to__isnull=True).count() == staff_before
    assert Task.objects.get().lead_unit.code == new
    carried = Transfer.objects.get(to_unit__code=new)
    assert (carried.valid_from, carried.carried_from.to_unit.code) == (EFFECTIVE, "W2")
    rec = TerritoryRecord.objects.get(unit__code=new)
    assert (rec.as_of, rec.area_km2, rec.population_permanent) == (EFFECTIVE, 6.0, 21000)
    assert rec.population_temporary == 500
    assert AuditEntry.objects.filter(action="territory.proposal_adopt").count() == 1


def test_adopting_twice_is_refused():
    _world()
    p = _adopt(_save())
    with pytest.raises(Conflict) as exc:
        _adopt(p, effective_on=dt.date(2024, 2, 1))
    assert exc.value.message == msg.PROPOSAL_ADOPTED
    assert ReorgEvent.objects.filter(kind="merge").count() == 1


def test_stale_proposal_refused_when_a_unit_changed():
    _world()
    p = _save()
    unit_rename(code="W1", name="Phường Mới", on=dt.date(2023, 9, 1), basis=BASIS, acting_user=None)
    with pytest.raises(Conflict) as exc:
        _adopt(p)
    assert exc.value.message == msg.PROPOSAL_STALE_UNIT
    assert exc.value.params["unit"] == "W1"
    assert not ReorgEvent.objects.filter(kind="merge").exists()
    assert SavedProposal.objects.get().status == "saved"


def test_stale_proposal_refused_when_the_data_changed():
    _world()
    p = _save()
    territory_import(
        rows=[RecordIn("W1", "ward", 3.0, 9000)],
        adjacency=[],
        as_of=dt.date(2023, 1, 31),
        source="correction",
        acting_user=None,
    )
    with pytest.raises(Conflict) as exc:
        _adopt(p)
    assert exc.value.message == msg.PROPOSAL_STALE_DATA


def test_error_in_the_middle_writes_nothing():
    """Two groups; the second's new code is already taken: the first merge is rolled back."""
    _world()
    p = _save()
    group = p.groups.get()
    group.pk = None
    group.index, group.members, group.new_code = 2, ["C1", "S1"], "D1"  # code taken by D1
    group.save()
    events = ReorgEvent.objects.count()
    with pytest.raises(InvalidInput):
        _adopt(p)
    assert ReorgEvent.objects.count() == events
    assert SavedProposal.objects.get().status == "saved"
    assert not TerritoryRecord.objects.filter(as_of=EFFECTIVE).exists()
    assert Adjacency.objects.count() == 1


def test_effective_date_and_version_checked():
    _world()
    p = _save()
    with pytest.raises(InvalidInput) as exc:
        _adopt(p, effective_on=ON)
    assert exc.value.message == msg.EFFECTIVE_TOO_EARLY
    with pytest.raises(Conflict) as exc:
        _adopt(p, expected_version=7)
    assert exc.value.message == msg.PROPOSAL_VERSION


def test_only_city_admins_adopt(django_user_model):
    _world()
    p = _save()
    officer = django_user_model.objects.create_user("o", password="pw-territory-2026")
    membership_grant(user=officer, role="unit_officer", unit_code="D1", acting_user=None)
    with pytest.raises(Forbidden):
        proposal_adopt(
            proposal_id=p.pk,
            basis_number="1/NQ",
            basis_date=None,
            effective_on=EFFECTIVE,
            acting_user=officer,
        )
    assert SavedProposal.objects.get().status == "saved"
