"""Land never committed above a zone's plan; capital never disbursed above the registered
amount; foreign currency only with a rate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import LandUse, Stage
from bienche.investment.models import Certificate, Disbursement, ExchangeRate
from bienche.investment.selectors import land_table, park_state
from bienche.investment.services.capital import (
    certificate_record,
    disbursement_record,
    rate_set,
    registered_on,
)
from bienche.investment.services.edits import project_drop, project_update
from bienche.investment.services.projects import stage_advance
from bienche.investment.tests.factories import land_project, park, project, walk_to

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _park():
    park()


def _error(call, **kw):
    with pytest.raises(InvalidInput) as exc:
        call(acting_user=None, **kw)
    return exc.value


def test_land_committed_above_the_zone_plan_is_refused():
    walk_to(land_project(ha=6), Stage.REGISTRATION)
    second = walk_to(land_project(ha=5), Stage.MOU)
    certificate_record(
        project=second, number="G2", issued_on=D(2024, 8, 1), amount=10**10, acting_user=None
    )
    second.refresh_from_db()
    err = _error(
        stage_advance, project=second, stage=Stage.REGISTRATION, on=D(2024, 9, 1), next_step="x"
    )
    assert err.message == m.LAND_OVER
    assert err.params["committed"] == "11.00"
    assert err.params["planned"] == "10.00"
    assert err.field == "land_ha"


def test_a_dropped_project_frees_its_land():
    first = walk_to(land_project(ha=6), Stage.REGISTRATION)
    project_drop(project=first, on=D(2024, 12, 1), reason="Thu hồi", acting_user=None)
    second = walk_to(land_project(ha=9), Stage.REGISTRATION)
    assert second.stage == Stage.REGISTRATION


def test_enlarging_a_committed_project_is_rechecked():
    p = walk_to(land_project(ha=6), Stage.LAND)
    err = _error(project_update, project=p, data={"land_ha": "10.5"}, expected_version=p.version)
    assert err.message == m.LAND_OVER
    p.refresh_from_db()
    assert p.land_ha == Decimal(6)
    project_update(project=p, data={"land_ha": "9.5"}, expected_version=p.version, acting_user=None)


def test_a_use_the_zone_does_not_plan_is_refused():
    p = walk_to(land_project(zone="Z2", use=LandUse.INDUSTRY, ha=1), Stage.MOU)
    certificate_record(
        project=p, number="G", issued_on=D(2024, 8, 1), amount=10**9, acting_user=None
    )
    p.refresh_from_db()
    err = _error(
        stage_advance, project=p, stage=Stage.REGISTRATION, on=D(2024, 9, 1), next_step="x"
    )
    assert err.message == m.LAND_USE_NOT_PLANNED


def test_land_table_counts_committed_leased_occupied():
    walk_to(land_project(ha=2), Stage.REGISTRATION)
    walk_to(land_project(ha=3), Stage.LAND)
    walk_to(land_project(ha="1.5"), Stage.OPERATION)
    walk_to(land_project(ha=4), Stage.MOU)  # not committed yet
    row = next(r for r in land_table(park_state(D(2026, 1, 1))) if r["use"] == LandUse.INDUSTRY)
    assert (row["committed"], row["leased"], row["occupied"]) == (
        Decimal("6.5"),
        Decimal("4.5"),
        Decimal("1.5"),
    )
    assert row["available"] == Decimal("3.5")
    assert row["occupancy"] == 15.0
    early = next(r for r in land_table(park_state(D(2024, 1, 15))) if r["use"] == LandUse.INDUSTRY)
    assert early["committed"] == 0


def test_disbursement_above_registered_needs_an_amendment():
    p = walk_to(land_project(), Stage.REGISTRATION, amount=1_000_000_000)
    disbursement_record(project=p, on=D(2024, 10, 1), amount=600_000_000, acting_user=None)
    err = _error(disbursement_record, project=p, on=D(2024, 11, 1), amount=500_000_000)
    assert err.message == m.DISBURSED_ABOVE_REGISTERED
    assert err.params["disbursed"] == "1,100,000,000"
    assert Disbursement.objects.count() == 1
    certificate_record(
        project=p,
        number="GCN-DC1",
        issued_on=D(2024, 10, 15),
        amount=2_000_000_000,
        acting_user=None,
    )
    disbursement_record(project=p, on=D(2024, 11, 1), amount=500_000_000, acting_user=None)
    assert registered_on(p, D(2024, 10, 14)) == 1_000_000_000
    assert registered_on(p, D(2024, 10, 15)) == 2_000_000_000


def test_disbursement_before_the_amendment_date_still_counts_the_old_capital():
    p = walk_to(land_project(), Stage.REGISTRATION, amount=1_000_000_000)
    certificate_record(
        project=p,
        number="GCN-DC1",
        issued_on=D(2024, 10, 15),
        amount=2_000_000_000,
        acting_user=None,
    )
    err = _error(disbursement_record, project=p, on=D(2024, 10, 1), amount=1_500_000_000)
    assert err.message == m.DISBURSED_ABOVE_REGISTERED


def test_amendment_below_disbursed_or_backdated_is_refused():
    p = walk_to(land_project(), Stage.REGISTRATION, amount=1_000_000_000)
    disbursement_record(project=p, on=D(2024, 10, 1), amount=800_000_000, acting_user=None)
    err = _error(
        certificate_record, project=p, number="DC", issued_on=D(2024, 11, 1), amount=700_000_000
    )
    assert err.message == m.CERTIFICATE_BELOW_DISBURSED
    err = _error(
        certificate_record, project=p, number="DC", issued_on=D(2024, 1, 1), amount=2 * 10**9
    )
    assert err.message == m.CERTIFICATE_ORDER
    assert Certificate.objects.count() == 1


def test_usd_needs_a_rate_of_the_date():
    p = project()
    err = _error(
        certificate_record,
        project=p,
        number="G",
        issued_on=D(2024, 3, 4),
        amount=1_000_000,
        currency="USD",
    )
    assert err.message == m.RATE_MISSING
    assert err.field == "rate_vnd"
    rate_set(currency="USD", on=D(2024, 3, 1), vnd=24_650, source="NHNN", acting_user=None)
    cert = certificate_record(
        project=p,
        number="G",
        issued_on=D(2024, 3, 4),
        amount=1_000_000,
        currency="USD",
        acting_user=None,
    )
    assert (cert.rate_vnd, cert.amount_vnd) == (24_650, 24_650_000_000)
    # A rate older than a week does not serve; one typed on the record does.
    err = _error(disbursement_record, project=p, on=D(2024, 3, 20), amount=1000, currency="USD")
    assert err.message == m.RATE_MISSING
    row = disbursement_record(
        project=p, on=D(2024, 3, 20), amount=1000, currency="USD", rate_vnd=24_700, acting_user=None
    )
    assert row.amount_vnd == 24_700_000
    assert ExchangeRate.objects.count() == 1


def test_amounts_must_be_whole_non_negative():
    p = project()
    for bad in (-1, 1.5, True):
        err = _error(certificate_record, project=p, number="G", issued_on=D(2024, 3, 4), amount=bad)
        assert err.message == m.NUMBER_INVALID
