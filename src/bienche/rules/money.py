"""The one rounding rule of the payroll engine.

Amounts are integer VND. A coefficient × base salary is exact (coefficients are in hundredths
and every base salary is a multiple of 100); every percentage line is rounded half up to the
đồng, per person and per line, as ``(x + d // 2) // d`` on non-negative integers widened to
int64; totals are sums of the rounded lines. Floats are never used: a rate such as 0.235 or
float32 storage puts results one đồng off on exact half-đồng cases.

``half_up`` works on ints (the per-person reference) and on Polars expressions (the vectorised
run), so both faces round with the same function.
"""

from __future__ import annotations

from typing import overload

import polars as pl


@overload
def half_up(x: int, d: int) -> int: ...
@overload
def half_up(x: pl.Expr, d: int) -> pl.Expr: ...
def half_up(x: int | pl.Expr, d: int) -> int | pl.Expr:
    """``x / d`` rounded half up, for ``x >= 0`` and ``d > 0``."""
    return (x + d // 2) // d
