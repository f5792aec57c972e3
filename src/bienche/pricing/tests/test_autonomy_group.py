"""Decree 60/2021 groups at the band edges (ratio = revenue ÷ recurrent expenditure)."""

import pytest

from bienche.pricing.formulas import autonomy_group, ratio_bp


@pytest.mark.parametrize(
    ("revenue", "expenditure", "investment", "group"),
    [
        (1_000_000_000, 1_000_000_000, True, 1),  # exactly 100 % and investment: group 1
        (1_000_000_000, 1_000_000_000, False, 2),  # exactly 100 %: group 2
        (1_000_000_001, 1_000_000_000, False, 2),
        (999_999_999, 1_000_000_000, True, 3),  # 99.9999999 %: not 100 %, investment or not
        (999_999_999, 1_000_000_000, False, 3),
        (100_000_000, 1_000_000_000, False, 3),  # exactly 10 %: group 3
        (99_999_999, 1_000_000_000, False, 4),  # just under 10 %: group 4
        (0, 1_000_000_000, False, 4),
    ],
)
def test_group_at_band_edges(revenue, expenditure, investment, group):
    got = autonomy_group(
        revenue=revenue, recurrent_expenditure=expenditure, self_finances_investment=investment
    )
    assert got == group


def test_ratio_is_rounded_down_so_99_99_is_never_100():
    assert ratio_bp(999_999_999, 1_000_000_000) == 9999
    assert ratio_bp(1, 3) == 3333
    assert ratio_bp(5, 0) == 0


def test_no_expenditure_is_refused():
    with pytest.raises(ValueError, match="positive"):
        autonomy_group(revenue=1, recurrent_expenditure=0, self_finances_investment=False)
