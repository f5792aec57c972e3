"""A synthetic country-scale registry (100,000 units, 10 years of events), bulk-loaded, then:
the full as-of tree (target ≤ 0.5 s) and one unit's lineage (target ≤ 20 ms)."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bienche.org.models import LineageEdge, ReorgEvent, Unit, UnitVersion  # noqa: E402
from bienche.org.selectors import unit_lineage, unit_tree_as_of  # noqa: E402

N_UNITS = 100_000
START = dt.date(2016, 1, 1)
YEARS = 10


def _version(unit_id, parent_id, kind, level, name, vf, ev):
    return UnitVersion(
        unit_id=unit_id,
        parent_id=parent_id,
        kind=kind,
        level=level,
        name=name,
        valid_from=vf,
        opened_by_id=ev,
    )


def build() -> list[int]:
    """Country → 63 provinces → 700 districts → 10,000 communes; PSUs fill up to 100,000.
    Each year 300 pairs of communes merge into a new commune (chains across years)."""
    rng = random.Random(42)
    with transaction.atomic():
        base = ReorgEvent.objects.create(kind="establish", effective_on=START, basis_number="B")
        codes = [f"U{i:06d}" for i in range(N_UNITS)]
        Unit.objects.bulk_create([Unit(code=c) for c in codes], batch_size=5000)
        ids = dict(Unit.objects.values_list("code", "pk"))
        uid = [ids[c] for c in codes]
        provinces, districts = uid[1:64], uid[64:764]
        communes, psus = uid[764:10764], uid[10764:]
        versions = [_version(uid[0], None, "city", "city", "Country", START, base.pk)]
        versions += [
            _version(u, uid[0], "city", "city", f"P{u}", START, base.pk) for u in provinces
        ]
        versions += [
            _version(
                u, rng.choice(provinces), "rural_district", "district", f"D{u}", START, base.pk
            )
            for u in districts
        ]
        versions += [
            _version(u, rng.choice(districts), "commune", "commune", f"C{u}", START, base.pk)
            for u in communes
        ]
        versions += [
            _version(
                u,
                rng.choice(provinces + districts),
                "public_service_unit",
                "city",
                f"S{u}",
                START,
                base.pk,
            )
            for u in psus
        ]
        UnitVersion.objects.bulk_create(versions, batch_size=5000)
        alive = {
            u: d for u, d in zip(communes, [v.parent_id for v in versions[764:10764]], strict=True)
        }
        merged_into: list[int] = []
        for year in range(1, YEARS + 1):
            merged_into = _merge_year(rng, alive, START.replace(year=START.year + year))
    return merged_into


def _merge_year(rng: random.Random, alive: dict[int, int], on: dt.date) -> list[int]:
    ev = ReorgEvent.objects.create(kind="merge", effective_on=on, basis_number=f"M{on.year}")
    pool = rng.sample(sorted(alive), 600)
    pairs = [pool[i : i + 2] for i in range(0, 600, 2)]
    UnitVersion.objects.filter(unit_id__in=pool, valid_to__isnull=True).update(
        valid_to=on, closed_by=ev
    )
    new_units = [Unit(code=f"M{on.year}-{i}") for i in range(len(pairs))]
    Unit.objects.bulk_create(new_units)
    ids = dict(Unit.objects.filter(code__startswith=f"M{on.year}-").values_list("code", "pk"))
    versions, edges, out = [], [], []
    for (a, b), nu in zip(pairs, new_units, strict=True):
        new_id = ids[nu.code]
        versions.append(_version(new_id, alive[a], "commune", "commune", nu.code, on, ev.pk))
        edges += [
            LineageEdge(event=ev, predecessor_id=a, successor_id=new_id),
            LineageEdge(event=ev, predecessor_id=b, successor_id=new_id),
        ]
        alive[new_id] = alive.pop(a)
        alive.pop(b)
        out.append(new_id)
    UnitVersion.objects.bulk_create(versions)
    LineageEdge.objects.bulk_create(edges)
    return out


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    if Unit.objects.count() < N_UNITS:
        for model in (LineageEdge, UnitVersion):
            model.objects.all().delete()
        Unit.objects.all().delete()
        ReorgEvent.objects.all().delete()
        t0 = time.perf_counter()
        build()
        print(
            f"  [{vendor}] bulk-loaded {Unit.objects.count():,} units, "
            f"{UnitVersion.objects.count():,} versions in {time.perf_counter() - t0:.1f} s"
        )
    on = dt.date(2026, 6, 1)
    tree_times = timed(lambda: unit_tree_as_of(on), 5)
    size = len(unit_tree_as_of(on))
    print(
        f"  [{vendor}] as-of tree ({size:,} units on {on}): best {min(tree_times):.3f} s, "
        f"median {statistics.median(tree_times):.3f} s (target ≤ 0.5 s)"
    )
    last = Unit.objects.filter(code__startswith=f"M{on.year}-").order_by("code")[:50]
    lin_times, depths = [], []
    for u in last:
        t0 = time.perf_counter()
        steps = unit_lineage(u, direction="back")
        lin_times.append(time.perf_counter() - t0)
        depths.append(max((s.depth for s in steps), default=0))
    print(
        f"  [{vendor}] lineage back over {len(lin_times)} units (depth up to {max(depths)}): "
        f"median {statistics.median(lin_times) * 1000:.1f} ms, "
        f"max {max(lin_times) * 1000:.1f} ms (target ≤ 20 ms)"
    )


if __name__ == "__main__":
    main()
