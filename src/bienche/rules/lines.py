"""The pay rules, each defined once: name, legal source, inputs and a vectorised expression.

A rule is a function of the month's ``Snapshot`` returning a ``Formula``: a Polars expression
over the roster's columns, the prepared rates (``bienche.rules.roster.prepare``) and the lines
before it, the names of those inputs, the parameters it uses, and its source. ``compute``
evaluates them in order over a whole roster (``run``) or over one row (``explain``): the same
definitions give both faces. A scenario changes a rule by changing the snapshot it reads
(``position_pay`` replaces the salary and allowance formulas; abolished lines are 0).

Bases, with their sources:
* salary = coefficient × base salary (Decree 204/2004; exact in integers);
* leadership = coefficient × base salary; beyond-frame = % × the last-step salary;
* sector allowance = rate × (salary + leadership + beyond-frame), the base written in
  TTLT 01/2006 (education) and TTLT 02/2012 (health); it uses the rounded lines;
* insurance base = salary + leadership + beyond-frame (Luật BHXH 2014 Đ.89: rank pay plus
  leadership, beyond-frame and professional-seniority allowances — the last is not
  modelled), capped at 20 × base salary; the sector allowance is not part of it;
* each contribution = rate × insurance base, one line per fund; unemployment only for
  categories covered (not officials, civil servants, commune-level officials); the union fee
  (2 %) is an employer line on the same base;
* bonus fund = 10 % of the salary line only (Decree 73/2024 Art. 4: allowances excluded),
  from 2024-07-01; reported apart, not part of gross pay or employer cost.
Rounding: ``bienche.rules.money.half_up`` (see there).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import polars as pl

from bienche.rules.money import half_up
from bienche.rules.snapshot import Snapshot

SUM = "sum of the lines named in inputs"


@dataclass(frozen=True)
class Formula:
    expr: pl.Expr
    inputs: tuple[str, ...]
    source: str
    parameters: Mapping[str, int | str] = field(default_factory=dict)


RULES: dict[str, Callable[[Snapshot], Formula]] = {}


def rule(name: str) -> Callable[[Callable[[Snapshot], Formula]], Callable[[Snapshot], Formula]]:
    def register(fn: Callable[[Snapshot], Formula]) -> Callable[[Snapshot], Formula]:
        RULES[name] = fn
        return fn

    return register


def _abolished(s: Snapshot, line: str) -> Formula | None:
    if s.position_pay is not None and line in s.position_pay.abolish:
        return Formula(pl.lit(0, pl.Int64), (), s.scenario_source(s.position_pay.reference))
    return None


def _sum(*names: str) -> Formula:
    return Formula(pl.sum_horizontal([pl.col(n) for n in names]), names, SUM)


def _rate(rate_bp: int, base: str, s: Snapshot, covered: str | None = None) -> Formula:
    amount = half_up(pl.col(base) * rate_bp, 10_000)
    inputs: tuple[str, ...] = (base,)
    if covered:
        amount = pl.when(pl.col(covered)).then(amount).otherwise(0)
        inputs = (base, covered)
    return Formula(amount, inputs, s.contributions_source, {"rate_bp": rate_bp})


@rule("base_salary")
def base_salary(s: Snapshot) -> Formula:
    """Lương cơ sở in force on the month."""
    return Formula(pl.lit(s.base_salary, pl.Int64), (), s.base_salary_source)


@rule("salary")
def salary(s: Snapshot) -> Formula:
    """Coefficient × base salary; under position pay, the new level's absolute amount."""
    if s.position_pay is not None:
        src = s.scenario_source(s.position_pay.reference)
        return Formula(pl.col("position_salary"), ("position_level", "position_salary"), src)
    expr = half_up(pl.col("coefficient_h").cast(pl.Int64) * pl.col("base_salary"), 100)
    src = f"{s.coefficients_source}; {s.base_salary_source}"
    return Formula(expr, ("salary_group", "step", "coefficient_h", "base_salary"), src)


@rule("leadership")
def leadership(s: Snapshot) -> Formula:
    """Leadership coefficient × base salary."""
    if (gone := _abolished(s, "leadership")) is not None:
        return gone
    expr = half_up(pl.col("leadership_h") * pl.col("base_salary"), 100)
    src = s.leadership_source
    if any(c.line == "leadership" for c in s.allowance_changes):
        src = s.scenario_source(f"leadership changed; {src}")
    return Formula(expr, ("leadership_coef_h", "leadership_h", "base_salary"), src)


@rule("beyond_frame")
def beyond_frame(s: Snapshot) -> Formula:
    """Beyond-frame percent × the last-step salary (0 below the last step)."""
    if (gone := _abolished(s, "beyond_frame")) is not None:
        return gone
    expr = half_up(pl.col("beyond_frame_pct") * pl.col("salary"), 100)
    inputs = ("step", "max_step", "last_step_date", "delay_months", "beyond_frame_pct", "salary")
    return Formula(expr, inputs, s.beyond_frame_source)


@rule("sector_allowance")
def sector_allowance(s: Snapshot) -> Formula:
    """Sector rate × (salary + leadership + beyond-frame)."""
    if (gone := _abolished(s, "sector_allowance")) is not None:
        return gone
    base = pl.col("salary") + pl.col("leadership") + pl.col("beyond_frame")
    expr = half_up(pl.col("sector_bp") * base, 10_000)
    src = "; ".join(f"{k}: {v}" for k, v in s.sector_sources.items()) or "no sector table"
    if any(c.line == "sector_allowance" for c in s.allowance_changes):
        src = s.scenario_source(f"sector allowance changed; {src}")
    inputs = ("sector", "sector_allowance_bp", "sector_bp", "salary", "leadership", "beyond_frame")
    return Formula(expr, inputs, src)


@rule("position_allowances")
def position_allowances(s: Snapshot) -> Formula:
    """Under position pay: the allowance envelope, salary × allowance share / basic share."""
    pay = s.position_pay
    if pay is None:
        return Formula(pl.lit(0, pl.Int64), (), "no position pay (current law)")
    expr = half_up(pl.col("salary") * pay.allowance_share_bp, pay.basic_share_bp)
    params = {"allowance_share_bp": pay.allowance_share_bp, "basic_share_bp": pay.basic_share_bp}
    return Formula(expr, ("salary",), s.scenario_source(pay.reference), params)


@rule("gross")
def gross(s: Snapshot) -> Formula:
    """Gross pay: the salary and every allowance line."""
    return _sum("salary", "leadership", "beyond_frame", "sector_allowance", "position_allowances")


@rule("insurance_base")
def insurance_base(s: Snapshot) -> Formula:
    """Salary + leadership + beyond-frame, capped at cap × base salary."""
    cap = s.cap_base_salaries * s.base_salary
    expr = pl.min_horizontal(pl.col("salary") + pl.col("leadership") + pl.col("beyond_frame"), cap)
    inputs = ("salary", "leadership", "beyond_frame")
    return Formula(expr, inputs, s.contributions_source, {"cap": cap})


EMPLOYER_FUNDS = ("social", "health", "unemployment", "union")
EMPLOYEE_FUNDS = ("social", "health", "unemployment")


def _contribution(side: str, fund: str) -> Callable[[Snapshot], Formula]:
    def formula(s: Snapshot) -> Formula:
        """Rate × insurance base; unemployment only for the categories it covers."""
        rates = s.employer if side == "employer" else s.employee
        covered = "unemployment_covered" if fund == "unemployment" else None
        return _rate(rates[fund], "insurance_base", s, covered)

    return formula


for _side, _funds in (("employer", EMPLOYER_FUNDS), ("employee", EMPLOYEE_FUNDS)):
    for _fund in _funds:
        rule(f"{_side}_{_fund}")(_contribution(_side, _fund))


@rule("employer_contributions")
def employer_contributions(s: Snapshot) -> Formula:
    """Employer social, health, unemployment insurance and union fee."""
    return _sum(*(f"employer_{f}" for f in ("social", "health", "unemployment", "union")))


@rule("employee_contributions")
def employee_contributions(s: Snapshot) -> Formula:
    """Employee social, health and unemployment insurance (withheld from pay)."""
    return _sum(*(f"employee_{f}" for f in ("social", "health", "unemployment")))


@rule("net")
def net(s: Snapshot) -> Formula:
    """Take-home pay before personal income tax (not modelled)."""
    expr = pl.col("gross") - pl.col("employee_contributions")
    return Formula(expr, ("gross", "employee_contributions"), "gross − employee contributions")


@rule("employer_cost")
def employer_cost(s: Snapshot) -> Formula:
    """What the budget pays for the month: gross + employer contributions."""
    return _sum("gross", "employer_contributions")


@rule("bonus_fund")
def bonus_fund(s: Snapshot) -> Formula:
    """Bonus fund share: rate × the salary line (allowances excluded)."""
    expr = half_up(pl.col("salary") * s.bonus_bp, 10_000)
    return Formula(expr, ("salary",), s.bonus_source, {"rate_bp": s.bonus_bp})


LINES: tuple[str, ...] = tuple(RULES)
#: Lines summed in totals and roll-ups (base_salary and insurance_base are not money paid).
MONEY_LINES: tuple[str, ...] = tuple(n for n in LINES if n not in ("base_salary", "insurance_base"))


def formulas(s: Snapshot) -> dict[str, Formula]:
    return {name: fn(s) for name, fn in RULES.items()}


def compute(lf: pl.LazyFrame, s: Snapshot) -> pl.LazyFrame:
    """Add one Int64 column per line, in order (each may read the lines before it)."""
    for name, f in formulas(s).items():
        lf = lf.with_columns(f.expr.cast(pl.Int64).alias(name))
    return lf
