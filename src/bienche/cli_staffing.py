"""`bienche roster …` and `bienche staffing …` (glue only; logic lives in staffing)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def cmd_roster_import(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.staffing.services.roster_import import roster_import

    report = roster_import(path=args.file, acting_user=None, dry_run=args.dry_run)
    for p in report.problems[:200]:
        print(f"dòng {p.row}, cột «{p.column}»: {p.vi}", file=sys.stderr)
    if len(report.problems) > 200:
        print(f"… và {len(report.problems) - 200} lỗi khác", file=sys.stderr)
    summary = {k: v for k, v in report.__dict__.items() if k != "problems"}
    print(
        json.dumps(
            {**summary, "ok": report.ok, "problems": len(report.problems)}, ensure_ascii=False
        )
    )
    return 0 if report.ok else 4


def cmd_roster_export(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.staffing.roster_export import roster_export_xlsx
    from bienche.staffing.selectors import unit_ids_in_scope

    ids = None
    if args.unit:
        from bienche.org.selectors import unit_get

        ids = unit_ids_in_scope(unit_get(args.unit).pk, args.as_of, subtree=True)
    n = roster_export_xlsx(args.out, on=args.as_of, unit_ids=ids, mask_ids=not args.unmasked)
    print(f"{n} người → {args.out}")
    return 0


def cmd_staffing_report(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from bienche.org.selectors import unit_get
    from bienche.staffing.selectors import staffing_summary

    unit = unit_get(args.unit)
    data: dict[str, Any] = {
        "unit": unit.code,
        **staffing_summary(unit.pk, args.as_of, subtree=True),
    }
    if args.format == "xlsx":
        from bienche.staffing.report_xlsx import staffing_report_xlsx

        if not args.out:
            print("error: --out FILE.xlsx is required with --format xlsx", file=sys.stderr)
            return 2
        staffing_report_xlsx(args.out, unit_code=unit.code, summary=data)
        print(f"→ {args.out}")
        return 0
    lines = [f"{unit.code} {args.as_of}: {data['units']} đơn vị"]
    lines += [
        f"  {r['kind']}: biên chế {r['quota']}, có mặt {r['actual']}, chênh {r['gap']}"
        for r in data["by_kind"]
    ]
    _emit(data, args.format, "\n".join(lines))
    return 0


def cmd_staffing_streamlining(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.org.selectors import unit_get
    from bienche.staffing.streamlining import streamlining_report

    unit = unit_get(args.unit)
    try:
        data = streamlining_report(unit.pk, args.period, args.as_of or today())
    except KeyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    lines = [f"{unit.code} {data['period']} ({data['source']})"]
    lines += [
        f"  {r['kind']}: {r['baseline_quota']} → {r['current_quota']} "
        f"(−{r['reduction_bp'] / 100:.2f}%, mục tiêu −{r['target_bp'] / 100:g}%), "
        f"dự kiến {r['projected_staff']} người — {r['verdict']}"
        for r in data["rows"]
    ]
    _emit({"unit": unit.code, **data}, args.format, "\n".join(lines))
    return 0


def cmd_staffing_surplus(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from bienche.staffing.leadership import leadership_surplus

    flags = leadership_surplus(args.as_of)
    lines = [
        f"{f['unit_code']}: {f['post']} {f['count']}/{f['norm']} — hạn {f['deadline']}"
        for f in flags
    ]
    _emit({"as_of": args.as_of, "flags": flags}, args.format, "\n".join(lines) or "—")
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    ro = sub.add_parser("roster", help="import/export the roster (XLSX)")
    ro_sub = ro.add_subparsers(dest="roster_command", required=True)
    imp = ro_sub.add_parser("import", help="validate and import a roster XLSX (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_roster_import)
    exp = ro_sub.add_parser("export", help="export the roster as of a date")
    exp.add_argument("--as-of", type=date_type, required=True)
    exp.add_argument("--out", required=True)
    exp.add_argument("--unit", help="only this unit and its subtree")
    exp.add_argument("--unmasked", action="store_true", help="full personal identifiers")
    exp.add_argument("--db", default=argparse.SUPPRESS)
    exp.set_defaults(func=cmd_roster_export)

    st = sub.add_parser("staffing", help="staffing reports")
    st_sub = st.add_subparsers(dest="staffing_command", required=True)
    rep = st_sub.add_parser("report", help="quota vs actual as of a date")
    rep.add_argument("--as-of", type=date_type, required=True)
    rep.add_argument("--unit", default="HN")
    rep.add_argument("--format", choices=["text", "json", "xlsx"], default="text")
    rep.add_argument("--out", help="output file for --format xlsx")
    rep.add_argument("--db", default=argparse.SUPPRESS)
    rep.set_defaults(func=cmd_staffing_report)
    sl = st_sub.add_parser("streamlining", help="streamlining path and verdict")
    sl.add_argument("--period", default="2022-2026")
    sl.add_argument("--as-of", type=date_type)
    sl.add_argument("--unit", default="HN")
    sl.add_argument("--format", choices=["text", "json"], default="text")
    sl.add_argument("--db", default=argparse.SUPPRESS)
    sl.set_defaults(func=cmd_staffing_streamlining)
    su = st_sub.add_parser("surplus", help="leadership posts above the norm")
    su.add_argument("--as-of", type=date_type, required=True)
    su.add_argument("--format", choices=["text", "json"], default="text")
    su.add_argument("--db", default=argparse.SUPPRESS)
    su.set_defaults(func=cmd_staffing_surplus)
