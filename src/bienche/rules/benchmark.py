"""Payroll engine benchmark: `bienche bench pay [--staff N]` (also run by `make bench`).

Writes seeded synthetic rosters of 100,000, 500,000 and N (default 2,500,000) people to
Parquet in a temporary directory, then, each measurement in a fresh child process (so the peak
memory is the run's own):
* one month's payroll from Parquet — read, checks, every line, employer contributions, totals
  and roll-ups by unit, sector, category and level (target ≤ 1 s for 2.5 M, aim 0.3 s; peak
  memory ≤ 2 GB), at each size to show the time grows linearly;
* the per-person reference (plain Python loops over dicts) on a 20,000-person sample,
  extrapolated to N, against the vectorised run (target ≥ 50×);
* a baseline-against-scenario comparison over N people and 12 months (the July 2024
  base-salary raise; target ≤ 10 s), including the Parquet read.
Benchmarks report figures; they do not pass or fail. The machine's load average is printed:
the figures are only comparable on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MONTH = dt.date(2024, 7, 1)
YEAR = [dt.date(2024 + (6 + k) // 12, (6 + k) % 12 + 1, 1) for k in range(12)]
SAMPLE = 20_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn, repeat: int) -> tuple[float, float, float]:
    """(first, best, cpu of best) wall seconds."""
    times = []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - w, time.process_time() - c))
    best = min(times)
    return times[0][0], best[0], best[1]


def child_run(path: str) -> dict:
    import polars as pl

    from bienche.rules.payroll import run

    first, best, cpu = _timed(lambda: run(pl.scan_parquet(path), MONTH), 3)
    result = run(pl.scan_parquet(path), MONTH)
    peak = _peak_mb()
    w = time.perf_counter()
    people = result.people.height
    return {
        "first": first,
        "best": best,
        "cpu": cpu,
        "peak_mb": peak,
        "people_s": time.perf_counter() - w,
        "headcount": result.totals["headcount"],
        "excluded": result.totals["excluded"],
        "units": result.by_unit.height,
        "rows": people,
    }


def child_compare(path: str) -> dict:
    import polars as pl

    from bienche.rules.compare import compare
    from bienche.rules.scenarios import load_scenario

    s = load_scenario("luong-co-so-2024")
    w, c = time.perf_counter(), time.process_time()
    result = compare(pl.scan_parquet(path), YEAR, s.baseline, s)
    out = {"wall": time.perf_counter() - w, "cpu": time.process_time() - c, "peak_mb": _peak_mb()}
    out["difference"] = result.totals["difference"]
    out["by_sector"] = result.annual("sector").select("sector", "difference").rows()
    n = load_scenario("nq27-mau")
    w = time.perf_counter()
    sample = compare(pl.scan_parquet(path), YEAR, None, n)
    out["nq27_wall"] = time.perf_counter() - w
    out["nq27_difference"] = sample.totals["difference"]
    out["nq27_distribution"] = sample.distribution
    return out


def child_reference(path: str) -> dict:
    import polars as pl

    from bienche.rules.explain import explain
    from bienche.rules.payroll import run
    from bienche.rules.reference import run_reference

    frame = pl.read_parquet(path).head(SAMPLE)
    rows = frame.to_dicts()
    run_reference(rows[:100], MONTH)  # warm the parameter snapshot
    _, ref, _ = _timed(lambda: run_reference(rows, MONTH), 1)
    _, vec, _ = _timed(lambda: run(frame, MONTH).people, 3)
    _, one, _ = _timed(lambda: explain(rows[0], MONTH), 20)
    return {"reference": ref, "vectorised_sample": vec, "explain": one}


def _child(kind: str, path: Path | str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bienche.rules.benchmark", "--child", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def child_write(spec: str) -> dict:
    """Write the rosters in a child too, so the parent (whose peak memory a forked child's
    getrusage would inherit) stays small."""
    from bienche.rules.synthetic import synthetic_roster

    folder, sizes = spec.split("|")
    out = {}
    for n in map(int, sizes.split(",")):
        t0 = time.perf_counter()
        synthetic_roster(n, seed=2026).write_parquet(Path(folder) / f"roster-{n}.parquet")
        out[n] = time.perf_counter() - t0
    return out


def _write(sizes: list[int], folder: Path) -> dict[int, Path]:
    took = _child("write", f"{folder}|{','.join(map(str, sizes))}")
    for n in sizes:
        print(f"  synthetic roster {n:>9,} rows: generated and written in {took[str(n)]:.2f} s")
    return {n: folder / f"roster-{n}.parquet" for n in sizes}


def _row(name: str, target: str, measured: str) -> None:
    print(f"  {name:<52} {target:>12} {measured:>22}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staff", type=int, default=2_500_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, path = args.child
        fn = {
            "run": child_run,
            "compare": child_compare,
            "reference": child_reference,
            "write": child_write,
        }[kind]
        print(json.dumps(fn(path), default=str))
        return
    n = args.staff
    sizes = sorted({min(100_000, n), min(500_000, n), n})
    print(f"== pay: payroll engine, {os.cpu_count()} cores, load average {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = _write(sizes, Path(tmp))
        runs = {size: _child("run", paths[size]) for size in sizes}
        for size, r in runs.items():
            print(
                f"  run {size:>9,}: first {r['first']:.3f} s, best {r['best']:.3f} s "
                f"(cpu {r['cpu']:.2f} s), {r['best'] / size * 1e9:.0f} ns/person, "
                f"peak {r['peak_mb']:,.0f} MB, {r['units']:,} units, excluded {r['excluded']}; "
                f"per-person frame on demand {r['people_s']:.2f} s"
            )
        ref = _child("reference", paths[sizes[-1]])
        comparison = _child("compare", paths[n])
    big, small = runs[n], runs[sizes[0]]
    extrapolated = ref["reference"] / SAMPLE * n
    print(
        f"  reference (per person, plain Python) on {SAMPLE:,}: {ref['reference']:.2f} s "
        f"→ {extrapolated:.0f} s for {n:,}; vectorised on the same sample with the "
        f"per-person frame: {ref['vectorised_sample']:.3f} s; explain(): "
        f"{ref['explain'] * 1000:.1f} ms"
    )
    print(
        f"  compare 12 months (luong-co-so-2024): {comparison['wall']:.2f} s "
        f"(cpu {comparison['cpu']:.2f} s), peak {comparison['peak_mb']:,.0f} MB; raise cost "
        f"{comparison['difference'] / 1e9:,.1f} bn VND/year on the synthetic roster"
    )
    print(f"  compare 12 months (nq27-mau, illustrative): {comparison['nq27_wall']:.2f} s")
    print(f"  load average at the end {os.getloadavg()}")
    print()
    _row("measure", "target", "measured")
    _row(f"month payroll from Parquet, {n:,} staff", "≤ 1 s", f"{big['best']:.3f} s")
    _row("peak memory of that run", "≤ 2,048 MB", f"{big['peak_mb']:,.0f} MB")
    for size in sizes[1:]:
        ratio = runs[size]["best"] / small["best"]
        _row(
            f"time, {size:,} vs {sizes[0]:,} staff (linear: ≤ {size / sizes[0]:.0f}×)",
            f"≤ {size / sizes[0]:.0f}×",
            f"{ratio:.1f}×",
        )
    _row("speed-up over the per-person reference", "≥ 50×", f"{extrapolated / big['best']:.0f}×")
    _row(f"baseline vs scenario, {n:,} staff × 12 months", "≤ 10 s", f"{comparison['wall']:.2f} s")


if __name__ == "__main__":
    main()
