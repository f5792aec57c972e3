import datetime as dt

import pytest

from bienche.org.services import LegalBasis, UnitSpec, unit_merge
from bienche.org.tests.factories import small_city
from bienche.staffing.leadership import leadership_surplus
from bienche.staffing.tests.factories import position, staff

pytestmark = pytest.mark.django_db


def test_merge_creates_flagged_surplus_with_deadline():
    small_city()
    n = 0
    for unit in ("S1", "S2"):
        position(unit, "GD", headcount=1, category="leadership")
        position(unit, "PGD", headcount=2, category="leadership")
        from bienche.staffing.models import JobPositionVersion

        JobPositionVersion.objects.filter(position__unit__code=unit, position__code="GD").update(
            title="Giám đốc"
        )
        JobPositionVersion.objects.filter(position__unit__code=unit, position__code="PGD").update(
            title="Phó Giám đốc"
        )
        for code, count in (("GD", 1), ("PGD", 2)):
            for _ in range(count):
                n += 1
                staff(n, unit, position=code, rank="01.002", leadership_coef_h=80)
    assert leadership_surplus(dt.date(2022, 1, 1)) == []
    on = dt.date(2025, 3, 1)
    unit_merge(
        predecessor_codes=["S1", "S2"],
        successor=UnitSpec(code="S9", name="Sở Chín", kind="department", parent_code="UB"),
        on=on,
        basis=LegalBasis("1/NQ"),
        acting_user=None,
    )
    flags = leadership_surplus(on)
    assert [(f["unit_code"], f["post"], f["count"], f["surplus"]) for f in flags] == [
        ("S9", "Giám đốc", 2, 1),
        ("S9", "Phó Giám đốc", 4, 1),
    ]
    assert flags[0]["deadline"] == dt.date(2030, 3, 1)
    assert len(flags[0]["people"]) == 2
