"""Step progression and beyond-frame percent, computed from dates (scalar and vectorised)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bienche.rules.steps import (
    add_months,
    advance,
    beyond_frame_percent,
    ladders,
    months_between,
    months_between_expr,
    next_step_dates,
    project,
    step_as_of,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (D(2020, 1, 1), D(2023, 1, 1), 36),
        (D(2020, 1, 15), D(2023, 1, 14), 35),
        (D(2020, 1, 15), D(2023, 1, 15), 36),
        (D(2020, 1, 31), D(2020, 2, 29), 1),  # clipped at the month's end
        (D(2021, 1, 31), D(2021, 2, 27), 0),
        (D(2024, 7, 1), D(2024, 6, 1), -1),
    ],
)
def test_months_between(start, end, months):
    assert months_between(start, end) == months


def test_next_step_dates_by_group_interval():
    # A1 (college degree or higher): 36 months; B and C: 24 months; CGCC: 60 months.
    assert next_step_dates("A1", 7, D(2020, 3, 1)) == [D(2023, 3, 1), D(2026, 3, 1)]
    assert next_step_dates("B", 10, D(2022, 5, 1)) == [D(2024, 5, 1), D(2026, 5, 1)]
    assert next_step_dates("CGCC", 1, D(2020, 1, 1)) == [D(2025, 1, 1), D(2030, 1, 1)]
    assert next_step_dates("A1", 9, D(2020, 3, 1)) == []  # already at the last step
    # a 12-month discipline delay moves every later step by 12 months
    assert next_step_dates("C1", 11, D(2022, 1, 1), delay_months=12) == [D(2025, 1, 1)]


def test_step_as_of_is_explicit_from_dates_and_capped():
    assert step_as_of("A1", 1, D(2015, 9, 1), D(2018, 8, 31)) == 1
    assert step_as_of("A1", 1, D(2015, 9, 1), D(2018, 9, 1)) == 2
    assert step_as_of("A1", 1, D(2015, 9, 1), D(2024, 9, 1)) == 4
    assert step_as_of("A1", 7, D(2000, 1, 1), D(2024, 9, 1)) == 9  # capped at the table
    assert step_as_of("B", 1, D(2020, 1, 1), D(2022, 1, 1), delay_months=6) == 1
    assert step_as_of("B", 1, D(2020, 1, 1), D(2022, 7, 1), delay_months=6) == 2
    assert step_as_of("B", 4, None, D(2030, 1, 1)) == 4  # no date: no progression known


def test_beyond_frame_percent():
    # A2.1 last step (8) reached 2019-07-01: 36 months → 5 % on 2022-07-01, +1 % a year after
    assert beyond_frame_percent("A2.1", 8, D(2019, 7, 1), D(2022, 6, 1)) == 0
    assert beyond_frame_percent("A2.1", 8, D(2019, 7, 1), D(2022, 7, 1)) == 5
    assert beyond_frame_percent("A2.1", 8, D(2019, 7, 1), D(2023, 6, 1)) == 5
    assert beyond_frame_percent("A2.1", 8, D(2019, 7, 1), D(2024, 7, 1)) == 7
    # B and C wait 24 months at the last step
    assert beyond_frame_percent("C2", 12, D(2022, 1, 1), D(2024, 1, 1)) == 5
    # from step 7 of A2.1 on 2016-07-01: step 8 on 2019-07-01, 5 % on 2022-07-01
    assert beyond_frame_percent("A2.1", 7, D(2016, 7, 1), D(2022, 7, 1)) == 5
    # a discipline delay of 12 months delays the beyond-frame clock too
    assert beyond_frame_percent("A2.1", 8, D(2019, 7, 1), D(2022, 7, 1), delay_months=12) == 0
    assert beyond_frame_percent("A2.1", 8, None, D(2030, 1, 1)) == 0


def test_the_step_dates_and_the_step_as_of_agree():
    dates = next_step_dates("A0", 2, D(2011, 1, 31), delay_months=5)
    for k, day in enumerate(dates, start=3):
        assert step_as_of("A0", 2, D(2011, 1, 31), day, delay_months=5) == k
        before = day - dt.timedelta(days=1)
        assert step_as_of("A0", 2, D(2011, 1, 31), before, delay_months=5) == k - 1


GROUPS = sorted(ladders(None))
rows = st.fixed_dictionaries(
    {
        "salary_group": st.sampled_from(GROUPS),
        "step": st.integers(1, 12),
        "last_step_date": st.one_of(st.none(), st.dates(D(1995, 1, 1), D(2026, 12, 31))),
        "delay_months": st.integers(0, 24),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(rows, min_size=1, max_size=30), st.dates(D(2005, 1, 1), D(2030, 12, 31)))
def test_vectorised_projection_equals_the_scalar_functions(people, as_of):
    people = [
        {**p, "step": min(p["step"], len(ladders(None)[p["salary_group"]].coefficients))}
        for p in people
    ]
    types = {"step": pl.Int32, "delay_months": pl.Int32, "last_step_date": pl.Date}
    frame = pl.DataFrame(people, schema_overrides=types)
    frame = frame.with_columns(coefficient_h=pl.lit(0))
    out = project(frame.lazy(), as_of).collect()
    for p, row in zip(people, out.iter_rows(named=True), strict=True):
        args = (p["salary_group"], p["step"], p["last_step_date"], as_of)
        assert row["step_as_of"] == step_as_of(*args, delay_months=p["delay_months"])
        assert row["beyond_frame_pct"] == beyond_frame_percent(
            *args, delay_months=p["delay_months"]
        )
        lad = ladders(as_of)[p["salary_group"]]
        assert row["coefficient_h_as_of"] == lad.coefficients[row["step_as_of"] - 1]
        if p["last_step_date"] is not None and row["step_as_of"] < lad.last:
            dates = next_step_dates(
                p["salary_group"], p["step"], p["last_step_date"], delay_months=p["delay_months"]
            )
            assert row["next_step_date"] == dates[row["step_as_of"] - p["step"]]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.dates(D(1900, 1, 1), D(2040, 1, 1)), min_size=1, max_size=50),
    st.dates(D(1990, 1, 1), D(2035, 1, 1)),
)
def test_months_between_expr_equals_the_scalar(days, end):
    got = pl.select(months_between_expr(pl.lit(pl.Series(days, dtype=pl.Date)), end)).to_series()
    assert got.to_list() == [min(1800, max(0, months_between(d, end))) for d in days]


def test_add_months_clips_the_day():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)


def test_advance_moves_the_roster_to_a_date():
    roster = pl.DataFrame(
        {
            "salary_group": ["A1", "B"],
            "step": [1, 12],
            "coefficient_h": [234, 406],
            "last_step_date": [D(2018, 1, 1), D(2020, 1, 1)],
        },
        schema_overrides={"step": pl.Int32},
    )
    out = advance(roster.lazy(), D(2024, 7, 1)).collect()
    assert out["step"].to_list() == [3, 12]  # 2021-01-01 and 2024-01-01 for the A1
    assert out["coefficient_h"].to_list() == [300, 406]
    assert out["last_step_date"].to_list() == [D(2024, 1, 1), D(2020, 1, 1)]
