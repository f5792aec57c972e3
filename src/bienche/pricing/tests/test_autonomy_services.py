"""Recording autonomy: dated decisions close the previous one; bad input writes nothing."""

import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.pricing import messages as m
from bienche.pricing.models import AutonomyDecision, UnitFinance
from bienche.pricing.selectors import autonomy_rows, autonomy_trend
from bienche.pricing.services.autonomy import (
    DecisionSpec,
    FinanceSpec,
    autonomy_bulk_load,
    autonomy_decision_record,
    unit_finance_record,
)
from bienche.pricing.tests.factories import finance, psu_city

pytestmark = pytest.mark.django_db


def test_a_new_decision_closes_the_previous_one():
    psu_city()
    finance("P1", 2023, 1_000_000_000, 1_000_000_000, level=3)
    autonomy_decision_record(
        unit_code="P1",
        level=2,
        valid_from=dt.date(2024, 1, 1),
        decision_number="9/QĐ",
        decision_date=dt.date(2023, 12, 1),
        acting_user=None,
    )
    first, second = AutonomyDecision.objects.order_by("valid_from")
    assert (first.valid_to, second.valid_to) == (dt.date(2024, 1, 1), None)
    row = autonomy_rows(2023)[0]
    assert (row["computed"], row["approved"], row["differs"]) == (2, 3, True)
    finance("P1", 2024, 1_000_000_000, 1_000_000_000)
    assert autonomy_rows(2024)[0]["differs"] is False  # the 2024 decision says 2
    assert autonomy_trend() == [
        {"year": 2023, "g1": 0, "g2": 1, "g3": 0, "g4": 0},
        {"year": 2024, "g1": 0, "g2": 1, "g3": 0, "g4": 0},
    ]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"unit_code": "S1"}, m.UNIT_NOT_PSU),
        ({"revenue": -1}, m.NEGATIVE),
        ({"recurrent_expenditure": 0}, m.EXPENDITURE_ZERO),
    ],
)
def test_bad_finances_write_nothing(kw, message):
    psu_city()
    args = {"unit_code": "P1", "year": 2023, "revenue": 1, "recurrent_expenditure": 10} | kw
    with pytest.raises(InvalidInput) as exc:
        unit_finance_record(**args, acting_user=None)
    assert exc.value.message == message
    assert not UnitFinance.objects.exists()


def test_bulk_load_refuses_a_unit_that_is_not_a_psu():
    psu_city()
    with pytest.raises(InvalidInput) as exc:
        autonomy_bulk_load(
            decisions=[DecisionSpec("P1", 3, dt.date(2022, 1, 1), "1/QĐ", dt.date(2021, 12, 1))],
            finances=[FinanceSpec("S2", 2023, 1, 10)],
            acting_user=None,
        )
    assert "S2" in exc.value.vi
    assert not AutonomyDecision.objects.exists()


def test_a_year_before_the_decree_is_refused():
    with pytest.raises(InvalidInput) as exc:
        autonomy_rows(2001)
    assert exc.value.message == m.NO_AUTONOMY_RULES
