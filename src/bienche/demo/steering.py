"""Steering demo: Directive 24-CT/TU, the conclusions of the Steering Committee's 10th
meeting (afternoon of 03/01/2024) with one task per key task of 2024, and a synthetic
history (``demo.steering_history``), all written through the steering services and played
as a timeline.

Why a timeline: a task follows its lead unit through a reorganization only if it exists,
open, when the event is applied (``steering.services.transfer`` runs inside the org event).
So ``demo.build`` plays the steering data up to the eve of each 2025 step, applies the step,
and goes on: tasks open on 01/03/2025 pass from the merged departments to the new ones,
tasks of the districts open on 01/07/2025 pass to the commune or ward that takes the
largest share of the district (the lowest code among equal shares), with a ``transferred``
event naming the decision; lifecycle events dated after a step are played after it, by
the successor. Documents are created on their date from the units active that day (so no
task is assigned to a district after 30/06/2025) and every lifecycle event is back-dated
(``on=``), never later than today.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from bienche.core.clock import today
from bienche.core.dating import q_valid_on
from bienche.core.workdays import WorkdayIndex
from bienche.demo import steering_history as h
from bienche.demo.codes import new_commune_code
from bienche.demo.steering_history import Candidate, Slot, Step
from bienche.org.enums import COMMUNE_KINDS
from bienche.org.models import UnitVersion
from bienche.steering.enums import DeadlineKind, DocumentKind, Period, Priority, Status
from bienche.steering.models import (
    Notice,
    Programme,
    ReminderRun,
    SourceDocument,
    Task,
    TaskEvent,
    TaskSupport,
)
from bienche.steering.services import lifecycle as lc
from bienche.steering.services.documents import document_create, programme_ensure
from bienche.steering.services.tasks import TaskSpec, tasks_create

D = dt.date.fromisoformat
PROGRAMMES = {
    "hoa_lac": "Khu công nghệ cao Hòa Lạc",
    "huong_son": "Đề án Khu di tích, danh thắng Hương Sơn (Chùa Hương)",
    "hanoi_museum": "Bảo tàng Hà Nội",
    "thang_long_citadel": "Di sản Hoàng thành Thăng Long",
    "public_assets": "Đề án quản lý tài sản công",
    "hoan_kiem_sidewalks": "Quản lý lòng đường, vỉa hè quận Hoàn Kiếm",
    "pay_reform": "Cải cách tiền lương, vị trí việc làm",
    "admin_units": "Sắp xếp đơn vị hành chính",
    "cost_norms": "Định mức kinh tế - kỹ thuật, đơn giá dịch vụ sự nghiệp công",
    "preschool_pilot": "Thí điểm giá thống nhất tạm thời giáo dục mầm non",
    "decentralization": "Phân cấp, ủy quyền",
    "discipline": "Kỷ luật, kỷ cương hành chính (Chỉ thị 24-CT/TU)",
}
UBND = "Ủy ban nhân dân Thành phố Hà Nội"
LEAD_KINDS = {"department", "management_board"} | h.TERRITORIAL
DIRECTIVE_24: dict[str, Any] = {
    "kind": DocumentKind.DIRECTIVE,
    "number": "24-CT/TU",
    "issuer": "Ban Thường vụ Thành ủy Hà Nội",
    "issuer_name": "Thành ủy Hà Nội",
    "issued_on": D("2023-08-07"),
    # Its full text was not found: the summary is its title only.
    "summary": "Tăng cường kỷ cương, kỷ luật và trách nhiệm xử lý công việc trong hệ thống "
    "chính trị thành phố",
    "synthetic": False,
}
# The conclusions of the 10th meeting were announced in a notice whose real number and date
# were not found: the number and date below are invented (synthetic=True says so in the
# data and the UI); the tasks follow the press report of the meeting.
CONCLUSION_10: dict[str, Any] = {
    "kind": DocumentKind.CONCLUSION,
    "number": "12-TB/TU",
    "issuer": "Ban Chỉ đạo Quản lý tổ chức và biên chế Thành phố Hà Nội",
    "issuer_name": "Ban Chỉ đạo Quản lý tổ chức và biên chế Thành phố",
    "issued_on": D("2024-01-05"),
    "summary": "Kết luận của Trưởng Ban Chỉ đạo tại Hội nghị lần thứ 10 (giai đoạn 2020-2025), "
    "chiều 03/01/2024: đánh giá kết quả công tác năm 2023 và nhiệm vụ trọng tâm năm 2024. "
    "Số, ký hiệu và ngày văn bản là giả lập (chưa tìm được văn bản thật).",
    "synthetic": True,
}
NV, TC, GD, VH = "Sở Nội vụ", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Văn hóa và Thể thao"
# (programme, lead, supporting, content, deadline: a date, "N wd" or "quarterly",
#  priority, steps "YYYY-MM-DD action rest" — see ``parse_step``).
CONCLUSION_TASKS: list[tuple[str, str, tuple[str, ...], str, str, str, list[str]]] = [
    ("admin_units", UBND, (NV,), "Lãnh đạo sắp xếp các đơn vị hành chính theo Nghị quyết của "
     "Quốc hội; giải trình, bổ sung, hoàn thiện hồ sơ để sớm được phê duyệt", "2024-03-29",
     "high", ["2024-03-15 progress 60 Đã tiếp thu ý kiến các bộ, ngành",
              "2024-06-14 done Hồ sơ đề án sắp xếp ĐVHC cấp huyện, cấp xã 2023-2025 đã trình",
              "2024-06-21 accept"]),
    ("pay_reform", NV, (TC,), "Ưu tiên hoàn thành vị trí việc làm phục vụ cải cách tiền lương, "
     "bảo đảm tiến độ, đồng bộ, hạn chế gián đoạn", "2024-06-28", "high",
     ["2024-04-12 progress 50", "2024-06-24 done Phê duyệt danh mục vị trí việc làm",
      "2024-06-28 accept"]),
    ("cost_norms", TC, (GD, "Sở Y tế"), "Đẩy nhanh xây dựng định mức, đơn giá, nhất là danh "
     "mục dịch vụ sự nghiệp công sử dụng ngân sách; làm rõ trách nhiệm đơn vị chậm", "2024-09-30",
     "high", ["2024-07-15 progress 45", "2024-09-20 extend 2024-12-31 Chờ hướng dẫn của Bộ Tài "
              "chính về phương pháp định giá", "2024-09-26 approve",
              "2024-12-24 done Trình ban hành định mức, đơn giá đợt 1", "2024-12-30 accept"]),
    ("preschool_pilot", GD, (TC, NV), "Tổng kết, đánh giá năm thí điểm giá thống nhất tạm thời "
     "giáo dục mầm non (296 trường); báo cáo, đề xuất dừng hoặc tiếp tục, nhân rộng", "30 wd",
     "normal", ["2024-02-20 done Báo cáo tổng kết thí điểm tại 296 trường mầm non",
                "2024-02-27 accept"]),
    ("decentralization", NV, ("Sở Tư pháp",), "Đẩy mạnh phân cấp, ủy quyền; rà soát quy trình "
     "nội bộ; thể chế hóa bằng Nghị quyết của HĐND Thành phố", "2024-06-28", "normal",
     ["2024-07-03 done Dự thảo Nghị quyết HĐND Thành phố về phân cấp, ủy quyền",
      "2024-07-10 accept"]),
    ("discipline", NV, (), "Thực hiện nghiêm Chỉ thị 24-CT/TU ngày 07/8/2023 của Ban Thường vụ "
     "Thành ủy; báo cáo kết quả hằng quý", "quarterly", "normal", []),
    ("hoan_kiem_sidewalks", "Quận Hoàn Kiếm", ("Sở Quy hoạch - Kiến trúc", "Sở Giao thông vận "
     "tải"), "Đẩy nhanh đồ án quy hoạch quản lý lòng đường, vỉa hè một số tuyến phố", "2024-06-28",
     "normal", ["2024-05-20 progress 40", "2024-09-10 done Đồ án trình thẩm định",
                "2024-09-20 return Đề nghị bổ sung phương án tổ chức giao thông",
                "2024-10-15 done Đồ án đã bổ sung", "2024-10-25 accept"]),
    ("hanoi_museum", VH, (), "Sớm đưa Bảo tàng Hà Nội đi vào hoạt động", "2024-09-30", "normal",
     ["2024-09-16 done Bảo tàng mở cửa đón khách", "2024-09-25 accept"]),
    ("thang_long_citadel", VH, ("Trung tâm Bảo tồn di sản Thăng Long - Hà Nội",), "Hoàn thiện "
     "công tác quản lý, phát huy giá trị di sản Hoàng thành Thăng Long", "2024-12-31", "normal",
     ["2024-08-01 progress 50", "2024-12-20 done Đề án quản lý di sản", "2025-01-10 accept"]),
    ("public_assets", TC, ("Sở Xây dựng",), "Triển khai hiệu quả Đề án quản lý tài sản công",
     "2024-06-28", "normal", ["2024-06-20 done Báo cáo kết quả", "2024-07-02 accept"]),
    ("hoa_lac", "Ban Quản lý Khu công nghệ cao Hòa Lạc", (NV, "Sở Kế hoạch và Đầu tư"),
     "Nghiên cứu, đề xuất đổi mới phương thức hoạt động của Ban Quản lý Khu công nghệ cao Hòa "
     "Lạc, thu hút đầu tư", "60 wd", "high",
     ["2024-04-01 done Đề án đổi mới mô hình hoạt động", "2024-04-10 accept"]),
    ("huong_son", "Huyện Mỹ Đức", (VH, "Sở Du lịch"), "Xây dựng Đề án đổi mới mô hình tổ chức, "
     "quản lý, bảo tồn và phát huy giá trị quần thể Hương Sơn (Chùa Hương)", "2024-09-30",
     "normal", ["2024-06-10 progress 30 Đã thành lập Tổ công tác xây dựng đề án",
                "2024-09-18 extend 2025-03-31 Chờ quy hoạch khu di tích được phê duyệt",
                "2024-09-27 refuse Đề nghị khẩn trương hoàn thành trong năm 2024",
                "2025-03-14 progress 60",
                "2025-10-20 progress 70 Xã tiếp nhận hồ sơ đề án từ huyện Mỹ Đức"]),
]  # fmt: skip
ACTIONS = {"progress", "done", "accept", "return", "extend", "approve", "refuse", "cancel"}


def parse_step(text: str) -> Step:
    """``"2024-09-20 extend 2024-12-31 reason"`` → a Step (see CONCLUSION_TASKS)."""
    day, action, *rest = text.split(" ", 2)
    note = rest[0] if rest else ""
    if action == "progress":
        percent, _s, note = note.partition(" ")
        return Step(D(day), "progress", note=note, percent=int(percent))
    if action == "extend":
        until, _s, note = note.partition(" ")
        return Step(D(day), "ext_request", note=note, deadline=D(until))
    if action in {"approve", "refuse"}:
        return Step(D(day), "ext_decide", note=note, approve=action == "approve")
    assert action in ACTIONS, action
    return Step(D(day), action, note=note)


def apply_step(task: Task, st: Step) -> None:
    """Play one step through the lifecycle service, as the system, back-dated."""
    kw: dict[str, Any] = {"task": task, "on": st.on, "acting_user": None}
    if st.action in {"progress", "done"}:
        done = st.action == "done"
        product = st.note if done else ""
        lc.task_report(**kw, done=done, percent=st.percent, note=st.note, product_ref=product)
    elif st.action == "accept":
        lc.task_accept(**kw, note=st.note)
    elif st.action == "return":
        lc.task_return(**kw, note=st.note)
    elif st.action == "ext_request":
        assert st.deadline is not None
        lc.task_extension_request(**kw, deadline=st.deadline, note=st.note)
    elif st.action == "ext_decide":
        lc.task_extension_decide(**kw, approve=st.approve, note=st.note)
    else:
        lc.task_cancel(**kw, reason=st.note)


def unit_named(name: str, on: dt.date) -> Candidate | None:
    """The unit called ``name`` on ``on`` (None when there is none)."""
    rows = list(
        UnitVersion.objects.filter(q_valid_on(on), name=name).values_list(
            "unit__code", "name", "kind", "sector"
        )
    )
    if len(rows) > 1:
        raise RuntimeError(f"demo: several units named {name!r} on {on}")
    return Candidate(*rows[0]) if rows else None


def quarterly_reports(start: dt.date, until: dt.date, cal: WorkdayIndex) -> list[Step]:
    """A report five working days after each quarter, from ``start`` to ``until``."""
    ends = h.period_ends(start, 3, 4 * (until.year - start.year + 1))
    steps = [
        Step(cal.add(e, 5), "progress", note=f"Báo cáo kết quả quý {(e.month + 2) // 3}/{e.year}")
        for e in ends
    ]
    return [st for st in steps if st.on <= until]


def steering_wipe() -> None:
    for model in (Notice, ReminderRun, TaskEvent, TaskSupport, Task, SourceDocument, Programme):
        model.objects.all().delete()


class SteeringDemo:
    """The steering demo as a timeline: ``play_until(day)`` creates the documents dated up
    to ``day`` with their tasks and plays every lifecycle step dated up to it."""

    def __init__(
        self, progress: Callable[[str], None], scale: float = 1.0, focus: Sequence[str] = ()
    ) -> None:
        self.progress, self.focus, self.today = progress, tuple(focus), today()
        first = h.FIRST_DOC - dt.timedelta(days=400)
        self.cal = WorkdayIndex(first, self.today + dt.timedelta(days=800))
        self.slots = h.schedule(scale, self.cal, self.today)
        self.pending: list[tuple[dt.date, int, int, Step]] = []
        self.until = dt.date.min
        self.counts: Counter[str] = Counter()

    def play_until(self, day: dt.date) -> None:
        t0, before = time.perf_counter(), self.counts.copy()
        day = min(day, self.today)
        if self.until == dt.date.min:
            for code, name in PROGRAMMES.items():
                programme_ensure(code=code, name=name, acting_user=None)
        self._documents(day)
        due = sorted((p for p in self.pending if p[0] <= day), key=lambda p: p[:3])
        self.pending = [p for p in self.pending if p[0] > day]
        for _on, pk, _n, st in due:
            apply_step(Task(pk=pk), st)
        self.counts["events"] += len(due)
        self.until = day
        new = self.counts - before
        self.progress(
            f"steering up to {day:%d/%m/%Y}: {new['documents']} documents, "
            f"{new['tasks']:,} tasks, {new['events']:,} lifecycle steps "
            f"({time.perf_counter() - t0:.1f} s)"
        )

    def _documents(self, day: dt.date) -> None:
        real: list[tuple[dt.date, int, Any]] = [
            (d["issued_on"], -1, d) for d in (DIRECTIVE_24, CONCLUSION_10)
        ]
        synthetic = [(s.issued_on, s.index, s) for s in self.slots]
        todo = sorted(
            (x for x in real + synthetic if self.until < x[0] <= day), key=lambda x: x[:2]
        )
        rows = _lead_rows() if todo else []
        for _on, _i, item in todo:
            if isinstance(item, Slot):
                self._synthetic(item, _pool(rows, item.issued_on))
            else:
                self._real(item)

    def _create(self, doc: dict[str, Any]) -> SourceDocument:
        self.counts["documents"] += 1
        issuer = unit_named(doc.pop("issuer_name"), doc["issued_on"])
        code = issuer.code if issuer else None
        return document_create(**doc, issuer_unit_code=code, acting_user=None)

    def _queue(self, tasks: list[Task], plans: list[list[Step]]) -> None:
        for task, steps in zip(tasks, plans, strict=True):
            self.counts["tasks"] += 1
            self.pending += [
                (s.on, task.pk, n, s) for n, s in enumerate(steps) if s.on <= self.today
            ]

    def _real(self, doc: dict[str, Any]) -> None:
        document = self._create(dict(doc))
        if doc is not CONCLUSION_10:
            return
        on, specs, plans = document.issued_on, [], []
        recorded = self.cal.add(on, 1)
        for i, (programme, lead, support, content, deadline, priority, steps) in enumerate(
            CONCLUSION_TASKS, 1
        ):
            unit = unit_named(lead, on) or unit_named(UBND, on)
            assert unit is not None
            specs.append(
                TaskSpec(
                    content=content,
                    lead_unit_code=unit.code,
                    responsible_post=h.responsible_post(unit),
                    supporting_codes=[u.code for n in support if (u := unit_named(n, on))],
                    priority=Priority(priority),
                    programme_code=programme,
                    item=str(i),
                    recorded_on=recorded,
                    **_deadline(deadline),
                )
            )
            recurring = deadline == "quarterly"
            reports = quarterly_reports(recorded, self.today, self.cal) if recurring else []
            plans.append(reports + [parse_step(s) for s in steps])
        self._queue(tasks_create(document=document, specs=specs, acting_user=None), plans)

    def _synthetic(self, slot: Slot, pool: list[Candidate]) -> None:
        doc = {"kind": slot.kind, "number": slot.number, "issuer": UBND, "issuer_name": UBND}
        document = self._create(
            doc | {"issued_on": slot.issued_on, "summary": slot.summary, "synthetic": True}
        )
        specs = h.document_tasks(slot, pool, self.cal, self.today)
        plans: list[list[Step] | None] = [None] * len(specs)
        if slot.index == len(self.slots) - 1:
            for unit in (c for c in pool if c.code in self.focus):
                self._focus_tasks(specs, plans, slot.issued_on, unit)
        tasks = tasks_create(document=document, specs=specs, acting_user=None)
        for i, (task, steps) in enumerate(zip(tasks, plans, strict=True)):
            if steps is None:
                rng = random.Random(f"{h.SEED}:task:{slot.index}:{i}")
                quality = h.unit_quality(specs[i].lead_unit_code)
                plans[i] = h.plan_task(rng, task, quality, self.cal)
        self._queue(tasks, plans)  # type: ignore[arg-type]

    def _focus_tasks(
        self, specs: list[TaskSpec], plans: list, issued: dt.date, unit: Candidate
    ) -> None:
        """The demo officer's unit gets tasks overdue, due within days and open."""
        for content, days, progress in FOCUS_TASKS:
            due = self.cal.add(issued, 5) if days is None else self.cal.add(self.today, days)
            specs.append(
                TaskSpec(
                    content=content.format(year=issued.year + 1),
                    lead_unit_code=unit.code,
                    responsible_post=h.responsible_post(unit),
                    deadline=due,
                    item=str(len(specs) + 1),
                    recorded_on=self.cal.add(issued, 1),
                    synthetic=True,
                )
            )
            when = self.cal.add(issued, 3)
            plans.append([Step(when, "progress", percent=progress)] if progress else [])


#: (content, deadline in working days from today — None: 5 days after the document, so
#: overdue —, progress percent reported 3 working days after the document; 0: none)
FOCUS_TASKS = [
    ("Báo cáo tình hình chấp hành kỷ luật, kỷ cương hành chính trong quý", None, 40),
    ("Tổng hợp số cán bộ, công chức dôi dư sau sắp xếp, đề xuất phương án bố trí", 2, 60),
    ("Xây dựng kế hoạch tuyển dụng công chức năm {year}", 25, 0),
]


def _deadline(text: str) -> dict[str, Any]:
    if text == "quarterly":
        return {"deadline_kind": DeadlineKind.RECURRING, "period": Period.QUARTER}
    if text.endswith(" wd"):
        return {"deadline_kind": DeadlineKind.WORKING_DAYS, "deadline_days": int(text[:-3])}
    return {"deadline_kind": DeadlineKind.DATE, "deadline": D(text)}


def _lead_rows() -> list[tuple]:
    """Versions of the units that may lead synthetic tasks, as the registry stands now:
    departments, boards, districts and the communes and wards of the two-tier city."""
    rows = UnitVersion.objects.filter(kind__in=LEAD_KINDS).values_list(
        "unit__code", "name", "kind", "sector", "valid_from", "valid_to"
    )
    prefix = new_commune_code("")
    return [
        r
        for r in rows.order_by("unit__code", "valid_from")
        if r[2] not in COMMUNE_KINDS or r[0].startswith(prefix)
    ]


def _pool(rows: list[tuple], on: dt.date) -> list[Candidate]:
    return [Candidate(*r[:4]) for r in rows if r[4] <= on and (r[5] is None or on < r[5])]


def build_steering_demo(
    progress: Callable[[str], None], scale: float = 1.0, *, focus: Sequence[str] = ()
) -> SteeringDemo:
    """The steering timeline, not yet played: call ``play_until`` on the eve of each
    reorganization the build applies, then with today (see the module docstring)."""
    return SteeringDemo(progress, scale, focus)


def steering_summary() -> dict[str, int]:
    by_status = Counter(Task.objects.values_list("status", flat=True))
    return {
        "documents": SourceDocument.objects.count(),
        "tasks": sum(by_status.values()),
        "events": TaskEvent.objects.count(),
        "open": sum(by_status[s] for s in (Status.ASSIGNED, Status.IN_PROGRESS, Status.REPORTED)),
        "accepted": by_status[Status.ACCEPTED],
        "cancelled": by_status[Status.CANCELLED],
    }
