"""Steering pages: documents, paste and import, lists, scorecard, notices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bienche.core.clock import today
from bienche.steering.models import Notice, SourceDocument, Task
from bienche.steering.services.lifecycle import task_extension_request, task_report
from bienche.steering.services.reminders import reminder_run
from bienche.steering.tests.factories import document, task
from bienche.web.tests.steering_support import PDF, _client, _html

pytestmark = pytest.mark.django_db


def test_documents_list_and_create(admin, viewer, city):
    assert city["doc"].number in _html(admin.get("/steering/documents/?q=TB"))
    assert viewer.get("/steering/documents/new/").status_code == 403
    data = {
        "kind": "conclusion",
        "number": "45/KL-BCĐ",
        "issuer": "Ban Chỉ đạo",
        "issued_on": "2024-05-02",
        "summary": "Kết luận phiên họp",
        "attachment": SimpleUploadedFile("kl.pdf", PDF),
    }
    resp = admin.post("/steering/documents/new/", data)
    assert resp.status_code == 302
    doc = SourceDocument.objects.get(number="45/KL-BCĐ")
    assert resp["Location"] == f"/steering/documents/{doc.pk}/"
    assert b"".join(admin.get(f"/steering/documents/{doc.pk}/file").streaming_content) == PDF
    again = admin.post("/steering/documents/new/", {**data, "attachment": ""})
    assert "đã có trong hệ thống" in _html(again)


def test_document_page_add_one_task(admin, officer, city):
    doc = city["doc"]
    assert 'data-testid="task-form"' not in _html(officer.get(f"/steering/documents/{doc.pk}/"))
    url = f"/steering/documents/{doc.pk}/tasks/new/"
    assert officer.post(url, {}).status_code == 403
    bad = admin.post(url, {"task-content": "X", "task-lead_unit_code": "D1"})
    assert "chức danh lãnh đạo" in _html(bad)
    resp = admin.post(
        url,
        {
            "task-content": "Lập đề án",
            "task-lead_unit_code": "S1",
            "task-supporting_codes": "S2, D1",
            "task-responsible_post": "Giám đốc Sở",
            "task-deadline_kind": "working_days",
            "task-deadline_days": "10",
            "task-priority": "high",
        },
    )
    assert resp.status_code == 302
    created = Task.objects.get(content="Lập đề án")
    assert created.supports.count() == 2
    assert created.deadline is not None


def test_paste_text_then_confirm(admin, city):
    doc = city["doc"]
    text = "Kết luận như sau:\n1. Sở Một lập kế hoạch\n2. Quận Một rà soát\ntiếp tục dòng\n"
    html = _html(admin.post(f"/steering/documents/{doc.pk}/paste/", {"paste-text": text}))
    assert html.count('data-testid="item-row"') == 2
    assert "Quận Một rà soát tiếp tục dòng" in html
    rows = {
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "2",
        "items-0-include": "on",
        "items-0-item": "1",
        "items-0-content": "Sở Một lập kế hoạch",
        "items-0-lead_unit_code": "S1",
        "items-0-responsible_post": "Giám đốc Sở",
        "items-0-deadline_kind": "date",
        "items-0-deadline": "2024-06-30",
        "items-1-include": "on",
        "items-1-item": "2",
        "items-1-content": "Quận Một rà soát",
        "items-1-lead_unit_code": "ZZ",
        "items-1-responsible_post": "Chủ tịch UBND",
        "items-1-deadline_kind": "none",
    }
    before = Task.objects.count()
    url = f"/steering/documents/{doc.pk}/paste/confirm/"
    html = _html(admin.post(url, rows))
    assert "Đơn vị chủ trì «ZZ» không tồn tại" in html
    assert Task.objects.count() == before
    resp = admin.post(url, {**rows, "items-1-lead_unit_code": "D1"})
    assert resp.status_code == 302
    assert Task.objects.count() == before + 2


def test_task_import_problems_and_success(admin, officer, city, tmp_path):
    tasks_xlsx = pytest.importorskip("bienche.steering.tasks_xlsx")
    import openpyxl

    doc = city["doc"]
    headers = list(tasks_xlsx.TEMPLATE_HEADERS)

    def upload(lead: str, **extra: str) -> SimpleUploadedFile:
        values = {
            tasks_xlsx.COL_ITEM: "5",
            tasks_xlsx.COL_CONTENT: "Nhiệm vụ nhập từ tệp",
            tasks_xlsx.COL_LEAD: lead,
            tasks_xlsx.COL_POST: "Giám đốc Sở",
            tasks_xlsx.COL_DEADLINE: "30/06/2024",
        }
        wb = openpyxl.Workbook()
        wb.active.append(headers)
        wb.active.append([values.get(h, "") for h in headers])
        path = tmp_path / "t.xlsx"
        wb.save(path)
        return SimpleUploadedFile("t.xlsx", path.read_bytes())

    url = f"/steering/documents/{doc.pk}/import/"
    assert officer.post(url, {"import-file": upload("S1")}).status_code == 403
    before = Task.objects.count()
    html = _html(admin.post(url, {"import-file": upload("ZZ")}))
    assert 'data-testid="import-problems"' in html
    assert "ZZ" in html
    assert Task.objects.count() == before
    checked = admin.post(url, {"import-file": upload("S1"), "import-dry_run": "on"})
    assert checked.status_code == 302
    assert Task.objects.count() == before
    resp = admin.post(url, {"import-file": upload("S1")})
    assert resp.status_code == 302
    assert Task.objects.filter(content="Nhiệm vụ nhập từ tệp", lead_unit__code="S1").exists()
    template = admin.get("/steering/documents/template.xlsx")
    assert template.status_code == 200


def test_task_list_export(admin, city, tmp_path):
    tasks_xlsx = pytest.importorskip("bienche.steering.tasks_xlsx")
    assert tasks_xlsx.tasks_export_xlsx
    import openpyxl

    resp = admin.get("/steering/tasks.xlsx?unit=D1")
    assert resp.status_code == 200
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"".join(resp.streaming_content))
    text = str([[c.value for c in r] for r in openpyxl.load_workbook(out).active.iter_rows()])
    assert "Rà soát biên chế Quận Một" in text
    assert "Nhiệm vụ của Huyện Hai" not in text


def test_scorecard_page(admin, officer, city):
    html = _html(admin.get("/steering/scorecard/?from=2024-01-01&to=2024-12-31"))
    assert 'data-unit="D1"' in html
    assert 'data-unit="D2"' in html
    assert "Tỷ lệ đúng hạn = hoàn thành đúng hạn ÷ đến hạn" in html  # definitions, in Vietnamese
    assert "/steering/tasks/?unit=D1&subtree=0&bucket=open_overdue&on=2024-12-31" in html
    mine = _html(officer.get("/steering/scorecard/?from=2024-01-01&to=2024-12-31"))
    assert 'data-unit="D2"' not in mine
    assert officer.get("/steering/scorecard/?unit=HN").status_code == 404
    bad = _html(admin.get("/steering/scorecard/?from=2024-12-31&to=2024-01-01"))
    assert 'role="alert"' in bad


def test_scorecard_export(admin, city, tmp_path):
    pytest.importorskip("bienche.steering.scorecard_xlsx")
    resp = admin.get("/steering/scorecard.xlsx?from=2024-01-01&to=2024-12-31")
    assert resp.status_code == 200
    assert resp["Content-Disposition"].startswith("attachment")


def test_notices_scope_and_mark_read(officer, admin, city):
    reminder_run(for_date=today())
    d1 = Notice.objects.filter(unit__code="D1").first()
    d2 = Notice.objects.filter(unit__code="D2").first()
    assert d1 is not None
    assert d2 is not None
    html = _html(officer.get("/steering/notices/"))
    assert f'data-notice="{d1.pk}"' in html
    assert f'data-notice="{d2.pk}"' not in html
    assert f'data-notice="{d2.pk}"' in _html(admin.get("/steering/notices/"))
    assert officer.post(f"/steering/notices/{d2.pk}/read/").status_code == 404
    assert officer.post(f"/steering/notices/{d1.pk}/read/").status_code == 302
    d1.refresh_from_db()
    assert d1.read_at is not None
    assert f'data-notice="{d1.pk}"' not in _html(officer.get("/steering/notices/?unread=1"))


def test_supporting_unit_reports_progress_only(django_user_model, city):
    t = task(city["doc"], "S1", content="Phối hợp", item="8", supporting_codes=["D2"])
    d2 = _client(django_user_model, "o2", "unit_officer", "D2")
    html = _html(d2.get(f"/steering/tasks/{t.pk}/"))
    assert 'data-testid="form-progress"' in html
    assert 'data-testid="document-link"' in html  # D2 also leads a task of this document
    assert 'data-testid="form-done"' not in html
    assert d2.post(f"/steering/tasks/{t.pk}/done/", {"done-expected_version": 1}).status_code == 403


def test_service_side_history_shows_on_page(officer, city):
    t = city["open"]
    task_report(task=t, note="Giữa kỳ", percent=50, acting_user=None, expected_version=1)
    task_extension_request(
        task=t,
        deadline=t.current_deadline + dt.timedelta(days=9),
        note="Cần thêm",
        acting_user=None,
    )
    html = _html(officer.get(f"/steering/tasks/{t.pk}/"))
    assert "Giữa kỳ" in html
    assert 'data-kind="ext_requested"' in html
    assert 'data-testid="form-extend"' not in html  # one request at a time


def test_dashboard_caps_each_overdue_group(admin, city):
    from bienche.steering.services.tasks import tasks_create
    from bienche.steering.tests.factories import spec

    specs = [spec("D1", content=f"Việc {i}", item=str(10 + i)) for i in range(12)]
    tasks_create(document=city["doc"], specs=specs, acting_user=None)
    html = _html(admin.get("/steering/"))
    group = html.split('data-testid="overdue-D1"')[1].split("</table>")[0]
    assert group.count("data-task=") == 10
    assert 'data-testid="overdue-more-D1"' in html
    assert "Quận Một" in html


def test_document_outside_scope_is_404(officer, city):
    other = document("99/TB-UBND", summary="Chỉ giao cho Sở Một")
    task(other, "S1", content="Việc của Sở Một")
    assert officer.get(f"/steering/documents/{other.pk}/").status_code == 404
    assert "99/TB-UBND" not in _html(officer.get("/steering/documents/"))
    assert officer.post(f"/steering/documents/{other.pk}/paste/").status_code == 404


def test_document_page_lists_only_visible_tasks(officer, admin, city):
    doc = city["doc"]
    mine = _html(officer.get(f"/steering/documents/{doc.pk}/"))
    assert f'data-task="{city["late"].pk}"' in mine
    assert "Nhiệm vụ của Huyện Hai" not in mine
    assert "Nhiệm vụ của Huyện Hai" in _html(admin.get(f"/steering/documents/{doc.pk}/"))
