"""The triggers at their edges, for every unit type of every round."""

from __future__ import annotations

import pytest

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg
from bienche.territory.check import COMPLIANT, ENCOURAGED, EXEMPT, MUST, unit_check
from bienche.territory.domain import UNIT_TYPES, TUnit
from bienche.territory.standards import round_get, rounds

NQ35 = round_get("nq35-2023")
R2025 = round_get("two-tier-2025")
EPS = 1e-6


def _unit(unit_type, area, population, factors=()):
    return TUnit("X", "X", unit_type, area, population, factors=frozenset(factors))


def _at(rnd, unit_type, variant, area_pct, pop_pct, *, area_eps=0.0, pop_eps=0):
    std = rnd.standards[unit_type][variant]
    factors = () if variant == "default" else (variant,)
    area = std.area_km2 * area_pct / 100 - area_eps
    pop = int(std.population * pop_pct / 100) - pop_eps
    return unit_check(_unit(unit_type, area, pop, factors), rnd).status


CASES_35 = [(t, v) for t, vs in NQ35.standards.items() for v in vs]


@pytest.mark.parametrize(("unit_type", "variant"), CASES_35)
def test_nq35_both_below_70_percent(unit_type, variant):
    assert _at(NQ35, unit_type, variant, 70, 70, area_eps=EPS, pop_eps=1) == MUST
    # at the edge of either one the unit is not obliged (only encouraged: both under 100%)
    assert _at(NQ35, unit_type, variant, 70, 70, pop_eps=1) == ENCOURAGED
    assert _at(NQ35, unit_type, variant, 70, 70, area_eps=EPS) == ENCOURAGED


@pytest.mark.parametrize(("unit_type", "variant"), CASES_35)
def test_nq35_small_area_large_population(unit_type, variant):
    level = UNIT_TYPES[unit_type]
    pop_edge = 300 if level == "commune" else 200
    assert _at(NQ35, unit_type, variant, 20, pop_edge, area_eps=EPS, pop_eps=1) == MUST
    assert _at(NQ35, unit_type, variant, 20, pop_edge, pop_eps=1) == ENCOURAGED  # area < 30%
    assert _at(NQ35, unit_type, variant, 30, pop_edge, pop_eps=1) == COMPLIANT
    assert _at(NQ35, unit_type, variant, 20, pop_edge, area_eps=EPS) == COMPLIANT


@pytest.mark.parametrize(("unit_type", "variant"), CASES_35)
def test_nq35_encouraged_below_100_percent(unit_type, variant):
    assert _at(NQ35, unit_type, variant, 100, 100, area_eps=EPS, pop_eps=1) == ENCOURAGED
    assert _at(NQ35, unit_type, variant, 100, 100, area_eps=EPS) == COMPLIANT
    assert _at(NQ35, unit_type, variant, 100, 100, pop_eps=1) == COMPLIANT


def test_district_level_uses_200_not_300_percent():
    assert _at(NQ35, "urban_district", "default", 20, 250, area_eps=EPS) == COMPLIANT
    assert _at(NQ35, "ward", "default", 20, 250, area_eps=EPS) == MUST


@pytest.mark.parametrize("factor", sorted(NQ35.exemptions))
def test_nq35_exemptions(factor):
    u = _unit("commune", 1.0, 100, (factor,))
    v = unit_check(u, NQ35)
    assert v.status == EXEMPT
    assert NQ35.exemptions[factor] in v.reason


CASES_25 = [(t, v) for t, vs in R2025.standards.items() for v in vs]


@pytest.mark.parametrize(("unit_type", "variant"), CASES_25)
def test_2025_below_either_standard(unit_type, variant):
    assert _at(R2025, unit_type, variant, 100, 100) == COMPLIANT
    assert _at(R2025, unit_type, variant, 100, 100, area_eps=EPS) == MUST
    assert _at(R2025, unit_type, variant, 100, 100, pop_eps=1) == MUST


def test_2025_figures_from_the_resolution():
    std = R2025.standards
    assert std["ward"]["central_city"].population == 45000
    assert std["ward"]["default"].population == 21000
    assert std["ward"]["mountainous"].population == 15000
    assert (std["commune"]["default"].area_km2, std["commune"]["default"].population) == (30, 16000)
    assert std["commune"]["mountainous"].area_km2 == 100
    assert R2025.exempt_merge_min_units == 3


def test_variant_precedence_mountainous_before_central_city():
    u = _unit("ward", 6, 14000, ("mountainous", "central_city"))
    assert unit_check(u, R2025).status == MUST  # 15,000 applies, not 45,000
    assert unit_check(u, R2025).population_standard == 15000


def test_round_without_standard_for_type_names_the_unit():
    with pytest.raises(InvalidInput) as exc:
        unit_check(_unit("urban_district", 10, 10), R2025)
    assert exc.value.message == msg.NO_STANDARD
    assert exc.value.params["unit"] == "X"


def test_every_round_cites_its_acts():
    for rnd in rounds().values():
        assert rnd.references
        assert rnd.valid_from <= (rnd.valid_to or rnd.valid_from)
