"""Reorganizations carry transfers over to a single successor or flag them for review."""

import datetime as dt

import pytest

from bienche.core.models import AuditEntry
from bienche.delegation.enums import Flag
from bienche.delegation.models import Transfer
from bienche.delegation.selectors import review_register
from bienche.delegation.tests.factories import delegation, power, transfer
from bienche.org.services import LegalBasis, UnitSpec, unit_absorb, unit_dissolve, unit_split
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db
ON = dt.date(2025, 7, 1)
BASIS = LegalBasis(number="1656/NQ-UBTVQH15", date=dt.date(2025, 6, 16))


@pytest.fixture
def city():
    small_city()
    power("P1")


def test_absorbed_receiver_passes_its_delegation_to_the_absorbing_unit(city):
    t = delegation(to="W2", term_end=dt.date(2027, 1, 1))
    unit_absorb(absorbed_codes=["W2"], into_code="W1", on=ON, basis=BASIS, acting_user=None)
    t.refresh_from_db()
    assert (t.valid_to, t.reorg_event.basis_number) == (ON, "1656/NQ-UBTVQH15")
    new = Transfer.objects.get(carried_from=t)
    trail = AuditEntry.objects.filter(action="delegation.transfer_reorganized")
    assert sorted(trail.values_list("entity_id", flat=True)) == sorted([str(t.pk), str(new.pk)])
    assert (new.to_unit.code, new.valid_from, new.valid_to, new.document_id) == (
        "W1",
        ON,
        dt.date(2027, 1, 1),
        t.document_id,
    )


def test_merged_authority_is_carried_over(city):
    transfer(to="D1", from_unit="S1", kind="decentralization")
    unit_absorb(absorbed_codes=["S1"], into_code="S2", on=ON, basis=BASIS, acting_user=None)
    assert Transfer.objects.get(valid_from=ON).from_unit.code == "S2"


def test_split_receiver_is_flagged_not_dropped(city):
    t = transfer(to="W1")
    unit_split(
        predecessor_code="W1",
        successors=[
            (UnitSpec(code=c, name=f"Phường {c}", kind="ward", parent_code="D1"), 5000)
            for c in ("W1A", "W1B")
        ],
        on=ON,
        basis=BASIS,
        acting_user=None,
    )
    t.refresh_from_db()
    assert (t.flag, t.valid_to) == (Flag.RECEIVER_GONE, None)
    register = review_register(ON)
    assert t in register["flagged"]
    assert t in register["receiver_gone"]


def test_dissolved_district_flags_and_empty_class_is_listed(city):
    named = transfer(to="D2")
    cls = transfer(to_class="district_level", power_code="P1")
    unit_dissolve(code="D1", on=ON, basis=BASIS, acting_user=None, children_to="HN")
    unit_dissolve(
        code="D2", on=ON, basis=BASIS, acting_user=None, children_to="HN", staff_to=[("C1", 10000)]
    )
    named.refresh_from_db()
    assert Transfer.objects.filter(carried_from=named).exists()  # one successor: C1
    gone = review_register(ON)["receiver_gone"]
    assert cls in gone
