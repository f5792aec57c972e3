import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bienche.core.models import CalendarOverride
from bienche.core.workdays import (
    WorkdayIndex,
    add_working_days,
    days_off_between,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db
D = dt.date
WORKING, DAY_OFF = CalendarOverride.Kind.WORKING, CalendarOverride.Kind.DAY_OFF


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _override(day: dt.date, kind: str, reason: str = "Điều chỉnh") -> None:
    CalendarOverride.objects.create(day=day, kind=kind, reason=reason, basis="QĐ thử")


# Tết days as returned by holidays 0.109 (country VN, language vi).
TET = {
    2024: _days(D(2024, 2, 8), D(2024, 2, 14)),
    2025: _days(D(2025, 1, 27), D(2025, 2, 1)),
    2026: _days(D(2026, 2, 16), D(2026, 2, 20)),
}


@pytest.mark.parametrize("day", [d for days in TET.values() for d in days])
def test_tet_days_are_off(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [D(2024, 2, 7), D(2024, 2, 15), D(2025, 1, 24), D(2025, 2, 3), D(2026, 2, 13), D(2026, 2, 23)],
)
def test_days_around_tet_are_worked(day):
    assert is_working_day(day)


def test_tet_2025_days_off_with_names():
    off = days_off_between(D(2025, 1, 25), D(2025, 2, 2))
    assert off == [
        (D(2025, 1, 25), "Thứ Bảy"),
        (D(2025, 1, 26), "Chủ nhật"),
        (D(2025, 1, 27), "29 Tết"),
        (D(2025, 1, 28), "Giao thừa Tết Nguyên Đán"),
        (D(2025, 1, 29), "Tết Nguyên Đán"),
        (D(2025, 1, 30), "Mùng hai Tết Nguyên Đán"),
        (D(2025, 1, 31), "Mùng ba Tết Nguyên Đán"),
        (D(2025, 2, 1), "Mùng bốn Tết Nguyên Đán"),
        (D(2025, 2, 2), "Chủ nhật"),
    ]


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2025, 1, 1), "Tết Dương lịch"),
        (D(2025, 4, 7), "Ngày Giỗ Tổ Hùng Vương"),
        (D(2025, 4, 30), "Ngày Chiến thắng"),
        (D(2025, 5, 1), "Ngày Quốc tế Lao động"),
        (D(2025, 9, 2), "Quốc khánh"),
        (D(2026, 4, 27), "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),
    ],
)
def test_public_holidays_named(day, name):
    assert days_off_between(day, day) == [(day, name)]


def test_ordinary_week():
    # Monday 10/03/2025 … Sunday 16/03/2025.
    week = _days(D(2025, 3, 10), D(2025, 3, 16))
    assert [is_working_day(d) for d in week] == [True] * 5 + [False] * 2


@pytest.mark.parametrize(
    ("bridge_day_off", "saturday_worked"),
    [
        (D(2024, 4, 29), D(2024, 5, 4)),
        (D(2025, 5, 2), D(2025, 4, 26)),
        (D(2026, 8, 31), D(2026, 8, 22)),
        (D(2018, 12, 31), D(2019, 1, 5)),  # swap across the new year, listed in 2018
        (D(2015, 1, 2), D(2014, 12, 27)),  # listed in 2015 for a Saturday of 2014
    ],
)
def test_package_swaps(bridge_day_off, saturday_worked):
    assert saturday_worked.weekday() == 5
    assert not is_working_day(bridge_day_off)
    assert is_working_day(saturday_worked)


def test_override_saturday_becomes_working():
    saturday = D(2025, 3, 8)
    assert not is_working_day(saturday)
    _override(saturday, WORKING, "Làm bù")
    assert is_working_day(saturday)
    assert days_off_between(saturday, saturday) == []
    assert add_working_days(D(2025, 3, 7), 1) == saturday


def test_override_wins_over_a_holiday():
    _override(D(2025, 9, 2), WORKING, "Thử nghiệm")
    assert is_working_day(D(2025, 9, 2))


def test_weekday_day_off_is_skipped():
    _override(D(2025, 3, 11), DAY_OFF, "Nghỉ bù sự kiện")
    assert not is_working_day(D(2025, 3, 11))
    # Monday 10/03 + 1 → Wednesday 12/03, Tuesday being off.
    assert add_working_days(D(2025, 3, 10), 1) == D(2025, 3, 12)
    assert days_off_between(D(2025, 3, 11), D(2025, 3, 11)) == [(D(2025, 3, 11), "Nghỉ bù sự kiện")]
    assert working_days_between(D(2025, 3, 10), D(2025, 3, 14)) == 3


def test_add_working_days_across_tet_2025():
    # Friday 24/01/2025: Sat 25 – Sun 02/02 off (weekends and Tết).
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)


def test_add_working_days_across_tet_2026():
    # Friday 13/02/2026: Tết 16–20/02, weekends 14–15 and 21–22; next is Monday 23/02.
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert add_working_days(D(2026, 2, 13), 3) == D(2026, 2, 25)
    assert add_working_days(D(2026, 2, 12), 1) == D(2026, 2, 13)


def test_add_working_days_edges():
    saturday = D(2025, 3, 8)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(saturday, 1) == D(2025, 3, 10)
    assert add_working_days(D(2025, 3, 10), 5) == D(2025, 3, 17)
    with pytest.raises(ValueError, match=">= 0"):
        add_working_days(saturday, -1)


def test_add_working_days_over_a_year():
    start = D(2025, 1, 1)
    end = add_working_days(start, 250)
    assert working_days_between(start, end) == 250
    assert is_working_day(end)


def test_working_days_between():
    assert working_days_between(D(2025, 3, 7), D(2025, 3, 7)) == 0
    assert working_days_between(D(2025, 3, 7), D(2025, 3, 14)) == 5  # (Fri, next Fri]
    assert working_days_between(D(2025, 3, 14), D(2025, 3, 7)) == -5
    assert working_days_between(D(2025, 1, 24), D(2025, 2, 3)) == 1


def test_days_off_between_empty_when_reversed():
    assert days_off_between(D(2025, 3, 9), D(2025, 3, 8)) == []


@settings(max_examples=40, deadline=None)
@given(st.dates(D(2023, 1, 1), D(2027, 12, 31)), st.integers(0, 120))
def test_between_inverts_add(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    if n:
        assert is_working_day(end)


@settings(max_examples=40, deadline=None)
@given(st.dates(D(2023, 1, 1), D(2027, 12, 31)), st.integers(0, 120))
def test_every_day_is_working_or_off(start, length):
    end = start + dt.timedelta(days=length)
    off = days_off_between(start + dt.timedelta(days=1), end)
    assert working_days_between(start, end) + len(off) == length


class TestQueryCounts:
    def test_each_function_reads_overrides_once(self, django_assert_num_queries):
        _override(D(2025, 3, 8), WORKING, "Làm bù")
        with django_assert_num_queries(1):
            assert is_working_day(D(2025, 3, 8))
        with django_assert_num_queries(1):
            assert add_working_days(D(2025, 3, 7), 200) == D(2025, 12, 18)
        with django_assert_num_queries(1):
            assert working_days_between(D(2025, 1, 1), D(2025, 12, 31)) > 240
        with django_assert_num_queries(1):
            assert len(days_off_between(D(2025, 1, 1), D(2025, 12, 31))) > 100

    def test_nothing_to_read(self, django_assert_num_queries):
        with django_assert_num_queries(0):
            assert add_working_days(D(2025, 3, 7), 0) == D(2025, 3, 7)
            assert working_days_between(D(2025, 3, 7), D(2025, 3, 7)) == 0

    def test_window_extended_when_exhausted(self, django_assert_num_queries):
        # 40 days off from Saturday 08/03/2025: the first window (1 × 2 + 30 days) runs out.
        CalendarOverride.objects.bulk_create(
            CalendarOverride(day=d, kind=DAY_OFF, reason="Nghỉ dài")
            for d in _days(D(2025, 3, 8), D(2025, 4, 16))
        )
        with django_assert_num_queries(2):
            assert add_working_days(D(2025, 3, 7), 1) == D(2025, 4, 17)


class TestWorkdayIndex:
    """The bulk index agrees with the one-off functions, inside and outside its range."""

    @settings(max_examples=40, deadline=None)
    @given(
        st.dates(D(2023, 6, 1), D(2026, 12, 31)),
        st.dates(D(2023, 6, 1), D(2026, 12, 31)),
        st.integers(0, 80),
    )
    def test_agrees_with_functions(self, a, b, n):
        index = WorkdayIndex(D(2024, 1, 1), D(2025, 12, 31))
        assert index.between(a, b) == working_days_between(a, b)
        assert index.add(a, n) == add_working_days(a, n)

    def test_sees_overrides(self):
        _override(D(2025, 3, 8), WORKING)  # a Saturday worked
        index = WorkdayIndex(D(2025, 3, 1), D(2025, 3, 31))
        assert index.add(D(2025, 3, 7), 1) == D(2025, 3, 8)
        assert index.between(D(2025, 3, 7), D(2025, 3, 10)) == 2

    def test_negative_is_refused(self):
        with pytest.raises(ValueError, match="n must be"):
            WorkdayIndex(D(2025, 1, 1), D(2025, 1, 31)).add(D(2025, 1, 2), -1)
