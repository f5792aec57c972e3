"""Open tasks follow their lead unit through a reorganization (registered with org.hooks).

When an event ends a unit, each of its open tasks passes to the successor that received the
largest share along the lineage (ties: the lowest unit code), from the event's date; a
``transferred`` event on the task names both units and the decision, so the hand-over is
visible on the task and the successor's board. Supporting roles pass the same way. Closed
tasks stay with the unit that closed them: the record of the past does not move. A unit
ended without successors keeps its open tasks; they surface on the committee's overdue list.
"""

from __future__ import annotations

import datetime as dt

from bienche.core.audit import audit_record_many
from bienche.core.dating import q_valid_on
from bienche.org.hooks import EventChange
from bienche.org.models import LineageEdge, ReorgEvent, Unit, UnitVersion
from bienche.steering.enums import OPEN_STATUSES, EventKind
from bienche.steering.models import Task, TaskEvent, TaskSupport


def _successors(change: EventChange) -> dict[int, int]:
    """Ended unit id → the successor that takes its tasks."""
    codes = dict(
        Unit.objects.filter(pk__in={s for _p, s, _b in change.edges}).values_list("pk", "code")
    )
    best: dict[int, tuple[int, str, int]] = {}
    for pred, succ, share in change.edges:
        if pred not in change.ended or pred == succ:
            continue
        key = (-share, codes.get(succ, ""), succ)
        if pred not in best or key < best[pred]:
            best[pred] = key
    return {pred: key[2] for pred, key in best.items()}


def on_reorganization(change: EventChange) -> None:
    successor = _successors(change)
    if not successor:
        return
    event = change.event
    note = f"{event.get_kind_display()} — {event.basis_number}"
    moved = list(
        Task.objects.filter(lead_unit_id__in=successor, status__in=OPEN_STATUSES).only(
            "pk", "lead_unit_id", "version"
        )
    )
    history = []
    for task in moved:
        history.append(
            TaskEvent(
                task=task,
                kind=EventKind.TRANSFERRED,
                on=change.on,
                unit_id=task.lead_unit_id,
                to_unit_id=successor[task.lead_unit_id],
                reorg_event=event,
                note=note,
            )
        )
        task.lead_unit_id = successor[task.lead_unit_id]
        task.version += 1
    Task.objects.bulk_update(moved, ["lead_unit_id", "version"], batch_size=1000)
    TaskEvent.objects.bulk_create(history, batch_size=2000)
    _move_supports(successor)
    audit_record_many(
        actor=event.created_by,
        action="steering.task_transferred",
        entity_type="steering.task",
        rows=[
            {
                "entity_id": e.task_id,
                "before": {"lead_unit_id": e.unit_id},
                "after": {"lead_unit_id": e.to_unit_id},
                "reason": note,
            }
            for e in history
        ],
    )


def _move_supports(successor: dict[int, int]) -> None:
    """Supporting roles of ended units pass to their successors, in three queries; a role
    the successor already holds on the task (or the task's lead) is dropped, not doubled."""
    rows = list(
        TaskSupport.objects.filter(
            unit_id__in=successor, task__status__in=OPEN_STATUSES
        ).select_related("task")
    )
    held = set(
        TaskSupport.objects.filter(
            task_id__in={r.task_id for r in rows}, unit_id__in=set(successor.values())
        ).values_list("task_id", "unit_id")
    )
    moved, dropped = [], []
    for row in rows:
        new = successor[row.unit_id]
        if row.task.lead_unit_id == new or (row.task_id, new) in held:
            dropped.append(row.pk)
            continue
        held.add((row.task_id, new))
        row.unit_id = new
        moved.append(row)
    TaskSupport.objects.filter(pk__in=dropped).delete()
    TaskSupport.objects.bulk_update(moved, ["unit"], batch_size=1000)


def _next_hop(unit_id: int, after: dt.date) -> tuple[ReorgEvent, int] | None:
    """The first recorded event after ``after`` that ended ``unit_id``, with the successor
    that takes its tasks (largest share, then lowest code); None if it still exists."""
    edges = list(
        LineageEdge.objects.filter(predecessor_id=unit_id, event__effective_on__gt=after)
        .exclude(successor_id=unit_id)
        .select_related("event", "successor")
        .order_by("event__effective_on", "event_id")
    )
    if not edges:
        return None
    event = edges[0].event
    if UnitVersion.objects.filter(q_valid_on(event.effective_on), unit_id=unit_id).exists():
        return None  # the unit goes on after the event (it gave away a part)
    best = min(
        (e for e in edges if e.event_id == event.pk),
        key=lambda e: (-e.share_bp, e.successor.code, e.successor_id),
    )
    return event, best.successor_id


def hand_over_late_entries(tasks: list[Task]) -> None:
    """Tasks entered after their lead unit was reorganized away (a late entry of an old
    document) pass along the lineage now, as they would have if entered in time."""
    history = []
    hops: dict[tuple[int, dt.date], tuple[ReorgEvent, int] | None] = {}

    def next_hop(unit_id: int, after: dt.date) -> tuple[ReorgEvent, int] | None:
        if (unit_id, after) not in hops:  # one or two queries per distinct lead and date
            hops[unit_id, after] = _next_hop(unit_id, after)
        return hops[unit_id, after]

    for task in tasks:
        moved = False
        hop = next_hop(task.lead_unit_id, task.assigned_on)
        while hop is not None:
            event, successor = hop
            history.append(
                TaskEvent(
                    task=task,
                    kind=EventKind.TRANSFERRED,
                    on=event.effective_on,
                    unit_id=task.lead_unit_id,
                    to_unit_id=successor,
                    reorg_event=event,
                    note=f"{event.get_kind_display()} — {event.basis_number}",
                )
            )
            task.lead_unit_id, moved = successor, True
            hop = next_hop(successor, event.effective_on)
        if moved:
            task.version += 1
            task.save(update_fields=["lead_unit", "version"])
    TaskEvent.objects.bulk_create(history)
