"""Boundaries (GeoJSON) and adjacency lists (CSV): adjacency from shared edges, areas,
bad input naming the unit, nothing written."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg
from bienche.territory.boundaries import adjacency_from_boundaries, areas_km2, boundaries_parse
from bienche.territory.models import Adjacency, TerritoryRecord
from bienche.territory.services.boundaries_import import adjacency_list_import, boundaries_import
from bienche.territory.tests.factories import city_with_records

D = 0.01  # degrees: about 1.04 km (east–west, at 21° N) by 1.11 km


def _at(i: float, j: float) -> list[float]:
    """Grid corners computed the same way for every square (shared edges coincide)."""
    return [105.8 + i * D, 21.0 + j * D]


def _square(x: float, y: float) -> list:
    return [[_at(x, y), _at(x + 1, y), _at(x + 1, y + 1), _at(x, y + 1), _at(x, y)]]


def _fc(*features: tuple[str, dict]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"code": code}, "geometry": geom}
            for code, geom in features
        ],
    }


def _poly(rings: list) -> dict:
    return {"type": "Polygon", "coordinates": rings}


BOW_TIE = _poly([[[105.8, 21.0], [105.81, 21.01], [105.81, 21.0], [105.8, 21.01], [105.8, 21.0]]])


def test_shared_edge_is_adjacent_a_corner_is_not():
    fc = _fc(
        ("W1", _poly(_square(0, 0))),
        ("W2", _poly(_square(1, 0))),  # shares W1's east edge
        ("C1", _poly(_square(2, 1))),  # touches W2 at its north-east corner only
    )
    edges = adjacency_from_boundaries(boundaries_parse(fc))
    assert edges == {frozenset(("W1", "W2"))}


def test_partly_shared_edge_and_overlap_are_adjacent():
    fc = _fc(
        ("A", _poly(_square(0, 0))),
        ("B", _poly(_square(1, 0.5))),  # shares half of A's east edge
        ("C", _poly(_square(-0.9, 0))),  # overlaps A a little (digitizing slop)
    )
    assert adjacency_from_boundaries(boundaries_parse(fc)) == {
        frozenset(("A", "B")),
        frozenset(("A", "C")),
    }


def test_area_by_the_equal_area_projection():
    areas = areas_km2(boundaries_parse(_fc(("W1", _poly(_square(0, 0))))))
    # 0.01° × 0.01° at 21° N: (R·π/180·0.01)² · cos(21.005°) ≈ 1.1533 km²
    assert areas["W1"] == pytest.approx(1.1533, rel=1e-3)


@pytest.mark.parametrize(
    ("fc", "message", "unit"),
    [
        (_fc(("W1", _poly(_square(0, 0))), ("W2", BOW_TIE)), msg.GEOMETRY_INVALID, "W2"),
        (_fc(("W1", {"type": "Point", "coordinates": [105.8, 21.0]})), msg.GEOMETRY_TYPE, "W1"),
        (
            _fc(("W1", _poly(_square(0, 0))), ("W1", _poly(_square(1, 0)))),
            msg.BOUNDARY_DUPLICATE,
            "W1",
        ),
        (_fc(("W1", _poly(_square(0, 0))), ("ZZ9", _poly(_square(1, 0)))), msg.UNIT_UNKNOWN, "ZZ9"),
    ],
)
@pytest.mark.django_db
def test_bad_boundaries_name_the_unit_and_write_nothing(fc, message, unit):
    city_with_records()
    before = list(Adjacency.objects.values_list("unit_a", "unit_b", "approximate"))
    with pytest.raises(InvalidInput) as exc:
        boundaries_import(data=json.dumps(fc), source="t", acting_user=None)
    assert exc.value.message == message
    assert exc.value.params["unit"] == unit
    if message == msg.GEOMETRY_INVALID:
        assert "Self-intersection" in exc.value.params["reason"]
        assert "«W2»" in exc.value.vi
    assert list(Adjacency.objects.values_list("unit_a", "unit_b", "approximate")) == before


def test_not_a_feature_collection():
    with pytest.raises(InvalidInput) as exc:
        boundaries_parse(b"{not json")
    assert exc.value.message == msg.GEOJSON_INVALID
    with pytest.raises(InvalidInput) as exc:
        boundaries_parse({"type": "Feature"})
    assert exc.value.message == msg.GEOJSON_INVALID
    with pytest.raises(InvalidInput) as exc:
        boundaries_parse({"type": "FeatureCollection", "features": [{"properties": {}}]})
    assert exc.value.message == msg.GEOJSON_NO_CODE


@pytest.mark.django_db
def test_import_replaces_adjacency_and_writes_areas():
    city_with_records()  # W1–W2 adjacent (from the list)
    fc = _fc(
        ("W1", _poly(_square(0, 0))), ("W2", _poly(_square(5, 5))), ("C1", _poly(_square(1, 0)))
    )
    out = boundaries_import(
        data=json.dumps(fc).encode(),
        source="ranh-gioi.geojson",
        acting_user=None,
        area_as_of=dt.date(2023, 1, 1),
    )
    assert out["adjacency"] == 1
    pairs = set(Adjacency.objects.values_list("unit_a__code", "unit_b__code", "approximate"))
    assert pairs == {("W1", "C1", False)} or pairs == {("C1", "W1", False)}
    rec = TerritoryRecord.objects.get(unit__code="W1", as_of=dt.date(2023, 1, 1))
    assert rec.area_km2 == pytest.approx(1.153, abs=2e-3)
    assert rec.population_permanent == 9000  # copied from the latest record


@pytest.mark.django_db
def test_area_needs_a_record():
    city_with_records()
    fc = _fc(("D2", _poly(_square(0, 0))))
    with pytest.raises(InvalidInput) as exc:
        boundaries_import(data=fc, source="t", acting_user=None, area_as_of=dt.date(2023, 1, 1))
    assert exc.value.message == msg.AREA_NO_RECORD


@pytest.mark.django_db
def test_adjacency_list_undirected_and_symmetric():
    city_with_records()
    out = adjacency_list_import(data=b"ma_a,ma_b\nW1,C1\nW2,C1\n", source="t", acting_user=None)
    assert out == {"units": 3, "adjacency": 2}
    out = adjacency_list_import(data="W1;C1\nC1;W1\n", source="t", acting_user=None)
    assert out["adjacency"] == 1


@pytest.mark.parametrize(
    ("text", "message", "params"),
    [
        ("W1,C1\nC1,W1\nW2,C1\n", msg.ADJACENCY_ROW_ASYMMETRIC, {"row": 3, "unit": "W2"}),
        ("W1,C1\nW2,XX\n", msg.ADJACENCY_ROW_UNKNOWN, {"row": 2, "column": "B", "unit": "XX"}),
        ("W1,C1\nW2\n", msg.ADJACENCY_ROW, {"row": 2}),
        ("W1,C1\nW2,W2\n", msg.ADJACENCY_ROW_SELF, {"row": 2, "unit": "W2"}),
    ],
)
@pytest.mark.django_db
def test_bad_adjacency_list_names_row_and_writes_nothing(text, message, params):
    city_with_records()
    with pytest.raises(InvalidInput) as exc:
        adjacency_list_import(data=text, source="t", acting_user=None)
    assert exc.value.message == message
    assert params.items() <= exc.value.params.items()
    assert list(Adjacency.objects.values_list("unit_a__code", "unit_b__code")) == [("W1", "W2")]


@settings(max_examples=40, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 5), st.integers(0, 5)), min_size=1, max_size=20))
def test_adjacency_is_rook_adjacency_on_grids(cells):
    """Unit squares of a grid: adjacent exactly when they share a side (never diagonally)."""
    fc = _fc(*((f"U{i}{j}", _poly(_square(i, j))) for i, j in sorted(cells)))
    got = adjacency_from_boundaries(boundaries_parse(fc))
    want = {
        frozenset((f"U{i}{j}", f"U{i + di}{j + dj}"))
        for i, j in cells
        for di, dj in ((1, 0), (0, 1))
        if (i + di, j + dj) in cells
    }
    assert got == want
