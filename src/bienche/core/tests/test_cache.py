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


def _audit(action):
    from django.db import transaction

    from bienche.core.audit import audit_record

    with transaction.atomic():
        audit_record(actor=None, action=action, entity_type="x", entity_id=1, after={"a": 1})


def test_a_domain_cache_follows_only_its_domains():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    def read():
        return cached_read("d", compute, domains=("staffing", "org"))

    assert read() == 1
    _audit("steering.task_report")  # another domain: still cached
    _audit("pay.explain_viewed")  # a logged view: "view" domain
    assert read() == 1
    _audit("staffing.quota.set")
    assert read() == 2
    _audit("org.event.merge")
    assert read() == 3
    assert cached_read("d-all", compute) == 4  # the plain cache follows every change
    _audit("steering.task_report")
    assert cached_read("d-all", compute) == 5


def test_rows_from_before_the_domain_column_expire_every_domain_cache():
    from bienche.core.models import AuditEntry

    calls = []
    assert cached_read("old", lambda: calls.append(1) or len(calls), domains=("staffing",)) == 1
    # A row as written before migration 0005 (domain empty) may be of any domain.
    AuditEntry.objects.create(action="legacy", entity_type="x", entity_id="1", domain="")
    assert cached_read("old", lambda: calls.append(1) or len(calls), domains=("staffing",)) == 2
