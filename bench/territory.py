"""Territory benchmarks (pure, no database): the check of 10,000 communes against a round
(target ≤ 1 s), a proposal for a province of 600 communes (target ≤ 30 s), and the whole
country (63 provinces of about 160 communes) proposed by province in parallel."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from bienche.territory.check import MUST, territory_check  # noqa: E402
from bienche.territory.propose import territory_propose  # noqa: E402
from bienche.territory.standards import round_get  # noqa: E402
from bienche.territory.synthetic import grid_territory  # noqa: E402

ROUND = "nq35-2023"


def _province(seed: int) -> tuple[int, int, int, float]:
    units, edges = grid_territory(16, 10, seed, parents=8)
    t = time.perf_counter()
    run = territory_propose(units=units, edges=edges, rnd=round_get(ROUND), alternatives=1)
    p = run.proposals[0]
    return len(run.must), len(p.merges), len(p.left_noncompliant), time.perf_counter() - t


def main() -> None:
    rnd = round_get(ROUND)
    units, _ = grid_territory(100, 100, 1, parents=50)
    t = time.perf_counter()
    verdicts = territory_check(units, rnd)
    dt_check = time.perf_counter() - t
    must = sum(v.status == MUST for v in verdicts)
    print(f"check 10,000 communes ({ROUND}): {dt_check * 1000:.0f} ms, {must:,} must (≤ 1 s)")
    units, edges = grid_territory(30, 20, 2, parents=6)
    t = time.perf_counter()
    run = territory_propose(units=units, edges=edges, rnd=rnd, alternatives=3)
    dt_prop = time.perf_counter() - t
    best = run.proposals[0]
    print(
        f"proposal, province of 600 communes, 3 alternatives: {dt_prop:.1f} s (≤ 30 s); "
        f"{len(run.must)} must, {run.candidates:,} candidate merges, best: "
        f"{len(best.merges)} merges, {len(best.left_noncompliant)} left, "
        f"optimal={best.optimal}"
    )
    t = time.perf_counter()
    workers = min(8, os.cpu_count() or 1)
    # spawn, not fork: the solver's threads in this process must not be forked
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        results = list(pool.map(_province, range(63)))
    wall = time.perf_counter() - t
    print(
        f"whole country, 63 provinces × 160 communes, {workers} processes: {wall:.1f} s wall "
        f"(slowest province {max(r[3] for r in results):.1f} s); "
        f"{sum(r[1] for r in results):,} merges, {sum(r[2] for r in results)} left"
    )


if __name__ == "__main__":
    main()
