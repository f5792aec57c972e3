"""A unit price worked by hand (integer VND, each line rounded half up to the đồng).

Norm of the preschool service per child per month (factories.MN_LINES):
  labour: teacher, coefficient 2.10, 12 hours; hour = 2.10 × base salary × 1.235 ÷ 176
          (employer contributions 17.5 + 3 + 1 + 2 = 23.5 %; 22 days × 8 h)
  materials 0.1 × 120,000 = 12,000; equipment 0.05 × 300,000 = 15,000
  depreciation 0.0001 × 400,000,000 = 40,000; overhead 10 % of direct cost
Base salary 1,800,000 (30/06/2024):
  labour = 2.10 × 1,800,000 × 1.235 × 12 ÷ 176 = 56,019,600 ÷ 176 = 318,293.18 → 318,293
  direct = 318,293 + 12,000 + 15,000 = 345,293; overhead = 34,529.3 → 34,529
  full = 345,293 + 34,529 + 40,000 = 419,822; without depreciation 379,822
  budget share = 419,822 − 100,000 (family fee) = 319,822 = 76.18 %
Base salary 2,340,000 (01/07/2024):
  labour = 2.10 × 2,340,000 × 1.235 × 12 ÷ 176 = 72,825,480 ÷ 176 = 413,781.14 → 413,781
  direct = 440,781; overhead 44,078.1 → 44,078; full = 524,859
"""

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.pricing import messages as m
from bienche.pricing.formulas import vnd
from bienche.pricing.models import Norm
from bienche.pricing.selectors import service_price
from bienche.pricing.services.norms import LineSpec, norm_create
from bienche.pricing.tests.factories import preschool_service

pytestmark = pytest.mark.django_db


def test_price_by_hand_before_the_rise():
    preschool_service()
    r = service_price("MN", dt.date(2024, 6, 30))
    p = r.price
    assert r.base_salary == 1_800_000
    assert [line.amount for line in p.lines] == [318_293, 12_000, 15_000, 40_000, 34_529]
    assert (p.direct, p.overhead, p.depreciation) == (345_293, 34_529, 40_000)
    assert (p.full, p.without_depreciation) == (419_822, 379_822)
    assert (p.budget_share, p.budget_share_bp) == (319_822, 7618)


def test_price_by_hand_after_the_rise_and_the_what_if_agrees():
    preschool_service()
    after = service_price("MN", dt.date(2024, 7, 1)).price
    assert (after.by_kind["labour"], after.overhead, after.full) == (413_781, 44_078, 524_859)
    what_if = service_price("MN", dt.date(2024, 6, 30), base_salary=2_340_000)
    assert what_if.what_if
    assert what_if.price.full == 524_859


def test_half_up_rounding():
    from fractions import Fraction

    assert vnd(Fraction(5, 2)) == 3
    assert vnd(Fraction(249, 100)) == 2


def test_a_date_with_no_base_salary_is_refused():
    preschool_service()
    Norm.objects.filter(service__code="MN").update(valid_from=dt.date(1990, 1, 1))
    with pytest.raises(InvalidInput) as exc:
        service_price("MN", dt.date(1995, 1, 1))
    assert exc.value.message == m.NO_BASE_SALARY
    assert "lương cơ sở" in exc.value.vi


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (LineSpec("material", "Giấy", "", "1"), m.LINE_NO_UNIT),
        (LineSpec("material", "Giấy", "tờ", "-1"), m.LINE_NEGATIVE),
        (LineSpec("labour", "Giáo viên", "giờ", "1", "0"), m.LINE_COEFFICIENT),
        (LineSpec("food", "Giấy", "tờ", "1"), m.LINE_KIND),
    ],
)
def test_bad_norm_lines_write_nothing(line, message):
    preschool_service()
    with pytest.raises(InvalidInput) as exc:
        norm_create(
            service_code="MN",
            valid_from=dt.date(2024, 1, 1),
            source="QĐ",
            lines=[LineSpec("material", "Bút", "cái", "1"), line],
            acting_user=None,
        )
    assert exc.value.message == message
    assert "dòng định mức 2" in exc.value.vi.lower()
    assert Norm.objects.filter(valid_from=dt.date(2024, 1, 1)).count() == 0


def test_norm_versions_by_date():
    preschool_service()
    norm_create(
        service_code="MN",
        valid_from=dt.date(2025, 1, 1),
        source="QĐ mới",
        lines=[LineSpec("material", "Đồ dùng học tập", "bộ", "1")],
        acting_user=None,
    )
    assert service_price("MN", dt.date(2024, 12, 31)).price.full == 524_859
    assert service_price("MN", dt.date(2025, 1, 1)).price.full == 120_000
