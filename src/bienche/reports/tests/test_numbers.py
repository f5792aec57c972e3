"""Vietnamese number formatting for report text."""

from decimal import Decimal

import pytest

from bienche.reports.numbers import vn_decimal, vn_int, vn_money, vn_pct


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1234567, "1.234.567"), (-1500, "-1.500"), (2.5, "3")],
)
def test_vn_int(value, text):
    assert vn_int(value) == text


def test_vn_decimal_and_pct():
    assert vn_decimal(12.345, 1) == "12,3"
    assert vn_decimal(Decimal("1234.56"), 2) == "1.234,56"
    assert vn_decimal(-0.05, 1) == "-0,1"
    assert vn_pct(0.125) == "12,5%"
    assert vn_pct(Decimal("0.3333")) == "33,3%"
    assert vn_pct(None) == "—"


def test_vn_money():
    assert vn_money(5000) == "5.000 đồng"
    assert vn_money(123_456_789_012) == "123,5 tỷ đồng"
