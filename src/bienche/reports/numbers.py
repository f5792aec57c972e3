"""Vietnamese number formatting for report text: "1.234.567", "12,5%", "1,8 tỷ đồng".

Table cells stay numbers (the renderers format them); paragraphs use these helpers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def vn_int(value: int | float | Decimal) -> str:
    """An integer with dots between thousands: 1234567 → "1.234.567", -1500 → "-1.500"."""
    n = int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{n:,}".replace(",", ".")


def vn_decimal(value: int | float | Decimal, places: int = 1) -> str:
    """A decimal with a comma: 12.345 → "12,3" (places=1); thousands dotted."""
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{abs(q):f}".partition(".")
    sign = "-" if q < 0 else ""
    text = sign + vn_int(int(whole))
    return f"{text},{frac}" if places > 0 else text


def vn_pct(share: float | Decimal | None, places: int = 1) -> str:
    """A share (0.125) as "12,5%"; None → "—"."""
    if share is None:
        return "—"
    return vn_decimal(Decimal(str(share)) * 100, places) + "%"


def vn_money(vnd: int) -> str:
    """Money in VND: below a billion in đồng, above in tỷ đồng with one decimal."""
    if abs(vnd) >= 1_000_000_000:
        return vn_decimal(Decimal(vnd) / 1_000_000_000, 1) + " tỷ đồng"
    return vn_int(vnd) + " đồng"
