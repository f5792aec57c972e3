from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg
from bienche.territory.models import Adjacency, TerritoryRecord
from bienche.territory.selectors import territory_units_on
from bienche.territory.services.territory_import import RecordIn, territory_import
from bienche.territory.tests.factories import AS_OF, city_with_records

pytestmark = pytest.mark.django_db

GOOD = [RecordIn("W1", "ward", 1.0, 9000), RecordIn("W2", "ward", 2.0, 12000)]


def _import(rows, adjacency):
    from bienche.org.tests.factories import small_city

    small_city()
    territory_import(rows=rows, adjacency=adjacency, as_of=AS_OF, source="t", acting_user=None)


@pytest.mark.parametrize(
    ("rows", "adjacency", "message", "unit"),
    [
        ([RecordIn("W1", "ward", None, 9000)], [], msg.AREA_MISSING, "W1"),
        ([RecordIn("W1", "ward", 0.0, 9000)], [], msg.AREA_MISSING, "W1"),
        ([RecordIn("W1", "ward", 1.0, None)], [], msg.POPULATION_MISSING, "W1"),
        ([RecordIn("W1", "ward", 1.0, 10, -1)], [], msg.POPULATION_MISSING, "W1"),
        ([RecordIn("W1", "hamlet", 1.0, 10)], [], msg.TYPE_INVALID, "W1"),
        ([RecordIn("ZZ", "ward", 1.0, 10)], [], msg.UNIT_UNKNOWN, "ZZ"),
        (GOOD, [("W1", "C1")], msg.ADJACENCY_UNKNOWN, "W1"),
        (GOOD, {"W1": ["W2"], "W2": []}, msg.ADJACENCY_ASYMMETRIC, "W1"),
        (GOOD, {"W1": ["C9"], "W2": []}, msg.ADJACENCY_UNKNOWN, "W1"),
        (GOOD, [("W1", "W1")], msg.ADJACENCY_SELF, "W1"),
    ],
)
def test_bad_input_names_the_unit_and_writes_nothing(rows, adjacency, message, unit):
    with pytest.raises(InvalidInput) as exc:
        _import(rows, adjacency)
    assert exc.value.message == message
    assert exc.value.params["unit"] == unit
    assert "«" + unit + "»" in exc.value.message.vi.format(**exc.value.params)
    assert not TerritoryRecord.objects.exists()
    assert not Adjacency.objects.exists()


def test_import_then_read_as_of():
    city_with_records()
    units, edges = territory_units_on(on=dt.date(2023, 8, 1))
    by = {u.code: u for u in units}
    assert set(by) == {"W1", "W2", "C1"}
    assert by["W1"].population == 9500  # temporary residents counted
    assert by["W1"].parent == "D1"
    assert "central_city" in by["W1"].factors
    assert edges == {frozenset(("W1", "W2"))}
    units, _ = territory_units_on(on=dt.date(2023, 8, 1), parent_code="D1")
    assert {u.code for u in units} == {"W1", "W2"}
    units, _ = territory_units_on(on=dt.date(2022, 1, 1))
    assert units == []


def test_reimport_replaces_same_date():
    city_with_records()
    territory_import(
        rows=[RecordIn("W1", "ward", 1.5, 9100)],
        adjacency=[],
        as_of=AS_OF,
        source="t2",
        acting_user=None,
    )
    assert TerritoryRecord.objects.filter(unit__code="W1").count() == 1
    assert TerritoryRecord.objects.get(unit__code="W1").area_km2 == 1.5
