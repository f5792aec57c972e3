"""Who may see and change report drafts.

* **Write** (create, edit narratives and the letterhead, freeze): city administrators and
  the officers of the Organization Board of the City Party Committee or the Department of
  Home Affairs — the bodies that draft the annual report.
* **Read**: the writers, city-wide readers, and unit-scoped users for the reports whose
  scope unit lies in their subtree (as of the report's year end or today). A city report
  (no scope unit) is read city-wide only.

A report the user may not see answers ``NotFound`` exactly like a missing one (no leak);
one they may see but not change answers ``Forbidden``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.core.errors import Forbidden, NotFound
from bienche.org.models import Unit
from bienche.org.permissions import user_scope
from bienche.reports import messages as m
from bienche.reports.models import Report

#: Organization Board of the City Party Committee; Department of Home Affairs.
DRAFTING_UNIT_CODES = ("HN.TU.BTC", "HN.S.NV")


def can_write(user: Any) -> bool:
    scope = user_scope(user, for_write=True)
    if scope.everything:
        return True
    ids = Unit.objects.filter(code__in=DRAFTING_UNIT_CODES).values_list("pk", flat=True)
    return any(scope.contains(pk) for pk in ids)


def guard_write(user: Any, action: str, action_en: str) -> None:
    """Refuse a real user who may not draft (the CLI and the demo act as the system)."""
    if getattr(user, "is_authenticated", False) and not can_write(user):
        raise Forbidden(m.NOT_ALLOWED, action=action, action_en=action_en)


def can_see(user: Any, report: Report) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    scope = user_scope(user, on=dt.date(report.year, 12, 31))
    if scope.everything or can_write(user):
        return True
    return report.unit_id is not None and scope.contains(report.unit_id)


def access_report_by_id(user: Any, report_id: int | str, *, for_write: bool = False) -> Report:
    """The report if the user may see it (and change it, ``for_write``)."""
    try:
        pk = int(report_id)
    except (TypeError, ValueError):
        raise NotFound(m.REPORT_UNKNOWN, field="id", id=report_id) from None
    report = Report.objects.select_related("unit").filter(pk=pk).first()
    if report is None or not can_see(user, report):
        raise NotFound(m.REPORT_UNKNOWN, field="id", id=report_id)
    if for_write:
        guard_write(user, "sửa và chốt báo cáo", "edit and freeze reports")
    return report
