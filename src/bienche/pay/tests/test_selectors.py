"""Pay selectors: months, scenarios, scope, caching until the data changes, query counts."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput, NotFound
from bienche.pay import messages as m
from bienche.pay import selectors as sel
from bienche.pay.tests.factories import EMPLOYER_COST, JULY, pay_city
from bienche.staffing.services.roster import assignment_end

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return pay_city()


@pytest.mark.parametrize(
    ("text", "month"),
    [("2024-07", dt.date(2024, 7, 1)), ("2024-12-31", dt.date(2024, 12, 1))],
)
def test_parse_month(text, month):
    assert sel.parse_month(text) == month


@pytest.mark.parametrize("text", ["", "2024-13", "07/2024", "2024-7", "x" * 7])
def test_parse_month_refuses(text):
    with pytest.raises(InvalidInput) as err:
        sel.parse_month(text)
    assert err.value.message == m.MONTH_INVALID


def test_months_between():
    months = sel.months_between(dt.date(2024, 11, 1), dt.date(2025, 2, 1))
    assert months == [
        dt.date(2024, 11, 1),
        dt.date(2024, 12, 1),
        dt.date(2025, 1, 1),
        dt.date(2025, 2, 1),
    ]
    for end in (dt.date(2024, 10, 1), dt.date(2030, 1, 1)):
        with pytest.raises(InvalidInput):
            sel.months_between(dt.date(2024, 11, 1), end)


def test_scenario_get():
    assert sel.scenario_get(None) is None
    assert sel.scenario_get("nq27-mau").illustrative
    with pytest.raises(NotFound):
        sel.scenario_get("../base_salary")


def test_pay_run_by_unit(people):
    city = sel.pay_run(JULY)
    assert city.totals["employer_cost"] == sum(EMPLOYER_COST.values())
    assert city.exclusions[0]["people"] == 1
    school = sel.pay_run(JULY, unit_code="T1")
    assert school.totals["headcount"] == 1
    assert school.totals["employer_cost"] == EMPLOYER_COST["C"]
    assert [r["sector"] for r in school.by_sector] == ["education"]


def test_results_are_cached_until_the_data_changes(people, monkeypatch):
    calls = []
    real = sel.roster_frame
    monkeypatch.setattr(sel, "roster_frame", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = sel.pay_compare([JULY], "luong-co-so-2024", "D1")
    assert sel.pay_compare([JULY], "luong-co-so-2024", "D1").seconds == first.seconds
    assert len(calls) == 1
    sel.pay_compare([JULY], "luong-co-so-2024", "D2")  # another unit: its own entry
    assert len(calls) == 2
    assignment_end(personal_id="900000000001", on=JULY, reason="retirement", acting_user=None)
    again = sel.pay_compare([JULY], "luong-co-so-2024", "D1")
    assert len(calls) == 3
    assert again.headcount == first.headcount - 1


def test_query_counts_are_pinned(people, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        sel.pay_run(JULY, unit_code="D1")
    with django_assert_max_num_queries(6):
        sel.pay_compare(sel.months_between(JULY, dt.date(2025, 6, 1)), "nq27-mau", "D1")


def test_person_explanation(people):
    pay = sel.person_explanation(people["B"], dt.date(2024, 7, 20))
    assert (pay.unit_code, pay.full_name, pay.refused) == ("D1", "Người B", "")
    assert pay.explanation.amount("leadership") == 1_404_000
    refused = sel.person_explanation(people["E"], JULY)
    assert refused.explanation is None
    assert "leadership" in refused.refused
    with pytest.raises(NotFound):
        sel.person_explanation(people["B"], dt.date(2019, 1, 1))
