"""The parameters in force for one month, with a scenario's overlay applied.

``snapshot(month, scenario)`` reads every dated parameter once for the month (the first day of
the month: base salaries and tables change on the 1st) and applies the scenario's replacements.
Both faces of the engine (``run`` and ``explain``) and the per-person reference read the same
snapshot. Essential parameters (base salary, coefficient tables, step intervals, beyond-frame,
contributions) raise ``ParameterError`` for a month before their first value: nothing is
computed on an unknown parameter. Optional tables (leadership posts, sector rates, bonus fund)
are empty or zero before their first value, so an allowance needing them has no source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from bienche.rules.params import Dated, ParameterError, load
from bienche.rules.scenarios import (
    AllowanceChange,
    DatedValue,
    HeadcountChange,
    PositionPay,
    Scenario,
)
from bienche.rules.steps import LadderLookup


@dataclass(frozen=True)
class Snapshot:
    month: dt.date
    scenario: Scenario | None
    base_salary: int
    base_salary_source: str
    lookup: LadderLookup
    coefficients_source: str
    beyond_frame_source: str
    leadership_posts: dict[int, tuple[str, ...]]  # coefficient (hundredths) → post[class] codes
    leadership_source: str
    sector_rates: dict[str, dict[int, str]]  # sector → rate in bp → rate code
    sector_sources: dict[str, str]
    employer: dict[str, int]
    employee: dict[str, int]
    unemployment_excluded: frozenset[str]
    cap_base_salaries: int
    contributions_source: str
    bonus_bp: int
    bonus_source: str
    allowance_changes: tuple[AllowanceChange, ...]
    position_pay: PositionPay | None
    headcount: HeadcountChange | None

    @property
    def scenario_name(self) -> str | None:
        return self.scenario.name if self.scenario else None

    def scenario_source(self, reference: str) -> str:
        return f"scenario {self.scenario_name}: {reference}"


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _overlaid(
    law: int, source: str, entries: tuple[DatedValue, ...], month: dt.date, name: str
) -> tuple[int, str]:
    chosen = [e for e in entries if e.since <= month]
    if not chosen:
        return law, source
    return chosen[-1].value, f"scenario {name}: {chosen[-1].reference}"


def _optional(name: str, month: dt.date) -> Dated | None:
    try:
        return load(name).at(month)
    except ParameterError:
        return None


def _leadership(month: dt.date) -> tuple[dict[int, tuple[str, ...]], str]:
    entry = _optional("leadership_allowance", month)
    if entry is None:
        return {}, "no leadership allowance table before its first date"
    posts: dict[int, list[str]] = {}
    for code, post in entry.value["posts"].items():
        for klass, coef in post["coef_h"].items():
            posts.setdefault(int(coef), []).append(f"{code}[{klass}]")
    return {c: tuple(sorted(v)) for c, v in posts.items()}, entry.reference


def _sectors(month: dt.date) -> tuple[dict[str, dict[int, str]], dict[str, str]]:
    entry = _optional("sector_allowances", month)
    if entry is None:
        return {}, {}
    rates = {
        sector: {int(r["bp"]): code for code, r in table["rates"].items()}
        for sector, table in entry.value.items()
    }
    return rates, {sector: table["reference"] for sector, table in entry.value.items()}


def _bonus(month: dt.date, scenario: Scenario | None, pay: PositionPay | None) -> tuple[int, str]:
    entry = _optional("bonus_fund", month)
    law, law_source = (
        (int(entry.value), entry.reference) if entry else (0, "no bonus fund before 2024-07-01")
    )
    name = scenario.name if scenario else ""
    entries = scenario.bonus_fund if scenario else ()
    value, source = _overlaid(law, law_source, entries, month, name)
    if pay is not None:
        return pay.bonus_fund_bp, f"scenario {name}: {pay.reference}"
    return int(value), source


@cache
def snapshot(month: dt.date, scenario: Scenario | None = None) -> Snapshot:
    """Parameters for ``month`` (normalised to its first day) under ``scenario``."""
    month = first_of_month(month)
    name = scenario.name if scenario else ""
    base = load("base_salary").at(month)
    base_value, base_source = _overlaid(
        int(base.value), base.reference, scenario.base_salary if scenario else (), month, name
    )
    if base_value % 100:
        raise ParameterError(f"base salary {base_value} is not a multiple of 100 VND")
    contributions = load("contributions").at(month)
    c = contributions.value
    lookup = LadderLookup(month)
    load("step_interval").at(month)
    posts, leadership_source = _leadership(month)
    rates, sector_sources = _sectors(month)
    pay = scenario.position_pay_on(month) if scenario else None
    headcount = scenario.headcount if scenario else None
    return Snapshot(
        month=month,
        scenario=scenario,
        base_salary=base_value,
        base_salary_source=base_source,
        lookup=lookup,
        coefficients_source=load("salary_coefficients").at(month).reference,
        beyond_frame_source=load("beyond_frame").at(month).reference,
        leadership_posts=posts,
        leadership_source=leadership_source,
        sector_rates=rates,
        sector_sources=sector_sources,
        employer={k: int(v) for k, v in c["employer"].items()},
        employee={k: int(v) for k, v in c["employee"].items()},
        unemployment_excluded=frozenset(c["unemployment_excluded"]),
        cap_base_salaries=int(c["cap_base_salaries"]),
        contributions_source=contributions.reference,
        bonus_bp=_bonus(month, scenario, pay)[0],
        bonus_source=_bonus(month, scenario, pay)[1],
        allowance_changes=tuple(
            a for a in (scenario.allowances if scenario else ()) if a.applies(month)
        ),
        position_pay=pay,
        headcount=headcount if headcount and headcount.applies(month) else None,
    )
