"""Hòa Lạc benchmarks on a park of 5,000 projects (a throwaway database; the real park holds
about 150): the dashboard computed from the history as of a date (target ≤ 1 s uncached),
the pipeline board, and the dashboard page through the web (cached per data version)."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bienche.core.clock import today  # noqa: E402
from bienche.investment.dashboard import _compute, board  # noqa: E402
from bienche.investment.enums import PIPELINE_STAGES, LandUse, Pipeline, Sector  # noqa: E402
from bienche.investment.models import (  # noqa: E402
    Certificate,
    Disbursement,
    Investor,
    Project,
    ProjectStage,
    Zone,
    ZoneLand,
)

N_PROJECTS = 5000
ZONES = [("Z1", LandUse.INDUSTRY), ("Z2", LandUse.SOFTWARE), ("Z3", LandUse.RESEARCH)]


def _build(rng: random.Random) -> None:
    zones = {}
    for i, (code, use) in enumerate(ZONES):
        zones[code] = Zone.objects.create(code=code, name=f"Phân khu {code}", position=i)
        ZoneLand.objects.create(zone=zones[code], use=use, planned_ha=Decimal(50_000), source="b")
    investors = Investor.objects.bulk_create(
        [
            Investor(
                name=f"NĐT {i}",
                name_key=f"ndt {i}",
                country=rng.choice(["VN", "KR", "JP"]),
                sector=Sector.INDUSTRY,
            )
            for i in range(1000)
        ]
    )
    sequence = PIPELINE_STAGES[Pipeline.NEW]
    projects, stages, certs, disb = [], [], [], []
    for i in range(N_PROJECTS):
        depth = rng.randrange(len(sequence))
        start = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7000))
        days = [start + dt.timedelta(days=90 * k) for k in range(depth + 1)]
        code, use = rng.choice(ZONES)
        projects.append(
            Project(
                code=f"B{i:05d}",
                name=f"Dự án {i}",
                investor=rng.choice(investors),
                pipeline=Pipeline.NEW,
                sector=Sector.INDUSTRY,
                zone=zones[code],
                land_use=use,
                land_ha=Decimal(rng.randint(1, 50)),
                stage=sequence[depth],
                stage_since=days[-1],
                synthetic=True,
            )
        )
    Project.objects.bulk_create(projects, batch_size=1000)
    for p in Project.objects.all():
        depth = sequence.index(p.stage)
        for k in range(depth + 1):
            stages.append(
                ProjectStage(
                    project=p,
                    stage=sequence[k],
                    entered_on=p.stage_since - dt.timedelta(days=90 * (depth - k)),
                )
            )
        if depth >= 4:
            reg = p.stage_since - dt.timedelta(days=90 * (depth - 4))
            certs.append(
                Certificate(
                    project=p, number=f"G{p.pk}", issued_on=reg, amount=10**12, amount_vnd=10**12
                )
            )
            disb.append(
                Disbursement(
                    project=p, on=reg + dt.timedelta(days=30), amount=10**11, amount_vnd=10**11
                )
            )
    ProjectStage.objects.bulk_create(stages, batch_size=2000)
    Certificate.objects.bulk_create(certs, batch_size=2000)
    Disbursement.objects.bulk_create(disb, batch_size=2000)


def _time(fn, n: int = 7) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return sorted(out)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    t0 = time.perf_counter()
    _build(random.Random(7))
    print(f"  built {N_PROJECTS:,} projects in {time.perf_counter() - t0:.1f} s")
    on = today()
    dash = _time(lambda: _compute(on))
    print(
        f"  dashboard from history (uncached): median {statistics.median(dash) * 1000:.0f} ms, "
        f"max {dash[-1] * 1000:.0f} ms (target ≤ 1000 ms)"
    )
    brd = _time(lambda: board(on))
    print(f"  pipeline board: median {statistics.median(brd) * 1000:.0f} ms")
    setup_test_environment()
    user = get_user_model().objects.create_superuser("bench", password="bench-pw-12345")
    client = Client()
    client.force_login(user)
    client.get("/hoalac/")
    pages = _time(lambda: client.get("/hoalac/"), n=20)
    print(f"  dashboard page (cached): p95 {pages[int(len(pages) * 0.95) - 1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
