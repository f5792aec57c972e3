"""PostgreSQL-only guarantees: the exclusion constraint forbids overlapping versions."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from bienche.org.models import UnitVersion
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        if settings.REQUIRE_POSTGRES:
            pytest.fail("BIENCHE_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: run `make test-pg` (DATABASE_URL=postgres://…)")


def test_exclusion_constraint_forbids_overlap():
    small_city()
    v = UnitVersion.objects.get(unit__code="S1")
    clone = UnitVersion(
        unit=v.unit,
        valid_from=dt.date(2022, 1, 1),
        name="X",
        kind=v.kind,
        level=v.level,
        opened_by=v.opened_by,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_exclusion_allows_adjacent_periods():
    small_city()
    v = UnitVersion.objects.get(unit__code="S1")
    UnitVersion.objects.filter(pk=v.pk).update(valid_to=dt.date(2022, 1, 1))
    UnitVersion.objects.create(
        unit=v.unit,
        valid_from=dt.date(2022, 1, 1),
        name="X",
        kind=v.kind,
        level=v.level,
        opened_by=v.opened_by,
    )
    assert UnitVersion.objects.filter(unit=v.unit).count() == 2
