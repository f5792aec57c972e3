"""Pay test data: the small city plus a school, and people whose July 2024 pay is computed by
hand below (base salary 2,340,000 đ; Decree 204/2004 coefficients; contributions in bp).

* A — civil servant of D1, 01.003 (A1) step 3, coefficient 3.00:
  salary 3.00 × 2,340,000 = 7,020,000; employer 17.5 % + 3 % + 2 % (no unemployment for civil
  servants) = 1,228,500 + 210,600 + 140,400 = 1,579,500; cost 8,599,500; bonus fund 702,000.
* B — head of division of D1, 01.002 (A2.1) step 2, coefficient 4.74, leadership 0.60:
  salary 11,091,600 + leadership 1,404,000 = 12,495,600; employer 2,186,730 + 374,868 +
  249,912 = 2,811,510; cost 15,307,110; bonus fund 1,109,160.
* C — teacher of school T1 (education, under D1), V.07.03.29 (A1) step 9 = last, coefficient
  4.98, at the last step since 2015-03-01 (112 months on 2024-07-01: 5 % + (112 − 36) // 12 =
  11 % beyond frame), sector allowance 35 %: salary 11,653,200; beyond frame 1,281,852;
  sector 35 % × 12,935,052 = 4,527,268.2 → 4,527,268; gross 17,462,320; employer on
  12,935,052: 2,263,634 + 388,052 + 129,351 + 258,701 = 3,039,738; cost 20,502,058;
  bonus fund 1,165,320; employee 1,034,804 + 194,026 + 129,351 = 1,358,181; net 16,104,139.
* D — civil servant of D2 (outside D1), 01.003 step 1, coefficient 2.34: salary 5,475,600.
* E — civil servant of D1 with a leadership coefficient 0.33 that no post has: excluded
  (rule "leadership", an allowance without a source).
"""

from __future__ import annotations

import datetime as dt

from bienche.org.enums import UnitKind
from bienche.org.services import unit_establish
from bienche.org.tests.factories import BASIS, small_city, spec
from bienche.staffing.services.roster import assignment_start, person_upsert

JULY = dt.date(2024, 7, 1)
D0 = dt.date(2021, 1, 1)
#: person → (unit, category, rank, step, coefficient_h, leadership_h, sector_bp, last step)
PEOPLE = {
    "A": ("D1", "civil_servant", "01.003", 3, 300, 0, 0, dt.date(2023, 1, 1)),
    "B": ("D1", "civil_servant", "01.002", 2, 474, 60, 0, dt.date(2022, 5, 1)),
    "C": ("T1", "public_employee", "V.07.03.29", 9, 498, 0, 3500, dt.date(2015, 3, 1)),
    "D": ("D2", "civil_servant", "01.003", 1, 234, 0, 0, dt.date(2020, 1, 1)),
    "E": ("D1", "civil_servant", "01.003", 1, 234, 33, 0, dt.date(2020, 1, 1)),
}
#: Hand-computed July 2024 figures (see the module docstring).
EMPLOYER_COST = {"A": 8_599_500, "B": 15_307_110, "C": 20_502_058, "D": 6_707_610}
BONUS = {"A": 702_000, "B": 1_109_160, "C": 1_165_320, "D": 547_560}
C_LINES = {
    "salary": 11_653_200,
    "beyond_frame": 1_281_852,
    "sector_allowance": 4_527_268,
    "gross": 17_462_320,
    "employer_contributions": 3_039_738,
    "employer_cost": 20_502_058,
    "bonus_fund": 1_165_320,
    "employee_contributions": 1_358_181,
    "net": 16_104_139,
}


def pid(letter: str) -> str:
    return f"9000000000{ord(letter) - 64:02d}"


def pay_city(with_city: bool = True) -> dict[str, int]:
    """The small city (unless already built), school T1 under D1 and people A–E; returns
    each person's primary key."""
    from bienche.staffing.models import Person

    if with_city:
        small_city()
    unit_establish(
        specs=[
            spec(
                "T1",
                "D1",
                UnitKind.PUBLIC_SERVICE_UNIT,
                name="Trường Tiểu học Một",
                sector="education",
                level="district",
            )
        ],
        on=dt.date(2020, 6, 1),
        basis=BASIS,
        acting_user=None,
    )
    for letter, (unit, category, rank, step, coef, lead, sector, last) in PEOPLE.items():
        person_upsert(
            personal_id=pid(letter),
            full_name=f"Người {letter}",
            birth_date=dt.date(1980, 5, 1),
            sex="F",
            acting_user=None,
        )
        assignment_start(
            personal_id=pid(letter),
            unit_code=unit,
            staff_category=category,
            rank_code=rank,
            step=step,
            coefficient_h=coef,
            valid_from=D0,
            last_step_date=last,
            leadership_coef_h=lead,
            sector_allowance_bp=sector,
            acting_user=None,
        )
    return {k: Person.objects.get(personal_id=pid(k)).pk for k in PEOPLE}


def signed_in(django_user_model, name: str, role: str, unit: str | None):  # type: ignore[no-untyped-def]
    """A test client logged in as a new user with one role."""
    from django.test import Client

    from bienche.org.services.access import membership_grant

    user = django_user_model.objects.create_user(name, password="pw-12345678")
    membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
    client = Client()
    client.force_login(user)
    client.user = user  # type: ignore[attr-defined]
    return client
