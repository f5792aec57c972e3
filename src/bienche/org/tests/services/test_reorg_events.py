import datetime as dt

import pytest

from bienche.core.errors import Conflict, InvalidInput, NotFound
from bienche.org import messages as m
from bienche.org.enums import EventKind, UnitKind
from bienche.org.models import LineageEdge, ReorgEvent, Unit, UnitVersion
from bienche.org.selectors import unit_lineage, unit_tree_as_of, units_diff
from bienche.org.services import (
    unit_absorb,
    unit_change_kind,
    unit_dissolve,
    unit_merge,
    unit_rearrange,
    unit_rename,
    unit_split,
    unit_transfer,
)
from bienche.org.tests.factories import BASIS, small_city, spec

pytestmark = pytest.mark.django_db
D = dt.date(2023, 1, 1)


@pytest.fixture(autouse=True)
def city():
    small_city()


def node(code, on):
    tree = unit_tree_as_of(on)
    return next((n for n in tree.by_id.values() if n.code == code), None)


def test_rename_opens_new_version_and_keeps_history():
    unit_rename(code="S1", name="Sở Một Mới", on=D, basis=BASIS, acting_user=None)
    assert node("S1", D - dt.timedelta(1)).name == "Sở Một"
    assert node("S1", D).name == "Sở Một Mới"
    assert UnitVersion.objects.filter(unit__code="S1").count() == 2
    assert units_diff(D - dt.timedelta(1), D)["renamed"] == [
        {"code": "S1", "from": "Sở Một", "to": "Sở Một Mới"}
    ]


def test_rename_same_name_refused():
    with pytest.raises(InvalidInput) as exc:
        unit_rename(code="S1", name="Sở Một", on=D, basis=BASIS, acting_user=None)
    assert exc.value.message is m.NAME_UNCHANGED


def test_event_before_unit_exists_refused():
    with pytest.raises(InvalidInput) as exc:
        unit_rename(code="S1", name="X", on=dt.date(2019, 1, 1), basis=BASIS, acting_user=None)
    assert exc.value.message is m.UNIT_NOT_ACTIVE


def test_unknown_code_refused():
    with pytest.raises(NotFound) as exc:
        unit_rename(code="NOPE", name="X", on=D, basis=BASIS, acting_user=None)
    assert exc.value.message is m.UNIT_UNKNOWN


def test_event_before_a_later_change_refused():
    unit_rename(code="S1", name="A", on=D, basis=BASIS, acting_user=None)
    with pytest.raises(Conflict) as exc:
        unit_rename(code="S1", name="B", on=D - dt.timedelta(30), basis=BASIS, acting_user=None)
    assert exc.value.message is m.UNIT_HAS_LATER_CHANGES


def test_two_changes_same_day_refused():
    unit_rename(code="S1", name="A", on=D, basis=BASIS, acting_user=None)
    with pytest.raises(InvalidInput) as exc:
        unit_rename(code="S1", name="B", on=D, basis=BASIS, acting_user=None)
    assert exc.value.message is m.UNIT_CHANGED_SAME_DAY


def test_transfer_and_cycle_refused():
    unit_transfer(code="S2", new_parent_code="S1", on=D, basis=BASIS, acting_user=None)
    assert node("S2", D).parent_code == "S1"
    with pytest.raises(InvalidInput) as exc:
        unit_transfer(
            code="S1", new_parent_code="S2", on=D + dt.timedelta(1), basis=BASIS, acting_user=None
        )
    assert exc.value.message is m.CYCLE
    assert node("S1", D + dt.timedelta(1)).parent_code == "UB"


def test_cycle_through_future_change_refused():
    # S2 will move under S1 later; moving S1 under S2 now would make a cycle then.
    unit_transfer(
        code="S2", new_parent_code="S1", on=dt.date(2024, 1, 1), basis=BASIS, acting_user=None
    )
    with pytest.raises(InvalidInput) as exc:
        unit_transfer(code="S1", new_parent_code="S2", on=D, basis=BASIS, acting_user=None)
    assert exc.value.message is m.CYCLE


def test_change_kind_derives_level():
    unit_change_kind(code="D2", kind=UnitKind.TOWN, on=D, basis=BASIS, acting_user=None)
    n = node("D2", D)
    assert (n.kind, n.level) == ("town", "district")


def test_merge_moves_children_and_records_lineage():
    ev = unit_merge(
        predecessor_codes=["D1", "D2"],
        successor=spec("D3", "HN", UnitKind.URBAN_DISTRICT, name="Quận Ba"),
        on=D,
        basis=BASIS,
        acting_user=None,
    )
    assert ev.kind == EventKind.MERGE
    assert node("D1", D) is None
    assert node("D2", D) is None
    assert {node(c, D).parent_code for c in ("W1", "W2", "C1")} == {"D3"}
    back = unit_lineage(Unit.objects.get(code="D3"), direction="back")
    assert sorted(s.predecessor_code for s in back) == ["D1", "D2"]
    assert {s.name for s in back} == {"Quận Một", "Huyện Hai"}
    fwd = unit_lineage(Unit.objects.get(code="D1"), direction="forward")
    assert [s.successor_code for s in fwd] == ["D3"]


def test_merge_of_dissolved_unit_refused():
    unit_dissolve(code="S2", on=D, basis=BASIS, acting_user=None)
    with pytest.raises(InvalidInput) as exc:
        unit_merge(
            predecessor_codes=["S1", "S2"],
            successor=spec("S9", "UB"),
            on=D + dt.timedelta(5),
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.UNIT_NOT_ACTIVE
    assert not Unit.objects.filter(code="S9").exists()


def test_merge_needs_two():
    with pytest.raises(InvalidInput) as exc:
        unit_merge(
            predecessor_codes=["S1"],
            successor=spec("S9", "UB"),
            on=D,
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.TOO_FEW_PREDECESSORS


def test_absorb_keeps_survivor_identity():
    unit_absorb(absorbed_codes=["W2"], into_code="W1", on=D, basis=BASIS, acting_user=None)
    assert node("W2", D) is None
    assert node("W1", D) is not None
    assert UnitVersion.objects.filter(unit__code="W1").count() == 1
    edge = LineageEdge.objects.get()
    assert (edge.predecessor.code, edge.successor.code) == ("W2", "W1")


def test_split_with_shares():
    unit_split(
        predecessor_code="C1",
        successors=[
            (spec("C2", "D2", UnitKind.COMMUNE), 6000),
            (spec("C3", "D2", UnitKind.COMMUNE), 4000),
        ],
        on=D,
        basis=BASIS,
        acting_user=None,
    )
    shares = dict(LineageEdge.objects.values_list("successor__code", "share_bp"))
    assert shares == {"C2": 6000, "C3": 4000}


def test_split_shares_must_add_up():
    with pytest.raises(InvalidInput) as exc:
        unit_split(
            predecessor_code="C1",
            successors=[(spec("C2", "D2", "commune"), 5000), (spec("C3", "D2", "commune"), 4000)],
            on=D,
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.SHARES_NOT_WHOLE


def test_dissolve_with_children_refused_unless_moved():
    with pytest.raises(InvalidInput) as exc:
        unit_dissolve(code="D1", on=D, basis=BASIS, acting_user=None)
    assert exc.value.message is m.CHILDREN_LEFT
    assert ReorgEvent.objects.count() == 1
    unit_dissolve(code="D1", children_to="D2", on=D, basis=BASIS, acting_user=None)
    assert node("W1", D).parent_code == "D2"


def test_rearrange_many_to_many():
    unit_rearrange(
        predecessor_codes=["W1", "W2", "C1"],
        successors=[spec("N1", "HN", "ward"), spec("N2", "HN", "commune")],
        edges=[("W1", "N1", 10000), ("W2", "N1", 5000), ("W2", "N2", 5000), ("C1", "N2", 10000)],
        on=D,
        basis=BASIS,
        acting_user=None,
    )
    back = unit_lineage(Unit.objects.get(code="N2"), direction="back")
    assert sorted((s.predecessor_code, s.share_bp) for s in back) == [("C1", 10000), ("W2", 5000)]


def test_rearrange_requires_complete_lineage():
    with pytest.raises(InvalidInput) as exc:
        unit_rearrange(
            predecessor_codes=["W1", "W2"],
            successors=[spec("N1", "HN", "ward")],
            edges=[("W1", "N1", 10000)],
            on=D,
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.LINEAGE_INCOMPLETE


def test_basis_date_after_effective_date_refused():
    bad = BASIS.__class__(number="1/QĐ", date=D + dt.timedelta(1))
    with pytest.raises(InvalidInput) as exc:
        unit_rename(code="S1", name="X", on=D, basis=bad, acting_user=None)
    assert exc.value.message is m.BASIS_DATE_AFTER


def test_lineage_across_several_events():
    unit_absorb(absorbed_codes=["W2"], into_code="W1", on=D, basis=BASIS, acting_user=None)
    unit_merge(
        predecessor_codes=["W1", "C1"],
        successor=spec("N1", "HN", "ward"),
        on=dt.date(2025, 7, 1),
        basis=BASIS,
        acting_user=None,
    )
    back = unit_lineage(Unit.objects.get(code="N1"), direction="back")
    assert {(s.depth, s.predecessor_code) for s in back} == {(1, "W1"), (1, "C1"), (2, "W2")}
    fwd = unit_lineage(Unit.objects.get(code="W2"), direction="forward")
    assert [s.successor_code for s in fwd] == ["W1", "N1"]


def test_dissolve_with_staff_to_draws_lineage():
    unit_dissolve(
        code="D1",
        children_to="D2",
        staff_to=[("D2", 6000), ("UB", 4000)],
        on=D,
        basis=BASIS,
        acting_user=None,
    )
    shares = dict(LineageEdge.objects.values_list("successor__code", "share_bp"))
    assert shares == {"D2": 6000, "UB": 4000}
    assert UnitVersion.objects.filter(unit__code="D2").count() == 1
    d2 = Unit.objects.get(code="D2")
    assert unit_lineage(d2) == []
    took = unit_lineage(d2, takeover=True)
    assert [(s.predecessor_code, s.kind) for s in took] == [("D1", "takeover")]


def test_dissolve_staff_to_inactive_refused():
    unit_dissolve(code="S2", on=D, basis=BASIS, acting_user=None)
    with pytest.raises(InvalidInput) as exc:
        unit_dissolve(
            code="S1",
            staff_to=[("S2", 10000)],
            on=D + dt.timedelta(1),
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.UNIT_NOT_ACTIVE
