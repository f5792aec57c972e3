import datetime as dt
import json

import openpyxl
import pytest
from django.core import mail

from bienche.cli import EXIT_INVALID, EXIT_NOT_FOUND, main
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.steering.models import Notice, Task
from bienche.steering.services.documents import document_create
from bienche.steering.services.lifecycle import task_accept, task_report
from bienche.steering.services.tasks import TaskSpec, task_create
from bienche.steering.tasks_xlsx import TEMPLATE_HEADERS

pytestmark = pytest.mark.django_db

DUE = dt.date(2024, 4, 30)


@pytest.fixture
def doc():
    small_city()
    return document_create(
        kind="conclusion",
        number="12/KL-UBND",
        issuer="UBND Thành phố",
        issuer_unit_code="UB",
        issued_on=dt.date(2024, 3, 1),
        summary="Kết luận",
        acting_user=None,
    )


def new_task(doc, lead, deadline=DUE):
    return task_create(
        document=doc,
        spec=TaskSpec(
            content=f"Việc của {lead}",
            lead_unit_code=lead,
            responsible_post="Chủ tịch",
            deadline=deadline,
        ),
        acting_user=None,
    )


def row(item, lead, deadline=DUE):
    return [item, f"Việc {item}", lead, "", "Chủ tịch", "", "", deadline, None, "", "", ""]


def xlsx(path, rows):
    wb = openpyxl.Workbook()
    wb.active.append(list(TEMPLATE_HEADERS))
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return str(path)


def test_import_good_file_creates_tasks(doc, tmp_path, capsys):
    path = xlsx(tmp_path / "t.xlsx", [row("1", "D1"), row("2", "D2")])
    assert main(["steering", "import", path, "--document", "12/KL-UBND"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["rows"], out["created"]) == (True, 2, 2)
    assert sorted(Task.objects.values_list("lead_unit__code", flat=True)) == ["D1", "D2"]


def test_import_one_bad_row_writes_nothing(doc, tmp_path, capsys):
    rows = [row("1", "D1"), row("2", "XX"), row("3", "D2")]
    path = xlsx(tmp_path / "t.xlsx", rows)
    code = main(
        ["steering", "import", path, "--document", "12/KL-UBND", "--issued-on", "2024-03-01"]
    )
    assert code == EXIT_INVALID
    captured = capsys.readouterr()
    assert "dòng 3, cột «Đơn vị chủ trì»: Đơn vị chủ trì «XX» không tồn tại" in captured.err
    assert json.loads(captured.out)["problems"] == 1
    assert not Task.objects.exists()


def test_import_dry_run_and_unknown_document(doc, tmp_path, capsys):
    path = xlsx(tmp_path / "t.xlsx", [row("1", "D1")])
    assert main(["steering", "import", path, "--document", "12/KL-UBND", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 0
    assert main(["steering", "import", path, "--document", "99/KL"]) == EXIT_NOT_FOUND
    assert not Task.objects.exists()


def test_template_then_import(doc, tmp_path):
    path = tmp_path / "mau.xlsx"
    assert main(["steering", "template", "--out", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    assert tuple(c.value for c in wb.active[1]) == TEMPLATE_HEADERS
    wb.active.append(row("1", "S1"))
    wb.save(path)
    assert main(["steering", "import", str(path), "--document", "12/KL-UBND"]) == 0
    assert Task.objects.get().lead_unit.code == "S1"


@pytest.fixture
def outcomes(doc):
    """D1 done on time (reported 20/04, accepted 22/04); D2 overdue since 30/04."""
    done = new_task(doc, "D1")
    task_report(task=done, done=True, on=dt.date(2024, 4, 20), acting_user=None)
    task_accept(task=done, on=dt.date(2024, 4, 22), acting_user=None)
    new_task(doc, "D2")


def scorecard_args(*extra):
    return ["steering", "scorecard", "--from", "2024-01-01", "--to", "2024-12-31", *extra]


def test_scorecard_json(outcomes, capsys):
    assert main(scorecard_args("--format", "json")) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["total"]["due"], card["total"]["on_time_rate"]) == (2, 0.5)
    by_unit = {u["unit"]: u for u in card["units"]}
    assert (by_unit["D1"]["done_on_time"], by_unit["D2"]["open_overdue"]) == (1, 1)
    assert [q["due"] for q in card["trend"]] == [0, 2, 0, 0]
    assert main(scorecard_args("--unit", "D2", "--format", "json")) == 0
    assert [u["unit"] for u in json.loads(capsys.readouterr().out)["units"]] == ["D2"]
    assert main(scorecard_args("--unit", "ZZ")) == EXIT_NOT_FOUND
    assert main(["steering", "scorecard", "--from", "2024-12-31", "--to", "2024-01-01"]) == 2
    assert main(scorecard_args("--format", "xlsx")) == 2


def test_scorecard_xlsx(outcomes, tmp_path):
    out = tmp_path / "bang-diem.xlsx"
    assert main(scorecard_args("--format", "xlsx", "--out", str(out))) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Bảng điểm", "Xếp hạng", "Theo quý", "Định nghĩa"]
    ws = wb["Bảng điểm"]
    headers = [c.value for c in ws[3]]
    rows = {r[0]: dict(zip(headers, r, strict=True)) for r in ws.iter_rows(4, values_only=True)}
    assert set(rows) == {"D1", "D2", "Tổng cộng"}
    assert (rows["D1"]["Hoàn thành đúng hạn"], rows["D1"]["Tỷ lệ đúng hạn"]) == (1, 1.0)
    assert rows["D2"]["Chưa hoàn thành, quá hạn"] == 1
    assert (rows["Tổng cộng"]["Đến hạn"], rows["Tổng cộng"]["Tỷ lệ đúng hạn"]) == (2, 0.5)
    assert ws.cell(4, headers.index("Tỷ lệ đúng hạn") + 1).number_format == "0.0%"
    ranking = list(wb["Xếp hạng"].iter_rows(4, values_only=True))
    assert [(r[0], r[1]) for r in ranking] == [(1, "D1"), (2, "D2")]
    trend = {r[0]: r for r in wb["Theo quý"].iter_rows(4, values_only=True)}
    assert trend["2024-Q2"][1:] == (2, 1, 0, 1, 0.5)
    definitions = [r[0] for r in wb["Định nghĩa"].iter_rows(values_only=True) if r[0]]
    assert definitions[0] == "Định nghĩa các chỉ tiêu"
    assert any(d.startswith("Đến hạn = ") and "Tỷ lệ đúng hạn" in d for d in definitions)
    assert any("On-time rate" in d for d in definitions)


def test_remind_twice_notifies_once(doc, settings, django_user_model, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    officer = django_user_model.objects.create_user("d1", email="d1@hanoi.invalid")
    membership_grant(user=officer, role="unit_officer", unit_code="D1", acting_user=None)
    new_task(doc, "D1")
    run = ["steering", "remind", "--date", "2024-05-06", "--format", "json"]
    assert main([*run, "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["by_kind"]["overdue"] == 1
    assert {n["unit"] for n in preview["notices"]} == {"D1"}
    assert (Notice.objects.count(), len(mail.outbox)) == (0, 0)
    assert main(run) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["created"] == preview["created"] == Notice.objects.count() > 0
    assert first["emailed"] == len(mail.outbox) > 0
    assert mail.outbox[0].to == ["d1@hanoi.invalid"]
    assert main(run) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["created"], second["emailed"]) == (0, 0)
    assert Notice.objects.count() == first["created"]
    assert len(mail.outbox) == first["emailed"]


def test_remind_text(doc, capsys):
    new_task(doc, "D1")
    assert main(["steering", "remind", "--date", "2024-05-06", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "chạy thử" in out
    assert "overdue" in out
    assert "- [overdue] D1 / Chủ tịch: Quá hạn từ 30/04/2024" in out
    assert not Notice.objects.exists()
