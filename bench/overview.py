"""The committee's overview page on the Hà Nội demo (target p95 ≤ 200 ms), cold (cache
cleared before each request) and cached, and the time to export the whole set of
statistical forms (city-wide and for one district)."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.demo.build import build_demo, demo_is_built, ensure_demo_users  # noqa: E402
from bienche.reports.forms import forms_export  # noqa: E402

AS_OF = dt.date(2025, 12, 31)


def _times(client: Client, url: str, n: int, *, cold: bool) -> list[float]:
    times = []
    for _ in range(n):
        if cold:
            cache.clear()
        t0 = time.perf_counter()
        resp = client.get(url)
        times.append(time.perf_counter() - t0)
        assert resp.status_code == 200, resp.status_code
    return sorted(times)


def _report(label: str, times: list[float], target: str) -> None:
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"  {label}: median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms ({target})"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    if not demo_is_built():
        t0 = time.perf_counter()
        build_demo(progress=False)
        print(f"  demo build: {time.perf_counter() - t0:.1f} s")
    ensure_demo_users()
    setup_test_environment()
    client = Client()
    client.login(username="admin", password="bienche-demo-2026")
    url = f"/overview/?as_of={AS_OF.isoformat()}"
    _report(f"GET {url} cold", _times(client, url, 10, cold=True), "cache cleared each time")
    client.get(url)
    _report(f"GET {url} cached", _times(client, url, 60, cold=False), "target p95 ≤ 200 ms")
    _report("GET /overview/ (today) cached", _times(client, "/overview/", 40, cold=False), "")
    with tempfile.TemporaryDirectory() as tmp:
        for unit in (None, "HN.S.NV"):
            cache.clear()
            t0 = time.perf_counter()
            files = forms_export(AS_OF, unit, Path(tmp) / (unit or "city"))
            size = sum(f.stat().st_size for f in files)
            print(
                f"  export of the {len(files)} forms ({unit or 'the city'}): "
                f"{time.perf_counter() - t0:.2f} s, {size:,} bytes"
            )


if __name__ == "__main__":
    main()
