"""The task lifecycle: transitions, refusals that write nothing, history and audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bienche.core.clock import today
from bienche.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from bienche.core.models import AuditEntry
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.steering import messages as m
from bienche.steering.enums import Bucket, DeadlineKind, EventKind, Status
from bienche.steering.models import Task, TaskEvent
from bienche.steering.selectors import task_bucket, task_status_on
from bienche.steering.services.lifecycle import (
    task_accept,
    task_cancel,
    task_extension_decide,
    task_extension_request,
    task_report,
    task_return,
)
from bienche.steering.services.tasks import TaskProblems, tasks_create
from bienche.steering.tests.factories import document, spec, task

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def city():
    small_city()


def _events(t: Task) -> list[str]:
    return list(t.events.order_by("on", "id").values_list("kind", flat=True))


def test_create_refusals_write_nothing():
    doc = document()
    bad = [
        (spec(deadline=D(2024, 2, 1)), m.TASK_DEADLINE_BEFORE_DOCUMENT),
        (spec("NOPE"), m.TASK_LEAD_NOT_ACTIVE),
        (spec(content="  "), m.TASK_CONTENT_REQUIRED),
        (spec(responsible_post=""), m.TASK_POST_REQUIRED),
        (spec(deadline_kind=DeadlineKind.DATE, deadline=None), m.TASK_DEADLINE_REQUIRED),
        (spec(deadline_kind=DeadlineKind.WORKING_DAYS, deadline_days=0), m.TASK_DAYS_INVALID),
        (spec(deadline_kind=DeadlineKind.RECURRING), m.TASK_PERIOD_REQUIRED),
        (spec(supporting_codes=["D1"]), m.TASK_SUPPORT_IS_LEAD),
        (spec(programme_code="nope"), m.TASK_PROGRAMME_UNKNOWN),
    ]
    specs = [spec("D2")] + [s for s, _ in bad]
    with pytest.raises(TaskProblems) as exc:
        tasks_create(document=doc, specs=specs, acting_user=None)
    assert [(i, e.message) for i, e in exc.value.problems] == [
        (i + 1, msg) for i, (_s, msg) in enumerate(bad)
    ]
    assert Task.objects.count() == 0  # the good first spec was not written either
    assert "ngày văn bản" in exc.value.problems[1][1].vi


def test_lead_unit_must_exist_on_the_document_date():
    old = document(number="OLD", issued_on=D(2019, 6, 1))
    with pytest.raises(InvalidInput) as exc:
        task(old, deadline=D(2019, 12, 31))
    assert exc.value.message == m.TASK_LEAD_NOT_ACTIVE
    assert "2019-06-01" in exc.value.vi


def test_full_lifecycle_and_status_as_of_any_date():
    t = task(deadline=D(2024, 4, 30), supporting_codes=["S1"])
    task_report(task=t, on=D(2024, 3, 10), note="Đã xây dựng dự thảo", percent=40, acting_user=None)
    task_report(task=t, done=True, on=D(2024, 4, 20), product_ref="Báo cáo 12/BC", acting_user=None)
    task_return(task=t, note="Bổ sung số liệu", on=D(2024, 4, 22), acting_user=None)
    task_report(task=t, done=True, on=D(2024, 5, 3), acting_user=None)
    task_accept(task=t, on=D(2024, 5, 6), acting_user=None)
    t.refresh_from_db()
    assert t.status == Status.ACCEPTED
    assert t.completed_on == D(2024, 5, 3)
    assert _events(t) == [
        EventKind.ASSIGNED,
        EventKind.PROGRESS,
        EventKind.REPORTED_DONE,
        EventKind.RETURNED,
        EventKind.REPORTED_DONE,
        EventKind.ACCEPTED,
    ]
    assert task_status_on(t, D(2024, 3, 5))["status"] == Status.ASSIGNED
    assert task_status_on(t, D(2024, 3, 10))["percent"] == 40
    assert task_status_on(t, D(2024, 4, 21))["status"] == Status.REPORTED
    assert task_status_on(t, D(2024, 4, 25))["status"] == Status.IN_PROGRESS
    assert task_status_on(t, D(2024, 5, 1))["bucket"] == Bucket.OPEN_OVERDUE
    assert task_status_on(t, D(2024, 5, 6))["bucket"] == Bucket.DONE_LATE
    assert t.version == 6
    actions = set(
        AuditEntry.objects.filter(entity_type="steering.task", entity_id=str(t.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"steering.task_create", "steering.task_accepted", "steering.task_returned"} <= actions


def test_extension_moves_the_deadline_in_force_but_not_the_score():
    t = task(deadline=D(2024, 4, 30))
    with pytest.raises(InvalidInput) as exc:
        task_extension_request(
            task=t, deadline=D(2024, 4, 1), note="x", on=D(2024, 4, 2), acting_user=None
        )
    assert exc.value.message == m.EXT_NOT_LATER
    task_extension_request(
        task=t, deadline=D(2024, 5, 31), note="Chờ ý kiến Bộ", on=D(2024, 4, 25), acting_user=None
    )
    with pytest.raises(InvalidInput) as exc:
        task_extension_request(
            task=t, deadline=D(2024, 6, 30), note="x", on=D(2024, 4, 26), acting_user=None
        )
    assert exc.value.message == m.EXT_PENDING
    task_extension_decide(task=t, approve=True, on=D(2024, 4, 26), acting_user=None)
    t.refresh_from_db()
    assert (t.deadline, t.current_deadline, t.extensions) == (D(2024, 4, 30), D(2024, 5, 31), 1)
    task_report(task=t, done=True, on=D(2024, 5, 20), acting_user=None)
    task_accept(task=t, on=D(2024, 5, 21), acting_user=None)
    t.refresh_from_db()
    assert task_bucket(t, D(2024, 12, 31)) == Bucket.DONE_LATE  # against the original
    assert task_status_on(t, D(2024, 5, 1))["deadline_in_force"] == D(2024, 5, 31)


def test_refused_extension_keeps_the_deadline():
    t = task(deadline=D(2024, 4, 30))
    task_extension_request(
        task=t, deadline=D(2024, 5, 31), note="x", on=D(2024, 4, 25), acting_user=None
    )
    with pytest.raises(InvalidInput):
        task_extension_decide(task=t, approve=False, note="", acting_user=None)
    task_extension_decide(
        task=t, approve=False, note="Không có căn cứ", on=D(2024, 4, 26), acting_user=None
    )
    t.refresh_from_db()
    assert t.current_deadline == D(2024, 4, 30)
    assert t.extensions == 0


def test_no_extension_after_acceptance_and_no_report_on_cancelled():
    done = task(deadline=D(2024, 4, 30))
    task_report(task=done, done=True, on=D(2024, 4, 1), acting_user=None)
    task_accept(task=done, on=D(2024, 4, 2), acting_user=None)
    with pytest.raises(InvalidInput) as exc:
        task_extension_request(task=done, deadline=D(2024, 6, 1), note="x", acting_user=None)
    assert exc.value.message == m.TASK_CLOSED
    cancelled = task(deadline=D(2024, 4, 30))
    task_cancel(
        task=cancelled, reason="Đã lồng ghép vào nhiệm vụ khác", on=D(2024, 3, 5), acting_user=None
    )
    before = TaskEvent.objects.count()
    with pytest.raises(InvalidInput) as exc:
        task_report(task=cancelled, note="x", acting_user=None)
    assert exc.value.message == m.TASK_CLOSED
    assert "bị hủy" in exc.value.vi
    assert TaskEvent.objects.count() == before


def test_event_dates_stay_in_order_and_not_in_the_future():
    t = task(deadline=D(2024, 4, 30))
    task_report(task=t, on=D(2024, 3, 10), acting_user=None)
    for bad in (D(2024, 3, 9), D(2024, 2, 1), today() + dt.timedelta(days=1)):
        with pytest.raises(InvalidInput) as exc:
            task_report(task=t, on=bad, acting_user=None)
        assert exc.value.message == m.EVENT_DATE_INVALID


def test_accept_needs_a_report_and_percent_is_checked():
    t = task(deadline=D(2024, 4, 30))
    with pytest.raises(InvalidInput) as exc:
        task_accept(task=t, acting_user=None)
    assert exc.value.message == m.TASK_NOT_REPORTED
    with pytest.raises(InvalidInput) as exc:
        task_report(task=t, percent=120, acting_user=None)
    assert exc.value.message == m.PERCENT_INVALID


def test_stale_version_is_a_conflict():
    t = task(deadline=D(2024, 4, 30))
    task_report(task=t, on=D(2024, 3, 10), acting_user=None, expected_version=1)
    with pytest.raises(Conflict):
        task_report(task=t, on=D(2024, 3, 11), acting_user=None, expected_version=1)
    assert t.events.count() == 2


def test_permissions_of_officers(django_user_model):
    t = task(lead="W1", deadline=D(2024, 4, 30), supporting_codes=["W2"])
    d1 = django_user_model.objects.create_user("d1")
    membership_grant(user=d1, role="unit_officer", unit_code="D1", acting_user=None)
    w2 = django_user_model.objects.create_user("w2")
    membership_grant(user=w2, role="unit_officer", unit_code="W2", acting_user=None)
    c1 = django_user_model.objects.create_user("c1")
    membership_grant(user=c1, role="unit_officer", unit_code="C1", acting_user=None)
    viewer = django_user_model.objects.create_user("v")
    membership_grant(user=viewer, role="viewer", unit_code="W1", acting_user=None)

    task_report(task=t, note="Quận đôn đốc", on=D(2024, 3, 2), acting_user=d1)  # subtree
    task_report(task=t, note="Phối hợp", on=D(2024, 3, 3), acting_user=w2)  # support: progress
    with pytest.raises(Forbidden):
        task_report(task=t, done=True, on=D(2024, 3, 4), acting_user=w2)  # but not done
    with pytest.raises(NotFound):
        task_report(task=t, on=D(2024, 3, 4), acting_user=c1)  # outside scope: not even seen
    with pytest.raises(Forbidden):
        task_report(task=t, on=D(2024, 3, 4), acting_user=viewer)
    task_report(task=t, done=True, on=D(2024, 3, 5), acting_user=d1)
    with pytest.raises(Forbidden):
        task_accept(task=t, acting_user=d1)  # the lead cannot accept its own report


def test_product_file_is_stored_and_checked(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    t = task(deadline=D(2024, 4, 30))
    pdf = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    event = task_report(task=t, done=True, on=D(2024, 4, 1), product_file=pdf, acting_user=None)
    assert event.product_file.name.endswith(".pdf")
    assert (tmp_path / event.product_file.name).read_bytes() == b"%PDF-1.4 test"
    exe = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    t2 = task(deadline=D(2024, 4, 30))
    with pytest.raises(InvalidInput) as exc:
        task_report(task=t2, product_file=exe, acting_user=None)
    assert exc.value.message == m.FILE_REJECTED
    assert t2.events.count() == 1


def test_dates_and_texts_are_bounded():
    doc = document(number="BOUNDS")
    with pytest.raises(TaskProblems) as exc:
        tasks_create(
            document=doc,
            specs=[spec(deadline=D(9999, 12, 31)), spec(responsible_post="x" * 121)],
            acting_user=None,
        )
    assert [e.message for _i, e in exc.value.problems] == [
        m.DATE_OUT_OF_RANGE,
        m.TASK_FIELD_TOO_LONG,
    ]


def test_recording_date_between_document_and_today():
    doc = document(number="REC")
    with pytest.raises(InvalidInput) as exc:
        task(doc, recorded_on=D(2024, 2, 1))
    assert exc.value.message == m.TASK_RECORDED_ON_INVALID
