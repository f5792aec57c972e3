"""The audit trail cannot be changed: not through the ORM, and on PostgreSQL not even with
raw SQL on the application's own connection."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from bienche.core.audit import audit_record
from bienche.core.models import AppendOnly, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    with transaction.atomic():
        return audit_record(
            actor=None, action="test.create", entity_type="test", entity_id=1, after={"a": 1}
        )


def test_orm_refuses_update_and_delete(entry):
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="sửa")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgres_trigger_refuses_raw_sql(entry):
    table = AuditEntry._meta.db_table
    for sql in (f"UPDATE {table} SET reason = 'x'", f"DELETE FROM {table}"):  # noqa: S608
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""
