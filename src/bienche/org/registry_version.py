"""The org registry's version, and read models kept in memory until it changes.

Unit versions are only written by reorganization events, which are append-only, so the
latest event is the registry's version. Permission checks and pages ask for the registry
tree several times per request: the version is read once per request (``registry_memo``)
and what is built from the registry is kept per version (``registry_cached``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection

from bienche.org.models import ReorgEvent

#: Entries kept per store (a few dates and windows), the oldest dropped first.
KEPT = 16

#: The registry version read in the current request, if any (``registry_memo``).
_REGISTRY_MEMO: ContextVar[list[tuple] | None] = ContextVar("registry_memo", default=None)


@contextmanager
def registry_memo() -> Iterator[None]:
    """Within the block (a request: ``org.permissions.ScopeMemoMiddleware``), the registry
    version is read once; a reorganization recorded in the block forgets it."""
    token = _REGISTRY_MEMO.set([])
    try:
        yield
    finally:
        _REGISTRY_MEMO.reset(token)


def forget_registry_version() -> None:
    """Called where reorganization events are written (``org.services.plan``)."""
    memo = _REGISTRY_MEMO.get()
    if memo:
        memo.clear()


def registry_version() -> tuple:
    """Changes whenever the registry does. (The creation time makes the key unique even
    where a rolled-back id is reused, as SQLite does.)"""
    memo = _REGISTRY_MEMO.get()
    if memo:
        return memo[0]
    version = tuple(
        ReorgEvent.objects.order_by("-id").values_list("id", "created_at").first() or ()
    )
    if memo is not None:
        memo.append(version)
    return version


def registry_cached(store: dict[tuple, Any], args: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per database, ``args`` and registry version, kept in ``store``.
    Callers must not modify what it returns: it is shared by every request of the process."""
    key = (connection.alias, connection.settings_dict["NAME"], *args, registry_version())
    value = store.get(key)
    if value is None:
        value = compute()
        if len(store) >= KEPT:
            store.pop(next(iter(store)))
        store[key] = value
    return value
