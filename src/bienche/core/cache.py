"""Cache expensive read models until the data changes.

Every write in bienche goes through a service that records an audit row in the same
transaction, so the highest audit id is a cheap, exact "data version": a cached result is
valid as long as no audit row was added since it was computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from bienche.core.models import AuditEntry


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


def cached_read(key: str, compute: Callable[[], Any], *, timeout: int = 3600) -> Any:
    """``compute()`` once per data version for ``key``."""
    full_key = f"bienche:{data_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
