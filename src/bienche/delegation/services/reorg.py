"""Transfers follow their units through a reorganization (registered with org.hooks).

When an event ends the receiving unit or the transferring authority of a transfer still
in force, and every ended party has exactly one successor along the event's lineage
(a merge, an absorption, a commune folded whole into a new one), the transfer is carried
over: it ends on the event's date (``valid_to``) and a copy opens that day for the
successor(s), citing the same document, with ``carried_from`` and the event. When an
ended party has several successors (a split, a district dissolved into many communes) or
none, the transfer is flagged for review (``flag`` and the event) and left as it is: the
register lists it until a review decides. Nothing is dropped silently. A copy that would
duplicate a transfer the successor already holds (two merged units with the same power)
is not made: the old one ends and names the one that continues it.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from bienche.core.audit import audit_record_many
from bienche.delegation.enums import Flag
from bienche.delegation.models import Transfer
from bienche.delegation.services.transfers import snapshot
from bienche.org.hooks import EventChange

COPIED = [
    "power_id",
    "kind",
    "to_class",
    "receiver_level",
    "document_id",
    "term_end",
    "conditions",
    "reporting_duty",
    "sub_delegation_allowed",
    "parent_id",
    "review_on",
    "synthetic",
    "valid_to",
    "institutionalized_by_id",
]


def _successors(change: EventChange) -> dict[int, set[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for pred, succ, _share in change.edges:
        if pred in change.ended and pred != succ:
            out[pred].add(succ)
    return out


def _map(unit_id: int | None, change: EventChange, succ: dict[int, set[int]]) -> int | None:
    """The unit's single successor, the unit itself if not ended; -1 when ambiguous."""
    if unit_id is None or unit_id not in change.ended:
        return unit_id
    found = succ.get(unit_id, set())
    return next(iter(found)) if len(found) == 1 else -1


def on_reorganization(change: EventChange) -> None:
    if not change.ended:
        return
    touched = list(
        Transfer.objects.filter(Q(to_unit_id__in=change.ended) | Q(from_unit_id__in=change.ended))
        .filter(valid_from__lt=change.on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=change.on))
    )
    if not touched:
        return
    succ = _successors(change)
    held = set(
        Transfer.objects.filter(
            power_id__in={t.power_id for t in touched},
            to_unit_id__in={s for ss in succ.values() for s in ss},
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=change.on))
        .values_list("power_id", "to_unit_id")
    )
    flagged, carried, copies, audit = [], [], [], []
    for t in touched:
        before = snapshot(t)
        new_from, new_to = _map(t.from_unit_id, change, succ), _map(t.to_unit_id, change, succ)
        if -1 in (new_from, new_to):
            t.flag = Flag.RECEIVER_GONE if new_to == -1 else Flag.AUTHORITY_GONE
            t.reorg_event, t.version = change.event, t.version + 1
            flagged.append(t)
            audit.append(("delegation.transfer_flagged", t.pk, before, t))
            continue
        t.valid_to, t.reorg_event, t.version = change.on, change.event, t.version + 1
        carried.append(t)
        audit.append(("delegation.transfer_carried", t.pk, before, t))
        if new_to is not None and (t.power_id, new_to) in held:
            continue
        held.add((t.power_id, new_to))
        copies.append(
            Transfer(
                **{f: getattr(t, f) for f in COPIED if f != "valid_to"},
                valid_to=t.term_end if t.revoked_on is None else t.revoked_on,
                from_unit_id=new_from,
                to_unit_id=new_to,
                valid_from=change.on,
                carried_from=t,
                reorg_event=change.event,
            )
        )
    Transfer.objects.bulk_update(flagged, ["flag", "reorg_event", "version"])
    Transfer.objects.bulk_update(carried, ["valid_to", "reorg_event", "version"])
    Transfer.objects.bulk_create(copies)
    audit += [("delegation.transfer_carried_create", c.pk, None, c) for c in copies]
    note = f"{change.event.get_kind_display()} — {change.event.basis_number}"
    audit_record_many(
        actor=change.event.created_by,
        action="delegation.transfer_reorganized",
        entity_type="delegation.transfer",
        rows=[
            {"entity_id": pk, "before": b, "after": snapshot(t), "reason": f"{a}: {note}"}
            for a, pk, b, t in audit
        ],
    )
