import datetime as dt

import pytest

from bienche.core.errors import InvalidInput, NotFound
from bienche.core.models import AuditEntry
from bienche.org.tests.factories import small_city
from bienche.staffing import messages as m
from bienche.staffing.models import Quota
from bienche.staffing.services.quotas import quota_set

pytestmark = pytest.mark.django_db
Y22, Y23 = dt.date(2022, 1, 1), dt.date(2023, 1, 1)


@pytest.fixture(autouse=True)
def city():
    small_city()


def q(code, amount, *, on=Y22, reserve=0, kind="civil_servant", valid_to=None):
    return quota_set(
        unit_code=code,
        kind=kind,
        amount=amount,
        reserve=reserve,
        valid_from=on,
        valid_to=valid_to,
        basis_number="QĐ 1/2022",
        acting_user=None,
    )


def test_allocation_within_parent():
    q("UB", 100, reserve=10)
    q("S1", 50)
    q("S2", 40)
    with pytest.raises(InvalidInput) as exc:
        q("S2", 41, on=Y23)
    assert exc.value.message is m.QUOTA_OVER_PARENT
    assert "UB" in exc.value.vi
    assert Quota.objects.filter(unit__code="S2").count() == 1


def test_parent_cannot_drop_below_children():
    q("UB", 100)
    q("S1", 60)
    with pytest.raises(InvalidInput) as exc:
        q("UB", 50, on=Y23)
    assert exc.value.message is m.QUOTA_OVER_PARENT
    assert Quota.objects.get(unit__code="UB").valid_to is None


def test_new_quota_closes_previous_and_audits():
    q("S1", 10)
    q("S1", 12, on=Y23)
    rows = list(
        Quota.objects.filter(unit__code="S1")
        .order_by("valid_from")
        .values_list("amount", "valid_to")
    )
    assert rows == [(10, Y23), (12, None)]
    assert AuditEntry.objects.filter(action="staffing.quota.set").count() == 2


def test_overlap_refused():
    q("S1", 10, on=Y23, valid_to=dt.date(2024, 1, 1))
    with pytest.raises(InvalidInput) as exc:
        q("S1", 11, on=dt.date(2023, 6, 1), valid_to=dt.date(2023, 9, 1))
    assert exc.value.message is m.QUOTA_OVERLAP


@pytest.mark.parametrize(
    ("kwargs", "err"),
    [
        ({"kind": "x"}, m.QUOTA_KIND_INVALID),
        ({"reserve": 20}, m.QUOTA_RESERVE_TOO_BIG),
        ({"valid_to": Y22}, m.QUOTA_DATES),
        ({"on": dt.date(2019, 1, 1)}, m.UNIT_NOT_ACTIVE),
    ],
)
def test_bad_input(kwargs, err):
    with pytest.raises(InvalidInput) as exc:
        q("S1", 10, **kwargs)
    assert exc.value.message is err
    assert not Quota.objects.exists()


def test_unknown_unit():
    with pytest.raises(NotFound):
        q("NOPE", 1)


def test_subtree_quota_counts_holders_once():
    from bienche.org.models import Unit
    from bienche.staffing.selectors import subtree_quota

    q("UB", 100, reserve=10)
    q("S1", 50)
    q("S2", 40)
    q("D1", 7)
    ub, hn = Unit.objects.get(code="UB").pk, Unit.objects.get(code="HN").pk
    assert subtree_quota(ub, Y23) == {"civil_servant": 100}
    assert subtree_quota(hn, Y23) == {"civil_servant": 107}
    assert subtree_quota(ub, Y23, subtree=False) == {"civil_servant": 100}
