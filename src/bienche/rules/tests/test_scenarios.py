"""Scenario files: loading, the shipped samples, refusals, and position-based pay."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.rules.errors import PayrollError, ScenarioError
from bienche.rules.explain import explain
from bienche.rules.payroll import run
from bienche.rules.scenarios import load_scenario, parse_scenario, scenario_names
from bienche.rules.tests.factories import person, roster

D = dt.date
JULY = D(2024, 7, 1)


def test_shipped_scenarios():
    assert {"luong-co-so-2024", "nq27-mau"} <= set(scenario_names())
    raise_ = load_scenario("luong-co-so-2024")
    assert raise_.base_salary[0].value == 2_340_000
    assert not raise_.illustrative
    assert raise_.baseline is not None
    assert raise_.baseline.base_salary[0].value == 1_800_000
    sample = load_scenario("nq27-mau")
    assert sample.illustrative
    assert "MINH HỌA" in sample.label
    assert sample.position_pay is not None
    assert sample.position_pay.basic_share_bp == 7_000


def test_the_raise_scenario_against_its_counterfactual():
    s = load_scenario("luong-co-so-2024")
    p = person()
    assert explain(p, JULY, s).amount("salary") == 5_475_600
    assert explain(p, JULY, s.baseline).amount("salary") == 4_212_000
    assert "counterfactual" in explain(p, JULY, s.baseline).lines[0].source


def test_position_pay_lines():
    """nq27-mau (illustrative): A1 step 3 → CM.A1 level 3 = 7,700,000 basic; allowances
    30/70 × 7,700,000 = 3,300,000; leadership, beyond-frame and sector abolished; bonus 10 %
    = 770,000. A commune chair (0.25) → LD level 5 = 12,500,000; allowances
    12,500,000 × 3/7 = 5,357,142.86 → 5,357,143."""
    s = load_scenario("nq27-mau")
    teacher = person(step=3, coefficient_h=300, sector="education", sector_allowance_bp=3500)
    got = explain(teacher, JULY, s)
    assert got.amount("salary") == 7_700_000
    assert got.amount("position_allowances") == 3_300_000
    assert got.amount("sector_allowance") == 0
    assert got.amount("bonus_fund") == 770_000
    assert "MINH HỌA" in got.lines[1].source
    chair = person(
        staff_category="commune_official", step=5, coefficient_h=366, leadership_coef_h=25
    )
    assert explain(chair, JULY, s).amount("position_allowances") == 5_357_143
    # before its date the scenario changes nothing
    assert explain(teacher, D(2024, 6, 1), s).amounts() == explain(teacher, D(2024, 6, 1)).amounts()


PARTIAL = """
name: partial
label: "only A1"
illustrative: true
overlay:
  position_pay:
    since: 2024-07-01
    reference: "test table"
    tables: {T: [1000000, 2000000]}
    mapping:
      - {groups: [A1], step_max: 2, table: T, level: step}
"""


def test_a_row_mapped_to_no_level_is_excluded_naming_the_rule():
    s = parse_scenario(PARTIAL)
    people = [person(person_id="a"), person(person_id="b", step=3, coefficient_h=300)]
    result = run(roster(*people), JULY, s)
    assert result.totals["headcount"] == 1
    (row,) = result.excluded.iter_rows(named=True)
    assert row["person_id"] == "b"
    assert row["rule"] == "position_pay"
    assert "A1 step 3" in row["reason"]
    with pytest.raises(PayrollError, match="rule position_pay"):
        explain(people[1], JULY, s)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("label: x\n", "needs a name"),
        ("name: x\noverlay: {salary: 1}\n", "unknown keys"),
        ("name: x\noverlay: {base_salary: {2024-07-01: {value: 1}}}\n", "needs a reference"),
        ("name: x\noverlay: {allowances: [{line: bonus}]}\n", "allowance line"),
        ("name: x\noverlay: {headcount: {keep: [{keep_bp: 12000}]}}\n", "keep_bp"),
        (
            "name: x\noverlay: {position_pay: {since: 2024-07-01, reference: r, tables: {}, "
            "mapping: [{table: T}]}}\n",
            "unknown table",
        ),
    ],
)
def test_malformed_scenarios_are_refused(text, message):
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(text)


def test_unknown_scenario():
    with pytest.raises(ScenarioError, match="unknown scenario"):
        load_scenario("nope")
