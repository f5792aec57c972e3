"""`bienche hoalac …`: the park report, the project import, the stuck-project scan.

Glue only; logic lives in ``bienche.investment``. Exit codes are those of ``bienche.cli``:
0 success, 2 usage error, 4 invalid input (an import with any problem).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

USAGE = 2


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _text(report: dict[str, Any]) -> str:
    t = report["totals"]
    lines = [
        f"Khu công nghệ cao Hòa Lạc — đến ngày {report['on']}",
        f"  Dự án đã đăng ký đầu tư: {t['projects']} ({t['domestic']} trong nước, "
        f"{t['foreign']} nước ngoài); vốn đăng ký {t['registered'] / 1e9:,.1f} tỷ đồng, "
        f"giải ngân {t['disbursed'] / 1e9:,.1f} tỷ đồng",
        f"  Dự án tiềm năng đang theo dõi: {t['pipeline_open']}; vướng mắc chưa xử lý: "
        f"{report['obstacles_open']}",
        "  Theo giai đoạn:",
    ]
    lines += [
        f"    {r['label']}: {r['projects']} dự án, {r['registered'] / 1e9:,.1f} tỷ đồng"
        for r in report["by_stage"]
    ]
    lines.append("  Lấp đầy theo phân khu:")
    lines += [
        f"    {z['zone_name']}: {z['occupied']:.1f}/{z['planned']:.1f} ha ({z['occupancy']:.1f}%)"
        for z in report["land_by_zone"]
    ]
    lines.append("  Vướng mắc lâu nhất:")
    lines += [
        f"    {o['raised_on']} ({o['age_days']} ngày) {o['owner']} [{o['owner_code']}]: "
        f"{o['description'][:80]}"
        for o in report["obstacles"][:10]
    ]
    return "\n".join(lines)


def cmd_hoalac_report(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from django.utils import translation

    from bienche.core.clock import today
    from bienche.investment.report import park_report, park_report_xlsx

    on = args.as_of or today()
    if args.format == "xlsx":
        if not args.out:
            sys.stderr.write("--format xlsx cần --out TỆP / needs --out FILE\n")
            return USAGE
        park_report_xlsx(on, args.out)
        _out(json.dumps({"as_of": on.isoformat(), "file": args.out}, ensure_ascii=False))
        return 0
    with translation.override("vi"):
        report = park_report(on)
    if args.format == "json":
        _out(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _out(_text(report))
    return 0


def cmd_hoalac_import(args: argparse.Namespace) -> int:
    from bienche.cli import EXIT_INVALID, _setup

    _setup(args.db)
    from bienche.investment.projects_xlsx import projects_import_xlsx

    report = projects_import_xlsx(args.file, acting_user=None, dry_run=args.dry_run)
    for p in report.problems[:200]:
        where = f"dòng {p.row}" if p.row else "tệp"
        sys.stderr.write(
            f"{where}, cột «{p.column}»: {p.vi}\n" if p.column else f"{where}: {p.vi}\n"
        )
    _out(
        json.dumps(
            {
                "rows": report.rows,
                "created": report.created,
                "ok": report.ok,
                "problems": len(report.problems),
                "dry_run": args.dry_run,
            }
        )
    )
    return 0 if report.ok else EXIT_INVALID


def cmd_hoalac_scan(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.investment.services.obstacles import stuck_scan

    raised = stuck_scan(on=args.date, acting_user=None)
    _out(json.dumps({"raised": len(raised), "obstacles": [o.pk for o in raised]}))
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    hl = sub.add_parser("hoalac", help="Hòa Lạc Hi-Tech Park: report, import, stuck scan")
    hl_sub = hl.add_subparsers(dest="hoalac_command", required=True)

    rp = hl_sub.add_parser("report", help="the park's figures as of a date")
    rp.add_argument("--as-of", type=date_type, help="default: today")
    rp.add_argument("--format", choices=["text", "json", "xlsx"], default="text")
    rp.add_argument("--out", help="output file for --format xlsx")
    rp.add_argument("--db", default=argparse.SUPPRESS)
    rp.set_defaults(func=cmd_hoalac_report)

    imp = hl_sub.add_parser("import", help="import projects from XLSX (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_hoalac_import)

    sc = hl_sub.add_parser("scan", help="raise an obstacle for each stuck project (idempotent)")
    sc.add_argument("--date", type=date_type, help="default: today")
    sc.add_argument("--db", default=argparse.SUPPRESS)
    sc.set_defaults(func=cmd_hoalac_scan)
