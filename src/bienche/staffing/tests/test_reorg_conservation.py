"""Staff and quota totals are conserved through random merges, splits and absorptions."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from bienche.core.dating import q_valid_on
from bienche.core.errors import BiencheError
from bienche.org.models import UnitVersion
from bienche.org.services import LegalBasis, UnitSpec, unit_absorb, unit_merge, unit_split
from bienche.org.tests.factories import small_city
from bienche.staffing.models import Assignment, Quota
from bienche.staffing.reorg import largest_remainder
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.tests.factories import position, staff

B = LegalBasis("1/NQ")
UNITS = ["W1", "W2", "C1", "S1", "S2"]
op = st.tuples(
    st.sampled_from(["merge", "absorb", "split"]),
    st.sampled_from(UNITS),
    st.sampled_from(UNITS),
    st.integers(1, 9999),
)


def totals(on):
    """Staff and quota in units that are active on ``on`` (nothing left in dead units)."""
    alive = UnitVersion.objects.filter(q_valid_on(on)).values("unit_id")
    staff_n = Assignment.objects.filter(q_valid_on(on), unit_id__in=alive).count()
    quota_n = (
        Quota.objects.filter(q_valid_on(on), unit_id__in=alive).aggregate(n=Sum("amount"))["n"] or 0
    )
    return staff_n, quota_n


class Conservation(TestCase):
    def setUp(self):
        small_city()
        n = 0
        for code, people in (("W1", 3), ("W2", 2), ("C1", 4), ("S1", 5), ("S2", 1)):
            position(code, f"P{code}", headcount=people)
            quota_set(
                unit_code=code,
                kind="civil_servant",
                amount=people + 2,
                valid_from=dt.date(2021, 1, 1),
                basis_number="Q",
                acting_user=None,
            )
            for i in range(people):
                n += 1
                staff(n, code, position=f"P{code}" if i % 2 else None)

    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(op, min_size=1, max_size=6))
    def test_totals_conserved(self, ops):
        day = dt.date(2022, 1, 1)
        start = totals(day)
        for i, (kind, a, b, share) in enumerate(ops):
            day += dt.timedelta(days=30)
            try:
                if kind == "merge":
                    unit_merge(
                        predecessor_codes=[a, b],
                        successor=UnitSpec(
                            code=f"M{i}", name="M", kind="department", parent_code="HN"
                        ),
                        on=day,
                        basis=B,
                        acting_user=None,
                    )
                elif kind == "absorb":
                    unit_absorb(absorbed_codes=[a], into_code=b, on=day, basis=B, acting_user=None)
                else:
                    unit_split(
                        predecessor_code=a,
                        children_to="HN",
                        successors=[
                            (
                                UnitSpec(
                                    code=f"X{i}", name="X", kind="department", parent_code="HN"
                                ),
                                share,
                            ),
                            (
                                UnitSpec(
                                    code=f"Y{i}", name="Y", kind="department", parent_code="HN"
                                ),
                                10000 - share,
                            ),
                        ],
                        on=day,
                        basis=B,
                        acting_user=None,
                    )
            except BiencheError:
                continue
            assert totals(day) == start, (kind, a, b)
        assert (
            Assignment.objects.filter(q_valid_on(day)).values("person").distinct().count()
            == start[0]
        )


def test_largest_remainder_exact():
    assert largest_remainder(7, [5000, 5000]) == [4, 3]
    assert largest_remainder(10, [3333, 3333, 3334]) == [3, 3, 4]
    assert largest_remainder(0, [1, 2]) == [0, 0]
    assert sum(largest_remainder(101, [1, 1, 1])) == 101
