"""Cache expensive read models until the data changes.

Every write in bienche goes through a service that records an audit row in the same
transaction, so the highest audit id is a cheap, exact "data version": a cached result is
valid as long as no audit row was added since it was computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import Max

from bienche.core.models import AuditEntry


def data_version() -> int:
    return AuditEntry.objects.aggregate(v=Max("id"))["v"] or 0


def cached_read(key: str, compute: Callable[[], Any], *, timeout: int = 3600) -> Any:
    """``compute()`` once per data version for ``key``."""
    full_key = f"bienche:{data_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
