"""Reviews: keep, revoke, institutionalize; a steering task opened from a review."""

import datetime as dt

import pytest

from bienche.core.errors import Conflict, InvalidInput
from bienche.delegation import messages as m
from bienche.delegation.models import Review
from bienche.delegation.selectors import review_register
from bienche.delegation.services.reviews import TaskRequest, review_record
from bienche.delegation.stats import delegation_stats
from bienche.delegation.tests.factories import delegation, doc, power, transfer
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)


@pytest.fixture
def city():
    small_city()
    power("P1")


def test_due_review_kept_moves_the_next_review_date(city):
    t = transfer(to="D1", review_on=dt.date(2024, 1, 1))
    assert t in review_register(ON)["due"]
    review_record(
        transfer=t,
        reviewed_on=ON,
        outcome="keep",
        expected_version=1,
        next_review_on=dt.date(2026, 1, 1),
        acting_user=None,
    )
    t.refresh_from_db()
    assert (t.review_on, t.version) == (dt.date(2026, 1, 1), 2)
    assert t not in review_register(ON)["due"]
    with pytest.raises(Conflict):
        review_record(
            transfer=t, reviewed_on=ON, outcome="keep", expected_version=1, acting_user=None
        )


def test_revoke_outcome_ends_the_transfer(city):
    t = delegation(to="D1")
    review_record(
        transfer=t,
        reviewed_on=ON,
        outcome="revoke",
        expected_version=1,
        document=doc("3/QĐ-UBND", ON),
        acting_user=None,
    )
    t.refresh_from_db()
    assert (t.valid_to, t.revocation_document.number) == (ON, "3/QĐ-UBND")


def test_institutionalize_needs_a_council_resolution_and_counts_in_the_share(city):
    t = transfer(to="D1")
    with pytest.raises(InvalidInput) as exc:
        review_record(
            transfer=t,
            reviewed_on=ON,
            outcome="institutionalize",
            expected_version=1,
            document=doc("4/QĐ-UBND", ON),
            acting_user=None,
        )
    assert exc.value.code == m.INSTITUTIONALIZE_NEEDS_RESOLUTION.code
    assert delegation_stats(2024)["institutionalized"] == 0
    review_record(
        transfer=t,
        reviewed_on=ON,
        outcome="institutionalize",
        expected_version=1,
        document=doc("15/2024/NQ-HĐND", ON, kind="council_resolution"),
        acting_user=None,
    )
    stats = delegation_stats(2024)
    assert (stats["institutionalized"], stats["institutionalized_share"]) == (1, 1.0)


def test_review_opens_a_steering_task_for_the_receiver(city):
    t = delegation(to="D1")
    review = review_record(
        transfer=t,
        reviewed_on=ON,
        outcome="amend",
        expected_version=1,
        note="Bổ sung điều kiện báo cáo",
        task=TaskRequest(content="Dự thảo quyết định sửa đổi", deadline=dt.date(2024, 9, 30)),
        acting_user=None,
    )
    task = Review.objects.get(pk=review.pk).steering_task
    assert (task.lead_unit.code, task.deadline) == ("D1", dt.date(2024, 9, 30))
    assert "rà soát" in task.document.summary


def test_stats_by_field_level_and_year(city):
    power("P2", field="education", kind="procedure")
    transfer(to="D1")
    transfer("P2", to_class="commune_level", valid_from=dt.date(2023, 3, 1))
    delegation("P2", to="S1")
    s = delegation_stats(2024)
    assert s["by_field"]["land"] == {"decentralization": 1, "delegation": 0}
    assert s["by_field"]["education"] == {"decentralization": 1, "delegation": 1}
    assert s["by_level"]["commune"]["decentralization"] == 1
    assert s["by_year"][2023]["decentralization"] == 1
    assert (s["procedures"], s["procedures_transferred"]) == (1, 1)
