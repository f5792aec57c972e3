"""Check and proposal as plain dicts (CLI JSON, API, web), with the impact of a proposal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.utils import translation

from bienche.territory.check import territory_check
from bienche.territory.propose import Proposal, territory_propose
from bienche.territory.selectors import territory_units_on
from bienche.territory.standards import Round, period_warning, round_get

#: Commune-level cadres and civil servants per unit used for the surplus estimate
#: (Decree 33/2023/NĐ-CP, a class-I ward; UNVERIFIED figure, an estimate only).
STAFF_PER_COMMUNE = 23


def _round_dict(rnd: Round) -> dict[str, Any]:
    return {
        "code": rnd.code,
        "description": rnd.description,
        "references": list(rnd.references),
        "data_reference_date": rnd.data_reference_date.isoformat(),
        "valid_from": rnd.valid_from.isoformat(),
        "valid_to": rnd.valid_to.isoformat() if rnd.valid_to else None,
    }


def _warning(rnd: Round, on: dt.date) -> str | None:
    return period_warning(rnd, on, translation.get_language() or "vi")


def check_report(*, round_code: str, on: dt.date, parent_code: str | None = None) -> dict:
    rnd = round_get(round_code)
    units, _ = territory_units_on(
        on=on, parent_code=parent_code, count_temporary=rnd.count_temporary
    )
    verdicts = territory_check(units, rnd)
    return {
        "round": _round_dict(rnd),
        "on": on.isoformat(),
        "warning": _warning(rnd, on),
        "parent": parent_code,
        "counts": dict(Counter(v.status for v in verdicts)),
        "units": [
            {
                "code": v.unit.code,
                "name": v.unit.name,
                "type": v.unit.unit_type,
                "parent": v.unit.parent,
                "area_km2": round(v.unit.area_km2, 2),
                "population": v.unit.population,
                "area_pct": round(v.area_pct, 1),
                "population_pct": round(v.population_pct, 1),
                "status": v.status,
                "reason": v.reason,
            }
            for v in verdicts
        ],
    }


def _impact(p: Proposal, staff: dict[str, int]) -> dict[str, Any]:
    merged = [c for m in p.merges for c in m.members]
    people = sum(staff.get(c, 0) for c in merged)
    return {
        "units_before": p.units_before,
        "units_after": p.units_after,
        "units_fewer": p.units_before - p.units_after,
        "staff_in_merged_units": people,
        "staff_surplus_estimate": max(0, people - STAFF_PER_COMMUNE * len(p.merges)),
        "offices_freed": len(merged) - len(p.merges),
    }


def _staff_by_code(on: dt.date) -> dict[str, int]:
    from bienche.org.selectors import unit_tree_as_of
    from bienche.staffing.selectors import headcount_by_unit

    by_id = unit_tree_as_of(on).by_id
    return {by_id[i].code: n for i, n in headcount_by_unit(on).items() if i in by_id}


def proposal_dict(p: Proposal, names: dict[str, str], staff: dict[str, int]) -> dict[str, Any]:
    return {
        "rank": p.rank,
        "optimal": p.optimal,
        "left_noncompliant": p.left_noncompliant,
        "lower_bound_left": p.lower_bound_left,
        "units_changed": p.units_changed,
        "impact": _impact(p, staff),
        "merges": [
            {
                "members": [{"code": c, "name": names.get(c, c)} for c in m.members],
                "type": m.unit_type,
                "area_km2": m.area_km2,
                "population": m.population,
                "basis": m.basis,
                "fixes": list(m.fixes),
            }
            for m in p.merges
        ],
    }


def proposal_report(
    *,
    round_code: str,
    parent_code: str,
    on: dt.date,
    pinned: tuple[str, ...] = (),
    forbidden: tuple[str, ...] = (),
    alternatives: int = 3,
    time_limit: float = 24.0,
    max_units: int | None = None,
) -> dict:
    rnd = round_get(round_code)
    units, edges = territory_units_on(
        on=on, parent_code=parent_code, count_temporary=rnd.count_temporary
    )
    run = territory_propose(
        units=units,
        edges=edges,
        rnd=rnd,
        alternatives=alternatives,
        pinned=pinned,
        forbidden=forbidden,
        time_limit=time_limit,
        max_units=max_units,
    )
    names = {u.code: u.name for u in units}
    staff = _staff_by_code(on)
    return {
        "round": _round_dict(rnd),
        "on": on.isoformat(),
        "warning": _warning(rnd, on),
        "parent": parent_code,
        "units": len(units),
        "must": run.must,
        "candidates": run.candidates,
        "pinned": list(pinned),
        "forbidden": list(forbidden),
        "method": "exact set packing over all contiguous merges of at most "
        f"{run.max_units} units (HiGHS)",
        "max_units": run.max_units,
        "proposals": [proposal_dict(p, names, staff) for p in run.proposals],
        "edges": sorted(sorted(e) for e in edges),
    }
