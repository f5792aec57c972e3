"""Boundaries from GeoJSON (pure; no database): validation, area and adjacency.

* **Input**: a GeoJSON FeatureCollection (RFC 7946: WGS 84 longitude/latitude degrees);
  each feature's properties name the unit's code in ``code`` (or ``unit_code``, ``ma``);
  its geometry is a Polygon or MultiPolygon. Invalid geometries (self-intersection, a
  bow-tie, rings that cross…) are refused with shapely's ``explain_validity`` reason and
  the unit named; a unit listed twice is refused.
* **Area** (km²): each geometry is projected with the *sinusoidal* projection centred on
  the collection's mean longitude — x = R·(λ − λ₀)·cos φ, y = R·φ, R = 6371.0072 km (the
  authalic radius of WGS 84) — which is equal-area on the sphere, then measured in the
  plane. Error against the ellipsoidal area is below 0.3 % at Viet Nam's latitudes (the
  sphere/ellipsoid difference); shapes far from λ₀ are sheared but keep their area.
* **Adjacency rule**: two units are adjacent when their boundaries share a segment of
  positive length (DE-9IM: boundary ∩ boundary has dimension 1), or their interiors overlap
  (dimension 2 — digitizing slop between neighbours). Touching at isolated points only (a
  corner, dimension 0) is *not* adjacency. Shared edges must coincide in the data (no
  snapping tolerance is applied: boundaries with gaps between them are not adjacent).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg

CODE_KEYS = ("code", "unit_code", "ma")
R_AUTHALIC_KM = 6371.0072


@dataclass(frozen=True)
class Boundary:
    code: str
    feature: int  # 1-based position in the file
    geometry: Any  # shapely Polygon / MultiPolygon


def _collection(data: bytes | str | dict) -> list[dict]:
    if not isinstance(data, dict):
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidInput(msg.GEOJSON_INVALID, field="file", reason=str(exc)[:120]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InvalidInput(msg.GEOJSON_INVALID, field="file", reason="type ≠ FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise InvalidInput(msg.GEOJSON_INVALID, field="file", reason="features")
    return features


def _code(feature: dict, n: int) -> str:
    props = feature.get("properties") or {}
    for key in CODE_KEYS:
        value = props.get(key)
        if value not in (None, ""):
            return str(value).strip()
    raise InvalidInput(msg.GEOJSON_NO_CODE, field="file", n=n, keys=", ".join(CODE_KEYS))


def _geometry(feature: dict, code: str) -> Any:
    raw = feature.get("geometry") or {}
    kind = raw.get("type", "—")
    if kind not in ("Polygon", "MultiPolygon"):
        raise InvalidInput(msg.GEOMETRY_TYPE, field="file", unit=code, type=kind)
    try:
        geom = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise InvalidInput(msg.GEOMETRY_INVALID, field="file", unit=code, reason=str(exc)) from None
    if geom.is_empty:
        raise InvalidInput(msg.GEOMETRY_INVALID, field="file", unit=code, reason="Empty geometry")
    if not geom.is_valid:
        reason = explain_validity(geom)
        raise InvalidInput(msg.GEOMETRY_INVALID, field="file", unit=code, reason=reason)
    return geom


def boundaries_parse(data: bytes | str | dict) -> list[Boundary]:
    """Every feature checked; the first problem raises, naming the unit."""
    out: list[Boundary] = []
    seen: dict[str, int] = {}
    for n, feature in enumerate(_collection(data), start=1):
        if not isinstance(feature, dict):
            raise InvalidInput(msg.GEOJSON_INVALID, field="file", reason=f"feature {n}")
        code = _code(feature, n)
        if code in seen:
            raise InvalidInput(
                msg.BOUNDARY_DUPLICATE, field="file", unit=code, first=seen[code], second=n
            )
        seen[code] = n
        out.append(Boundary(code, n, _geometry(feature, code)))
    return out


def areas_km2(boundaries: list[Boundary]) -> dict[str, float]:
    """Equal-area (sinusoidal) areas in km², see the module's docstring."""
    if not boundaries:
        return {}
    lon0 = float(np.mean([b.geometry.centroid.x for b in boundaries]))

    def project(coords: np.ndarray) -> np.ndarray:
        lon, lat = np.radians(coords[:, 0] - lon0), np.radians(coords[:, 1])
        return np.column_stack((R_AUTHALIC_KM * lon * np.cos(lat), R_AUTHALIC_KM * lat))

    return {b.code: float(shapely.transform(b.geometry, project).area) for b in boundaries}


def adjacent(a: Any, b: Any) -> bool:
    """A shared boundary segment or an overlap; a common point only is not enough."""
    matrix = a.relate(b)
    return matrix[4] == "1" or matrix[0] == "2"


def adjacency_from_boundaries(boundaries: list[Boundary]) -> set[frozenset]:
    """Candidate pairs from an STR-tree of the envelopes, then the exact rule."""
    geoms = [b.geometry for b in boundaries]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    edges: set[frozenset] = set()
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j and adjacent(geoms[i], geoms[j]):
            edges.add(frozenset((boundaries[i].code, boundaries[j].code)))
    return edges
