"""A straightforward per-person implementation of the same pay rules (plain Python loops over
dicts), written independently of the vectorised expressions: the benchmark's baseline and a
second oracle in the tests. It reads the same parameter snapshot (the law, with the scenario
overlay) and the scalar step functions; nothing here is made slow on purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from bienche.rules.money import half_up
from bienche.rules.roster import FAILURES, STAFF_CATEGORIES
from bienche.rules.scenarios import HeadcountChange, Scenario
from bienche.rules.snapshot import Snapshot, snapshot
from bienche.rules.steps import beyond_frame_percent

REQUIRED = ("person_id", "unit_id", "sector", "level", "salary_group", "step", "coefficient_h")


def _failure(p: dict[str, Any], s: Snapshot) -> int:  # noqa: C901 — one check per rule
    if any(p.get(k) is None for k in REQUIRED):
        return 1
    if p["staff_category"] not in STAFF_CATEGORIES:
        return 2
    ladder = s.lookup.ladders.get(p["salary_group"])
    if ladder is None:
        return 3
    step = p["step"]
    if not 1 <= step <= ladder.last:
        return 4
    if p["coefficient_h"] != ladder.coefficients[step - 1]:
        return 5
    if step == ladder.last and p.get("last_step_date") is None:
        return 6
    if (p.get("delay_months") or 0) < 0:
        return 7
    lead = p.get("leadership_coef_h") or 0
    if lead and lead not in s.leadership_posts:
        return 8
    bp = p.get("sector_allowance_bp") or 0
    if bp and bp not in s.sector_rates.get(p["sector"], {}):
        return 9
    if s.position_pay and s.position_pay.level_of(p["salary_group"], step, lead) is None:
        return 10
    return 0


def _changed(rate: int, line: str, sector: str, s: Snapshot) -> int:
    for change in s.allowance_changes:
        if change.line == line and (change.sector is None or change.sector == sector):
            rate = change.apply(rate)
    return rate


def _abolished(line: str, s: Snapshot) -> bool:
    return s.position_pay is not None and line in s.position_pay.abolish


def pay(p: dict[str, Any], s: Snapshot) -> dict[str, int]:
    """Every line of one payable person's pay (``_failure`` must be 0)."""
    base, group, step, sector = s.base_salary, p["salary_group"], p["step"], p["sector"]
    ladder = s.lookup.ladders[group]
    lines: dict[str, int] = {"base_salary": base}
    if s.position_pay:
        found = s.position_pay.level_of(group, step, p.get("leadership_coef_h") or 0)
        lines["salary"] = found[1] if found else 0
    else:
        lines["salary"] = half_up(p["coefficient_h"] * base, 100)
    lead = _changed(p.get("leadership_coef_h") or 0, "leadership", sector, s)
    lines["leadership"] = 0 if _abolished("leadership", s) else half_up(lead * base, 100)
    pct = 0
    if step == ladder.last:
        pct = beyond_frame_percent(
            group, step, p["last_step_date"], s.month, delay_months=p.get("delay_months") or 0
        )
    pct = _changed(pct, "beyond_frame", sector, s)
    lines["beyond_frame"] = (
        0 if _abolished("beyond_frame", s) else half_up(pct * lines["salary"], 100)
    )
    bp = _changed(p.get("sector_allowance_bp") or 0, "sector_allowance", sector, s)
    ranked = lines["salary"] + lines["leadership"] + lines["beyond_frame"]
    lines["sector_allowance"] = (
        0 if _abolished("sector_allowance", s) else half_up(bp * ranked, 10_000)
    )
    pp = s.position_pay
    lines["position_allowances"] = (
        half_up(lines["salary"] * pp.allowance_share_bp, pp.basic_share_bp) if pp else 0
    )
    lines["gross"] = ranked + lines["sector_allowance"] + lines["position_allowances"]
    insured = min(ranked, s.cap_base_salaries * base)
    lines["insurance_base"] = insured
    covered = p["staff_category"] not in s.unemployment_excluded
    for side, rates in (("employer", s.employer), ("employee", s.employee)):
        for fund, rate in rates.items():
            due = fund != "unemployment" or covered
            lines[f"{side}_{fund}"] = half_up(insured * rate, 10_000) if due else 0
    lines["employer_contributions"] = sum(v for k, v in lines.items() if k.startswith("employer_"))
    lines["employee_contributions"] = sum(
        v for k, v in lines.items() if k.startswith("employee_") and k != "employee_contributions"
    )
    lines["net"] = lines["gross"] - lines["employee_contributions"]
    lines["employer_cost"] = lines["gross"] + lines["employer_contributions"]
    lines["bonus_fund"] = half_up(lines["salary"] * s.bonus_bp, 10_000)
    return lines


def _removed(people: list[dict[str, Any]], change: HeadcountChange | None) -> set[str]:
    if change is None:
        return set()
    removed = {p["person_id"] for p in people if p["person_id"] in change.remove}
    for share in change.keep:
        matching = sorted(
            p["person_id"]
            for p in people
            if share.staff_category in (None, p["staff_category"])
            and share.sector in (None, p["sector"])
        )
        drop = 10_000 - share.keep_bp
        for r, pid in enumerate(matching):
            if (r + 1) * drop // 10_000 > r * drop // 10_000:
                removed.add(pid)
    return removed


def run_reference(
    roster: Iterable[dict[str, Any]], month: dt.date, scenario: Scenario | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """(paid people with their lines, excluded people with rule and reason)."""
    s = snapshot(month.replace(day=1), scenario)
    people = list(roster)
    removed = _removed(people, s.headcount)
    paid, excluded = [], []
    for p in people:
        if p["person_id"] in removed:
            continue
        code = _failure(p, s)
        if code:
            excluded.append({"person_id": p["person_id"], "rule": FAILURES[code][0]})
        else:
            paid.append({"person_id": p["person_id"], **pay(p, s)})
    return paid, excluded
