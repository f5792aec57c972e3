"""Delegation register on the Hà Nội demo (2,129 powers, about 1,300 transfers): the cost
the register adds to the demo build, "who decides" latency (server side, through the API
and the web page; target p95 ≤ 50 ms server side), a unit's powers, the review register
and the annual statistics."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.core.clock import today  # noqa: E402
from bienche.delegation.models import Power, Transfer  # noqa: E402
from bienche.delegation.resolution import who_decides_by_code  # noqa: E402
from bienche.delegation.selectors import powers_of_unit, review_register  # noqa: E402
from bienche.delegation.stats import delegation_stats  # noqa: E402
from bienche.demo.build import build_demo, ensure_demo_users  # noqa: E402
from bienche.org.models import Unit  # noqa: E402
from bienche.org.selectors import unit_tree_as_of  # noqa: E402

ROUNDS = 200


def timed(label: str, fn: Callable[[int], object], n: int = ROUNDS, target: str = "") -> None:
    fn(0)  # warm
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"  {label}: median {statistics.median(times) * 1000:.2f} ms, "
        f"p95 {p95 * 1000:.2f} ms over {n}{f' ({target})' if target else ''}"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    build_demo(progress=False, rebuild=True, staffing=False, steering=False, delegation=False)
    without = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_demo(progress=False, rebuild=True, staffing=False, steering=False)
    with_register = time.perf_counter() - t0
    print(
        f"  demo build (org only): {without:.1f} s; with the register: {with_register:.1f} s "
        f"(+{with_register - without:.1f} s for {Power.objects.count():,} powers, "
        f"{Transfer.objects.count():,} transfers)"
    )
    rng = random.Random(6)
    powers = list(Power.objects.values_list("code", flat=True))
    now, before = today(), dt.date(2024, 6, 1)
    communes = {
        day: [n.code for n in unit_tree_as_of(day).by_id.values() if n.level == "commune"]
        for day in (now, before)
    }
    pairs = [
        (rng.choice(powers), rng.choice(communes[day]), day)
        for day in (now, before)
        for _ in range(ROUNDS // 2)
    ]
    timed(
        "who decides (server side)",
        lambda i: who_decides_by_code(*pairs[i]),
        target="target p95 ≤ 50 ms",
    )
    ensure_demo_users()
    setup_test_environment()
    client = Client()
    client.force_login(django.contrib.auth.get_user_model().objects.get(username="admin"))
    timed(
        "GET /api/v1/delegation/who",
        lambda i: client.get(
            "/api/v1/delegation/who",
            {"power": pairs[i][0], "unit": pairs[i][1], "as_of": pairs[i][2].isoformat()},
        ),
        n=100,
    )
    timed(
        "GET /delegation/who/ page",
        lambda i: client.get(
            "/delegation/who/",
            {"power": pairs[i][0], "unit": pairs[i][1], "on": pairs[i][2].isoformat()},
        ),
        n=100,
    )
    commune = Unit.objects.get(code=communes[now][0])
    timed("powers of a commune today", lambda _i: powers_of_unit(commune, now), n=50)
    timed("review register today", lambda _i: review_register(now), n=10)
    timed("statistics 2023", lambda _i: delegation_stats(2023), n=10)


if __name__ == "__main__":
    main()
