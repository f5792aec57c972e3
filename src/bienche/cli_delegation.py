"""`bienche delegation …`: who decides, import transfers, statistics, export.

Glue only; logic lives in ``bienche.delegation``. Exit codes are those of ``bienche.cli``:
0 success, 2 usage error, 3 not found, 4 invalid input (an import with any problem).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

KIND_VI = {"original": "thẩm quyền gốc", "decentralization": "phân cấp", "delegation": "ủy quyền"}


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _day(d: Any) -> str:
    return d.strftime("%d/%m/%Y") if d else "…"


def _who_text(r: dict[str, Any]) -> str:
    lines = [
        f"{r['power']['code']} — {r['power']['name']}",
        f"Đơn vị: {r['unit']['name']} ({r['unit']['code']}), ngày {_day(r['as_of'])}",
        f"Người quyết định: {r['decides']['name']} ({r['decides']['code']}) "
        f"— {KIND_VI[r['basis']]}",
        f"Chịu trách nhiệm: {r['responsible']['name']} ({r['responsible']['code']})",
        "Chuỗi văn bản:",
    ]
    for i, link in enumerate(r["chain"], start=1):
        if link["role"] == "source":
            lines.append(f"  {i}. Căn cứ pháp lý: {link['document']}")
            continue
        to = link["to_unit"]["code"] if link["to_unit"] else link["to_class"]
        lines.append(
            f"  {i}. {KIND_VI[link['role']].capitalize()} {link['from_unit']['code']} → {to}: "
            f"{link['document']} ngày {_day(link['issued_on'])} ({link['issuer']}), "
            f"hiệu lực {_day(link['valid_from'])} – {_day(link['valid_to'])}"
            + (" [giả lập]" if link["synthetic"] else "")
        )
    return "\n".join(lines)


def cmd_who(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.delegation.resolution import who_decides_by_code

    result = who_decides_by_code(args.power, args.unit, args.as_of or today()).as_dict()
    if args.format == "json":
        _out(json.dumps(result, ensure_ascii=False, default=str, indent=1))
    else:
        _out(_who_text(result))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from bienche.cli import EXIT_INVALID, _setup

    _setup(args.db)
    from bienche.delegation.transfers_xlsx import transfers_import_xlsx

    report = transfers_import_xlsx(args.file, acting_user=None, dry_run=args.dry_run)
    for p in report.problems[:200]:
        where = f"dòng {p.row}" if p.row else "tệp"
        _err(f"{where}, cột «{p.column}»: {p.vi}" if p.column else f"{where}: {p.vi}")
    if len(report.problems) > 200:
        _err(f"… và {len(report.problems) - 200} lỗi khác")
    summary = {
        "rows": report.rows,
        "created": report.created,
        "dry_run": report.dry_run,
        "ok": report.ok,
        "problems": len(report.problems),
    }
    _out(json.dumps(summary, ensure_ascii=False))
    return 0 if report.ok else EXIT_INVALID


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%".replace(".", ",")


def _stats_text(s: dict[str, Any]) -> str:
    k = s["by_kind"]
    lines = [
        f"Phân cấp, ủy quyền năm {s['year']} (số liệu ngày {_day(s['as_of'])})",
        f"Thẩm quyền đã chuyển giao: {s['powers_transferred']} "
        f"(phân cấp {k['decentralization']}, ủy quyền {k['delegation']})",
        f"Thủ tục hành chính: {s['procedures_transferred']}/{s['procedures']} "
        f"({_pct(s['procedures_share'])})",
        f"Thể chế hóa bằng nghị quyết HĐND: {s['institutionalized']} "
        f"({_pct(s['institutionalized_share'])})",
        "Theo lĩnh vực (phân cấp / ủy quyền):",
        *[f"  {f}: {v['decentralization']} / {v['delegation']}" for f, v in s["by_field"].items()],
        "Theo cấp nhận (phân cấp / ủy quyền):",
        *[
            f"  {lv}: {v['decentralization']} / {v['delegation']}"
            for lv, v in s["by_level"].items()
        ],
        "Theo năm bắt đầu (phân cấp / ủy quyền):",
        *[f"  {y}: {v['decentralization']} / {v['delegation']}" for y, v in s["by_year"].items()],
    ]
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.delegation.stats import delegation_stats

    stats = delegation_stats(args.year)
    if args.format == "json":
        _out(json.dumps(stats, ensure_ascii=False, default=str, indent=1))
    else:
        _out(_stats_text(stats))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.delegation import selectors as sel
    from bienche.delegation.transfers_xlsx import transfers_export_xlsx

    on = args.as_of or today()
    rows = [sel.transfer_row(t, on) for t in sel.transfer_list(on=args.as_of, limit=1_000_000)]
    transfers_export_xlsx(rows, args.out)
    _out(json.dumps({"rows": len(rows), "file": args.out}))
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    dg = sub.add_parser("delegation", help="decentralization and delegation register")
    dg_sub = dg.add_subparsers(dest="delegation_command", required=True)

    who = dg_sub.add_parser("who", help="who decides a power in a unit on a date, and why")
    who.add_argument("--power", required=True, help="power code")
    who.add_argument("--unit", required=True, help="unit code")
    who.add_argument("--as-of", type=date_type, help="date (default today)")
    who.add_argument("--format", choices=["text", "json"], default="text")
    who.add_argument("--db", default=argparse.SUPPRESS)
    who.set_defaults(func=cmd_who)

    imp = dg_sub.add_parser("import", help="import transfers from XLSX (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_import)

    st = dg_sub.add_parser("stats", help="figures for the annual report")
    st.add_argument("--year", type=int, required=True)
    st.add_argument("--format", choices=["text", "json"], default="text")
    st.add_argument("--db", default=argparse.SUPPRESS)
    st.set_defaults(func=cmd_stats)

    ex = dg_sub.add_parser("export", help="export the register to XLSX")
    ex.add_argument("--out", required=True)
    ex.add_argument("--as-of", type=date_type, help="only transfers in force on this date")
    ex.add_argument("--db", default=argparse.SUPPRESS)
    ex.set_defaults(func=cmd_export)
