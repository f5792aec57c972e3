import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bienche.core.tokens import api_token_create
from bienche.org.services import unit_establish
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import BASIS, small_city, spec
from bienche.steering import messages as m
from bienche.steering.api import SCORECARD_UNIT_REQUIRED
from bienche.steering.models import SourceDocument, Task, TaskEvent
from bienche.steering.services.documents import document_create
from bienche.steering.services.tasks import TaskSpec, task_create

pytestmark = pytest.mark.django_db

DOC_DATE = dt.date(2024, 3, 1)
BASE = "/api/v1/steering"
ROLES = {
    "admin": ("city_admin", None),
    "d1": ("unit_officer", "D1"),
    "d2": ("unit_officer", "D2"),
    "s1": ("unit_officer", "S1"),
    "viewer": ("viewer", "HN"),
}


def post(client, url, body):
    return client.post(BASE + url, json.dumps(body, default=str), content_type="application/json")


@pytest.fixture
def c(django_user_model):
    """Token clients by role, over the small city and one document of UBND (UB)."""
    small_city()
    clients = {}
    for name, (role, unit) in ROLES.items():
        user = django_user_model.objects.create_user(name, password="pw-12345678")
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        _t, raw = api_token_create(user=user, name="t", acting_user=None, scope="write")
        clients[name] = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return clients


@pytest.fixture
def doc():
    return document_create(
        kind="conclusion",
        number="12/KL-UBND",
        issuer="UBND Thành phố",
        issuer_unit_code="UB",
        issued_on=DOC_DATE,
        summary="Kết luận phiên họp Ban Chỉ đạo",
        acting_user=None,
    )


@pytest.fixture
def task(doc):
    """Led by D1, supported by S1, due 30/04/2024."""
    return task_create(
        document=doc,
        spec=TaskSpec(
            content="Rà soát vị trí việc làm",
            lead_unit_code="D1",
            responsible_post="Chủ tịch UBND quận",
            deadline=dt.date(2024, 4, 30),
            supporting_codes=["S1"],
        ),
        acting_user=None,
    )


def act(client, task, action, version, **body):
    return post(client, f"/tasks/{task.pk}/{action}", {"expected_version": version, **body})


def test_document_create_list_detail(c):
    body = {
        "kind": "notice",
        "number": "45/TB-UBND",
        "issuer": "UBND Thành phố",
        "issuer_unit_code": "UB",
        "issued_on": "2024-03-01",
        "summary": "Thông báo kết luận",
    }
    r = post(c["admin"], "/documents", body)
    assert r.status_code == 201, r.content
    doc_id = r.json()["id"]
    assert r.json()["issuer_unit"] == "UB"
    assert [d["number"] for d in c["admin"].get(BASE + "/documents?q=45/TB").json()] == [
        "45/TB-UBND"
    ]
    detail = c["admin"].get(f"{BASE}/documents/{doc_id}").json()
    assert (detail["number"], detail["tasks"]) == ("45/TB-UBND", [])
    # a unit officer sees neither the document nor its number
    assert c["d2"].get(f"{BASE}/documents/{doc_id}").status_code == 404
    assert c["d2"].get(BASE + "/documents").json() == []


def test_document_issuer_and_writer_checked(c):
    body = {
        "kind": "notice",
        "number": "1/TB",
        "issuer": "Văn phòng",
        "issued_on": "2024-03-01",
        "summary": "…",
    }
    r = post(c["d1"], "/documents", body)
    assert (r.status_code, r.json()["code"]) == (422, m.DOC_FIELD_REQUIRED.code)
    assert r.json()["field"] == "issuer_unit_code"
    r = post(c["viewer"], "/documents", {**body, "issuer_unit_code": "HN"})
    assert (r.status_code, r.json()["code"]) == (403, m.NOT_ALLOWED.code)
    assert post(c["d1"], "/documents", {**body, "issuer_unit_code": "D2"}).status_code == 404
    assert post(c["d1"], "/documents", {**body, "issuer_unit_code": "D1"}).status_code == 201
    assert not SourceDocument.objects.filter(issuer_unit=None).exists()


def test_task_create_and_read(c, doc):
    body = {
        "item": "2.1",
        "content": "Sắp xếp đơn vị sự nghiệp",
        "lead_unit_code": "D1",
        "supporting_codes": ["S1", "S2"],
        "responsible_post": "Chủ tịch UBND quận",
        "deadline_kind": "working_days",
        "deadline_days": 10,
        "priority": "high",
    }
    r = post(c["admin"], f"/documents/{doc.pk}/tasks", body)
    assert r.status_code == 201, r.content
    t = r.json()
    assert (t["deadline"], t["version"], t["status"]) == ("2024-03-15", 1, "assigned")
    assert t["supporting_units"] == ["S1", "S2"]
    assert [e["kind"] for e in t["history"]] == ["assigned"]
    rows = c["admin"].get(f"{BASE}/tasks?unit=HN&as_of=2024-03-10").json()
    assert [(r["id"], r["bucket"]) for r in rows] == [(t["id"], "open_within")]
    assert c["admin"].get(f"{BASE}/tasks?unit=HN&subtree=false").json() == []
    assert c["d1"].get(f"{BASE}/tasks?unit=HN").status_code == 404
    assert [r["id"] for r in c["d1"].get(f"{BASE}/tasks?unit=D1&q=sự nghiệp").json()] == [t["id"]]
    late = c["d1"].get(f"{BASE}/tasks?bucket=open_overdue&as_of=2024-03-20").json()
    assert [r["id"] for r in late] == [t["id"]]
    assert c["d1"].get(f"{BASE}/tasks?bucket=open_overdue&as_of=2024-03-10").json() == []
    assert c["d2"].get(f"{BASE}/tasks").json() == []
    detail = c["admin"].get(f"{BASE}/documents/{doc.pk}?as_of=2024-03-20").json()
    assert [r["bucket"] for r in detail["tasks"]] == ["open_overdue"]


def test_task_create_refusals(c, doc):
    base = {"content": "X", "lead_unit_code": "D1", "responsible_post": "Giám đốc"}
    r = post(c["admin"], f"/documents/{doc.pk}/tasks", {**base, "deadline": "2024-02-28"})
    assert r.status_code == 422
    assert (r.json()["code"], r.json()["field"]) == (
        m.TASK_DEADLINE_BEFORE_DOCUMENT.code,
        "deadline",
    )
    unit_establish(specs=[spec("S3", "UB")], on=dt.date(2024, 6, 1), basis=BASIS, acting_user=None)
    r = post(
        c["admin"],
        f"/documents/{doc.pk}/tasks",
        {**base, "lead_unit_code": "S3", "deadline": "2024-07-01"},
    )
    assert r.status_code == 422
    assert (r.json()["code"], r.json()["field"]) == (m.TASK_LEAD_NOT_ACTIVE.code, "lead_unit_code")
    r = post(c["admin"], f"/documents/{doc.pk}/tasks", {**base, "deadline": "9999-12-31"})
    assert (r.status_code, r.json()["field"]) == (422, "deadline")
    r = post(c["admin"], f"/documents/{doc.pk}/tasks", {**base, "deadline_kind": "soon"})
    assert (r.status_code, r.json()["code"], r.json()["field"]) == (
        422,
        "invalid_input",
        "deadline_kind",
    )
    # an officer of D1 may not assign tasks from a document of the city's committee
    r = post(c["d1"], f"/documents/{doc.pk}/tasks", {**base, "deadline": "2024-04-01"})
    assert r.status_code == 404
    assert not Task.objects.exists()


def test_lifecycle_happy_path_and_status_as_of(c, task):
    r = act(c["d1"], task, "reports", 1, percent=40, note="Đang rà soát", on="2024-03-10")
    assert (r.status_code, r.json()["status"], r.json()["version"]) == (201, "in_progress", 2)
    r = act(c["d1"], task, "reports", 2, done=True, product_ref="BC 15", on="2024-04-20")
    assert r.json()["status"] == "reported"
    r = act(c["admin"], task, "accept", 3, on="2024-04-22")
    assert (r.status_code, r.json()["status"]) == (200, "accepted")
    before = c["d1"].get(f"{BASE}/tasks/{task.pk}?as_of=2024-04-21").json()
    assert before["as_of_status"] == {
        "status": "reported",
        "lead_unit": "D1",
        "deadline_in_force": "2024-04-30",
        "percent": 100,
        "bucket": "open_within",
    }
    after = c["s1"].get(f"{BASE}/tasks/{task.pk}?as_of=2024-05-31").json()
    assert (after["as_of_status"]["status"], after["bucket"]) == ("accepted", "done_on_time")
    assert [e["kind"] for e in after["history"]] == [
        "assigned",
        "progress",
        "reported_done",
        "accepted",
    ]
    assert after["history"][1]["actor"] == "d1"


def test_return_extension_and_cancel(c, task):
    assert act(c["d1"], task, "reports", 1, done=True, on="2024-04-01").status_code == 201
    r = act(c["admin"], task, "return", 2, note="Thiếu số liệu", on="2024-04-02")
    assert r.json()["status"] == "in_progress"
    r = act(c["d1"], task, "extensions", 3, deadline="2024-05-31", note="Chờ số liệu")
    assert r.status_code == 201
    r = act(c["admin"], task, "extensions/decision", 4, approve=True)
    assert (r.json()["current_deadline"], r.json()["extensions"]) == ("2024-05-31", 1)
    detail = c["d1"].get(f"{BASE}/tasks/{task.pk}?as_of=2024-05-15").json()
    assert (detail["deadline"], detail["bucket"]) == ("2024-04-30", "open_overdue")
    r = act(c["admin"], task, "cancel", 5, reason="Không còn phù hợp")
    assert r.json()["status"] == "cancelled"
    r = act(c["d1"], task, "reports", 6, percent=50)
    assert r.status_code == 422
    assert (r.json()["code"], r.json()["field"]) == (m.TASK_CLOSED.code, "status")


def test_extension_after_acceptance_refused(c, task):
    act(c["d1"], task, "reports", 1, done=True, on="2024-04-01")
    act(c["admin"], task, "accept", 2, on="2024-04-02")
    r = act(c["d1"], task, "extensions", 3, deadline="2024-06-30", note="Thêm thời gian")
    assert r.status_code == 422
    assert r.json()["code"] == m.TASK_CLOSED.code
    assert "nghiệm thu" in r.json()["detail_vi"]


def test_outside_scope_is_not_found(c, task):
    for url in (f"/tasks/{task.pk}", f"/tasks/{task.pk + 1}"):
        r = c["d2"].get(BASE + url)
        assert (r.status_code, r.json()["code"]) == (404, m.TASK_UNKNOWN.code)
    assert act(c["d2"], task, "reports", 1, percent=10).status_code == 404
    assert c["admin"].get(f"{BASE}/tasks/99999999999").status_code == 422
    assert TaskEvent.objects.filter(task=task).count() == 1


def test_stale_version_conflict(c, task):
    assert act(c["d1"], task, "reports", 1, percent=10).status_code == 201
    r = act(c["d1"], task, "reports", 1, percent=20)
    assert (r.status_code, r.json()["code"]) == (409, m.TASK_STALE.code)
    assert Task.objects.get(pk=task.pk).version == 2


def test_supporting_officer_reports_progress_only(c, task):
    r = act(c["s1"], task, "reports", 1, done=True)
    assert (r.status_code, r.json()["code"]) == (403, m.NOT_ALLOWED.code)
    assert act(c["s1"], task, "reports", 1, percent=30).status_code == 201
    assert act(c["d1"], task, "accept", 2).status_code == 403


def test_scorecard(c, task, doc):
    other = task_create(
        document=doc,
        spec=TaskSpec(
            content="Báo cáo",
            lead_unit_code="D2",
            responsible_post="Chủ tịch",
            deadline=dt.date(2024, 4, 30),
        ),
        acting_user=None,
    )
    act(c["d1"], task, "reports", 1, done=True, on="2024-04-20")
    act(c["admin"], task, "accept", 2, on="2024-04-22")
    card = c["admin"].get(f"{BASE}/scorecard?from=2024-01-01&to=2024-12-31").json()
    assert (card["total"]["due"], card["total"]["on_time_rate"]) == (2, 0.5)
    assert [(u["unit"], u["on_time_rate"]) for u in card["ranking"]] == [("D1", 1.0), ("D2", 0.0)]
    assert "On-time rate" in card["definitions"]
    mine = c["d2"].get(f"{BASE}/scorecard?from=2024-01-01&to=2024-12-31&unit=D2").json()
    assert [u["unit"] for u in mine["units"]] == ["D2"]
    assert mine["units"][0]["open_overdue"] == 1
    assert other.pk
    r = c["d2"].get(f"{BASE}/scorecard?from=2024-01-01&to=2024-12-31")
    assert (r.status_code, r.json()["code"]) == (422, SCORECARD_UNIT_REQUIRED.code)
    assert c["d2"].get(f"{BASE}/scorecard?from=2024-01-01&to=2024-12-31&unit=D1").status_code == 404
    r = c["admin"].get(f"{BASE}/scorecard?from=2024-12-31&to=2024-01-01")
    assert r.status_code == 422
    assert c["admin"].get(f"{BASE}/scorecard?from=2024-01-01&to=9999-12-31").status_code == 422


def test_list_queries_do_not_grow_with_rows(c, doc, task):
    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert c["d1"].get(BASE + url).status_code == 200
        return len(ctx.captured_queries)

    urls = ("/tasks?as_of=2024-03-10", "/documents", f"/documents/{doc.pk}")
    for u in urls:  # warm the in-memory org tree, which is kept between requests
        count(u)
    before = [count(u) for u in urls]
    for i in range(5):
        task_create(
            document=doc,
            spec=TaskSpec(
                content=f"Việc {i}",
                lead_unit_code="D1",
                responsible_post="Chủ tịch",
                deadline=dt.date(2024, 5, 31),
            ),
            acting_user=None,
        )
    assert [count(u) for u in urls] == before
