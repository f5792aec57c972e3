"""Extension point for apps above org (staffing, pay, …) that must react to reorganizations.

Design rule: a lower app never imports a higher one. A higher app registers a handler here
(in its AppConfig.ready); org calls every handler inside the event's transaction, so the
handler's writes commit or roll back with the event, and a handler that raises refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bienche.org.models import ReorgEvent


@dataclass(frozen=True)
class EventChange:
    """What an event did, by unit id: the units it ended, opened and the lineage it drew."""

    event: ReorgEvent
    on: dt.date
    ended: frozenset[int]
    opened: frozenset[int]
    reopened: frozenset[int]
    edges: tuple[tuple[int, int, int], ...]  # (predecessor id, successor id, share bp)


Handler = Callable[[EventChange], None]
_handlers: list[Handler] = []


def register_event_handler(handler: Handler) -> None:
    if handler not in _handlers:
        _handlers.append(handler)


def unregister_event_handler(handler: Handler) -> None:
    if handler in _handlers:
        _handlers.remove(handler)


def dispatch(change: EventChange) -> None:
    for handler in list(_handlers):
        handler(change)
