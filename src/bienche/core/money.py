"""Money is integer VND: formatting, parsing and the one rounding rule.

* Amounts are ``int`` đồng, never ``float`` (a rate such as 0.235 or float32 storage puts
  results one đồng off) nor ``Decimal``; ``bool`` is refused although it subclasses ``int``.
* Display uses the Vietnamese thousands separator "." and a trailing symbol: ``1.234.567 đ``.
* Rounding is :func:`round_half_up_div`: integer division, halves rounded away from zero
  (``5 / 2 → 3``, ``-5 / 2 → -3``), the rule of payroll tables ("làm tròn đến đồng").
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space (Excel, Babel)
_NUMBER = rf"[0-9]{{1,3}}(?:\.[0-9]{{3}})+|[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+|[0-9]+"
_SYMBOL = r"đ|₫|vnd|vnđ|đồng"
VND_RE = re.compile(
    rf"^[{_SPACES}]*(?P<sign>-?)(?P<digits>{_NUMBER})[{_SPACES}]*(?:{_SYMBOL})?[{_SPACES}]*$",
    re.IGNORECASE,
)
PARSE_ERROR = "Số tiền «{text}» không hợp lệ: hãy nhập số đồng nguyên, ví dụ 1.234.567 đ."


def _require_int(value: object, what: str = "VND amounts") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} are integers, got {type(value).__name__}")
    return value


def format_vnd(amount: int, *, symbol: str = "đ") -> str:
    """``1234567`` → ``"1.234.567 đ"``; ``symbol=""`` gives the bare number."""
    value = _require_int(amount)
    digits = f"{abs(value):,}".replace(",", ".")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits} {symbol}".rstrip()


def parse_vnd(text: str) -> int:
    """Read an integer VND amount typed by a person or found in a spreadsheet.

    Accepted: ``"1.234.567"``, ``"1.234.567 đ"``, ``"1234567"``, ``"1 234 567 VND"``,
    ``"-1.234.567 đ"`` (the output of :func:`format_vnd`); the symbol may be đ, ₫, VND, VNĐ
    or đồng in any case. One kind of separator per number, in groups of three.
    Raises ``ValueError`` (Vietnamese message) for anything else, e.g. ``"12,5 triệu"``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_vnd takes a str, got {type(text).__name__}")
    match = VND_RE.match(unicodedata.normalize("NFC", text))
    if match is None:
        raise ValueError(PARSE_ERROR.format(text=text))
    value = int(re.sub(rf"[.{_SPACES}]", "", match["digits"]))
    return -value if match["sign"] else value


def round_half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest integer, halves away from zero.

    ``denominator`` must be positive. Example: coefficient 2.34 stored as 234 (hundredths)
    times a base salary of 2_340_000 đ: ``round_half_up_div(234 * 2_340_000, 100)``.
    """
    _require_int(numerator, "numerator and denominator")
    if _require_int(denominator, "numerator and denominator") <= 0:
        raise ValueError("denominator must be positive")
    quotient = (abs(numerator) * 2 + denominator) // (denominator * 2)
    return quotient if numerator >= 0 else -quotient
