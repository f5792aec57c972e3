"""Recording transfers: the bad input the issue names is refused, nothing is written."""

import datetime as dt

import pytest

from bienche.core.errors import Conflict, InvalidInput
from bienche.core.models import AuditEntry
from bienche.delegation import messages as m
from bienche.delegation.models import Transfer
from bienche.delegation.services.transfers import (
    TransferProblems,
    transfer_update,
    transfers_create,
)
from bienche.delegation.tests.factories import delegation, power, spec, transfer
from bienche.org.services import LegalBasis, unit_dissolve
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    small_city()
    power("P1")


def refused(message, **kw):
    before = Transfer.objects.count()
    with pytest.raises(InvalidInput) as exc:
        transfer(**kw)
    assert exc.value.code == message.code
    assert Transfer.objects.count() == before
    return exc.value


def test_a_transfer_is_recorded_with_its_audit_row(city):
    t = transfer(to="D1", review_on=dt.date(2024, 1, 1))
    assert (t.receiver_level, t.version, t.valid_to) == ("district", 1, None)
    assert AuditEntry.objects.filter(action="delegation.transfer_create").count() == 1


def test_delegation_without_term(city):
    err = refused(m.DELEGATION_NO_TERM, kind="delegation")
    assert err.field == "term_end"
    assert "thời hạn" in err.vi


def test_sub_delegation_the_parent_forbids(city):
    delegation(to="D1", sub_delegation_allowed=False)
    err = refused(
        m.SUB_DELEGATION_FORBIDDEN,
        kind="delegation",
        from_unit="D1",
        to="W1",
        term_end=dt.date(2026, 1, 1),
    )
    assert "không được ủy quyền tiếp" in err.vi


def test_sub_delegation_may_not_outlive_its_parent(city):
    delegation(to="D1", sub_delegation_allowed=True, term_end=dt.date(2025, 1, 1))
    refused(
        m.SUB_DELEGATION_TERM,
        kind="delegation",
        from_unit="D1",
        to="W1",
        term_end=dt.date(2026, 1, 1),
    )


def test_receiver_not_active_on_its_date(city):
    unit_dissolve(
        code="W2", on=dt.date(2021, 1, 1), basis=LegalBasis(number="1/NQ"), acting_user=None
    )
    err = refused(m.UNIT_NOT_ACTIVE, to="W2")
    assert err.field == "to_unit_code"
    refused(m.UNIT_NOT_ACTIVE, to="D1", valid_from=dt.date(2019, 1, 1))  # before it existed


def test_class_with_no_member(city):
    for code in ("D1", "D2"):
        unit_dissolve(
            code=code,
            on=dt.date(2021, 1, 1),
            basis=LegalBasis(number="1/NQ"),
            children_to="HN",
            acting_user=None,
        )
    refused(m.CLASS_EMPTY, to_class="district_level")


def test_cycle_of_delegations(city):
    delegation(to="S1", from_unit="S2")
    delegation(to="S2", from_unit="D2")
    err = refused(m.CYCLE, kind="delegation", from_unit="S1", to="D2", term_end=dt.date(2026, 1, 1))
    assert "vòng" in err.vi
    refused(m.CYCLE, to="UB")  # to itself


def test_overlapping_transfers_of_the_same_power_to_the_same_receiver(city):
    delegation(to="D1", term_end=dt.date(2024, 1, 1))
    refused(m.OVERLAP, to="D1", valid_from=dt.date(2023, 6, 1))
    transfer(to="D1", valid_from=dt.date(2024, 1, 1))  # after the term: fine


def test_unknown_power(city):
    refused(m.POWER_UNKNOWN, power_code="NOPE")


def test_batch_is_all_or_nothing_and_sees_its_own_rows(city):
    with pytest.raises(TransferProblems) as exc:
        transfers_create(specs=[spec(to="D1"), spec(to="D2"), spec(to="D1")], acting_user=None)
    assert [(i, e.code) for i, e in exc.value.problems] == [(2, m.OVERLAP.code)]
    assert Transfer.objects.count() == 0


def test_update_with_a_stale_version_is_a_conflict(city):
    t = transfer(to="D1")
    t2 = transfer_update(
        transfer=t, expected_version=1, data={"conditions": "Báo cáo quý"}, acting_user=None
    )
    assert (t2.version, t2.conditions) == (2, "Báo cáo quý")
    with pytest.raises(Conflict):
        transfer_update(transfer=t, expected_version=1, data={"conditions": "x"}, acting_user=None)
    assert Transfer.objects.get(pk=t.pk).conditions == "Báo cáo quý"
