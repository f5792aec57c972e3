"""Steering pages: who sees what, the lifecycle forms, documents, scorecard, notices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienche.core.clock import today
from bienche.org.services import LegalBasis, UnitSpec, unit_merge
from bienche.steering.enums import EventKind, Status
from bienche.steering.models import Task, TaskEvent
from bienche.steering.tests.factories import task
from bienche.web.tests.steering_support import PDF, _client, _html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/steering/", "/steering/board/", "/steering/tasks/", "/steering/notices/"]
)
def test_login_required(url):
    resp = Client().get(url)
    assert resp.status_code == 302
    assert resp["Location"].startswith("/login/")


def test_dashboard_counts_chart_and_overdue(admin, city):
    html = _html(admin.get("/steering/"))
    assert "Thành phố Hà Nội" in html
    assert 'id="steering-chart-data"' in html
    assert 'data-testid="bucket-chart"' in html
    assert "steering-charts.js" in html
    assert 'data-testid="overdue-D1"' in html
    assert 'data-testid="overdue-D2"' in html
    assert 'data-testid="status-assigned">3<' in html
    assert f'data-task="{city["open"].pk}"' not in html  # within its deadline


def test_dashboard_and_board_of_an_officer(officer, city):
    html = _html(officer.get("/steering/"))
    assert "Quận Một" in html
    assert 'data-testid="overdue-D2"' not in html
    assert officer.get("/steering/?unit=S1").status_code == 404
    board = _html(officer.get("/steering/board/"))
    assert 'data-testid="board-lead"' in board
    assert f'data-task="{city["late"].pk}"' in board
    assert f'data-task="{city["other"].pk}"' not in board
    assert 'class="bucket-open_overdue over"' in board
    assert officer.get("/steering/board/?unit=D2").status_code == 404


def test_board_due_soon(officer, city):
    Task.objects.filter(pk=city["open"].pk).update(current_deadline=today())
    board = _html(officer.get("/steering/board/?unit=D1"))
    section = board.split('data-testid="board-due-soon"')[1].split("</table>")[0]
    assert f'data-task="{city["open"].pk}"' in section


def test_task_list_filters_and_scope(admin, officer, city):
    html = _html(admin.get("/steering/tasks/?unit=D1"))
    assert f'data-task="{city["late"].pk}"' in html
    assert f'data-task="{city["other"].pk}"' not in html
    html = _html(admin.get("/steering/tasks/?bucket=open_within"))
    assert f'data-task="{city["open"].pk}"' in html
    assert f'data-task="{city["late"].pk}"' not in html
    html = _html(admin.get("/steering/tasks/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i"))
    assert f'data-task="{city["open"].pk}"' in html
    assert f'data-task="{city["late"].pk}"' not in html
    mine = _html(officer.get("/steering/tasks/"))
    assert f'data-task="{city["late"].pk}"' in mine
    assert f'data-task="{city["other"].pk}"' not in mine
    assert officer.get("/steering/tasks/?unit=D2").status_code == 404
    assert "2021-02-30" in _html(admin.get("/steering/tasks/?on=2021-02-30"))


def test_task_page_scope(officer, viewer, city):
    html = _html(officer.get(f"/steering/tasks/{city['late'].pk}/"))
    assert "Rà soát biên chế Quận Một" in html
    assert 'data-testid="form-progress"' in html
    assert 'data-testid="form-accept"' not in html  # directing is for the committee
    assert officer.get(f"/steering/tasks/{city['other'].pk}/").status_code == 404
    assert officer.get("/steering/tasks/999999/").status_code == 404
    seen = _html(viewer.get(f"/steering/tasks/{city['late'].pk}/"))
    assert 'data-testid="form-progress"' not in seen


def test_viewer_may_not_report(viewer, city):
    t = city["late"]
    resp = viewer.post(
        f"/steering/tasks/{t.pk}/progress/",
        {"progress-expected_version": t.version, "progress-note": "x", "progress-percent": "10"},
    )
    assert resp.status_code == 403
    assert "không có quyền" in resp.content.decode()
    t.refresh_from_db()
    assert t.status == Status.ASSIGNED


def test_officer_outside_scope_gets_404_on_post(officer, city):
    t = city["other"]
    resp = officer.post(f"/steering/tasks/{t.pk}/progress/", {"progress-expected_version": 1})
    assert resp.status_code == 404
    assert officer.post(f"/steering/tasks/{t.pk}/nonsense/").status_code == 404


def test_report_progress_with_file(officer, city, django_user_model):
    t = city["late"]
    resp = officer.post(
        f"/steering/tasks/{t.pk}/progress/",
        {
            "progress-expected_version": t.version,
            "progress-note": "Đã rà soát 3 phường",
            "progress-percent": "40",
            "progress-product_ref": "Báo cáo 12/BC",
            "progress-product_file": SimpleUploadedFile("bao-cao.pdf", PDF, "application/pdf"),
        },
    )
    assert resp.status_code == 302
    assert resp["Location"] == f"/steering/tasks/{t.pk}/#history"
    t.refresh_from_db()
    assert t.status == Status.IN_PROGRESS
    assert t.version == 2
    html = _html(officer.get(resp["Location"]))
    assert "Đã rà soát 3 phường" in html
    assert "40%" in html
    assert 'data-status="in_progress"' in html
    event = TaskEvent.objects.get(task=t, kind=EventKind.PROGRESS)
    assert f'href="/steering/events/{event.pk}/file"' in html
    assert "bao-cao" in html
    download = officer.get(f"/steering/events/{event.pk}/file")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    stranger = _client(django_user_model, "o2", "unit_officer", "D2")
    assert stranger.get(f"/steering/events/{event.pk}/file").status_code == 404


def test_form_errors_in_vietnamese(officer, city):
    t = city["late"]
    resp = officer.post(
        f"/steering/tasks/{t.pk}/progress/",
        {"progress-expected_version": t.version, "progress-percent": "150"},
    )
    html = _html(resp)
    assert "Tỷ lệ hoàn thành «150» không hợp lệ" in html
    stale = officer.post(
        f"/steering/tasks/{t.pk}/progress/",
        {"progress-expected_version": t.version + 5, "progress-percent": "10"},
    )
    assert stale.status_code == 409
    assert "tải lại trang" in stale.content.decode()
    bad_file = officer.post(
        f"/steering/tasks/{t.pk}/done/",
        {
            "done-expected_version": t.version,
            "done-product_file": SimpleUploadedFile("virus.exe", b"MZ", "application/x-msdos"),
        },
    )
    assert "không được nhận" in _html(bad_file)
    t.refresh_from_db()
    assert (t.status, t.version) == (Status.ASSIGNED, 1)


def test_done_accept_and_return(officer, admin, city):
    t = city["late"]
    officer.post(f"/steering/tasks/{t.pk}/done/", {"done-expected_version": 1, "done-note": "Xong"})
    t.refresh_from_db()
    assert t.status == Status.REPORTED
    page = _html(admin.get(f"/steering/tasks/{t.pk}/"))
    assert 'data-testid="form-accept"' in page
    assert 'data-testid="form-return"' in page
    no_reason = admin.post(f"/steering/tasks/{t.pk}/return/", {"return-expected_version": 2})
    assert "Cần ghi lý do" in _html(no_reason)
    resp = admin.post(f"/steering/tasks/{t.pk}/accept/", {"accept-expected_version": 2})
    assert resp.status_code == 302
    t.refresh_from_db()
    assert t.status == Status.ACCEPTED
    assert officer.post(f"/steering/tasks/{t.pk}/accept/", {}).status_code == 403


def test_extension_request_and_decision(officer, admin, city):
    t = city["open"]
    asked = t.current_deadline + dt.timedelta(days=20)
    resp = officer.post(
        f"/steering/tasks/{t.pk}/extend/",
        {"extend-expected_version": 1, "extend-deadline": asked.isoformat(), "extend-note": "Chờ"},
    )
    assert resp.status_code == 302
    page = _html(admin.get(f"/steering/tasks/{t.pk}/"))
    assert 'data-testid="pending-extension"' in page
    resp = admin.post(
        f"/steering/tasks/{t.pk}/decide/", {"decide-expected_version": 2, "decide-approve": "1"}
    )
    assert resp.status_code == 302
    t.refresh_from_db()
    assert (t.current_deadline, t.extensions) == (asked, 1)


def test_cancel(admin, city):
    t = city["other"]
    resp = admin.post(
        f"/steering/tasks/{t.pk}/cancel/",
        {"cancel-expected_version": 1, "cancel-reason": "Không còn phù hợp"},
    )
    assert resp.status_code == 302
    t.refresh_from_db()
    assert t.status == Status.CANCELLED


def test_transfer_is_visible_in_history(admin, city):
    t = task(city["doc"], "W1", content="Nhiệm vụ của Phường Một", item="9")
    unit_merge(
        predecessor_codes=["W1", "W2"],
        successor=UnitSpec(code="W9", name="Phường Chín", kind="ward", parent_code="D1"),
        on=today() - dt.timedelta(days=1),
        basis=LegalBasis("77/NQ-HĐND"),
        acting_user=None,
    )
    html = _html(admin.get(f"/steering/tasks/{t.pk}/"))
    assert 'data-testid="transferred"' in html
    assert "Phường Một (W1)" in html
    assert "Phường Chín (W9)" in html
    assert "77/NQ-HĐND" in html


def test_long_history_shows_the_latest_events_and_all_on_request(officer, city):
    t = city["late"]
    start = TaskEvent.objects.filter(task=t).count()
    TaskEvent.objects.bulk_create(
        TaskEvent(task=t, kind=EventKind.PROGRESS, on=t.assigned_on, percent=1, note=f"tuần {i}")
        for i in range(40)
    )
    html = _html(officer.get(f"/steering/tasks/{t.pk}/"))
    assert 'data-testid="history-partial"' in html
    assert f"30 sự kiện gần nhất trong số {start + 40}" in html
    assert "— tuần 39" in html
    assert "— tuần 10\n" in html
    assert "— tuần 9\n" not in html
    full = _html(officer.get(f"/steering/tasks/{t.pk}/?history=all"))
    assert 'data-testid="history-partial"' not in full
    assert "— tuần 0\n" in full


def _progress(client, t, note):
    t.refresh_from_db()
    resp = client.post(
        f"/steering/tasks/{t.pk}/progress/",
        {"progress-expected_version": t.version, "progress-note": note, "progress-percent": "50"},
    )
    assert resp.status_code == 302


def _task_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        html = _html(client.get(url))
    return html, sum('"steering_task"' in q["sql"] for q in ctx.captured_queries)


def test_board_is_cached_until_a_change_other_than_a_progress_note(officer, city):
    """A first progress note moves the task to "in progress": the board is rebuilt and shows
    it. A further note only adds to the task's history (audited as "steering_progress"):
    the board is served from its cache, with the same rows. Accepting, extending or any
    other change rebuilds it."""
    from bienche.core.models import AuditEntry

    t = city["late"]
    url = "/steering/board/?unit=D1"
    _html_first, reads = _task_queries(officer, url)
    assert reads > 0
    assert _task_queries(officer, url)[1] == 0  # cached

    _progress(officer, t, "Lần 1")
    assert (
        AuditEntry.objects.filter(action="steering.task_progress").order_by("pk").last().domain
        == "steering"
    )
    board, reads = _task_queries(officer, url)
    assert reads > 0
    assert f'data-task="{t.pk}"' in board
    row = board.split(f'data-task="{t.pk}"')[1].split("</tr>")[0]
    assert 'data-status="in_progress"' in row

    _progress(officer, t, "Lần 2")
    audit = AuditEntry.objects.filter(action="steering.task_progress").order_by("pk").last()
    assert audit.domain == "steering_progress"
    again, reads = _task_queries(officer, url)
    assert reads == 0
    assert again.split('data-testid="board-lead"')[1] == board.split('data-testid="board-lead"')[1]
    page = _html(officer.get(f"/steering/tasks/{t.pk}/"))
    assert "Lần 2" in page  # the task page itself is never cached

    t.refresh_from_db()
    resp = officer.post(
        f"/steering/tasks/{t.pk}/done/",
        {"done-expected_version": t.version, "done-note": "Xong", "done-product_ref": "BC 1"},
    )
    assert resp.status_code == 302, resp.content
    board, reads = _task_queries(officer, url)
    assert reads > 0
    assert f'data-task="{t.pk}"' in board.split('data-testid="board-lead"')[1]
    assert 'data-status="reported"' in board.split(f'data-task="{t.pk}"')[1].split("</tr>")[0]


def test_task_forms_carry_each_tasks_own_version_in_the_users_language(officer, city):
    """The blank lifecycle forms are rendered once per language and reused: each task page
    must still carry its own task's version, and the labels follow the language."""
    late, other = city["late"], city["open"]
    Task.objects.filter(pk=other.pk).update(version=7)
    for t, version in ((late, late.version), (other, 7), (late, late.version)):
        html = _html(officer.get(f"/steering/tasks/{t.pk}/"))
        assert f'name="progress-expected_version" value="{version}"' in html
        assert f'name="done-expected_version" value="{version}"' in html
        assert "__task_version__" not in html
        assert "Báo cáo tiến độ" in html
    officer.cookies["django_language"] = "en"
    html = _html(officer.get(f"/steering/tasks/{other.pk}/"))
    assert 'name="progress-expected_version" value="7"' in html
    assert "What was done" in html
