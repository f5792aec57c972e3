"""Pay from the database: the whole Hà Nội demo roster (~160,000 people) for one month, read
in bulk and computed (target ≤ 2 s on SQLite and on PostgreSQL), a 12-month comparison, the
people the engine excludes, and the demo's answers (the July 2024 base-salary raise per year
by sector; the sample Resolution-27 scenario).

`DATABASE_URL=… python -m bench.pay_db` (default: a throwaway SQLite file in var/). The demo
is built into that database first when it is missing. Benchmarks report; they do not fail.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import time

os.environ.setdefault("DATABASE_URL", "sqlite:///var/bench-pay.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bienche.demo.build import build_demo, demo_is_built  # noqa: E402
from bienche.pay import selectors as sel  # noqa: E402
from bienche.pay.roster_source import roster_frame  # noqa: E402
from bienche.rules.payroll import run  # noqa: E402
from bienche.staffing.models import Person  # noqa: E402

MONTH = dt.date(2024, 7, 1)
YEAR = sel.months_between(dt.date(2024, 7, 1), dt.date(2025, 6, 1))
REPEAT = 5


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _ensure_demo() -> None:
    call_command("migrate", verbosity=0)
    if demo_is_built() and Person.objects.count() > 100_000:
        return
    t0 = time.perf_counter()
    build_demo(progress=False, rebuild=demo_is_built())
    print(f"  built the demo in {time.perf_counter() - t0:.0f} s")


def _read_and_compute() -> None:
    reads, computes, totals = [], [], []
    frame = None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        frame = roster_frame(MONTH)
        t1 = time.perf_counter()
        result = run(frame, MONTH)
        t2 = time.perf_counter()
        reads.append(t1 - t0)
        computes.append(t2 - t1)
        totals.append(t2 - t0)
    assert frame is not None
    best = min(range(REPEAT), key=lambda i: totals[i])
    print(
        f"  one month ({MONTH:%Y-%m}), {frame.height:,} people, read + compute: first "
        f"{totals[0]:.2f} s, best {totals[best]:.2f} s (read {reads[best]:.2f} s + compute "
        f"{computes[best]:.2f} s) — target ≤ 2 s"
    )
    print(f"  excluded by the engine: {result.totals['excluded']:,}")
    if result.excluded.height:
        grouped = result.excluded.group_by("rule", "reason").len().sort("len", descending=True)
        for rule, reason, n in grouped.head(10).rows():
            print(f"    {n:,} [{rule}] {reason}")


def _answers() -> None:
    t0 = time.perf_counter()
    raise_ = sel._pay_compare(YEAR, "luong-co-so-2024", None)
    took = time.perf_counter() - t0
    c = raise_.comparison
    print(
        f"  12-month comparison (read + 2 × 12 months + exclusions): {took:.2f} s\n"
        f"  ANSWER — base salary 1.800.000 → 2.340.000 đ from 01/07/2024, cost over "
        f"07/2024–06/2025: {_vnd(c.totals['difference'])} đ "
        f"(baseline {_vnd(c.totals['baseline_cost'])} đ → {_vnd(c.totals['scenario_cost'])} đ; "
        f"ratio {c.totals['difference'] / c.totals['baseline_cost']:.6f})"
    )
    for r in c.annual("sector").sort("difference", descending=True).rows(named=True):
        print(f"    {r['sector']:<13} {_vnd(r['difference']):>22} đ")
    nq27 = sel._pay_compare(YEAR, "nq27-mau", None).comparison
    d = nq27.distribution
    print(
        f"  ANSWER — sample Resolution-27 scenario (ILLUSTRATIVE amounts) over the same year: "
        f"{_vnd(nq27.totals['scenario_cost'])} đ against current law "
        f"{_vnd(nq27.totals['baseline_cost'])} đ: difference {_vnd(nq27.totals['difference'])} đ;"
        f" gainers {d['gainers']:,}, losers {d['losers']:,}, median change "
        f"{_vnd(round(d['median']))} đ, worst {_vnd(d['worst_loss'])} đ"
    )


def main() -> None:
    print(f"== pay from the database ({connection.vendor})")
    _ensure_demo()
    _read_and_compute()
    _answers()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    main()
