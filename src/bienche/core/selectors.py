"""Reads of core: the audit trail with filters (for the audit page and its export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from bienche.core.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""  # prefix, e.g. "steering." or "steering.task_accepted"
    entity_type: str = ""
    entity_id: str = ""
    actor: str = ""  # user name
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    text: str = ""  # in the reason


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_search(f: AuditFilter) -> QuerySet[AuditEntry]:
    """Newest first; every filter optional. Dates are business days in Hà Nội."""
    qs = AuditEntry.objects.select_related("actor").order_by("-at", "-id")
    if f.action:
        qs = qs.filter(action__startswith=f.action)
    if f.entity_type:
        qs = qs.filter(entity_type=f.entity_type)
    if f.entity_id:
        qs = qs.filter(entity_id=f.entity_id)
    if f.actor:
        qs = qs.filter(actor__username=f.actor)
    if f.start:
        qs = qs.filter(at__gte=_day_start(f.start))
    if f.end:
        qs = qs.filter(at__lt=_day_start(f.end + dt.timedelta(days=1)))
    if f.text:
        qs = qs.filter(reason__icontains=f.text)
    return qs


def audit_row(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.pk,
        "at": timezone.localtime(e.at),
        "actor": e.actor.get_username() if e.actor else "",
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "before": e.before,
        "after": e.after,
        "reason": e.reason,
    }
