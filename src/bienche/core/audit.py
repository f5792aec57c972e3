"""Writing the audit trail. Every service that changes state calls :func:`audit_record`."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.db import transaction

from bienche.core.models import AuditEntry


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def audit_purge_for_demo() -> None:
    """Empty the trail: only for rebuilding the demo database from scratch."""
    from django.db import connection

    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks pending in this transaction would block TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {table}")  # row triggers do not fire on TRUNCATE
        else:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table name


def audit_domain(action: str) -> str:
    """The domain a change belongs to, for the caches: "view" for a logged view."""
    return "view" if action.endswith("_viewed") else action.split(".", 1)[0][:32]


def audit_record(
    *,
    actor: Any,
    action: str,
    entity_type: str,
    entity_id: Any,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
    domain: str | None = None,
) -> AuditEntry:
    """Record one change; must run inside the transaction that makes the change.
    ``domain`` overrides the one derived from the action, for a change that the caches of
    its domain need not follow (see ``steering.services.lifecycle``)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        action=action,
        domain=domain or audit_domain(action),
        entity_type=entity_type,
        entity_id=str(entity_id),
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
        reason=reason,
    )


def audit_record_many(*, actor: Any, action: str, entity_type: str, rows: list[dict]) -> None:
    """Record many changes of one kind at once (imports); each row has ``entity_id`` and
    optionally ``before``, ``after`` and ``reason``. Same transaction rule as above."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record_many must be called inside the service's transaction")
    user = actor if getattr(actor, "is_authenticated", False) else None
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=user,
                action=action,
                domain=audit_domain(action),
                entity_type=entity_type,
                entity_id=str(r["entity_id"]),
                before=_jsonable(r["before"]) if r.get("before") is not None else None,
                after=_jsonable(r["after"]) if r.get("after") is not None else None,
                reason=r.get("reason", ""),
            )
            for r in rows
        ],
        batch_size=2000,
    )
