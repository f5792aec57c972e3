import pytest

from bienche.staffing.ranks import group_at_least, rank_catalogue


@pytest.mark.parametrize(
    ("group", "coefficients"),
    [
        ("A1", [234, 267, 300, 333, 366, 399, 432, 465, 498]),
        ("A2.1", [440, 474, 508, 542, 576, 610, 644, 678]),
        ("A3.1", [620, 656, 692, 728, 764, 800]),
        ("A0", [210, 241, 272, 303, 334, 365, 396, 427, 458, 489]),
        ("B", [186 + 20 * i for i in range(12)]),
    ],
)
def test_scales_match_decree_204(group, coefficients):
    scale = rank_catalogue().scales[group]
    assert [scale.coefficient_h(s) for s in range(1, scale.steps + 1)] == coefficients


def test_every_rank_has_a_scale():
    cat = rank_catalogue()
    assert all(r.group in cat.scales for r in cat.ranks.values())


def test_group_order():
    assert group_at_least("A2.1", "A1")
    assert not group_at_least("A0", "A1")
    assert group_at_least("C1", "")
