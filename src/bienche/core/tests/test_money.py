from decimal import Decimal
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bienche.core.money import format_vnd, parse_vnd, round_half_up_div


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 đ"),
        (5, "5 đ"),
        (999, "999 đ"),
        (1_000, "1.000 đ"),
        (1_234_567, "1.234.567 đ"),
        (-1_234_567, "-1.234.567 đ"),
        (10**12, "1.000.000.000.000 đ"),
    ],
)
def test_format_vnd(amount, text):
    assert format_vnd(amount) == text


def test_format_vnd_symbol():
    assert format_vnd(2_340_000, symbol="VND") == "2.340.000 VND"
    assert format_vnd(2_340_000, symbol="") == "2.340.000"


@pytest.mark.parametrize("bad", [1.5, 1.0, Decimal("1"), True, False, None, "1"])
def test_format_refuses_non_int(bad):
    with pytest.raises(TypeError):
        format_vnd(bad)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.234.567", 1_234_567),
        ("1.234.567 đ", 1_234_567),
        ("1.234.567đ", 1_234_567),
        ("1234567", 1_234_567),
        ("1 234 567 VND", 1_234_567),
        ("1\u00a0234\u00a0567 ₫", 1_234_567),
        ("  2.340.000 đồng ", 2_340_000),
        ("2.340.000 VNĐ", 2_340_000),
        ("2.340.000 vnd", 2_340_000),
        ("0", 0),
        ("0 đ", 0),
        ("-1.234.567 đ", -1_234_567),
        ("999", 999),
        ("007", 7),
    ],
)
def test_parse_vnd(text, amount):
    assert parse_vnd(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "đ",
        "abc",
        "12,5 triệu",
        "1,234,567",
        "1.234,567",
        "1.23.456",
        "1.2345",
        "1 234.567",
        "12.34",
        "1_000",
        "1e6",
        "--5",
        "+5",
        "1.234.567 USD",
        "5 đ đ",
        "١٢٣",
    ],
)
def test_parse_vnd_rejects(text):
    with pytest.raises(ValueError, match="không hợp lệ"):
        parse_vnd(text)


def test_parse_vnd_refuses_non_str():
    with pytest.raises(TypeError):
        parse_vnd(1234)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_parse_reads_what_format_writes(amount):
    assert parse_vnd(format_vnd(amount)) == amount
    assert parse_vnd(format_vnd(amount, symbol="VND")) == amount
    assert parse_vnd(format_vnd(amount, symbol="")) == amount


@pytest.mark.parametrize(
    ("num", "den", "out"),
    [
        (5, 2, 3),
        (4, 2, 2),
        (-5, 2, -3),
        (-4, 2, -2),
        (7, 3, 2),
        (8, 3, 3),
        (-7, 3, -2),
        (-8, 3, -3),
        (0, 7, 0),
        (149, 100, 1),
        (150, 100, 2),
        (-150, 100, -2),
        (234 * 2_340_000, 100, 5_475_600),  # coefficient 2,34 × base salary 2.340.000 đ
        (465 * 1_234_567, 100, 5_740_737),  # 5.740.736,55 → 5.740.737
    ],
)
def test_round_half_up_div(num, den, out):
    assert round_half_up_div(num, den) == out


@given(st.integers(min_value=-(10**20), max_value=10**20), st.integers(1, 10**9))
def test_round_half_up_div_matches_exact_rounding(num, den):
    exact = Fraction(num, den)
    expected = floor(abs(exact) + Fraction(1, 2))
    assert round_half_up_div(num, den) == (expected if num >= 0 else -expected)


@pytest.mark.parametrize("den", [0, -1])
def test_round_half_up_div_needs_positive_denominator(den):
    with pytest.raises(ValueError, match="positive"):
        round_half_up_div(10, den)


@pytest.mark.parametrize(
    ("num", "den"), [(1.5, 2), (3, 2.0), (True, 2), (3, True), (Decimal(3), 2)]
)
def test_round_half_up_div_needs_ints(num, den):
    with pytest.raises(TypeError):
        round_half_up_div(num, den)
