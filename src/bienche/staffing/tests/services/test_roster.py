import datetime as dt

import pytest

from bienche.core.errors import InvalidInput
from bienche.org.tests.factories import small_city
from bienche.staffing import messages as m
from bienche.staffing.models import Assignment
from bienche.staffing.services.roster import assignment_end, assignment_start, person_upsert
from bienche.staffing.tests.factories import D0, person, pid, position, staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city():
    small_city()
    position("S1", "CV", min_group="A1")


def start(n, **kw):
    args = {
        "personal_id": pid(n),
        "unit_code": "S1",
        "staff_category": "civil_servant",
        "rank_code": "01.003",
        "step": 2,
        "coefficient_h": 267,
        "valid_from": D0,
        "acting_user": None,
        **kw,
    }
    return assignment_start(**args)


def test_transfer_closes_previous_assignment():
    staff(1, "S1", position="CV")
    start(1, unit_code="S2", valid_from=dt.date(2022, 3, 1))
    rows = list(
        Assignment.objects.order_by("valid_from").values_list(
            "unit__code", "valid_to", "end_reason"
        )
    )
    assert rows == [("S1", dt.date(2022, 3, 1), "transfer"), ("S2", None, "")]


@pytest.mark.parametrize(
    ("kwargs", "err"),
    [
        ({"rank_code": "99.999"}, m.RANK_UNKNOWN),
        ({"step": 10}, m.STEP_OUT_OF_TABLE),
        ({"step": 0}, m.STEP_OUT_OF_TABLE),
        ({"rank_code": "01.004", "position_code": "CV"}, m.RANK_BELOW_POSITION),
        ({"rank_code": "V.08.01.03"}, m.CATEGORY_MISMATCH),
        ({"position_code": "NOPE"}, m.POSITION_UNKNOWN),
        ({"valid_from": dt.date(2019, 1, 1)}, m.UNIT_NOT_ACTIVE),
    ],
)
def test_bad_assignment_refused(kwargs, err):
    person(2)
    with pytest.raises(InvalidInput) as exc:
        start(2, **kwargs)
    assert exc.value.message is err
    assert not Assignment.objects.exists()


def test_overlap_with_later_assignment_refused():
    staff(3, "S1", on=dt.date(2023, 1, 1))
    with pytest.raises(InvalidInput) as exc:
        start(3, valid_from=dt.date(2022, 1, 1))
    assert exc.value.message is m.ASSIGNMENT_OVERLAP


def test_end_assignment():
    staff(4, "S1")
    assignment_end(
        personal_id=pid(4), on=dt.date(2024, 1, 1), reason="retirement", acting_user=None
    )
    a = Assignment.objects.get()
    assert (a.valid_to, a.end_reason) == (dt.date(2024, 1, 1), "retirement")
    with pytest.raises(InvalidInput) as exc:
        assignment_end(
            personal_id=pid(4), on=dt.date(2024, 6, 1), reason="retirement", acting_user=None
        )
    assert exc.value.message is m.ASSIGNMENT_NONE


def test_personal_id_must_be_12_digits():
    with pytest.raises(InvalidInput) as exc:
        person_upsert(personal_id="12345", full_name="A", birth_date=D0, sex="F", acting_user=None)
    assert exc.value.message is m.PERSONAL_ID_INVALID
