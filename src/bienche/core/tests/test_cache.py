import pytest

from bienche.core.cache import cached_read
from bienche.core.services import calendar_override_set

pytestmark = pytest.mark.django_db


def test_cached_until_data_changes():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached_read("k", compute) == 1
    assert cached_read("k", compute) == 1
    calendar_override_set(
        day=__import__("datetime").date(2025, 3, 8),
        kind="working",
        reason="Làm bù",
        acting_user=None,
    )
    assert cached_read("k", compute) == 2


def test_a_logged_view_does_not_expire_the_cache():
    from django.db import transaction

    from bienche.core.audit import audit_record

    calls = []
    assert cached_read("v", lambda: calls.append(1) or len(calls)) == 1
    with transaction.atomic():
        audit_record(
            actor=None,
            action="pay.explain_viewed",
            entity_type="staffing.person",
            entity_id=1,
            after={"month": "2024-07"},
        )
    assert cached_read("v", lambda: calls.append(1) or len(calls)) == 1
