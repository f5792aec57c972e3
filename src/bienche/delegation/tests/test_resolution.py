"""Who decides: the resolution across decentralization, delegation, revocation, expiry,
classes of units and a 2025-style merger."""

import datetime as dt

import pytest

from bienche.delegation.resolution import who_decides_by_code
from bienche.delegation.services.transfers import transfer_revoke
from bienche.delegation.tests.factories import delegation, doc, power, transfer
from bienche.org.services import LegalBasis, UnitSpec, unit_merge
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db
BEFORE, DAY, LATER = dt.date(2021, 6, 1), dt.date(2023, 6, 1), dt.date(2028, 1, 1)


@pytest.fixture
def city():
    small_city()
    power("P1")


def who(unit, on=DAY, code="P1"):
    return who_decides_by_code(code, unit, on)


def test_without_transfer_the_holder_decides_by_the_law(city):
    r = who("W1")
    assert (r.decides.code, r.responsible.code, r.basis) == ("UB", "UB", "original")
    assert [link.role for link in r.chain] == ["source"]
    assert r.chain[0].document == "Luật Đất đai 2024, Điều 123"


def test_decentralization_makes_the_receiver_competent_for_its_subtree(city):
    transfer(to="D1", document=doc("5/NQ-HĐND", kind="council_resolution"))
    r = who("W1")
    assert (r.decides.code, r.responsible.code, r.basis) == ("D1", "D1", "decentralization")
    assert [link.document for link in r.chain] == ["Luật Đất đai 2024, Điều 123", "5/NQ-HĐND"]
    assert who("C1").decides.code == "UB"  # another district: untouched
    assert who("W1", on=BEFORE).decides.code == "UB"  # before it began


def test_delegation_receiver_acts_but_delegator_stays_responsible(city):
    delegation(to="D1", term_end=dt.date(2025, 1, 1))
    r = who("D1")
    assert (r.decides.code, r.responsible.code, r.basis) == ("D1", "UB", "delegation")


def test_delegation_expires_at_the_end_of_its_term(city):
    delegation(to="D1", term_end=dt.date(2025, 1, 1))
    assert who("D1", on=dt.date(2024, 12, 31)).decides.code == "D1"
    assert who("D1", on=dt.date(2025, 1, 1)).decides.code == "UB"


def test_revocation_ends_the_transfer_from_its_date(city):
    t = delegation(to="D1")
    transfer_revoke(
        transfer=t,
        on=dt.date(2024, 3, 1),
        document=doc("9/QĐ-UBND", dt.date(2024, 2, 20)),
        expected_version=t.version,
        acting_user=None,
    )
    assert who("D1", on=dt.date(2024, 2, 29)).decides.code == "D1"
    r = who("D1", on=dt.date(2024, 3, 1))
    assert (r.decides.code, r.basis) == ("UB", "original")


def test_class_of_units_applies_to_every_member_active_on_the_day(city):
    transfer(to_class="commune_level")
    assert who("W1").decides.code == "W1"
    assert who("C1").decides.code == "C1"
    assert who("D1").decides.code == "UB"  # a district is not of the class


def test_named_unit_beats_class_and_nearest_receiver_wins(city):
    transfer(to_class="district_level")
    transfer(to="W1")
    assert who("W1").decides.code == "W1"
    assert who("W2").decides.code == "D1"


def test_sub_delegation_chain_of_documents(city):
    parent = delegation(to="D1", sub_delegation_allowed=True, document=doc("1/QĐ-UBND"))
    delegation(to="W1", from_unit="D1", term_end=dt.date(2026, 1, 1), document=doc("2/QĐ-UBND"))
    r = who("W1")
    assert (r.decides.code, r.responsible.code) == ("W1", "UB")
    assert [link.document for link in r.chain][1:] == ["1/QĐ-UBND", "2/QĐ-UBND"]
    assert r.chain[2].from_body.code == "D1"
    assert parent.sub_delegations.count() == 1


def test_department_delegation_applies_city_wide(city):
    delegation(to="S1")
    assert who("W1").decides.code == "S1"
    transfer(to="D1")  # a territorial receiver nearer the unit wins
    assert who("W1").decides.code == "D1"
    assert who("C1").decides.code == "S1"


def test_merger_carries_the_transfer_to_the_successor(city):
    transfer(to="W1", document=doc("7/QĐ-UBND"))
    unit_merge(
        predecessor_codes=["W1", "W2"],
        successor=UnitSpec(code="W12", name="Phường Mới", kind="ward", parent_code="D1"),
        on=dt.date(2025, 7, 1),
        basis=LegalBasis(number="1656/NQ-UBTVQH15", date=dt.date(2025, 6, 16)),
        acting_user=None,
    )
    assert who("W1", on=dt.date(2025, 6, 30)).decides.code == "W1"
    r = who("W12", on=dt.date(2025, 7, 1))
    assert (r.decides.code, r.basis) == ("W12", "decentralization")
    assert r.chain[-1].document == "7/QĐ-UBND"  # the same act, carried over
    assert who("W12", on=LATER).decides.code == "W12"
