"""Cache expensive read models until the data changes.

Every write in bienche goes through a service that records an audit row in the same
transaction, so the highest audit id is a cheap, exact "data version": a cached result is
valid as long as no audit row was added since it was computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection

from bienche.core.models import AuditEntry


def domain_version(domains: tuple[str, ...]) -> tuple[int, ...]:
    """The latest change in each of ``domains`` (and in rows older than the domain column,
    which may belong to any). One query whose subqueries are each a single lookup at the
    end of the (domain, id) index, on SQLite and PostgreSQL alike."""
    keys = (*domains, "")
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    one = f"(SELECT MAX(id) FROM {table} WHERE domain = %s)"  # noqa: S608 - no user input
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([one] * len(keys)), keys)
        row = cursor.fetchone()
    return tuple(v or 0 for v in row)


def data_version() -> int:
    """The id of the latest audit row that records a change. Rows that only record a view
    of personal data (actions ending in ``_viewed``) change nothing, so they do not expire
    the caches. ``ORDER BY id DESC LIMIT 1`` walks the primary key backwards."""
    latest = (
        AuditEntry.objects.exclude(action__endswith="_viewed")
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
    return latest or 0


def cached_read(
    key: str,
    compute: Callable[[], Any],
    *,
    timeout: int = 3600,
    domains: tuple[str, ...] | None = None,
) -> Any:
    """``compute()`` once per data version for ``key``. With ``domains``, only a change in
    one of them (the first segment of the audit action, e.g. "staffing", "org") expires
    it: for read models that depend on a few domains and are costly to compute."""
    if domains is None:
        version: Any = data_version()
    else:
        version = "-".join(map(str, domain_version(domains)))
    full_key = f"bienche:{version}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
