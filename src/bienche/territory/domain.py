"""Plain records the check and the proposal work on (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg

#: Unit types and the level they belong to (2025 types: ward, commune, special zone).
UNIT_TYPES = {
    "ward": "commune",
    "commune": "commune",
    "township": "commune",
    "special_zone": "commune",
    "urban_district": "district",
    "rural_district": "district",
    "town": "district",
}
FACTORS = ("mountainous", "border", "island", "heritage", "isolated", "central_city")


@dataclass(frozen=True)
class TUnit:
    code: str
    name: str
    unit_type: str
    area_km2: float
    population: int  # as the round counts it
    parent: str = ""
    factors: frozenset[str] = field(default_factory=frozenset)

    @property
    def level(self) -> str:
        return UNIT_TYPES[self.unit_type]


def units_validate(units: list[TUnit]) -> None:
    """Raise on the first unit without a type, an area or a population (naming it)."""
    for u in units:
        if u.unit_type not in UNIT_TYPES:
            raise InvalidInput(msg.TYPE_INVALID, unit=u.code, type=u.unit_type)
        if u.area_km2 is None or not u.area_km2 > 0:
            raise InvalidInput(msg.AREA_MISSING, unit=u.code)
        if u.population is None or u.population < 0:
            raise InvalidInput(msg.POPULATION_MISSING, unit=u.code)


def adjacency_from_mapping(mapping: dict[str, list[str]], known: set[str]) -> set[frozenset]:
    """A neighbour list per unit → undirected edges; it must be symmetric and name known units."""
    edges: set[frozenset] = set()
    for code, others in mapping.items():
        if code not in known:
            raise InvalidInput(msg.UNIT_UNKNOWN, unit=code)
        for other in others:
            if other == code:
                raise InvalidInput(msg.ADJACENCY_SELF, unit=code)
            if other not in known:
                raise InvalidInput(msg.ADJACENCY_UNKNOWN, unit=code, other=other)
            if code not in mapping.get(other, ()):
                raise InvalidInput(msg.ADJACENCY_ASYMMETRIC, unit=code, other=other)
            edges.add(frozenset((code, other)))
    return edges


def adjacency_from_pairs(pairs: list[tuple[str, str]], known: set[str]) -> set[frozenset]:
    """Undirected pairs (each listed once) → edges; both ends must be known."""
    edges: set[frozenset] = set()
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if x not in known:
                raise InvalidInput(msg.ADJACENCY_UNKNOWN, unit=y, other=x)
        if a == b:
            raise InvalidInput(msg.ADJACENCY_SELF, unit=a)
        edges.add(frozenset((a, b)))
    return edges
