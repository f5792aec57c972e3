"""The check: which units a round obliges to be rearranged, encourages, or exempts.

Pure and linear in the number of units (10,000 communes in a few milliseconds)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bienche.territory.domain import TUnit
from bienche.territory.standards import Round

MUST, ENCOURAGED, EXEMPT, COMPLIANT = "must", "encouraged", "exempt", "compliant"


@dataclass(frozen=True)
class Verdict:
    unit: TUnit
    status: str
    reason: str
    area_pct: float
    population_pct: float
    area_standard: float
    population_standard: int


def _pct(value: float, standard: float) -> float:
    return 100.0 * value / standard


def unit_check(unit: TUnit, rnd: Round) -> Verdict:
    std = rnd.standard_for(unit.unit_type, unit.factors, unit=unit.code)
    a, p = _pct(unit.area_km2, std.area_km2), _pct(unit.population, std.population)

    def verdict(status: str, reason: str) -> Verdict:
        return Verdict(unit, status, reason, a, p, std.area_km2, std.population)

    hit = next(
        (
            t
            for t in rnd.must
            if unit.level in t.levels and t.hits(unit.area_km2, unit.population, std)
        ),
        None,
    )
    if hit is not None:
        exempt = next((f for f in rnd.exemptions if f in unit.factors), None)
        if exempt is not None:
            return verdict(EXEMPT, f"{hit.text}; được miễn: {rnd.exemptions[exempt]}")
        return verdict(MUST, hit.text)
    enc = next(
        (
            t
            for t in rnd.encouraged
            if unit.level in t.levels and t.hits(unit.area_km2, unit.population, std)
        ),
        None,
    )
    if enc is not None:
        return verdict(ENCOURAGED, enc.text)
    return verdict(COMPLIANT, "")


def territory_check(units: Iterable[TUnit], rnd: Round) -> list[Verdict]:
    return [unit_check(u, rnd) for u in units]


def group_standard_met(members: list[TUnit], rnd: Round) -> tuple[bool, str]:
    """Whether the unit formed by ``members`` meets the round: its standard (area and
    population ≥ 100%), or the round's exemption for merging many units at once.
    The new unit takes the type of its most populous member and every member's factors."""
    if rnd.exempt_merge_min_units and len(members) >= rnd.exempt_merge_min_units:
        return True, "size_exempt"
    lead = max(members, key=lambda u: (u.population, u.code))
    factors = frozenset().union(*(u.factors for u in members))
    std = rnd.standard_for(lead.unit_type, factors, unit=lead.code)
    area = sum(u.area_km2 for u in members)
    pop = sum(u.population for u in members)
    return (area >= std.area_km2 and pop >= std.population), "standard"
