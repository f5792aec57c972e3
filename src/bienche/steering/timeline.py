"""A task's page in one read of its events: the latest ones shown, the state folded from
them, the extension request awaiting a decision and how many there are.

The task page is what officers open around a reporting deadline (and again after each
report they send): one query of plain rows instead of four, no model instances.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bienche.steering.enums import EventKind
from bienche.steering.models import Task
from bienche.steering.selectors import fold_events

_EXTENSION_KINDS = frozenset(
    {EventKind.EXTENSION_REQUESTED, EventKind.EXTENSION_APPROVED, EventKind.EXTENSION_REFUSED}
)


@dataclass(frozen=True)
class EventRow:
    """One event as the page shows it."""

    pk: int
    kind: str
    on: dt.date
    unit_id: int | None
    to_unit_id: int | None
    note: str
    percent: int | None
    deadline: dt.date | None
    product_ref: str
    product_file: str  # the stored name, "" when none
    actor_name: str  # "" when recorded by the system
    reorg_event_id: int | None
    basis_number: str  # of the reorganization that transferred the task

    def get_kind_display(self) -> str:
        return str(EventKind(self.kind).label)


_COLUMNS = (
    "id",
    "kind",
    "on",
    "unit_id",
    "to_unit_id",
    "note",
    "percent",
    "deadline",
    "product_ref",
    "product_file",
    "actor__username",
    "reorg_event_id",
    "reorg_event__basis_number",
)


@dataclass(frozen=True)
class Timeline:
    state: dict[str, Any]
    pending: EventRow | None
    total: int
    shown: list[EventRow]


def task_timeline(task: Task, on: dt.date, *, latest: int | None = None) -> Timeline:
    """The task's events, the state at the end of ``on`` (as ``task_status_on``), the
    pending extension request (as ``lifecycle.pending_extension``) and, with ``latest``,
    only the last ``latest`` events to show."""
    rows = [
        EventRow(*r[:9], r[9] or "", r[10] or "", r[11], r[12] or "")
        for r in task.events.order_by("on", "id").values_list(*_COLUMNS)
    ]
    state = fold_events(
        task,
        ((e.kind, e.unit_id, e.to_unit_id, e.percent, e.deadline) for e in rows if e.on <= on),
        on,
    )
    last_extension = None
    for e in rows:
        if e.kind in _EXTENSION_KINDS:
            last_extension = e
    pending = (
        last_extension
        if last_extension is not None and last_extension.kind == EventKind.EXTENSION_REQUESTED
        else None
    )
    shown = rows if latest is None else rows[-latest:]
    return Timeline(state=state, pending=pending, total=len(rows), shown=shown)
