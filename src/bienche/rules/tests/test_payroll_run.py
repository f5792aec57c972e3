"""The mass run: exclusions with reasons, clear errors, totals and roll-ups, scenarios."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from bienche.rules.errors import PayrollError, RosterError
from bienche.rules.explain import explain
from bienche.rules.lines import LINES, MONEY_LINES
from bienche.rules.params import ParameterError
from bienche.rules.payroll import DIMENSIONS, run
from bienche.rules.reference import run_reference
from bienche.rules.scenarios import (
    AllowanceChange,
    DatedValue,
    HeadcountChange,
    KeepShare,
    Scenario,
)
from bienche.rules.synthetic import synthetic_roster
from bienche.rules.tests.factories import person, roster

D = dt.date
JULY = D(2024, 7, 1)

BAD = [
    (person(person_id="g", salary_group="Z9"), "salary_coefficient", "unknown salary group 'Z9'"),
    (
        person(person_id="s", step=10, coefficient_h=234),
        "salary_coefficient",
        "step 10 outside 1–9",
    ),
    (
        person(person_id="c", coefficient_h=240),
        "salary_coefficient",
        "does not match the table's 234",
    ),
    (
        person(person_id="d", step=9, coefficient_h=498, last_step_date=None),
        "beyond_frame",
        "no last_step_date",
    ),
    (person(person_id="l", leadership_coef_h=37), "leadership", "matches no post"),
    (person(person_id="m", leadership_coef_h=-60), "leadership", "matches no post"),
    (
        person(person_id="e", sector="culture", sector_allowance_bp=3500),
        "sector_allowance",
        "'culture'",
    ),
    (
        person(person_id="h", sector="health", sector_allowance_bp=3500),
        "sector_allowance",
        "not a rate of sector 'health'",
    ),
    (person(person_id="k", staff_category="volunteer"), "roster", "unknown staff_category"),
    (person(person_id="n", unit_id=None), "roster", "a required value is empty"),
]


def test_nobody_is_silently_left_out():
    good = [person(person_id=f"ok{i}") for i in range(3)]
    result = run(roster(*good, *(b[0] for b in BAD)), JULY)
    assert result.totals["headcount"] == 3
    assert result.totals["excluded"] == len(BAD) == result.excluded.height
    reasons = {r["person_id"]: r for r in result.excluded.iter_rows(named=True)}
    for p, rule, text in BAD:
        assert reasons[p["person_id"]]["rule"] == rule
        assert text in reasons[p["person_id"]]["reason"]
    assert result.people["person_id"].to_list() == ["ok0", "ok1", "ok2"]


@pytest.mark.parametrize(("bad", "rule", "text"), BAD)
def test_explain_raises_for_a_person_who_cannot_be_paid(bad, rule, text):
    with pytest.raises(PayrollError) as caught:
        explain(bad, JULY)
    assert caught.value.person_id == bad["person_id"]
    assert caught.value.rule == rule
    assert text in str(caught.value)
    assert f"rule {rule}" in str(caught.value)


def test_a_month_before_any_base_salary_is_an_error_not_an_exclusion():
    with pytest.raises(ParameterError, match="no value before"):
        run(roster(person()), D(1999, 12, 1))
    with pytest.raises(ParameterError):
        explain(person(), D(1999, 12, 1))


def test_a_roster_with_wrong_columns_is_refused():
    with pytest.raises(RosterError, match="missing columns coefficient_h"):
        run(roster(person()).drop("coefficient_h"), JULY)
    with pytest.raises(RosterError, match="step"):
        run(roster(person()).with_columns(step=pl.lit("one")), JULY)


def test_explain_refuses_a_malformed_person():
    with pytest.raises(RosterError, match="missing columns step"):
        explain({k: v for k, v in person().items() if k != "step"}, JULY)
    with pytest.raises(RosterError, match="person P1"):
        explain(person(step="3"), JULY)
    assert explain(person(last_step_date="2023-01-01"), JULY).amount("salary") == 5_475_600


def test_totals_are_sums_of_the_rounded_lines_and_rollups_add_up():
    frame = synthetic_roster(3_000, seed=7)
    result = run(frame, JULY)
    people = result.people
    for line in MONEY_LINES:
        assert result.totals[line] == people[line].sum(), line
    for dim, key in DIMENSIONS.items():
        rolled = getattr(result, f"by_{dim}")
        assert rolled["headcount"].sum() == result.totals["headcount"]
        assert rolled["gross"].sum() == result.totals["gross"]
        assert rolled.height == people[key].n_unique()
    assert result.bonus_fund == people["bonus_fund"].sum() > 0
    assert set(LINES) <= set(people.columns)


def test_lazy_input_and_empty_roster():
    lazy = run(roster(person()).lazy(), JULY)
    assert lazy.totals["salary"] == 5_475_600
    empty = run(roster(), JULY)
    assert empty.totals["headcount"] == 0
    assert empty.people.height == 0


def test_the_vectorised_run_equals_the_per_person_reference():
    frame = synthetic_roster(2_000, seed=11)
    broken = frame.head(5).with_columns(coefficient_h=pl.col("coefficient_h") + 1)
    frame = pl.concat([frame, broken.with_columns(person_id=pl.col("person_id") + "x")])
    for month in (D(2023, 6, 1), D(2023, 7, 1), JULY):
        result = run(frame, month)
        paid, excluded = run_reference(frame.to_dicts(), month)
        assert len(excluded) == result.totals["excluded"] == 5
        expected = pl.DataFrame(paid).select(result.people.select("person_id", *LINES).columns)
        assert result.people.select(expected.columns).equals(expected)


def test_base_salary_scenario_and_bonus_fund():
    norise = Scenario("norise", base_salary=(DatedValue(JULY, 1_800_000, "counterfactual"),))
    assert run(roster(person()), JULY, norise).totals["salary"] == 4_212_000
    # the 10 % bonus fund exists from 2024-07-01 only
    assert run(roster(person()), D(2024, 6, 1)).bonus_fund == 0
    assert run(roster(person()), JULY).bonus_fund == 547_560


def test_allowance_changes_by_sector():
    teacher = person(sector="education", staff_category="public_employee", sector_allowance_bp=3500)
    plus5 = Scenario(
        "plus5", allowances=(AllowanceChange("sector_allowance", "education", add=500),)
    )
    # 40 % instead of 35 % of 5,475,600
    assert explain(teacher, JULY, plus5).amount("sector_allowance") == 2_190_240
    assert explain(teacher, JULY).amount("sector_allowance") == 1_916_460
    elsewhere = Scenario("h", allowances=(AllowanceChange("sector_allowance", "health", add=500),))
    assert explain(teacher, JULY, elsewhere).amount("sector_allowance") == 1_916_460


def test_headcount_change_removes_people_deterministically():
    frame = synthetic_roster(1_000, seed=3)
    n_cs = frame.filter(pl.col("staff_category") == "civil_servant").height
    cut = Scenario(
        "cut",
        headcount=HeadcountChange(
            remove=frozenset({"P000000000"}), keep=(KeepShare(9_000, "civil_servant"),)
        ),
    )
    result = run(frame, JULY, cut)
    removed_cs = n_cs - n_cs * 9_000 // 10_000
    first_is_cs = frame.row(0, named=True)["staff_category"] == "civil_servant"
    assert result.removed == removed_cs + (0 if first_is_cs else 1)
    assert result.totals["headcount"] == 1_000 - result.removed
    assert "P000000000" not in result.people["person_id"].to_list()
    assert run(frame, JULY, cut).people.equals(result.people)  # deterministic
    with pytest.raises(PayrollError, match="headcount"):
        explain(frame.row(0, named=True), JULY, cut)
