"""Hà Nội demo: `bienche demo --no-serve` build time (target ≤ 60 s) and the org chart
page's server time (target p95 ≤ 100 ms)."""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.demo.build import build_demo, ensure_demo_users  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    report = build_demo(progress=False, rebuild=True)
    print(f"  demo build: {time.perf_counter() - t0:.1f} s (target ≤ 60 s) — {report}")
    ensure_demo_users()
    setup_test_environment()
    client = Client()
    client.login(username="admin", password="bienche-demo-2026")
    for url in ("/org/chart/?on=2023-12-31", "/org/chart/", "/org/units/HN/"):
        client.get(url)
        times = []
        for _ in range(40):
            t0 = time.perf_counter()
            resp = client.get(url)
            times.append(time.perf_counter() - t0)
            assert resp.status_code == 200
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"  GET {url}: median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms (target p95 ≤ 100 ms)"
        )


if __name__ == "__main__":
    main()
