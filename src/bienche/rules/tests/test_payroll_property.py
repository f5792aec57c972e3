"""The two faces agree: on generated rosters, ``run`` and ``explain`` give the same amount to
the đồng for every person and every line, the same exclusions, and totals equal the sums."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bienche.rules.errors import PayrollError
from bienche.rules.explain import explain
from bienche.rules.lines import LINES, MONEY_LINES
from bienche.rules.payroll import run
from bienche.rules.scenarios import AllowanceChange, DatedValue, Scenario, load_scenario
from bienche.rules.snapshot import snapshot
from bienche.rules.steps import ladders
from bienche.rules.tests.factories import person, roster

D = dt.date
MONTHS = [D(2023, 6, 1), D(2023, 7, 1), D(2024, 7, 1), D(2026, 2, 1)]
LADDERS = ladders(None)
LEADERSHIP = sorted(snapshot(D(2024, 7, 1)).leadership_posts)
RATES = {s: sorted(r) for s, r in snapshot(D(2024, 7, 1)).sector_rates.items()}
SCENARIOS = [
    None,
    Scenario("norise", base_salary=(DatedValue(D(2024, 7, 1), 1_800_000, "counterfactual"),)),
    Scenario(
        "allowances",
        allowances=(
            AllowanceChange("sector_allowance", "education", add=500),
            AllowanceChange("leadership", scale_bp=12_500),
            AllowanceChange("beyond_frame", add=2, since=D(2024, 1, 1)),
        ),
    ),
    load_scenario("nq27-mau"),
]


@st.composite
def people(draw: st.DrawFn, i: int) -> dict:
    group = draw(st.sampled_from(sorted(LADDERS)))
    lad = LADDERS[group]
    step = draw(st.integers(1, lad.last))
    sector = draw(st.sampled_from(["general", "education", "health", "culture"]))
    rates = RATES.get(sector, [])
    bp = draw(st.sampled_from([0, *rates])) if rates else 0
    return person(
        person_id=f"P{i}",
        unit_id=draw(st.integers(1, 4)),
        sector=sector,
        level=draw(st.sampled_from(["city", "district", "commune"])),
        staff_category=draw(
            st.sampled_from(
                ["official", "civil_servant", "public_employee", "contract", "commune_official"]
            )
        ),
        salary_group=group,
        step=step,
        coefficient_h=lad.coefficients[step - 1],
        last_step_date=draw(st.one_of(st.none(), st.dates(D(1998, 1, 1), D(2026, 12, 31)))),
        leadership_coef_h=draw(st.sampled_from([0, 0, 0, *LEADERSHIP])),
        sector_allowance_bp=bp,
        delay_months=draw(st.sampled_from([0, 0, 0, 6, 12])),
    )


rosters = st.integers(1, 12).flatmap(lambda n: st.tuples(*(people(i) for i in range(n))))


def _explained(p: dict, month: dt.date, scenario: Scenario | None):
    """((rule, reason), None) if explain refuses the person, else (None, amounts)."""
    try:
        return None, explain(p, month, scenario).amounts()
    except PayrollError as err:
        return (err.rule, err.reason), None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rosters, st.sampled_from(MONTHS), st.sampled_from(SCENARIOS))
def test_run_and_explain_agree_to_the_dong(persons, month, scenario):
    result = run(roster(*persons), month, scenario)
    paid = {r["person_id"]: r for r in result.people.iter_rows(named=True)}
    excluded = {r["person_id"]: r for r in result.excluded.iter_rows(named=True)}
    assert len(paid) + len(excluded) == len(persons)
    for p in persons:
        failure, lines = _explained(p, month, scenario)
        if failure is not None:
            assert (excluded[p["person_id"]]["rule"], excluded[p["person_id"]]["reason"]) == failure
            continue
        assert list(lines) == list(LINES)
        assert {k: paid[p["person_id"]][k] for k in LINES} == lines
    for line in MONEY_LINES:
        assert result.totals[line] == sum(r[line] for r in paid.values())
    assert result.totals["headcount"] == len(paid)
    assert result.totals["excluded"] == len(excluded)
