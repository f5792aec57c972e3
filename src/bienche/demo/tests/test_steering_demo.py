"""The steering demo: the 10th meeting's conclusions and Directive 24-CT/TU, a synthetic
history with substance, open tasks that followed their units through 2025, determinism."""

import datetime as dt

import pytest

from bienche.core.clock import today
from bienche.core.dating import q_valid_on
from bienche.demo.build import build_demo
from bienche.org.models import Unit, UnitVersion
from bienche.steering.enums import OPEN_STATUSES, Bucket, EventKind, Status
from bienche.steering.models import SourceDocument, Task, TaskEvent
from bienche.steering.scorecard import scorecard
from bienche.steering.selectors import task_bucket, unit_board

pytestmark = pytest.mark.django_db
SCALE = 0.05  # the minimum synthetic history: 200 tasks
D = dt.date
#: programme → lead unit on the conclusion's date
LEADS = {
    "admin_units": "HN.UBND",
    "pay_reform": "HN.S.NV",
    "cost_norms": "HN.S.TC",
    "preschool_pilot": "HN.S.GDDT",
    "decentralization": "HN.S.NV",
    "discipline": "HN.S.NV",
    "hoan_kiem_sidewalks": "HN.H.002",
    "hanoi_museum": "HN.S.VHTT",
    "thang_long_citadel": "HN.S.VHTT",
    "public_assets": "HN.S.TC",
    "hoa_lac": "HN.BQL.HOALAC",
    "huong_son": "HN.H.282",
}


def build():
    build_demo(progress=False, staffing=False, scale=SCALE)


def first_lead(task):
    return task.events.get(kind=EventKind.ASSIGNED).unit.code


def test_tenth_meeting_conclusion_and_directive_24():
    build()
    directive = SourceDocument.objects.get(number="24-CT/TU")
    assert (directive.issued_on, directive.kind, directive.synthetic) == (
        D(2023, 8, 7),
        "directive",
        False,
    )
    assert directive.issuer_unit.code == "HN.TU"
    assert directive.summary.startswith("Tăng cường kỷ cương, kỷ luật và trách nhiệm")

    doc = SourceDocument.objects.get(number="12-TB/TU", issued_on=D(2024, 1, 5))
    assert doc.synthetic  # the real number is unknown
    assert doc.issuer_unit.code == "HN.TU.BCD"
    tasks = {t.programme.code: t for t in doc.tasks.select_related("programme", "lead_unit")}
    assert {p: first_lead(t) for p, t in tasks.items()} == LEADS
    on = today()
    assert task_bucket(tasks["pay_reform"], on) == Bucket.DONE_ON_TIME
    assert task_bucket(tasks["admin_units"], on) == Bucket.DONE_LATE
    assert task_bucket(tasks["discipline"], on) == Bucket.ONGOING
    extended = tasks["cost_norms"]
    assert extended.extensions == 1
    assert extended.current_deadline > extended.deadline
    assert task_bucket(extended, on) == Bucket.DONE_LATE  # scored against the original

    # Open on 01/07/2025: passed from Mỹ Đức district to a commune, still open and overdue.
    huong_son = tasks["huong_son"]
    moved = huong_son.events.get(kind=EventKind.TRANSFERRED)
    assert (moved.unit.code, moved.on) == ("HN.H.282", D(2025, 7, 1))
    assert huong_son.lead_unit.code.startswith("HN.X25.")
    assert task_bucket(huong_son, on) == Bucket.OPEN_OVERDUE
    assert huong_son.events.filter(kind=EventKind.EXTENSION_REFUSED).exists()


def test_open_tasks_followed_their_units_and_the_officer_has_work():
    build()
    alive = set(UnitVersion.objects.filter(q_valid_on(today())).values_list("unit_id", flat=True))
    open_tasks = Task.objects.filter(status__in=OPEN_STATUSES)
    assert open_tasks.exists()
    assert not open_tasks.exclude(lead_unit_id__in=alive).exists()
    assert TaskEvent.objects.filter(kind=EventKind.TRANSFERRED, on=D(2025, 3, 1)).exists()

    board = unit_board(Unit.objects.get(code="HN.S.NV").pk, today())  # canbo.noivu's unit
    assert board["overdue"]
    assert board["due_soon"]


def test_synthetic_history_has_a_mix_and_lead_units_active_on_the_document_date():
    build()
    synthetic = Task.objects.filter(synthetic=True)
    assert synthetic.count() >= 200
    assert SourceDocument.objects.filter(synthetic=True).count() >= 8
    total = scorecard(D(2024, 1, 1), D(2024, 12, 31))["total"]
    for bucket in (Bucket.DONE_ON_TIME, Bucket.DONE_LATE, Bucket.OPEN_OVERDUE):
        assert total[bucket] > 0, bucket
    assert total[Bucket.DONE_ON_TIME] > total[Bucket.DONE_LATE]
    kinds = set(TaskEvent.objects.values_list("kind", flat=True))
    assert {EventKind.EXTENSION_APPROVED, EventKind.PROGRESS, EventKind.ACCEPTED} <= kinds
    assert synthetic.filter(status=Status.CANCELLED).exists()

    versions: dict[int, list[tuple]] = {}
    for uid, start, end in UnitVersion.objects.values_list("unit_id", "valid_from", "valid_to"):
        versions.setdefault(uid, []).append((start, end))
    assigned = TaskEvent.objects.filter(kind=EventKind.ASSIGNED).values_list("unit_id", "on")
    for uid, on in assigned:
        assert any(s <= on and (e is None or on < e) for s, e in versions[uid]), (uid, on)


def fingerprint():
    rows = Task.objects.order_by("document__issued_on", "document__number", "item")
    return list(
        rows.values_list(
            "document__number", "item", "lead_unit__code", "status", "deadline", "completed_on"
        )
    )


def test_two_builds_give_the_same_data():
    build()
    first = fingerprint()
    build_demo(progress=False, rebuild=True, staffing=False, scale=SCALE)
    assert fingerprint() == first
