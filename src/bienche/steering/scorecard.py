"""Unit scorecards: who delivers on time and who does not, for a period.

Definitions (shown on the scorecard page, ``DEFINITIONS``):

* **Tasks in the scorecard**: tasks assigned (document date) within [start, end], led by
  the unit or a unit of its subtree as the org chart stood at the end of the period (a task
  passed to a successor by a reorganization counts for the unit that led it at that date).
* **Evaluated as of** the end of the period, or today if earlier, with the rule of
  ``steering.evaluation``: done on time / done late / not done within deadline / not done
  overdue, plus no deadline, recurring and cancelled (cancelled tasks are left out).
* **Due** = done on time + done late + overdue. **On-time rate** = done on time ÷ due.
* **Average delay** = mean working days late over the tasks done late or overdue.
* **Extensions** = extensions approved by the evaluation date.
* **Recorded in time** = tasks entered within 3 working days of their document (the
  Government Office's standard); **average recording delay** in working days.
* **Trend by quarter**: for each quarter, tasks whose original deadline falls in it,
  evaluated as of the quarter's end: the on-time rate each quarter as it then stood.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count

from bienche.core.clock import today
from bienche.core.errors import InvalidInput
from bienche.core.workdays import WorkdayIndex
from bienche.org.models import Unit
from bienche.org.selectors import unit_get, unit_tree_as_of
from bienche.steering import messages as m
from bienche.steering.enums import Bucket, EventKind
from bienche.steering.evaluation import evaluate
from bienche.steering.models import Task, TaskEvent
from bienche.steering.selectors import EVAL_FIELDS
from bienche.steering.services.tasks import check_day

DEFINITIONS = __doc__.split("Definitions (shown on the scorecard page, ``DEFINITIONS``):")[
    1
].strip()
DEFINITIONS_VI = """\
* **Nhiệm vụ tính điểm**: nhiệm vụ được giao (theo ngày văn bản) trong kỳ [từ ngày, đến ngày],
  do đơn vị hoặc đơn vị trực thuộc chủ trì theo sơ đồ tổ chức tại ngày cuối kỳ (nhiệm vụ đã
  chuyển cho đơn vị kế thừa khi sắp xếp được tính cho đơn vị chủ trì tại ngày đó).
* **Đánh giá tại** ngày cuối kỳ (hoặc hôm nay nếu sớm hơn): hoàn thành đúng hạn / hoàn thành
  quá hạn / chưa hoàn thành trong hạn / chưa hoàn thành quá hạn; thêm không thời hạn, thường
  xuyên và đã hủy (nhiệm vụ đã hủy không tính vào tỷ lệ).
* Nhiệm vụ hoàn thành vào ngày báo cáo hoàn thành, khi đã được nghiệm thu; so với **thời hạn
  ban đầu** (gia hạn được ghi nhận riêng, không làm thay đổi kết quả).
* **Đến hạn** = đúng hạn + quá hạn đã hoàn thành + chưa hoàn thành quá hạn.
  **Tỷ lệ đúng hạn** = hoàn thành đúng hạn ÷ đến hạn.
* **Số ngày chậm bình quân** = bình quân số ngày làm việc chậm của nhiệm vụ hoàn thành quá hạn
  và chưa hoàn thành quá hạn.
* **Gia hạn** = số lần gia hạn được chấp thuận đến ngày đánh giá.
* **Cập nhật kịp thời** = nhiệm vụ được nhập trong 3 ngày làm việc kể từ ngày văn bản (chuẩn
  của Văn phòng Chính phủ); **số ngày cập nhật bình quân** tính theo ngày làm việc.
* **Xu hướng theo quý**: mỗi quý, các nhiệm vụ có thời hạn ban đầu trong quý, đánh giá tại
  ngày cuối quý.
"""
BUCKETS = [b.value for b in Bucket]


def definitions(lang: str) -> str:
    """The definitions in the page's language (Vietnamese unless English)."""
    return DEFINITIONS if lang.startswith("en") else DEFINITIONS_VI


#: pk, lead unit, recorded on, then the evaluation tuple (kind, assigned, deadline,
#: completed, accepted, cancelled).
ROW_FIELDS = ("pk", "lead_unit_id", "recorded_on", *EVAL_FIELDS)


@dataclass
class Line:
    unit_id: int | None
    code: str = ""
    name: str = ""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BUCKETS, 0))
    assigned: int = 0
    delay_sum: int = 0
    delay_n: int = 0
    extensions: int = 0
    recorded_in_time: int = 0
    recording_sum: int = 0

    def add(
        self, bucket: str, recording: int, in_time: bool, delay: int | None, extensions: int
    ) -> None:
        self.assigned += 1
        self.counts[bucket] += 1
        self.extensions += extensions
        self.recording_sum += recording
        self.recorded_in_time += in_time
        if delay is not None:
            self.delay_sum += delay
            self.delay_n += 1

    @property
    def due(self) -> int:
        c = self.counts
        return c[Bucket.DONE_ON_TIME] + c[Bucket.DONE_LATE] + c[Bucket.OPEN_OVERDUE]

    def as_dict(self) -> dict[str, Any]:
        due = self.due
        return {
            "unit": self.code,
            "name": self.name,
            "assigned": self.assigned,
            **self.counts,
            "due": due,
            "on_time_rate": round(self.counts[Bucket.DONE_ON_TIME] / due, 4) if due else None,
            "avg_delay_days": round(self.delay_sum / self.delay_n, 1) if self.delay_n else None,
            "extensions": self.extensions,
            "recorded_in_time": self.recorded_in_time,
            "avg_recording_days": round(self.recording_sum / self.assigned, 1)
            if self.assigned
            else None,
        }


def _lead_on(on: dt.date, **task_filter: Any) -> dict[int, int]:
    """Lead unit as of ``on`` for tasks transferred after it (the earliest later transfer's
    'from' unit); tasks absent from the result are led today by the unit they were then."""
    out: dict[int, int] = {}
    rows = (
        TaskEvent.objects.filter(kind=EventKind.TRANSFERRED, on__gt=on, **task_filter)
        .order_by("task_id", "on", "id")
        .values_list("task_id", "unit_id")
    )
    for task_id, unit_id in rows:
        out.setdefault(task_id, unit_id)
    return out


def _name(lines: dict[int, Line], tree: Any) -> None:
    """Code and name of each line's unit as of the evaluation date (else its code)."""
    names = {u.unit_id: u for u in tree.by_id.values()}
    missing = set(lines) - set(names)
    for pk, code in Unit.objects.filter(pk__in=missing).values_list("pk", "code"):
        lines[pk].code = lines[pk].name = code
    for pk, line in lines.items():
        if pk in names:
            line.code, line.name = names[pk].code, names[pk].short_name or names[pk].name


def scorecard(start: dt.date, end: dt.date, *, unit_code: str | None = None) -> dict[str, Any]:
    """The scorecard of every lead unit under ``unit_code`` (all units when None) for tasks
    assigned in [start, end]; totals, ranking (best on-time rate first) and the quarterly
    trend. Raises ValueError when ``end`` is before ``start``."""
    if end < start:
        raise InvalidInput(
            m.SCORECARD_PERIOD_INVALID, field="to", start=start.isoformat(), end=end.isoformat()
        )
    check_day(start, "from")
    check_day(end, "to")
    as_of = min(end, today())
    tree = unit_tree_as_of(as_of)
    allowed: set[int] | None = None
    if unit_code:
        root = unit_get(unit_code)
        allowed = tree.subtree_ids(root.pk) or {root.pk}
    rows = list(Task.objects.filter(assigned_on__range=(start, end)).values_list(*ROW_FIELDS))
    moved = _lead_on(as_of, task__assigned_on__range=(start, end))
    ext = dict(
        TaskEvent.objects.filter(
            kind=EventKind.EXTENSION_APPROVED,
            on__lte=as_of,
            task__assigned_on__range=(start, end),
        )
        .values("task_id")
        .annotate(n=Count("id"))
        .values_list("task_id", "n")
    )
    # One calendar over every date the loop touches (recorded-on dates run past the end).
    first = min([start] + [r[2] for r in rows] + [r[5] for r in rows if r[5]])
    first = min([first] + [r[6] for r in rows if r[6]])
    last = max([as_of, end] + [r[2] for r in rows])
    days = WorkdayIndex(first - dt.timedelta(days=1), last + dt.timedelta(days=1))
    limit = settings.STEERING_RECORDING_DAYS
    lines: dict[int, Line] = {}
    total = Line(None, "", "")
    for r in rows:
        lead = moved.get(r[0], r[1])
        if allowed is not None and lead not in allowed:
            continue
        line = lines.get(lead)
        if line is None:
            line = lines[lead] = Line(lead)
        t = r[3:]
        bucket = evaluate(t, as_of)
        if bucket is None:
            continue
        recording = max(days.between(r[4], r[2]), 0)
        delay = None
        if bucket == Bucket.DONE_LATE:
            delay = days.between(t[2], t[3])
        elif bucket == Bucket.OPEN_OVERDUE:
            delay = days.between(t[2], as_of)
        for ln in (line, total):
            ln.add(bucket, recording, recording <= limit, delay, ext.get(r[0], 0))
    _name(lines, tree)
    units = [ln.as_dict() for ln in lines.values()]
    ranking = sorted(
        (u for u in units if u["due"]),
        key=lambda u: (-(u["on_time_rate"] or 0), u["open_overdue"], u["unit"]),
    )
    return {
        "start": start,
        "end": end,
        "as_of": as_of,
        "unit": unit_code,
        "total": total.as_dict(),
        "units": sorted(units, key=lambda u: u["unit"]),
        "ranking": ranking,
        "trend": quarterly_trend(start, end, allowed),
        "definitions": DEFINITIONS,
    }


def _quarters(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    out = []
    year, q = start.year, (start.month - 1) // 3
    while True:
        first = dt.date(year, q * 3 + 1, 1)
        if first > end:
            return out
        nxt = dt.date(year + (q == 3), ((q + 1) % 4) * 3 + 1, 1)
        out.append((f"{year}-Q{q + 1}", first, nxt - dt.timedelta(days=1)))
        year, q = nxt.year, (nxt.month - 1) // 3


def quarterly_trend(start: dt.date, end: dt.date, allowed: set[int] | None) -> list[dict[str, Any]]:
    """Per quarter: tasks due in it, evaluated as of its end (see the definitions)."""
    quarters = _quarters(start, end)
    if not quarters:
        return []
    rows = Task.objects.filter(deadline__range=(quarters[0][1], quarters[-1][2])).values_list(
        "pk", "lead_unit_id", *EVAL_FIELDS
    )
    by_q: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(BUCKETS, 0))
    today_ = today()
    rows = list(rows)
    moved = (
        _lead_on(min(end, today_), task__deadline__range=(quarters[0][1], quarters[-1][2]))
        if allowed is not None
        else {}
    )
    for r in rows:
        if allowed is not None and moved.get(r[0], r[1]) not in allowed:
            continue
        deadline = r[4]
        for label, first, last in quarters:
            if first <= deadline <= last:
                if first > today_:
                    break
                bucket = evaluate(r[2:], min(last, today_))
                if bucket is not None:
                    by_q[label][bucket] += 1
                break
    out = []
    for label, _f, _l in quarters:
        c = by_q[label]
        due = c[Bucket.DONE_ON_TIME] + c[Bucket.DONE_LATE] + c[Bucket.OPEN_OVERDUE]
        out.append(
            {
                "quarter": label,
                "due": due,
                "done_on_time": c[Bucket.DONE_ON_TIME],
                "done_late": c[Bucket.DONE_LATE],
                "open_overdue": c[Bucket.OPEN_OVERDUE],
                "on_time_rate": round(c[Bucket.DONE_ON_TIME] / due, 4) if due else None,
            }
        )
    return out
