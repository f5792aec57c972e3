"""The daily reminder run: which notices, to whom, and never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.steering.enums import NoticeKind
from bienche.steering.models import Notice
from bienche.steering.services.lifecycle import (
    task_extension_decide,
    task_extension_request,
    task_report,
)
from bienche.steering.services.reminders import reminder_run
from bienche.steering.tests.factories import document, task

D = dt.date
pytestmark = pytest.mark.django_db
DEADLINE = D(2024, 4, 12)  # Friday


@pytest.fixture
def setup(django_user_model):
    small_city()
    officer = django_user_model.objects.create_user("w1", email="w1@hanoi.gov.vn")
    membership_grant(user=officer, role="unit_officer", unit_code="W1", acting_user=None)
    head = django_user_model.objects.create_user("d1", email="d1@hanoi.gov.vn")
    membership_grant(user=head, role="unit_officer", unit_code="D1", acting_user=None)
    doc = document(issued_on=D(2024, 3, 1))
    return task(doc, "W1", deadline=DEADLINE, responsible_post="Chủ tịch UBND phường")


def _keys(kind: str) -> list[str]:
    return sorted(Notice.objects.filter(kind=kind).values_list("key", flat=True))


def test_five_then_one_working_day_before(setup):
    assert reminder_run(for_date=D(2024, 4, 4)).created == 0  # 6 working days left
    first = reminder_run(for_date=D(2024, 4, 5))  # Fri: 5 working days left (8–12/4)
    assert first.by_kind == {NoticeKind.BEFORE_DEADLINE: 1, NoticeKind.DIGEST: 1}
    assert reminder_run(for_date=D(2024, 4, 8)).by_kind == {NoticeKind.DIGEST: 1}
    last = reminder_run(for_date=D(2024, 4, 11))
    assert last.by_kind[NoticeKind.BEFORE_DEADLINE] == 1
    assert _keys(NoticeKind.BEFORE_DEADLINE) == [
        f"before:{setup.pk}:1:2024-04-12",
        f"before:{setup.pk}:5:2024-04-12",
    ]
    notice = Notice.objects.get(key=f"before:{setup.pk}:1:2024-04-12")
    assert notice.unit.code == "W1"
    assert notice.post == "Chủ tịch UBND phường"
    assert "12/04/2024" in notice.subject


def test_running_twice_creates_and_mails_nothing_more(setup):
    first = reminder_run(for_date=D(2024, 4, 15))  # Monday, overdue since Friday
    sent = len(mail.outbox)
    assert first.by_kind == {NoticeKind.OVERDUE: 1, NoticeKind.DIGEST: 1}
    assert first.emailed == sent == 2
    assert mail.outbox[0].to == ["w1@hanoi.gov.vn"]
    again = reminder_run(for_date=D(2024, 4, 15))
    assert again.created == 0
    assert again.emailed == 0
    assert len(mail.outbox) == sent
    assert Notice.objects.count() == 2


def test_dry_run_writes_nothing(setup):
    report = reminder_run(for_date=D(2024, 4, 15), dry_run=True)
    assert report.created == 2
    assert Notice.objects.count() == 0
    assert mail.outbox == []


def test_escalation_to_the_unit_above_after_the_delay(setup, settings):
    settings.STEERING_ESCALATION_DAYS = 5
    reminder_run(for_date=D(2024, 4, 18))  # 4 working days late
    assert not Notice.objects.filter(kind=NoticeKind.ESCALATION).exists()
    reminder_run(for_date=D(2024, 4, 22))  # 18/4 Giỗ Tổ off: 15,16,17,19,22 = 5
    escalation = Notice.objects.get(kind=NoticeKind.ESCALATION)
    assert escalation.unit.code == "D1"
    assert escalation.post == "Thủ trưởng đơn vị"
    assert "d1@hanoi.gov.vn" in mail.outbox[-2].to + mail.outbox[-1].to


def test_no_digest_on_a_day_off_and_nothing_for_closed_tasks(setup):
    saturday = reminder_run(for_date=D(2024, 4, 13))
    assert saturday.by_kind == {NoticeKind.OVERDUE: 1}
    task_report(task=setup, done=True, on=D(2024, 4, 13), acting_user=None)
    assert reminder_run(for_date=D(2024, 4, 15)).open_tasks == 1  # reported, not accepted
    setup.refresh_from_db()


def test_an_approved_extension_gets_its_own_reminders(setup):
    reminder_run(for_date=D(2024, 4, 11))
    task_extension_request(
        task=setup, deadline=D(2024, 5, 10), note="x", on=D(2024, 4, 11), acting_user=None
    )
    task_extension_decide(task=setup, approve=True, on=D(2024, 4, 11), acting_user=None)
    reminder_run(for_date=D(2024, 5, 9))
    assert f"before:{setup.pk}:1:2024-05-10" in _keys(NoticeKind.BEFORE_DEADLINE)
    assert not Notice.objects.filter(kind=NoticeKind.OVERDUE).exists()


def test_a_far_deadline_does_not_break_the_run(setup):
    from bienche.steering.models import Task

    Task.objects.filter(pk=setup.pk).update(current_deadline=D(2100, 12, 31))
    assert reminder_run(for_date=D(2024, 4, 15)).created == 0
