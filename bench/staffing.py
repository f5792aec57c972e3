"""Staffing benchmarks: import and validate a 200,000-row roster XLSX (target ≤ 8 s,
memory ≤ 1.5 GB), and the staffing pages on the full demo (target p95 ≤ 150 ms)."""

from __future__ import annotations

import os
import resource
import statistics
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

import xlsxwriter  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.demo.build import build_demo, ensure_demo_users  # noqa: E402
from bienche.staffing.models import Assignment, Person  # noqa: E402
from bienche.staffing.roster_layout import COLUMNS  # noqa: E402
from bienche.staffing.services.roster_import import roster_import  # noqa: E402

N = 200_000
UNITS = ["HN.S.NV", "HN.S.TP", "HN.S.CT", "HN.S.YT", "HN.S.GDDT", "HN.S.VHTT"]


def write_roster(path: Path) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, [c.header for c in COLUMNS])
    for i in range(1, N + 1):
        ws.write_row(
            i,
            0,
            [
                f"9{i:011d}",
                f"Nguyễn Văn {i}",
                "1980-05-01",
                "Nam",
                "Đại học",
                "",
                UNITS[i % 6],
                "",
                "civil_servant",
                "01.003",
                str(1 + i % 9),
                f"{2.34 + 0.33 * (i % 9):.2f}",
                "",
                "",
                "",
                "2026-01-01",
            ],
        )
    wb.close()


def main() -> None:
    call_command("migrate", verbosity=0)
    build_demo(progress=False, rebuild=True, staffing=False)
    path = Path("var/bench-roster-200k.xlsx")
    t0 = time.perf_counter()
    write_roster(path)
    print(f"  wrote {N:,}-row XLSX in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    report = roster_import(path=path, acting_user=None)
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  import + validate + write {report.rows:,} rows: {took:.1f} s (target ≤ 8 s), "
        f"ok={report.ok}, peak RSS {peak:,.0f} MB (target ≤ 1,500 MB)"
    )
    t0 = time.perf_counter()
    again = roster_import(path=path, acting_user=None)
    print(
        f"  re-import (idempotent, {again.unchanged:,} unchanged): "
        f"{time.perf_counter() - t0:.1f} s; people {Person.objects.count():,}, "
        f"assignments {Assignment.objects.count():,}"
    )
    build_demo(progress=False, rebuild=True)
    ensure_demo_users()
    setup_test_environment()
    client = Client()
    client.login(username="admin", password="bienche-demo-2026")
    for url in ("/staffing/", "/staffing/units/HN.S.GDDT/", "/staffing/units/HN.X25.00004/"):
        client.get(url)
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - t0)
        times.sort()
        print(
            f"  GET {url}: median {statistics.median(times) * 1000:.0f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms (target ≤ 150 ms)"
        )


if __name__ == "__main__":
    main()
