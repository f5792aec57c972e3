"""The Vietnamese working-day calendar.

Default rule, for a day without override:

1. a statutory public holiday of the ``holidays`` package (country VN, Vietnamese names:
   Tết Dương lịch, the Tết Nguyên Đán days, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh, Ngày
   Văn hóa Việt Nam, and the package's substitute days "… (nghỉ bù)") is a day off;
2. the package also lists the Government's swapped bridge days, e.g. 29/04/2024 "Ngày nghỉ
   (thay cho ngày 04/05/2024)": the weekend day named there is worked, so it is a working
   day (the swap may cross a year: 31/12/2018 off for Saturday 05/01/2019);
3. Saturday and Sunday are days off; every other day is a working day.

A ``CalendarOverride`` row always wins over the default rule; it records each year's
official decisions the package lacks or gets wrong.

Every public function reads the overrides it needs with one query over the whole range
(:func:`add_working_days` reads a window of ``2n + 30`` days and one more query per
doubling of the window if it runs out).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

import holidays

from bienche.core.models import CalendarOverride

SWAP_RE = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")
SATURDAY, SUNDAY = "Thứ Bảy", "Chủ nhật"
ONE_DAY = dt.timedelta(days=1)

type Overrides = dict[dt.date, tuple[str, str]]


@cache
def _public_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("VN", years=[year], language="vi"))


@cache
def _swapped_working_days(year: int) -> frozenset[dt.date]:
    """Weekend days worked in exchange for a bridge day off listed in ``year``."""
    out = set()
    for name in _public_holidays(year).values():
        match = SWAP_RE.search(name)
        if match:
            d, m, y = map(int, match.groups())
            out.add(dt.date(y, m, d))
    return frozenset(out)


def _is_swapped_working_day(day: dt.date) -> bool:
    return any(day in _swapped_working_days(y) for y in (day.year - 1, day.year, day.year + 1))


def _default_status(day: dt.date) -> tuple[bool, str]:
    """(is a working day, reason when not) by the default rule."""
    holiday = _public_holidays(day.year).get(day)
    if holiday:
        return False, holiday
    if _is_swapped_working_day(day):
        return True, ""
    if day.weekday() == 5:
        return False, SATURDAY
    if day.weekday() == 6:
        return False, SUNDAY
    return True, ""


def _status(day: dt.date, overrides: Overrides) -> tuple[bool, str]:
    """(is a working day, reason when not); an override wins over the default rule."""
    if day in overrides:
        kind, reason = overrides[day]
        return kind == CalendarOverride.Kind.WORKING, reason
    return _default_status(day)


def _overrides(first: dt.date, last: dt.date) -> Overrides:
    """Every override in [first, last], in one query."""
    rows = CalendarOverride.objects.filter(day__range=(first, last))
    return {day: (kind, reason) for day, kind, reason in rows.values_list("day", "kind", "reason")}


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """first, first + 1, …, last (nothing when last < first)."""
    for offset in range((last - first).days + 1):
        yield first + dt.timedelta(days=offset)


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day (override, else the default rule)."""
    return _status(day, _overrides(day, day))[0]


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``start``; ``start`` itself does not count.

    ``n == 0`` returns ``start`` unchanged (even if it is a day off); ``n < 0`` is refused.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return start
    loaded_to = start + dt.timedelta(days=n * 2 + 30)
    overrides = _overrides(start + ONE_DAY, loaded_to)
    day, left = start, n
    while left:
        day += ONE_DAY
        if day > loaded_to:
            extended_to = loaded_to + (loaded_to - start)
            overrides |= _overrides(day, extended_to)
            loaded_to = extended_to
        if _status(day, overrides)[0]:
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]; 0 when equal, negated when ``end`` is before ``start``.

    So ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    if end < start:
        return -working_days_between(end, start)
    overrides = _overrides(start + ONE_DAY, end) if end > start else {}
    return sum(1 for day in _days(start + ONE_DAY, end) if _status(day, overrides)[0])


def days_off_between(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Every day off in [start, end], both ends included, with its reason in Vietnamese.

    The reason is the override's reason, the holiday's name ("Tết Nguyên Đán", "Quốc
    khánh"…), or "Thứ Bảy" / "Chủ nhật". Empty when ``end`` is before ``start``.
    """
    if end < start:
        return []
    overrides = _overrides(start, end)
    out = []
    for day in _days(start, end):
        working, reason = _status(day, overrides)
        if not working:
            out.append((day, reason))
    return out


class WorkdayIndex:
    """Working-day arithmetic in O(1) over a fixed range, for bulk work (scorecards, the
    daily reminder run over tens of thousands of tasks): one override query, one pass.

    ``between(a, b)`` equals :func:`working_days_between` and ``add(a, n)`` equals
    :func:`add_working_days` for dates inside [first, last]; outside the range they fall
    back to those functions, so results never depend on the range chosen.
    """

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        overrides = _overrides(first, last)
        self._cum: list[int] = []  # working days in [first, day]
        self._working_days: list[dt.date] = []
        count = 0
        for day in _days(first, last):
            if _status(day, overrides)[0]:
                count += 1
                self._working_days.append(day)
            self._cum.append(count)

    def _inside(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def between(self, start: dt.date, end: dt.date) -> int:
        if not (self._inside(start) and self._inside(end)):
            return working_days_between(start, end)
        return self._cum[(end - self.first).days] - self._cum[(start - self.first).days]

    def add(self, start: dt.date, n: int) -> dt.date:
        if n < 0:
            raise ValueError("n must be >= 0")
        if n == 0:
            return start
        if self._inside(start):
            target = self._cum[(start - self.first).days] + n  # the n-th working day after
            if target <= len(self._working_days):
                return self._working_days[target - 1]
        return add_working_days(start, n)
