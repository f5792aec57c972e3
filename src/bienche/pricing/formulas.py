"""Pure formulas of the pricing app (no Django): autonomy group, unit price, pilot figures.

Money is integer VND. A line's cost is computed exactly (``Fraction``) and rounded half up
to the đồng once, per line (:func:`vnd`); totals are sums of rounded lines, so a price shown
line by line adds up to the total shown. Ratios are basis points (1/100 %) rounded DOWN, so
99.999 % is never shown as 100 %; the autonomy group is decided on exact integers, never on
the rounded ratio.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

LABOUR, MATERIAL, EQUIPMENT, DEPRECIATION, OVERHEAD = (
    "labour",
    "material",
    "equipment",
    "depreciation",
    "overhead",
)
DIRECT = (LABOUR, MATERIAL, EQUIPMENT)


def vnd(x: Fraction | int) -> int:
    """``x`` rounded half up to the đồng (``x >= 0``): floor(x + 1/2)."""
    q = Fraction(x) + Fraction(1, 2)
    return q.numerator // q.denominator


def ratio_bp(numerator: int, denominator: int) -> int:
    """``numerator ÷ denominator`` in basis points, rounded down (0 when nothing to divide)."""
    if denominator <= 0:
        return 0
    return numerator * 10000 // denominator


# --- Decree 60/2021: autonomy group ------------------------------------------------------


def autonomy_group(
    *,
    revenue: int,
    recurrent_expenditure: int,
    self_finances_investment: bool,
    full_bp: int = 10000,
    partial_min_bp: int = 1000,
) -> int:
    """Group 1–4 of Decree 60/2021 from revenue ÷ recurrent expenditure.

    ≥ full (100 %) and investment self-financed → 1; ≥ full → 2; ≥ partial_min (10 %) → 3;
    otherwise 4. Compared as ``revenue × 10000 ≥ expenditure × bp`` on integers."""
    if recurrent_expenditure <= 0:
        raise ValueError("recurrent expenditure must be positive")
    scaled = revenue * 10000
    if scaled >= recurrent_expenditure * full_bp:
        return 1 if self_finances_investment else 2
    if scaled >= recurrent_expenditure * partial_min_bp:
        return 3
    return 4


# --- Cost norm → unit price --------------------------------------------------------------


@dataclass(frozen=True)
class NormItem:
    """One norm line with its input price resolved. For labour: ``quantity`` hours of a
    position with ``coefficient`` (salary coefficient); for overhead: ``quantity`` percent
    of direct cost; otherwise ``quantity`` × ``price``."""

    kind: str
    item: str
    unit: str
    quantity: Fraction
    price: int = 0
    coefficient: Fraction = Fraction(0)
    source: str = ""


@dataclass(frozen=True)
class PricedLine:
    kind: str
    item: str
    unit: str
    quantity: Fraction
    rate: Fraction  # VND per unit of quantity (per hour, per item; % for overhead)
    amount: int
    formula: str
    source: str


@dataclass(frozen=True)
class UnitPrice:
    lines: tuple[PricedLine, ...]
    by_kind: Mapping[str, int]
    direct: int
    overhead: int
    depreciation: int
    full: int
    without_depreciation: int
    user_fee: int
    budget_share: int
    budget_share_bp: int
    inputs: Mapping[str, int] = field(default_factory=dict)


def hourly_labour_cost(
    coefficient: Fraction, base_salary: int, employer_bp: int, hours_per_month: int
) -> Fraction:
    """coefficient × base salary × (1 + employer contributions) ÷ standard hours (exact)."""
    return coefficient * base_salary * Fraction(10000 + employer_bp, 10000) / hours_per_month


def _line(it: NormItem, rate: Fraction, formula: str) -> PricedLine:
    return PricedLine(
        it.kind, it.item, it.unit, it.quantity, rate, vnd(it.quantity * rate), formula, it.source
    )


def unit_price(
    items: Sequence[NormItem],
    *,
    base_salary: int,
    employer_bp: int,
    hours_per_month: int,
    user_fee: int = 0,
) -> UnitPrice:
    """The price of one unit of service: labour, materials, equipment (direct cost), then
    overhead as a percentage of direct cost, then depreciation. Full = direct + overhead +
    depreciation; the budget pays what the user fee does not cover (never below zero)."""
    lines: list[PricedLine] = []
    for it in items:
        if it.kind == LABOUR:
            rate = hourly_labour_cost(it.coefficient, base_salary, employer_bp, hours_per_month)
            formula = (
                f"{it.coefficient} × {base_salary:,} × (1 + {employer_bp / 100:g}%) "
                f"÷ {hours_per_month} giờ × {it.quantity} giờ"
            )
            lines.append(_line(it, rate, formula))
        elif it.kind != OVERHEAD:
            lines.append(_line(it, Fraction(it.price), f"{it.quantity} × {it.price:,}"))
    by_kind = {k: sum(x.amount for x in lines if x.kind == k) for k in (*DIRECT, DEPRECIATION)}
    direct = sum(by_kind[k] for k in DIRECT)
    for it in items:
        if it.kind == OVERHEAD:
            lines.append(_line(it, Fraction(direct, 100), f"{it.quantity}% × {direct:,}"))
    overhead = sum(x.amount for x in lines if x.kind == OVERHEAD)
    by_kind[OVERHEAD] = overhead
    full = direct + overhead + by_kind[DEPRECIATION]
    budget = max(full - user_fee, 0)
    return UnitPrice(
        lines=tuple(lines),
        by_kind=by_kind,
        direct=direct,
        overhead=overhead,
        depreciation=by_kind[DEPRECIATION],
        full=full,
        without_depreciation=full - by_kind[DEPRECIATION],
        user_fee=user_fee,
        budget_share=budget,
        budget_share_bp=ratio_bp(budget, full),
        inputs={"base_salary": base_salary, "employer_bp": employer_bp, "hours": hours_per_month},
    )
