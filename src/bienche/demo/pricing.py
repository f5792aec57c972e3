"""The pricing demo: services with norms, autonomy of the demo's public service units, and
the preschool unified-price pilot across the 296 demo preschools.

The preschools' autonomy for 2023 follows from their pilot accounts.
Everything here is SYNTHETIC and stored with ``synthetic=True``: the pilot's decision and
price were not found (see params/preschool_pilot.yaml), so the price is a placeholder and
each school's accounts are drawn (seeded) around plausible costs: urban schools near the
price, rural ones about 10 % above it, mountainous ones about 30 % above. Ba Vì's communes
stand for the "mountainous communes" group (an assumption). Units' revenue and expenditure
are drawn around their registry group; approved groups are placeholder decisions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from bienche.org.models import UnitVersion
from bienche.pricing import demo_data as dd
from bienche.pricing.services.autonomy import DecisionSpec, FinanceSpec, autonomy_bulk_load
from bienche.pricing.services.norms import input_price_set, norm_create, service_create
from bienche.pricing.services.pilot import (
    SchoolSpec,
    pilot_school_register,
    pilot_terms,
    school_accounts_record,
)

SEED = 8
YEAR = 2023
MOUNTAIN_DISTRICTS = {"Huyện Ba Vì"}
COST_FACTOR = {"urban": (0.97, 0.05), "rural": (1.10, 0.06), "mountain": (1.30, 0.07)}
RATIO = {1: (1.25, 0.1), 2: (1.08, 0.06), 3: (0.6, 0.25), 4: (0.06, 0.04)}


def pricing_wipe() -> None:
    from bienche.pricing import models as pm

    for model in (pm.SchoolAccount, pm.PilotSchool, pm.NormLine, pm.Norm, pm.Service):
        model.objects.all().delete()
    for model in (pm.InputPrice, pm.UnitFinance, pm.AutonomyDecision):
        model.objects.all().delete()


def _services() -> None:
    for code, (name, unit, sector, fee, lines) in dd.SERVICES.items():
        service_create(
            code=code, name=name, unit_label=unit, sector=sector, synthetic=True, acting_user=None
        )
        norm_create(
            service_code=code,
            valid_from=dt.date(2023, 1, 1),
            source=dd.SOURCE,
            lines=lines,
            user_fee=fee,
            acting_user=None,
        )
    for item, (p2023, p2024) in dd.PRICES.items():
        for day, price in ((dt.date(2023, 1, 1), p2023), (dt.date(2024, 1, 1), p2024)):
            input_price_set(
                item=item, valid_from=day, price=price, source=dd.PRICE_SOURCE, acting_user=None
            )


def _units(on: dt.date) -> list[tuple[str, int]]:
    rows = (
        UnitVersion.objects.filter(kind="public_service_unit", valid_from__lte=on)
        .exclude(valid_to__lte=on)
        .values_list("unit__code", "autonomy_level")
    )
    return sorted((c, lvl or 4) for c, lvl in rows if not c.startswith(("HN.DV.TH", "HN.DV.MN")))


DECISION = "QĐ giao tự chủ giai đoạn 2022–2025 (giả lập)"


def _decision(code: str, level: int) -> DecisionSpec:
    return DecisionSpec(
        code, level, dt.date(2022, 1, 1), DECISION, dt.date(2021, 12, 20), "UBND Thành phố Hà Nội"
    )


def _autonomy(rng: random.Random) -> int:
    units = _units(dt.date(2024, 12, 31))
    finances = []
    for code, level in units:
        for year in (2022, 2023, 2024):
            mean, sd = RATIO[level]
            ratio = max(rng.gauss(mean + 0.04 * (year - 2022), sd), 0.0)
            expenditure = rng.randrange(20, 400) * 1_000_000_000
            finances.append(FinanceSpec(code, year, int(expenditure * ratio), expenditure))
    autonomy_bulk_load(
        decisions=[_decision(c, lvl) for c, lvl in units],
        finances=finances,
        synthetic=True,
        acting_user=None,
    )
    return len(units)


def _area(district: Any) -> str:
    if district.name in MOUNTAIN_DISTRICTS:
        return "mountain"
    return "urban" if district.kind in ("urban_district", "town") else "rural"


def _pilot(hn: Any, rng: random.Random) -> dict[str, int]:
    districts = {d.gso_code: d for d in hn.districts}
    terms = pilot_terms(YEAR)
    specs, rows = [], []
    for n, c in enumerate(list(hn.communes)[: terms["schools"]], start=2):
        district = districts[c.district_gso_code]
        area = _area(district)
        code = f"HN.DV.MN.{c.gso_code}"
        specs.append(SchoolSpec(code, f"Trường Mầm non {c.short_name}", district.name, area))
        enrolment, months = rng.randrange(120, 421), terms["months"]
        fees = enrolment * months * terms["family"][area]
        budget = enrolment * months * (terms["price"][area] - terms["family"][area])
        mean, sd = COST_FACTOR[area]
        factor = rng.gauss(mean, sd) if rng.random() > 0.02 else rng.choice((0.6, 1.8))
        total = int((fees + budget) * factor) // 1000 * 1000
        salary, depreciation = total * 68 // 100, total * 4 // 100
        rows.append(
            (
                n,
                {
                    "code": code,
                    "enrolment": enrolment,
                    "months": months,
                    "fees": fees,
                    "budget": budget,
                    "previous_budget": budget * rng.randrange(80, 100) // 100,
                    "salary_cost": salary,
                    "operating_cost": total - salary - depreciation,
                    "depreciation_cost": depreciation,
                    "total_cost": total,
                },
            )
        )
    _link(specs)
    pilot_school_register(schools=specs, synthetic=True, acting_user=None)
    problems = school_accounts_record(year=YEAR, rows=rows, synthetic=True, acting_user=None)
    assert not problems, problems[:3]  # noqa: S101 - the generator's own invariant
    _preschool_autonomy(specs, rows)
    return {"schools": len(specs)}


def _preschool_autonomy(specs: list[SchoolSpec], rows: list[tuple[int, dict]]) -> None:
    """Under ordering at the unified price the budget's payment counts as service revenue
    (Decree 60/2021), so a preschool approved in group 4 may compute as group 3 or 2."""
    pairs = [(s, row) for s, (_n, row) in zip(specs, rows, strict=True) if s.unit_id]
    autonomy_bulk_load(
        decisions=[_decision(s.code, 4) for s, _row in pairs],
        finances=[
            FinanceSpec(s.code, YEAR, row["fees"] + row["budget"], row["total_cost"])
            for s, row in pairs
        ],
        synthetic=True,
        acting_user=None,
    )


def _link(specs: list[SchoolSpec]) -> None:
    from bienche.org.models import Unit

    ids = dict(Unit.objects.filter(code__in=[s.code for s in specs]).values_list("code", "id"))
    specs[:] = [SchoolSpec(s.code, s.name, s.district, s.area, ids.get(s.code)) for s in specs]


def build_pricing_demo(hn: Any, step: Callable[[str], None]) -> dict[str, int]:
    rng = random.Random(SEED)
    _services()
    units = _autonomy(rng)
    step(f"  pricing: {len(dd.SERVICES)} services, autonomy of {units} units")
    pilot = _pilot(hn, rng)
    step(f"  pricing: preschool pilot, {pilot['schools']} schools (synthetic accounts)")
    return {"services": len(dd.SERVICES), "units": units, **pilot}
