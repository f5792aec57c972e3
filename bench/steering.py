"""Steering benchmarks on 50,000 tasks over 1,000 units (a throwaway database): the
committee's scorecard for a year (target ≤ 300 ms), a unit's task board (p95 ≤ 100 ms,
server side and, when the page exists, through the web page) and the daily reminder run
(target ≤ 10 s; a second run the same day creates nothing)."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.core.clock import today  # noqa: E402
from bienche.core.workdays import WorkdayIndex  # noqa: E402
from bienche.org.enums import Role  # noqa: E402
from bienche.org.models import Unit  # noqa: E402
from bienche.org.services import LegalBasis, UnitSpec, unit_establish  # noqa: E402
from bienche.org.services.access import membership_grant  # noqa: E402
from bienche.steering.enums import (  # noqa: E402
    OPEN_STATUSES,
    DeadlineKind,
    EventKind,
    Period,
    Status,
)
from bienche.steering.models import Task, TaskEvent  # noqa: E402
from bienche.steering.scorecard import scorecard  # noqa: E402
from bienche.steering.selectors import unit_board  # noqa: E402
from bienche.steering.services.documents import document_create  # noqa: E402
from bienche.steering.services.reminders import reminder_run  # noqa: E402
from bienche.steering.services.tasks import TaskSpec, tasks_create  # noqa: E402

N_UNITS, N_TASKS, N_DOCS = 1000, 50_000, 500
N_DEPTS, N_DISTRICTS = 20, 30
START = dt.date(2025, 1, 2)
BOARD_UNITS = 50


def build_units() -> list[str]:
    """A city, 20 departments, 30 districts and 949 wards, in one establish event."""
    specs = [UnitSpec(code="B", name="Thành phố", kind="city")]
    specs += [
        UnitSpec(code=f"B.S.{i:02d}", name=f"Sở {i}", kind="department", parent_code="B")
        for i in range(N_DEPTS)
    ]
    specs += [
        UnitSpec(code=f"B.H.{i:02d}", name=f"Quận {i}", kind="urban_district", parent_code="B")
        for i in range(N_DISTRICTS)
    ]
    n_wards = N_UNITS - len(specs)
    specs += [
        UnitSpec(
            code=f"B.X.{i:04d}", name=f"Phường {i}", kind="ward", parent_code=f"B.H.{i % 30:02d}"
        )
        for i in range(n_wards)
    ]
    basis = LegalBasis(number="BENCH", issuer="bench", summary="Benchmark registry")
    unit_establish(specs=specs, on=dt.date(2020, 1, 1), basis=basis, acting_user=None)
    return [s.code for s in specs[1:]]


def _spec(rng: random.Random, lead: str, issued: dt.date) -> TaskSpec:
    r = rng.random()
    kind: dict[str, Any] = {"deadline_kind": DeadlineKind.DATE}
    if r < 0.05:
        kind = {"deadline_kind": DeadlineKind.RECURRING, "period": Period.QUARTER}
    elif r < 0.08:
        kind = {"deadline_kind": DeadlineKind.NONE}
    else:
        kind["deadline"] = issued + dt.timedelta(days=rng.randint(10, 90))
    return TaskSpec(
        content=f"Nhiệm vụ benchmark {rng.randrange(10**6)}",
        lead_unit_code=lead,
        responsible_post="Thủ trưởng đơn vị",
        recorded_on=issued + dt.timedelta(days=rng.randint(1, 5)),
        synthetic=True,
        **kind,
    )


def build_tasks(codes: list[str], rng: random.Random) -> None:
    """500 documents of 100 tasks each through ``tasks_create``; then lifecycle states."""
    days = WorkdayIndex(START, today())
    span = days.between(START, today()) - 5
    weights = [3.0 if c.startswith("B.S.") else 1.5 if c.startswith("B.H.") else 1.0 for c in codes]
    tasks: list[Task] = []
    for d in range(N_DOCS):
        issued = days.add(START, span * d // N_DOCS + 1)
        doc = document_create(
            kind="notice",
            number=f"{d + 1}/TB-BENCH",
            issuer="UBND",
            issued_on=issued,
            summary="Benchmark",
            synthetic=True,
            acting_user=None,
        )
        leads = rng.choices(codes, weights, k=N_TASKS // N_DOCS)
        specs = [_spec(rng, c, issued) for c in leads]
        tasks += tasks_create(document=doc, specs=specs, acting_user=None)
    _lifecycle(tasks, rng)


def _lifecycle(tasks: list[Task], rng: random.Random) -> None:
    """Benchmark fixture only: lifecycle states are written directly (the summary columns
    by one parameterized UPDATE per task, executemany — Django's bulk_update builds a CASE
    per column and is slower — plus the matching events in bulk), not through the lifecycle
    services, which take ~2 ms a call; the demo (``demo.steering``) plays them."""
    now, events = today(), []
    for t in tasks:
        r = rng.random()
        if t.deadline_kind == DeadlineKind.RECURRING:
            t.status = Status.IN_PROGRESS
            continue
        base = t.deadline or t.assigned_on + dt.timedelta(days=60)
        if r < 0.05:
            t.status, t.cancelled_on = Status.CANCELLED, t.recorded_on
            events.append(TaskEvent(task=t, kind=EventKind.CANCELLED, on=t.cancelled_on))
            continue
        if r < 0.10 and t.deadline and t.deadline <= now:
            t.extensions, t.current_deadline = 1, t.deadline + dt.timedelta(days=20)
            events.append(TaskEvent(task=t, kind=EventKind.EXTENSION_APPROVED, on=t.deadline))
        shift = rng.randint(-30, 0) if r < 0.85 else rng.randint(1, 40) if r < 0.96 else None
        report = None if shift is None else max(base + dt.timedelta(days=shift), t.recorded_on)
        if report is None or report > now:
            t.status = Status.IN_PROGRESS if rng.random() < 0.5 else Status.ASSIGNED
            continue
        accepted = report + dt.timedelta(days=rng.randint(1, 5))
        t.status, t.reported_on = Status.REPORTED, report
        events.append(TaskEvent(task=t, kind=EventKind.REPORTED_DONE, on=report))
        if accepted <= now:
            t.status, t.accepted_on, t.completed_on = Status.ACCEPTED, accepted, report
            events.append(TaskEvent(task=t, kind=EventKind.ACCEPTED, on=accepted))
    fields = ["status", "reported_on", "completed_on", "accepted_on", "cancelled_on"]
    fields += ["current_deadline", "extensions"]
    sets = ", ".join(f"{f} = %s" for f in fields)
    rows: list[list[Any]] = [[_db(getattr(t, f)) for f in fields] + [t.pk] for t in tasks]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {Task._meta.db_table} SET {sets} WHERE id = %s", rows)
    TaskEvent.objects.bulk_create(events, batch_size=2000)


def _db(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def once(fn: Callable[..., object], *args: object) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def board_units(rng: random.Random) -> list[tuple[int, str]]:
    """The five units with most open tasks, and 45 others at random."""
    open_tasks = Task.objects.filter(status__in=OPEN_STATUSES).values("lead_unit_id")
    busiest = list(
        open_tasks.annotate(n=Count("id")).order_by("-n").values_list("lead_unit_id", flat=True)[:5]
    )
    units = sorted(Unit.objects.filter(code__startswith="B.").values_list("pk", "code"))
    rest = rng.sample([u for u in units if u[0] not in busiest], BOARD_UNITS - len(busiest))
    return [u for u in units if u[0] in busiest] + rest


def measure_page(units: list[tuple[int, str]]) -> tuple[str, str]:
    """The board page through the test client: (measured, note); optional (the page is
    written in parallel and may not exist yet)."""
    setup_test_environment()
    user, _created = get_user_model().objects.get_or_create(username="bench-admin")
    with transaction.atomic():
        membership_grant(user=user, role=Role.CITY_ADMIN, unit_code=None, acting_user=None)
    client = Client()
    client.force_login(user)
    try:
        first = client.get(f"/steering/board/?unit={units[0][1]}")
    except Exception as exc:  # noqa: BLE001
        return "skipped", f"the page failed: {type(exc).__name__}: {exc}"[:120]
    if first.status_code != 200:
        return "skipped", f"/steering/board/ answered {first.status_code}"
    times = [once(client.get, f"/steering/board/?unit={code}") for _u, code in units]
    return f"p95 {p95(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms", ""


def measure_scorecard() -> tuple[str, str, str]:
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    card = scorecard(*year)
    times = [once(scorecard, *year) for _ in range(7)]
    return (
        f"scorecard 2025 ({card['total']['assigned']:,} tasks, {len(card['units'])} units)",
        "≤ 300 ms",
        f"median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms",
    )


def measure_board(units: list[tuple[int, str]]) -> tuple[str, str, str]:
    on = today()
    sizes = [len(unit_board(pk, on)["lead"]) for pk, _c in units]
    times = [once(unit_board, pk, on) for pk, _c in units]
    return (
        f"unit_board, {len(units)} units (up to {max(sizes)} open tasks)",
        "p95 ≤ 100 ms",
        f"p95 {p95(times) * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms",
    )


def measure_reminders(run: int) -> tuple[str, str, str]:
    t0 = time.perf_counter()
    report = reminder_run(for_date=today())
    took = time.perf_counter() - t0
    kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(report.by_kind.items())) or "none"
    return (
        f"reminder run #{run} ({report.open_tasks:,} open tasks)",
        "≤ 10 s" + ("; 0 new" if run == 2 else ""),
        f"{took:.2f} s, {report.created:,} created ({kinds})",
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(2026)
    t0 = time.perf_counter()
    with transaction.atomic():
        build_tasks(build_units(), rng)
    print(
        f"  [{connection.vendor}] built {Unit.objects.count():,} units, {Task.objects.count():,} "
        f"tasks, {TaskEvent.objects.count():,} events in {time.perf_counter() - t0:.1f} s"
    )
    units = board_units(rng)
    page, note = measure_page(units)
    rows = [
        measure_scorecard(),
        measure_board(units),
        ("GET /steering/board/?unit=…", "p95 ≤ 100 ms", page),
        measure_reminders(1),
        measure_reminders(2),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"  {'measure':<{width}}  {'target':<14}  measured")
    for name, target, value in rows:
        print(f"  {name:<{width}}  {target:<14}  {value}")
    if note:
        print(f"  (board page skipped: {note})")


if __name__ == "__main__":
    main()
