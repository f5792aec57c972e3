"""`bienche pay …`: scenarios, one month's payroll run, a comparison, one person's payslip.

Glue only; logic lives in ``bienche.pay`` and ``bienche.rules``. Progress lines go to stderr
(``[  1.2s] …``), results to stdout. Exit codes are those of ``bienche.cli``: 0 success,
2 usage error, 3 not found, 4 invalid input (a roster the engine refuses, a person who
cannot be paid).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

USAGE, NOT_FOUND, INVALID = 2, 3, 4
_T0 = time.perf_counter()


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _progress(text: str) -> None:
    sys.stderr.write(f"[{time.perf_counter() - _T0:6.1f}s] {text}\n")
    sys.stderr.flush()


def _vnd(amount: float) -> str:
    return f"{round(amount):,}".replace(",", ".")


def _month(value: str) -> Any:
    import datetime as dt

    try:
        year, month = value.strip()[:7].split("-")
        return dt.date(int(year), int(month), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid month {value!r} (expected YYYY-MM) / tháng không hợp lệ"
        ) from None


def _out_kind(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    return suffix[1:] if suffix in (".xlsx", ".parquet") else None


def _roster(path: str | None) -> Any:
    if not path:
        return None
    from bienche.pay.roster_source import read_roster_file

    roster = read_roster_file(path)
    _progress(f"roster file {path}: {roster.height:,} rows")
    return roster


def cmd_pay_scenarios(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from bienche.pay.selectors import scenario_list

    rows = scenario_list()
    lines = []
    for s in rows:
        flag = " [MINH HỌA / ILLUSTRATIVE]" if s["illustrative"] else ""
        lines.append(f"{s['name']}{flag}\n  {s['label']}\n  {s['description']}")
        if s["baseline"]:
            lines.append(f"  so với / compared with: {s['baseline']}")
    _emit(rows, args.format, "\n".join(lines))
    return 0


def _totals_text(totals: dict[str, int]) -> list[str]:
    keys = ("gross", "employer_contributions", "employer_cost", "bonus_fund", "net")
    return [f"  {k}: {_vnd(totals[k])} đ" for k in keys]


def cmd_pay_run(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    kind = _out_kind(args.out)
    if kind is None:
        _err("error: --out must end in .xlsx or .parquet / tệp ra phải là .xlsx hoặc .parquet")
        return USAGE
    _setup(args.db)
    from bienche.pay.exports import payroll_run_parquet, payroll_run_xlsx
    from bienche.pay.selectors import payroll

    try:
        roster = _roster(args.roster)
        _progress(f"computing {args.month:%Y-%m} ({args.scenario or 'current law'}) …")
        result = payroll(
            args.month, scenario_name=args.scenario, unit_code=args.unit, roster=roster
        )
    except ValueError as exc:  # the engine's refusals (RosterError, ParameterError)
        _err(f"error: {exc}")
        return INVALID
    _progress(f"computed: {result.totals['headcount']:,} paid; writing {args.out} …")
    (payroll_run_xlsx if kind == "xlsx" else payroll_run_parquet)(result, args.out)
    _progress("done")
    t = result.totals
    _out(
        f"Tháng {args.month:%m/%Y} — {args.scenario or 'luật hiện hành / current law'}: "
        f"{_vnd(t['headcount'])} người được tính, {_vnd(t['excluded'])} bị loại (excluded), "
        f"{_vnd(t['removed'])} bị giảm theo kịch bản"
    )
    for line in _totals_text(t):
        _out(line)
    if t["excluded"]:
        for (rule, reason), n in _reasons(result.excluded):
            _out(f"  loại / excluded {n:,}: [{rule}] {reason}")
    _out(f"→ {args.out}")
    return 0


def _reasons(excluded: Any) -> list[tuple[tuple[str, str], int]]:
    grouped = excluded.group_by("rule", "reason").len().sort("len", descending=True).head(20)
    return [((r, why), n) for r, why, n in grouped.rows()]


def cmd_pay_compare(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    kind = _out_kind(args.out)
    if kind is None:
        _err("error: --out must end in .xlsx or .parquet / tệp ra phải là .xlsx hoặc .parquet")
        return USAGE
    _setup(args.db)
    from bienche.pay import selectors as sel

    months = sel.months_between(args.start, args.end)
    try:
        roster = _roster(args.roster)
        _progress(f"comparing {len(months)} months ({args.scenario}) …")
        if roster is not None:
            result = sel.pay_compare_file(months, args.scenario, roster)
        else:
            result = sel.pay_compare(months, args.scenario, args.unit)
    except ValueError as exc:
        _err(f"error: {exc}")
        return INVALID
    c = result.comparison
    (c.to_xlsx if kind == "xlsx" else c.to_parquet)(args.out)
    _progress(f"done in {result.seconds:.1f} s of computation")
    t = c.totals
    _out(f"{result.scenario_label} — {args.start:%m/%Y}–{args.end:%m/%Y}")
    _out(f"  baseline: {_vnd(t['baseline_cost'])} đ; scenario: {_vnd(t['scenario_cost'])} đ")
    _out(f"  difference / chênh lệch: {_vnd(t['difference'])} đ")
    for r in c.annual("sector").sort("difference", descending=True).rows(named=True):
        _out(f"    {r['sector']}: {_vnd(r['difference'])} đ")
    _out(f"  excluded (first month) / bị loại: {result.excluded:,}")
    d = c.distribution
    _out(
        f"  gainers {d['gainers']:,}, losers {d['losers']:,}, unchanged {d['unchanged']:,}; "
        f"median {_vnd(round(d.get('median', 0)))} đ, worst {_vnd(d.get('worst_loss', 0))} đ"
    )
    _out(f"→ {args.out}")
    return 0


def cmd_pay_explain(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from bienche.pay import selectors as sel
    from bienche.pay.services import pay_explanation_viewed

    pk = sel.person_pk_by_reference(args.person)
    if pk is None:
        _err(f"no person {args.person!r} / không có người này")
        return NOT_FOUND
    pay = sel.person_explanation(pk, args.month, args.scenario)
    pay_explanation_viewed(
        acting_user=None, person_pk=pk, month=args.month, scenario=args.scenario, face="cli"
    )
    if pay.explanation is None:
        _err(f"error: {pay.refused}")
        return INVALID
    data = {"person": pk, "personal_id": pay.personal_id, "unit": pay.unit_code}
    data |= pay.explanation.as_dict()
    lines = [f"{pay.full_name} ({pay.personal_id}) — {pay.unit_code} — {args.month:%m/%Y}"]
    for line in pay.explanation.lines:
        inputs = ", ".join(f"{k}={v}" for k, v in line.inputs.items())
        lines.append(f"  {line.rule:<24} {_vnd(line.amount):>14} đ  [{inputs}] — {line.source}")
    _emit(data, args.format, "\n".join(lines))
    return 0


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def cmd_bench_pay(args: argparse.Namespace) -> int:
    """The payroll engine benchmark (no database needed: synthetic rosters in Parquet)."""
    from bienche.rules.benchmark import main as bench_main

    bench_main(["--staff", str(args.staff)])
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    bench = sub.add_parser("bench", help="benchmark tools")
    bench_sub = bench.add_subparsers(dest="bench_command", required=True)
    bp = bench_sub.add_parser(
        "pay", help="time the payroll engine on N synthetic staff against a per-person version"
    )
    bp.add_argument("--staff", type=int, default=2_500_000)
    bp.set_defaults(func=cmd_bench_pay)

    pay = sub.add_parser("pay", help="payroll: scenarios, runs, comparisons, explanations")
    ps = pay.add_subparsers(dest="pay_command", required=True)

    sc = ps.add_parser("scenarios", help="the shipped scenarios, with their descriptions")
    sc.add_argument("--format", choices=["text", "json"], default="text")
    sc.add_argument("--db", default=argparse.SUPPRESS)
    sc.set_defaults(func=cmd_pay_scenarios)

    r = ps.add_parser("run", help="one month's payroll (every person's lines) to a file")
    r.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    r.add_argument("--scenario", help="a scenario name (default: current law)")
    r.add_argument("--roster", help="a what-if roster (.parquet or .xlsx) instead of the DB")
    r.add_argument("--unit", help="only this unit and its sub-units")
    r.add_argument("--out", required=True, help="FILE.xlsx (roll-ups) or FILE.parquet (people)")
    r.add_argument("--db", default=argparse.SUPPRESS)
    r.set_defaults(func=cmd_pay_run)

    c = ps.add_parser("compare", help="a scenario against its baseline over a period")
    c.add_argument("--from", dest="start", type=_month, required=True, help="YYYY-MM")
    c.add_argument("--to", dest="end", type=_month, required=True, help="YYYY-MM")
    c.add_argument("--scenario", required=True)
    c.add_argument("--roster", help="a what-if roster (.parquet or .xlsx) instead of the DB")
    c.add_argument("--unit", help="only this unit and its sub-units")
    c.add_argument("--out", required=True, help="FILE.xlsx or FILE.parquet")
    c.add_argument("--db", default=argparse.SUPPRESS)
    c.set_defaults(func=cmd_pay_compare)

    e = ps.add_parser("explain", help="one person's pay, line by line (recorded in the audit)")
    e.add_argument("person", help="personal identifier or person number")
    e.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    e.add_argument("--scenario", help="a scenario name (default: current law)")
    e.add_argument("--format", choices=["text", "json"], default="text")
    e.add_argument("--db", default=argparse.SUPPRESS)
    e.set_defaults(func=cmd_pay_explain)
