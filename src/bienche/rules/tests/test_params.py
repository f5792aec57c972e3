"""Dated parameters: loading, lookup by date, and official figures pinned."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.rules.params import ParameterError, available, load, parse

D = dt.date


def test_every_file_loads_with_references():
    names = available()
    assert {"base_salary", "salary_coefficients", "contributions", "beyond_frame"} <= set(names)
    for name in names:
        for entry in load(name).entries:
            assert entry.reference
            assert entry.status in {"confirmed", "unverified"}


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (D(2019, 6, 30), 1_390_000),
        (D(2019, 7, 1), 1_490_000),
        (D(2023, 6, 30), 1_490_000),
        (D(2023, 7, 1), 1_800_000),
        (D(2024, 6, 30), 1_800_000),
        (D(2024, 7, 1), 2_340_000),
        (D(2026, 11, 25), 2_340_000),
    ],
)
def test_base_salary_on_a_date(day, amount):
    assert load("base_salary").value_at(day) == amount


def test_no_value_before_the_first_one():
    with pytest.raises(ParameterError, match="no value before 2000-01-01"):
        load("base_salary").at(D(1999, 12, 31))


def test_official_salary_amounts():
    """Coefficient × base salary = the published amounts (integer VND, exact)."""
    table = load("salary_coefficients").value_at(D(2024, 7, 1))
    assert table["A1"][0] * 1_800_000 // 100 == 4_212_000
    assert table["A1"][0] * 2_340_000 // 100 == 5_475_600
    for group, steps in table.items():
        for coefficient in steps:
            for base in (1_490_000, 1_800_000, 2_340_000):
                assert coefficient * base % 100 == 0, (group, coefficient, base)


def test_coefficient_tables_have_the_decree_shape():
    table = load("salary_coefficients").value_at(D(2024, 7, 1))
    shape = {g: (len(s), s[0], s[1] - s[0]) for g, s in table.items()}
    assert shape["A3.1"] == (6, 620, 36)
    assert shape["A2.1"] == (8, 440, 34)
    assert shape["A1"] == (9, 234, 33)
    assert shape["A0"] == (10, 210, 31)
    assert shape["B"] == (12, 186, 20)
    for steps in table.values():
        assert len({b - a for a, b in zip(steps, steps[1:], strict=False)}) == 1  # even steps


def test_contribution_rates():
    c = load("contributions").value_at(D(2024, 7, 1))
    assert sum(c["employer"].values()) == 2350  # 17.5 + 3 + 1 + 2 (union) %
    assert sum(c["employee"].values()) == 1050
    assert c["cap_base_salaries"] == 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\nvalues:\n  2020-01-01: {value: 1}\n", "legal reference"),
        (
            "name: x\nvalues:\n  2021-01-01: {value: 1, reference: a}\n"
            "  2020-01-01: {value: 2, reference: b}\n",
            "strictly increasing",
        ),
        ("name: x\nvalues:\n  soon: {value: 1, reference: a}\n", "not a date"),
        ("values: {}\n", "needs a name"),
    ],
)
def test_malformed_files_are_refused(text, message):
    with pytest.raises(ParameterError, match=message):
        parse(text)
