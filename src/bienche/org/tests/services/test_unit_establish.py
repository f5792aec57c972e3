import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.core.models import AuditEntry
from bienche.org import messages as m
from bienche.org.models import Unit, UnitVersion
from bienche.org.selectors import unit_tree_as_of
from bienche.org.services import unit_establish
from bienche.org.tests.factories import BASIS, START, small_city, spec

pytestmark = pytest.mark.django_db


def test_establish_builds_tree_and_audits():
    small_city()
    tree = unit_tree_as_of(START)
    assert [r.code for r in tree.roots] == ["HN"]
    assert {c.code for c in tree.roots[0].children} == {"D1", "D2", "UB"}
    assert tree.by_id[Unit.objects.get(code="W1").pk].parent_code == "D1"
    assert len(unit_tree_as_of(START - dt.timedelta(days=1))) == 0
    entry = AuditEntry.objects.get()
    assert entry.action == "org.event.establish"
    assert set(entry.after) == {"HN", "D1", "D2", "W1", "W2", "C1", "UB", "S1", "S2"}


def test_establish_refuses_taken_code_and_writes_nothing():
    small_city()
    before = UnitVersion.objects.count()
    with pytest.raises(InvalidInput) as exc:
        unit_establish(
            specs=[spec("S3", "UB"), spec("S1", "UB")],
            on=START + dt.timedelta(1),
            basis=BASIS,
            acting_user=None,
        )
    assert exc.value.message is m.UNIT_CODE_TAKEN
    assert UnitVersion.objects.count() == before
    assert not Unit.objects.filter(code="S3").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"code": "bad code!"}, m.UNIT_CODE_INVALID),
        ({"name": "  "}, m.NAME_REQUIRED),
        ({"kind": "castle"}, m.KIND_INVALID),
        ({"parent": "NOPE"}, m.PARENT_NOT_ACTIVE),
    ],
)
def test_establish_rejects_bad_input(kwargs, message):
    small_city()
    s = spec(
        kwargs.get("code", "X1"),
        kwargs.get("parent", "UB"),
        kwargs.get("kind", "department"),
        name=kwargs.get("name", "Sở X"),
    )
    with pytest.raises(InvalidInput) as exc:
        unit_establish(specs=[s], on=START + dt.timedelta(1), basis=BASIS, acting_user=None)
    assert exc.value.message is message
    assert exc.value.vi
    assert exc.value.en


def test_establish_under_parent_not_yet_active_is_refused():
    small_city(on=dt.date(2021, 1, 1))
    with pytest.raises(InvalidInput) as exc:
        unit_establish(
            specs=[spec("X1", "UB")], on=dt.date(2020, 6, 1), basis=BASIS, acting_user=None
        )
    assert exc.value.message is m.PARENT_NOT_ACTIVE


def test_basis_is_required():
    with pytest.raises(InvalidInput) as exc:
        unit_establish(
            specs=[spec("X1")], on=START, basis=BASIS.__class__(number=" "), acting_user=None
        )
    assert exc.value.message is m.BASIS_REQUIRED
