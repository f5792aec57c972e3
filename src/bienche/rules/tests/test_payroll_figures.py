"""Official figures pinned: every table coefficient × each base salary, and worked examples
with leadership, beyond-frame, sector allowances and contributions computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.rules.explain import explain
from bienche.rules.params import load
from bienche.rules.payroll import run
from bienche.rules.scenarios import AllowanceChange, Scenario
from bienche.rules.tests.factories import person, roster

D = dt.date
BASES = {D(2023, 6, 1): 1_490_000, D(2023, 7, 1): 1_800_000, D(2024, 7, 1): 2_340_000}
TABLE = load("salary_coefficients").value_at(D(2024, 7, 1))


@pytest.mark.parametrize(("month", "base"), list(BASES.items()))
def test_every_coefficient_times_each_base_salary_is_exact(month, base):
    """All 3 + 6 + 6 + 8 + 8 + 9 + 10 + 12 × 4 coefficients, through run()."""
    people = [
        person(person_id=f"{g}/{s}", salary_group=g, step=s, coefficient_h=c, last_step_date=month)
        for g, coefs in TABLE.items()
        for s, c in enumerate(coefs, start=1)
    ]
    result = run(roster(*people), month)
    assert result.totals["excluded"] == 0
    salaries = dict(zip(result.people["person_id"], result.people["salary"], strict=True))
    for p in people:
        c = p["coefficient_h"]
        assert c * base % 100 == 0  # exact: no rounding ever happens on this line
        assert salaries[p["person_id"]] == c * base // 100, p["person_id"]


@pytest.mark.parametrize(
    ("group", "step", "base", "amount"),
    [
        ("A1", 1, 1_800_000, 4_212_000),  # 2.34 × 1,800,000 (published)
        ("A1", 1, 2_340_000, 5_475_600),  # 2.34 × 2,340,000 (published)
        ("A1", 1, 1_490_000, 3_486_600),  # 2.34 × 1,490,000
        ("A1", 9, 2_340_000, 11_653_200),  # 4.98 × 2,340,000
        ("A2.1", 1, 2_340_000, 10_296_000),  # 4.40 × 2,340,000
        ("A3.1", 6, 2_340_000, 18_720_000),  # 8.00 × 2,340,000
        ("A0", 1, 1_800_000, 3_780_000),  # 2.10 × 1,800,000
        ("B", 1, 1_490_000, 2_771_400),  # 1.86 × 1,490,000
        ("C1", 12, 2_340_000, 8_494_200),  # 3.63 × 2,340,000
        ("CGCC", 3, 2_340_000, 23_400_000),  # 10.00 × 2,340,000
    ],
)
def test_published_amounts(group, step, base, amount):
    month = next(m for m, b in BASES.items() if b == base)
    coef = TABLE[group][step - 1]
    p = person(salary_group=group, step=step, coefficient_h=coef, last_step_date=month)
    assert explain(p, month).amount("salary") == amount


def test_worked_example_head_of_division_beyond_frame_july_2024():
    """A2.1 step 8 (the last, 6.78) since 2019-07-01, Trưởng phòng of a Hà Nội department
    (0.60), civil servant, July 2024 (base 2,340,000):
      salary        6.78 × 2,340,000                              = 15,865,200
      leadership    0.60 × 2,340,000                              =  1,404,000
      beyond frame  60 months at the last step ≥ 36: 5 % + (60 − 36) // 12 = 7 %
                    7 % × 15,865,200                              =  1,110,564
      gross                                                       = 18,379,764
      insurance base (salary + leadership + beyond frame; cap 46,800,000) = 18,379,764
      employer  17.5 % = 3,216,458.70 → 3,216,459;  3 % = 551,392.92 → 551,393;
                unemployment 0 (civil servant);  union 2 % = 367,595.28 → 367,595
                total 4,135,447
      employee  8 % = 1,470,381.12 → 1,470,381;  1.5 % = 275,696.46 → 275,696;  total 1,746,077
      net 18,379,764 − 1,746,077 = 16,633,687;  employer cost 18,379,764 + 4,135,447 = 22,515,211
      bonus fund 10 % × 15,865,200 = 1,586,520 (allowances excluded)."""
    p = person(
        salary_group="A2.1",
        step=8,
        coefficient_h=678,
        last_step_date=D(2019, 7, 1),
        leadership_coef_h=60,
    )
    explanation = explain(p, D(2024, 7, 1))
    assert all(line.source for line in explanation.lines)
    by_rule = {line.rule: line for line in explanation.lines}
    assert by_rule["beyond_frame"].inputs["beyond_frame_pct"] == 7
    assert by_rule["employer_social"].inputs == {"insurance_base": 18_379_764, "rate_bp": 1750}
    assert "SO_TRUONG_PHONG[hanoi_hcmc]" in by_rule["leadership"].inputs["posts"]
    assert explanation.as_dict()["lines"][3]["inputs"]["last_step_date"] == "2019-07-01"
    got = explanation.amounts()
    assert got == got | {
        "salary": 15_865_200,
        "leadership": 1_404_000,
        "beyond_frame": 1_110_564,
        "sector_allowance": 0,
        "gross": 18_379_764,
        "insurance_base": 18_379_764,
        "employer_social": 3_216_459,
        "employer_health": 551_393,
        "employer_unemployment": 0,
        "employer_union": 367_595,
        "employer_contributions": 4_135_447,
        "employee_social": 1_470_381,
        "employee_health": 275_696,
        "employee_unemployment": 0,
        "employee_contributions": 1_746_077,
        "net": 16_633_687,
        "employer_cost": 22_515_211,
        "bonus_fund": 1_586_520,
    }
    assert run(roster(p), D(2024, 7, 1)).people.row(0, named=True) | got == run(
        roster(p), D(2024, 7, 1)
    ).people.row(0, named=True)


def test_worked_example_teacher_june_2023_half_dong():
    """A3.2 step 6 (the last, 7.55) since 2020-01-01, 30 % sector allowance (education), public
    employee, June 2023 (base 1,490,000):
      salary        7.55 × 1,490,000                     = 11,249,500
      beyond frame  41 months ≥ 36 → 5 %: 5 % × 11,249,500 =    562,475
      sector        30 % × (11,249,500 + 0 + 562,475) = 30 % × 11,811,975 = 3,543,592.5
                    → half up: 3,543,593 (a float round-half-even gives 3,543,592)
      unemployment (public employees are covered) 1 % × 11,811,975 = 118,119.75 → 118,120
      bonus fund: none before 2024-07-01."""
    p = person(
        staff_category="public_employee",
        sector="education",
        salary_group="A3.2",
        step=6,
        coefficient_h=755,
        last_step_date=D(2020, 1, 1),
        sector_allowance_bp=3000,
    )
    got = explain(p, D(2023, 6, 1)).amounts()
    assert got["salary"] == 11_249_500
    assert got["beyond_frame"] == 562_475
    assert got["sector_allowance"] == 3_543_593
    assert round(11_811_975 * 0.30) == 3_543_592  # why floats are not used
    assert got["employer_unemployment"] == got["employee_unemployment"] == 118_120
    assert got["bonus_fund"] == 0
    assert run(roster(p), D(2023, 6, 1)).totals["sector_allowance"] == 3_543_593


def test_worked_example_commune_chair_2023_and_2026():
    """A1 step 5 (3.66) commune-level official, Chủ tịch UBND xã 0.25, July 2023 (1,800,000):
    salary 3.66 × 1,800,000 = 6,588,000; leadership 0.25 × 1,800,000 = 450,000;
    no unemployment insurance (commune-level official); health 3 % × 7,038,000 = 211,140."""
    p = person(
        staff_category="commune_official",
        level="commune",
        step=5,
        coefficient_h=366,
        leadership_coef_h=25,
    )
    got = explain(p, D(2023, 7, 1)).amounts()
    assert (got["salary"], got["leadership"], got["gross"]) == (6_588_000, 450_000, 7_038_000)
    assert got["employer_health"] == 211_140
    assert got["employer_unemployment"] == 0
    # Decree 07/2026: the Hà Nội commune chair's 0.70 has a source from 2026-01-10 on
    later = explain({**p, "leadership_coef_h": 70}, D(2026, 2, 1))
    assert later.amount("leadership") == 1_638_000  # 0.70 × 2,340,000
    assert "XA_CHU_TICH_UBND[hanoi_hcmc]" in next(
        x.inputs["posts"] for x in later.lines if x.rule == "leadership"
    )


def test_insurance_base_is_capped_at_20_base_salaries():
    """No real post reaches the cap (CGCC 10.00 since 1990 with 1.20 is 10 + 1.2 + 3.4 =
    14.6 × B), so a scenario multiplies the leadership coefficient by 10: 10 + 12 + 3.4 =
    25.4 × B > 20 × B. Insurance base = 20 × 2,340,000 = 46,800,000; social 17.5 % =
    8,190,000; health 3 % = 1,404,000; the sector allowance is never in the base."""
    ten_times = Scenario("x10", allowances=(AllowanceChange("leadership", scale_bp=100_000),))
    p = person(
        salary_group="CGCC",
        step=3,
        coefficient_h=1000,
        last_step_date=D(1990, 1, 1),
        leadership_coef_h=120,
    )
    got = explain(p, D(2024, 7, 1), ten_times).amounts()
    assert got["beyond_frame"] == 7_956_000  # 34 % × 23,400,000
    assert got["leadership"] == 28_080_000  # 12.00 × 2,340,000
    assert got["insurance_base"] == 46_800_000
    assert (got["employer_social"], got["employer_health"]) == (8_190_000, 1_404_000)
    assert explain(p, D(2024, 7, 1)).amount("insurance_base") == 34_164_000  # 14.6 × B
