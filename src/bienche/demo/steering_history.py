"""Synthetic steering history for the Hà Nội demo: ~150 documents, ~4,000 tasks from
January 2023 to today, each with the lifecycle it will play (``demo.steering`` plays it).

Planning only, no writes. The documents' schedule is drawn once from the seed; a document's
tasks are drawn when the timeline reaches its date, from the units active that day, with a
generator seeded by the document's index. The mix: about four in five tasks due done on
time, some late, a few never reported; extensions approved or refused, results sent back,
cancellations, recurring reports; most tasks recorded within 3 working days, not all. One
unit in five is systematically weaker (``unit_quality``); units improve once Directive
24-CT/TU takes hold (late 2023) and slip around the 2025 reorganization.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import namedtuple
from dataclasses import dataclass

from bienche.core.workdays import WorkdayIndex
from bienche.org.enums import COMMUNE_KINDS, DISTRICT_KINDS
from bienche.steering.enums import DeadlineKind, Period, Priority
from bienche.steering.models import Task
from bienche.steering.services.tasks import TaskSpec

SEED = 2026
TASKS, DOCS = 4000, 150
MIN_TASKS, MIN_DOCS = 200, 8
FIRST_DOC = dt.date(2023, 1, 4)
#: The last synthetic document is about three weeks old (its tasks for the demo officer's
#: unit are then overdue, due soon and open within deadline).
LAST_DOC_DAYS = 21
TERRITORIAL = DISTRICT_KINDS | COMMUNE_KINDS
LEAD_WEIGHT = (
    {"department": 1.0, "management_board": 0.6}
    | dict.fromkeys(DISTRICT_KINDS, 0.45)
    | dict.fromkeys(COMMUNE_KINDS, 0.12)
)
SCOPES = {"pre": DISTRICT_KINDS, "post": COMMUNE_KINDS, "T": TERRITORIAL}
FIELD = {
    "education": "giáo dục và đào tạo",
    "health": "y tế",
    "culture": "văn hóa, thể thao và du lịch",
    "construction": "xây dựng, giao thông",
    "agriculture": "nông nghiệp và môi trường",
    "economy": "tài chính, đầu tư",
    "science": "khoa học, công nghệ",
    "social": "lao động, xã hội",
    "justice": "tư pháp",
}
# (kind, symbol, weight, summary opening, largest step between two numbers)
DOC_KINDS = [
    ("notice", "TB-UBND", 0.55, "Thông báo kết luận của Chủ tịch UBND Thành phố về", 9),
    ("letter", "UBND-{office}", 0.20, "Văn bản chỉ đạo của UBND Thành phố về", 60),
    ("plan", "KH-UBND", 0.15, "Kế hoạch của UBND Thành phố về", 8),
    ("directive", "CT-UBND", 0.05, "Chỉ thị của Chủ tịch UBND Thành phố về", 3),
    ("decision", "QĐ-UBND", 0.05, "Quyết định của UBND Thành phố giao nhiệm vụ về", 120),
]
OFFICES = ["NC", "KGVX", "KT", "ĐT", "TH"]
PERIOD_MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.HALF_YEAR: 6, Period.YEAR: 12}
PERIODS = [Period.QUARTER, Period.QUARTER, Period.HALF_YEAR, Period.MONTH, Period.YEAR]
MAX_PERIODIC_REPORTS = 4
PRIORITIES = [Priority.NORMAL, Priority.HIGH, Priority.URGENT]
TOPICS_TEXT = """
công tác tổ chức bộ máy, biên chế |
  Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức; đề xuất phương án sắp xếp
  Báo cáo kết quả thực hiện tinh giản biên chế năm {year}
  Rà soát, sắp xếp các đơn vị sự nghiệp công lập trực thuộc
cải cách tiền lương, vị trí việc làm | pay_reform
  Hoàn thiện danh mục vị trí việc làm, bản mô tả công việc, khung năng lực
  Rà soát, chuyển xếp lương cán bộ, công chức, viên chức theo chế độ mới
  Báo cáo nhu cầu kinh phí thực hiện cải cách tiền lương năm {year}
định mức kinh tế - kỹ thuật, đơn giá dịch vụ sự nghiệp công | cost_norms
  Xây dựng định mức kinh tế - kỹ thuật dịch vụ sự nghiệp công lĩnh vực {field}
  Trình ban hành đơn giá dịch vụ sự nghiệp công sử dụng ngân sách lĩnh vực {field}
phân cấp, ủy quyền | decentralization
  Rà soát thủ tục hành chính, đề xuất phân cấp, ủy quyền lĩnh vực {field}
  Ban hành quy trình nội bộ giải quyết thủ tục được phân cấp, ủy quyền
kỷ luật, kỷ cương hành chính | discipline
  Tự kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính (Chỉ thị 24-CT/TU)
  Làm rõ trách nhiệm tập thể, cá nhân chậm thực hiện nhiệm vụ được giao
quản lý, sử dụng tài sản công | public_assets
  Rà soát, lập phương án xử lý nhà, đất, trụ sở dôi dư
  Cập nhật cơ sở dữ liệu tài sản công năm {year}
sắp xếp đơn vị hành chính | admin_units
  pre: Hoàn thiện hồ sơ đề án sắp xếp đơn vị hành chính cấp xã trên địa bàn
  pre: Tổ chức lấy ý kiến cử tri về đề án sắp xếp đơn vị hành chính
  post: Kiện toàn tổ chức bộ máy, bố trí cán bộ, công chức sau sắp xếp
  post: Tiếp nhận, chỉnh lý hồ sơ, tài liệu lưu trữ của cấp huyện bàn giao
  post: Rà soát, xử lý trụ sở, tài sản dôi dư sau sắp xếp đơn vị hành chính
thí điểm giá dịch vụ giáo dục mầm non | preschool_pilot
  Báo cáo tình hình thu, chi theo giá thống nhất tạm thời tại trường mầm non
  Rà soát, đề xuất trường mầm non tham gia mở rộng thí điểm
cải cách hành chính, chuyển đổi số |
  Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm {year}
  Giải quyết dứt điểm kiến nghị của cử tri thuộc thẩm quyền
  Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}
  T: Xử lý vi phạm trật tự xây dựng, trật tự đô thị trên địa bàn
"""


def _topics(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Topics of documents: (subject, programme, [(task template, scope)]); a template's
    scope is "" (any lead unit), "T" (territorial), "pre" (districts, before 01/07/2025) or
    "post" (communes and wards, after)."""
    out: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in text.strip().splitlines():
        if not line.startswith(" "):
            subject, programme = (p.strip() for p in line.split("|"))
            out.append((subject, programme, []))
            continue
        scope, _colon, template = line.strip().rpartition(": ")
        out[-1][2].append((template, scope))
    return out


TOPICS = _topics(TOPICS_TEXT)
CANCEL_REASONS = [
    "Nội dung đã được giao tại văn bản khác, thôi theo dõi riêng",
    "Nhiệm vụ không còn phù hợp do thay đổi quy định của Trung ương",
    "Gộp vào chương trình công tác năm của đơn vị",
]
EXTENSION_NOTES = [
    "Chờ ý kiến thẩm định của các sở, ngành",
    "Chờ hướng dẫn của bộ, ngành Trung ương",
    "Khối lượng rà soát lớn, cần thêm thời gian tổng hợp",
]
REFUSAL = "Không đủ căn cứ gia hạn; đề nghị khẩn trương hoàn thành"
RETURN_NOTE = "Sản phẩm chưa đạt yêu cầu, đề nghị bổ sung, hoàn thiện"


@dataclass(frozen=True, slots=True)
class Step:
    """One lifecycle call to play on a date (``demo.steering.ACTIONS`` names them)."""

    on: dt.date
    action: str
    note: str = ""
    percent: int | None = None
    deadline: dt.date | None = None
    approve: bool = True


Candidate = namedtuple("Candidate", "code name kind sector")  # a unit that may lead tasks


@dataclass(frozen=True)
class Slot:
    """A synthetic document of the schedule; its tasks are drawn when it is played."""

    index: int
    issued_on: dt.date
    kind: str
    number: str
    summary: str
    topic: int
    n_tasks: int


def spread(total: int, weights: list[float]) -> list[int]:
    """Integer sizes proportional to ``weights`` adding up to ``total``."""
    raw = [total * w / sum(weights) for w in weights]
    sizes = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: sizes[i] - raw[i])[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def schedule(scale: float, cal: WorkdayIndex, today: dt.date) -> list[Slot]:
    """The synthetic documents, oldest first: dates, kinds, numbers, topics, task counts."""
    rng = random.Random(f"{SEED}:schedule")
    n_tasks = max(MIN_TASKS, round(TASKS * scale))
    n_docs = max(MIN_DOCS, round(DOCS * scale))
    last = cal.add(today - dt.timedelta(days=LAST_DOC_DAYS), 1)
    span = (last - FIRST_DOC).days
    days = (FIRST_DOC + dt.timedelta(days=rng.randrange(span)) for _ in range(n_docs - 1))
    dates = sorted(cal.add(day, 1) for day in days) + [last]
    sizes = spread(n_tasks, [rng.uniform(0.3, 1.7) for _ in dates])
    numbers: dict[tuple[int, str], int] = {}
    out = []
    for i, (day, size) in enumerate(zip(dates, sizes, strict=True)):
        kind, symbol, _w, opening, step = rng.choices(DOC_KINDS, [k[2] for k in DOC_KINDS])[0]
        key = (day.year, kind)
        numbers[key] = numbers.get(key, rng.randint(1, 3 * step)) + rng.randint(1, step)
        topic = rng.randrange(len(TOPICS))
        number = f"{numbers[key]}/{symbol.format(office=rng.choice(OFFICES))}"
        summary = f"{opening} {TOPICS[topic][0]} (dữ liệu giả lập)"
        out.append(Slot(i, day, kind, number, summary, topic, size))
    return out


def unit_quality(code: str) -> float:
    """How reliably a unit delivers on time, fixed by its code: one in five is weaker."""
    rng = random.Random(f"{SEED}:quality:{code}")
    weak = rng.random() < 0.2
    return rng.uniform(0.65, 0.8) if weak else rng.uniform(0.9, 0.99)


def on_time_probability(quality: float, deadline: dt.date) -> float:
    p = quality
    if deadline < dt.date(2023, 11, 1):
        p -= 0.05  # before Directive 24-CT/TU (07/08/2023) took hold
    elif deadline >= dt.date(2024, 7, 1):
        p += 0.03
    if dt.date(2025, 5, 1) <= deadline <= dt.date(2025, 9, 30):
        p -= 0.12  # the two-tier reorganization of 01/07/2025
    return min(max(p, 0.3), 0.98)


def responsible_post(c: Candidate) -> str:
    if c.kind == "peoples_committee":
        return "Chủ tịch UBND Thành phố"
    if c.kind in TERRITORIAL:
        return f"Chủ tịch UBND {c.name}"
    for opening, title in (("Sở", "Giám đốc"), ("Văn phòng", "Chánh"), ("Thanh tra", "Chánh")):
        if c.name.startswith(opening):
            return f"{title} {c.name}"
    return f"Trưởng {c.name}"


def _fits(scope: str, c: Candidate) -> bool:
    return scope == "" or c.kind in SCOPES[scope]


def _content(rng: random.Random, slot: Slot, lead: Candidate) -> tuple[str, str]:
    """(content, programme code) from the document's topic, else from any topic."""
    topic = TOPICS[slot.topic] if rng.random() < 0.75 else rng.choice(TOPICS)
    fitting = [t for t, scope in topic[2] if _fits(scope, lead)]
    if not fitting:
        topic = TOPICS[0]
        fitting = [t for t, _s in topic[2]]
    text = rng.choice(fitting).format(
        year=slot.issued_on.year, field=FIELD.get(lead.sector, "quản lý nhà nước")
    )
    return text, topic[1]


def _deadline(rng: random.Random, slot: Slot, cal: WorkdayIndex) -> dict:
    r = rng.random()
    if r < 0.66:
        days = rng.choice([5, 10, 15, 20, 30, 45, 60, 90])
        return {"deadline_kind": DeadlineKind.DATE, "deadline": cal.add(slot.issued_on, days)}
    if r < 0.87:
        days = rng.choice([5, 7, 10, 15, 20, 30])
        return {"deadline_kind": DeadlineKind.WORKING_DAYS, "deadline_days": days}
    if r < 0.94:
        return {"deadline_kind": DeadlineKind.RECURRING, "period": rng.choice(PERIODS)}
    return {"deadline_kind": DeadlineKind.NONE}


def _recorded_on(rng: random.Random, issued: dt.date, cal: WorkdayIndex, today: dt.date) -> dt.date:
    r = rng.random()
    lag = 1 if r < 0.6 else 2 if r < 0.75 else 3 if r < 0.85 else rng.randint(4, 20)
    return min(cal.add(issued, lag), today)


def document_tasks(
    slot: Slot, pool: list[Candidate], cal: WorkdayIndex, today: dt.date
) -> list[TaskSpec]:
    """The tasks of a synthetic document, led by units of ``pool`` (active on its date)."""
    rng = random.Random(f"{SEED}:doc:{slot.index}")
    specs = []
    leads = rng.choices(pool, [LEAD_WEIGHT.get(c.kind, 0.5) for c in pool], k=slot.n_tasks)
    for i, lead in enumerate(leads, 1):
        content, programme = _content(rng, slot, lead)
        others = [c.code for c in pool if c.code != lead.code]
        support = rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.25 else []
        specs.append(
            TaskSpec(
                content=content,
                lead_unit_code=lead.code,
                responsible_post=responsible_post(lead),
                supporting_codes=support,
                priority=rng.choices(PRIORITIES, [88, 9, 3])[0],
                programme_code=programme,
                item=str(i),
                recorded_on=_recorded_on(rng, slot.issued_on, cal, today),
                synthetic=True,
                **_deadline(rng, slot, cal),
            )
        )
    return specs


class _Steps:
    """Steps of one task, kept in date order (a step never precedes the previous one)."""

    def __init__(self, start: dt.date) -> None:
        self.last, self.out = start, list[Step]()

    def add(self, on: dt.date, action: str, **kw: object) -> dt.date:
        self.last = max(on, self.last)
        self.out.append(Step(self.last, action, **kw))  # type: ignore[arg-type]
        return self.last


def plan_task(rng: random.Random, task: Task, quality: float, cal: WorkdayIndex) -> list[Step]:
    """The lifecycle a task will play (dates may run past today: those are not played)."""
    s = _Steps(max(task.assigned_on, task.recorded_on))
    if task.deadline_kind == DeadlineKind.RECURRING:
        _recurring(rng, task, s, cal)
    elif rng.random() < 0.025:
        s.add(cal.add(s.last, rng.randint(3, 40)), "cancel", note=rng.choice(CANCEL_REASONS))
    elif task.deadline is None:
        if rng.random() < 0.7:
            _finish(rng, s, cal, cal.add(s.last, rng.randint(10, 80)))
        else:
            s.add(cal.add(s.last, rng.randint(5, 30)), "progress", percent=rng.randint(2, 6) * 10)
    else:
        _with_deadline(rng, task.deadline, quality, s, cal)
    return s.out


def _with_deadline(
    rng: random.Random, deadline: dt.date, quality: float, s: _Steps, cal: WorkdayIndex
) -> None:
    start = s.last
    span = max(cal.between(start, deadline), 0)
    stall = (1 - quality) * 0.2
    r = rng.random()
    if span >= 4 and rng.random() < 0.25:
        s.add(cal.add(start, max(1, span * rng.randint(3, 6) // 10)), "progress", percent=50)
    if r < stall:
        _stalled(rng, deadline, span, s, cal)
    elif r < stall + (1 - stall) * on_time_probability(quality, deadline) and span >= 1:
        _finish(rng, s, cal, cal.add(start, rng.randint(max(1, span // 2), span)))
    else:
        _late(rng, deadline, quality, span, s, cal)


def _ask_more_time(
    rng: random.Random, deadline: dt.date, s: _Steps, cal: WorkdayIndex, approve: bool
) -> int:
    """An extension request shortly before the deadline and its decision; the extra days."""
    extra, note = rng.choice([10, 15, 20, 30, 45]), rng.choice(EXTENSION_NOTES)
    new = cal.add(deadline, extra)
    ask = s.add(
        cal.add(deadline - dt.timedelta(days=5), rng.randint(1, 2)),
        "ext_request",
        deadline=new,
        note=note,
    )
    refusal = "" if approve else REFUSAL
    s.add(cal.add(ask, rng.randint(1, 4)), "ext_decide", approve=approve, note=refusal)
    return extra


def _late(
    rng: random.Random, deadline: dt.date, quality: float, span: int, s: _Steps, cal: WorkdayIndex
) -> None:
    lateness = 1 + int(rng.expovariate(1 / (5 + 30 * (1 - quality))))
    if span >= 3 and rng.random() < 0.3:
        approve = rng.random() < 0.7
        extra = _ask_more_time(rng, deadline, s, cal, approve)
        if approve:
            lateness = rng.randint(1, extra + (extra // 3 if rng.random() < 0.15 else 0))
    _finish(rng, s, cal, cal.add(deadline, lateness))


def _stalled(
    rng: random.Random, deadline: dt.date, span: int, s: _Steps, cal: WorkdayIndex
) -> None:
    """Never reported done; now and then dropped by the committee long after."""
    if span >= 3 and rng.random() < 0.3:
        _ask_more_time(rng, deadline, s, cal, approve=False)
    if rng.random() < 0.5:
        s.add(cal.add(deadline, rng.randint(5, 40)), "progress", percent=rng.randint(1, 6) * 10)
    if rng.random() < 0.4:
        s.add(cal.add(deadline, rng.randint(60, 250)), "cancel", note=rng.choice(CANCEL_REASONS))


def _finish(rng: random.Random, s: _Steps, cal: WorkdayIndex, report: dt.date) -> None:
    """Reported done (sometimes sent back once and reported again), then accepted."""
    done = s.add(report, "done", note="Báo cáo kết quả thực hiện nhiệm vụ")
    if rng.random() < 0.05:
        back = s.add(cal.add(done, rng.randint(2, 6)), "return", note=RETURN_NOTE)
        s.add(cal.add(back, rng.randint(3, 12)), "done", note="Báo cáo bổ sung, hoàn thiện")
    s.add(cal.add(s.last, rng.randint(1, 6)), "accept")


def period_ends(start: dt.date, months: int, count: int) -> list[dt.date]:
    """The ends of ``count`` reporting periods from the one containing ``start``."""
    block = (start.year * 12 + start.month - 1) // months
    ends = (divmod((b + 1) * months, 12) for b in range(block, block + count))
    return [dt.date(y, m + 1, 1) - dt.timedelta(days=1) for y, m in ends]


def _recurring(rng: random.Random, task: Task, s: _Steps, cal: WorkdayIndex) -> None:
    """A periodic report after each period, up to four; one in ten later dropped."""
    ends = period_ends(s.last, PERIOD_MONTHS[Period(task.period)], MAX_PERIODIC_REPORTS)
    stop = rng.randint(2, len(ends)) if rng.random() < 0.1 else None
    for n, end in enumerate(ends, 1):
        s.add(cal.add(end, rng.randint(1, 8)), "progress", note=f"Báo cáo định kỳ lần {n}")
        if n == stop:
            s.add(cal.add(s.last, 5), "cancel", note=CANCEL_REASONS[2])
            return
