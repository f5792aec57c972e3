"""In-app notices: the list a user may see and marking one read (audited)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import now
from bienche.core.errors import NotFound
from bienche.org.permissions import Scope, user_scope
from bienche.steering import messages as m
from bienche.steering.models import Notice


def notice_list(scope: Scope, *, unread: bool = False, limit: int = 300) -> list[Notice]:
    qs = Notice.objects.select_related("unit", "task").order_by("-for_date", "-id")
    if not scope.everything:
        qs = qs.filter(unit_id__in=list(scope.unit_ids))
    if unread:
        qs = qs.filter(read_at__isnull=True)
    return list(qs[:limit])


def notice_mark_read(*, notice_id: int, acting_user: Any) -> Notice:
    """Mark a notice of a unit in the user's scope as read (idempotent)."""
    with transaction.atomic():
        notice = Notice.objects.select_for_update().filter(pk=notice_id).first()
        if notice is None or not user_scope(acting_user).contains(notice.unit_id):
            raise NotFound(m.NOTICE_UNKNOWN, field="id", id=notice_id)
        if notice.read_at is None:
            notice.read_at = now()
            notice.save(update_fields=["read_at"])
            audit_record(
                actor=acting_user,
                action="steering.notice_read",
                entity_type="steering.notice",
                entity_id=notice.pk,
                after={"read_at": notice.read_at},
            )
    return notice
