"""The daily reminder run: deadline reminders, overdue notices, escalation, daily digests.

Run once a day by a scheduler (``bienche steering remind``; see the README). Idempotent:
each notice has a key naming what it is about (task, kind, threshold, the deadline in
force; or unit and day for a digest), unique in the database, so running twice, or after a
crash, never sends the same reminder twice. A changed deadline (an approved extension) is a
new deadline and gets its own reminders.

* **Before the deadline**: with thresholds (5, 1) working days, a task whose deadline in
  force is within 5 working days gets the 5-day reminder, within 1 the 1-day one; a task
  first seen at 3 days left gets only the 5-day one then, the 1-day one later.
* **Overdue**: the day after the deadline in force, a notice to the lead unit.
* **Escalation**: ``STEERING_ESCALATION_DAYS`` working days after it, a notice to the unit
  above the lead unit in the org chart as it stands on the run date, addressed to that
  unit's head (the post, not a person).
* **Digest**: on working days, one summary per unit with tasks due soon or overdue.

Notices are in-app (the unit's officers see them) and e-mailed through Django's mail
settings to the active officers of the unit who have an address, after the commit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.workdays import WorkdayIndex, is_working_day
from bienche.org.enums import Role
from bienche.org.models import Membership
from bienche.org.selectors import unit_tree_as_of
from bienche.steering.enums import OPEN_STATUSES, NoticeKind
from bienche.steering.models import Notice, ReminderRun, Task

CHUNK = 5000
HEAD_POST = "Thủ trưởng đơn vị"
DIGEST_POST = "Bộ phận theo dõi nhiệm vụ"


@dataclass
class RunReport:
    for_date: dt.date
    dry_run: bool
    open_tasks: int = 0
    by_kind: Counter = field(default_factory=Counter)
    emailed: int = 0
    notices: list[Notice] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(self.by_kind.values())


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _candidates(on: dt.date) -> tuple[list[Notice], int]:
    rows = list(
        Task.objects.filter(
            status__in=OPEN_STATUSES, current_deadline__isnull=False, assigned_on__lte=on
        ).values_list(
            "pk",
            "lead_unit_id",
            "current_deadline",
            "content",
            "document__number",
            "responsible_post",
        )
    )
    if not rows:
        return [], 0
    thresholds = sorted(settings.STEERING_REMINDER_DAYS)
    escalate_after = settings.STEERING_ESCALATION_DAYS
    # Deadlines far ahead need no reminder today: the index stops at a horizon.
    horizon = on + dt.timedelta(days=3 * max(thresholds, default=0) + 30)
    first = min(on, min(r[2] for r in rows)) - dt.timedelta(days=1)
    last = max(on, min(horizon, max(r[2] for r in rows))) + dt.timedelta(days=1)
    days = WorkdayIndex(first, last)
    tree = unit_tree_as_of(on)
    out: list[Notice] = []
    digest: dict[int, Counter] = defaultdict(Counter)
    for pk, unit_id, deadline, content, number, post in rows:
        title = f"{number}: {content[:80]}"
        if deadline > horizon:
            continue
        if deadline >= on:
            left = days.between(on, deadline)
            applicable = [n for n in thresholds if left <= n]
            if applicable:
                n = applicable[0]
                digest[unit_id]["due_soon"] += 1
                out.append(
                    Notice(
                        key=f"before:{pk}:{n}:{deadline.isoformat()}",
                        kind=NoticeKind.BEFORE_DEADLINE,
                        task_id=pk,
                        unit_id=unit_id,
                        post=post,
                        subject=f"Còn {left} ngày làm việc đến hạn {_fmt(deadline)} — {title}",
                    )
                )
            continue
        late = days.between(deadline, on)
        digest[unit_id]["overdue"] += 1
        out.append(
            Notice(
                key=f"overdue:{pk}:{deadline.isoformat()}",
                kind=NoticeKind.OVERDUE,
                task_id=pk,
                unit_id=unit_id,
                post=post,
                subject=f"Quá hạn từ {_fmt(deadline)} — {title}",
            )
        )
        node = tree.by_id.get(unit_id)
        if late >= escalate_after and node is not None and node.parent_id in tree.by_id:
            out.append(
                Notice(
                    key=f"escalation:{pk}:{deadline.isoformat()}",
                    kind=NoticeKind.ESCALATION,
                    task_id=pk,
                    unit_id=node.parent_id,
                    post=HEAD_POST,
                    subject=f"{node.name} chậm {late} ngày làm việc — {title}",
                )
            )
    if is_working_day(on):
        for unit_id, c in sorted(digest.items()):
            out.append(
                Notice(
                    key=f"digest:{unit_id}:{on.isoformat()}",
                    kind=NoticeKind.DIGEST,
                    unit_id=unit_id,
                    post=DIGEST_POST,
                    subject=(
                        f"Tổng hợp ngày {_fmt(on)}: {c['overdue']} nhiệm vụ quá hạn, "
                        f"{c['due_soon']} nhiệm vụ sắp đến hạn"
                    ),
                )
            )
    for n in out:
        n.for_date = on
        n.body = n.subject
    return out, len(rows)


def _existing(keys: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(keys), CHUNK):
        found |= set(
            Notice.objects.filter(key__in=keys[i : i + CHUNK]).values_list("key", flat=True)
        )
    return found


def reminder_run(
    *, for_date: dt.date | None = None, dry_run: bool = False, acting_user: Any = None
) -> RunReport:
    """Create (or, with ``dry_run``, only list) the notices due on ``for_date``."""
    on = for_date or today()
    candidates, open_tasks = _candidates(on)
    seen = _existing([n.key for n in candidates])
    new = [n for n in candidates if n.key not in seen]
    report = RunReport(on, dry_run, open_tasks)
    if dry_run:
        report.notices = new
        report.by_kind = Counter(n.kind for n in new)
        return report
    with transaction.atomic():
        run = ReminderRun.objects.create(for_date=on)
        for n in new:
            n.run = run
        Notice.objects.bulk_create(new, batch_size=2000, ignore_conflicts=True)
        created = list(Notice.objects.filter(run=run).select_related("unit"))
        report.notices = created
        report.by_kind = Counter(n.kind for n in created)
        run.created = len(created)
        run.save(update_fields=["created"])
        audit_record(
            actor=acting_user,
            action="steering.reminder_run",
            entity_type="steering.reminder_run",
            entity_id=run.pk,
            after={"for_date": on, "created": dict(report.by_kind)},
        )
    report.emailed = _send_mail(created)
    ReminderRun.objects.filter(pk=run.pk).update(emailed=report.emailed)
    return report


def _send_mail(notices: list[Notice]) -> int:
    """One e-mail per notice to the unit's active officers with an address."""
    if not notices:
        return 0
    addresses: dict[int, list[str]] = defaultdict(list)
    rows = Membership.objects.filter(
        unit_id__in={n.unit_id for n in notices},
        role__in=[Role.UNIT_OFFICER, Role.VIEWER],
        user__is_active=True,
    ).exclude(user__email="")
    for unit_id, email in rows.values_list("unit_id", "user__email").distinct():
        addresses[unit_id].append(email)
    messages = [
        EmailMessage(
            subject=f"[bienche] {n.subject}"[:250],
            body=f"Kính gửi: {n.post}\n\n{n.body}\n",
            to=sorted(addresses[n.unit_id]),
        )
        for n in notices
        if addresses.get(n.unit_id)
    ]
    if not messages:
        return 0
    with mailers.default as connection:
        return connection.send_messages(messages) or 0
