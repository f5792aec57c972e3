"""A task's page in two reads of its events: the latest ones shown, the state folded from
them, the extension request awaiting a decision and how many there are.

The task page is what officers open around a reporting deadline (and again after each
report they send): two queries of plain rows instead of four, no model instances.
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


#: (id, on) and the columns ``selectors.fold_events`` reads, in its order.
_FOLD_COLUMNS = ("id", "on", "kind", "unit_id", "to_unit_id", "percent", "deadline")


@dataclass(frozen=True)
class Timeline:
    state: dict[str, Any]
    pending: EventRow | None
    total: int
    shown: list[EventRow]


def task_timeline(task: Task, on: dt.date, *, latest: int | None = None) -> Timeline:
    """The task's events, the state at the end of ``on`` (as ``task_status_on``), the
    pending extension request (as ``lifecycle.pending_extension``) and, with ``latest``,
    only the last ``latest`` events to show.

    Two queries whatever the length of the history: the few columns the fold needs for
    every event, then the shown events (and the pending request) in full."""
    brief = list(task.events.order_by("on", "id").values_list(*_FOLD_COLUMNS))
    state = fold_events(task, (r[2:] for r in brief if r[1] <= on), on)
    last_extension = None
    for r in brief:
        if r[2] in _EXTENSION_KINDS:
            last_extension = r
    pending_id = (
        last_extension[0]
        if last_extension is not None and last_extension[2] == EventKind.EXTENSION_REQUESTED
        else None
    )
    shown_ids = [r[0] for r in (brief if latest is None else brief[-latest:])]
    wanted = set(shown_ids) | ({pending_id} if pending_id else set())
    full = {
        r[0]: EventRow(*r[:9], r[9] or "", r[10] or "", r[11], r[12] or "")
        for r in task.events.filter(pk__in=wanted).values_list(*_COLUMNS)
    }
    return Timeline(
        state=state,
        pending=full[pending_id] if pending_id else None,
        total=len(brief),
        shown=[full[i] for i in shown_ids],
    )
