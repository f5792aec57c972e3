import datetime as dt

import pytest

from bienche.org.models import Unit
from bienche.org.tests.factories import small_city
from bienche.staffing.services.quotas import quota_set
from bienche.staffing.streamlining import period, retirement_date, streamlining_report
from bienche.staffing.tests.factories import person, pid

D = dt.date


@pytest.mark.parametrize(
    ("birth", "sex", "retire"),
    [
        (D(1961, 1, 15), "M", D(2021, 4, 15)),  # 60 y 3 m in 2021
        (D(1963, 1, 15), "M", D(2023, 10, 15)),  # 60 y 9 m in 2023 (Decree 135, annex I)
        (D(1970, 6, 10), "M", D(2032, 6, 10)),  # 62 from 2028 on
        (D(1966, 1, 15), "F", D(2021, 5, 15)),  # 55 y 4 m in 2021
        (D(1980, 3, 1), "F", D(2040, 3, 1)),  # 60 from 2035 on
    ],
)
def test_retirement_roadmap(birth, sex, retire):
    assert retirement_date(birth, sex) == retire


def test_unknown_period():
    with pytest.raises(KeyError, match="2022-2026"):
        period("2019-2020")


@pytest.mark.django_db
def test_report_verdicts():
    from bienche.staffing.services.roster import assignment_start

    small_city()
    for code, base, now in (("S1", 100, 90), ("S2", 100, 99)):
        quota_set(
            unit_code=code,
            kind="civil_servant",
            amount=base,
            valid_from=D(2021, 1, 1),
            basis_number="Q",
            acting_user=None,
        )
        quota_set(
            unit_code=code,
            kind="civil_servant",
            amount=now,
            valid_from=D(2024, 1, 1),
            basis_number="Q",
            acting_user=None,
        )
    for i in range(96):
        person(i, birth=D(1965, 1, 1) if i < 5 else D(1985, 1, 1), sex="M")
        assignment_start(
            personal_id=pid(i),
            unit_code="S2",
            staff_category="civil_servant",
            rank_code="01.003",
            step=1,
            coefficient_h=234,
            valid_from=D(2022, 1, 1),
            acting_user=None,
        )
    s1 = streamlining_report(Unit.objects.get(code="S1").pk, "2022-2026", D(2025, 1, 1))
    assert s1["rows"][0]["verdict"] == "on_track"
    assert s1["rows"][0]["reduction_bp"] == 1000
    s2 = streamlining_report(Unit.objects.get(code="S2").pk, "2022-2026", D(2025, 1, 1))
    row = s2["rows"][0]
    assert (row["target_quota"], row["staff_now"]) == (95, 96)
    assert row["exits_to_end"] == 5
    assert row["verdict"] == "at_risk"


@pytest.mark.django_db
def test_planned_streamlining_and_recruitment_count():
    from bienche.staffing.services.roster import assignment_end, assignment_start

    small_city()
    quota_set(
        unit_code="S1",
        kind="civil_servant",
        amount=10,
        valid_from=D(2021, 1, 1),
        basis_number="Q",
        acting_user=None,
    )
    for i in range(3):
        person(100 + i, birth=D(1990, 1, 1))
        assignment_start(
            personal_id=pid(100 + i),
            unit_code="S1",
            staff_category="civil_servant",
            rank_code="01.003",
            step=1,
            coefficient_h=234,
            valid_from=D(2022, 1, 1),
            acting_user=None,
        )
    assignment_end(personal_id=pid(100), on=D(2026, 3, 1), reason="streamlining", acting_user=None)
    person(200, birth=D(1995, 1, 1))
    assignment_start(
        personal_id=pid(200),
        unit_code="S1",
        staff_category="civil_servant",
        rank_code="01.003",
        step=1,
        coefficient_h=234,
        valid_from=D(2026, 5, 1),
        acting_user=None,
    )
    row = streamlining_report(Unit.objects.get(code="S1").pk, "2022-2026", D(2025, 1, 1))["rows"][0]
    assert (
        row["staff_now"],
        row["exits_to_end"],
        row["recruitment_to_end"],
        row["projected_staff"],
    ) == (3, 1, 1, 3)
