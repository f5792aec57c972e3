"""`bienche pricing …`: a service's unit price on a date, the pilot report, the import of
school accounts, the autonomy table.

Glue only; logic lives in ``bienche.pricing``. Exit codes are those of ``bienche.cli``:
0 success, 2 usage error, 4 invalid input (an import with any problem, a price that cannot
be computed).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _money(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def cmd_pricing_price(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.pricing.selectors import service_price

    r = service_price(args.service, args.as_of or today(), base_salary=args.base_salary)
    p = r.price
    if args.format == "json":
        keys = ("direct", "overhead", "depreciation", "full", "without_depreciation")
        data = {k: getattr(p, k) for k in (*keys, "user_fee", "budget_share", "budget_share_bp")}
        data |= {"service": r.service.code, "as_of": r.on.isoformat()}
        data |= {"base_salary": r.base_salary, "lines": [x.amount for x in p.lines]}
        _out(json.dumps(data, ensure_ascii=False))
        return 0
    _out(f"{r.service.name} ({r.service.unit_label}) — ngày {r.on:%d/%m/%Y}")
    _out(f"  Định mức từ {r.norm.valid_from:%d/%m/%Y}: {r.norm.source}")
    _out(f"  Lương cơ sở {_money(r.base_salary)} đ ({r.base_salary_source})")
    for x in p.lines:
        _out(f"  {x.kind:<12} {x.item[:40]:<40} {x.formula:<60} {_money(x.amount):>14}")
    _out(
        f"  Chi phí trực tiếp {_money(p.direct)}; quản lý chung {_money(p.overhead)}; "
        f"khấu hao {_money(p.depreciation)}"
    )
    _out(
        f"  Giá tính đủ: {_money(p.full)} đ; chưa gồm khấu hao: {_money(p.without_depreciation)} đ"
    )
    _out(
        f"  Người sử dụng trả {_money(p.user_fee)} đ; ngân sách {_money(p.budget_share)} đ "
        f"({p.budget_share_bp / 100:.2f}%)"
    )
    return 0


def cmd_pricing_pilot_report(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.pricing.pilot import Criteria
    from bienche.pricing.report import pilot_report_docx

    given = {k: getattr(args, k, None) for k in Criteria().as_dict()}
    criteria = Criteria(**{k: v for k, v in given.items() if v is not None})
    out = pilot_report_docx(args.year, criteria, args.out)
    _out(json.dumps(out, ensure_ascii=False))
    return 0


def cmd_pricing_import(args: argparse.Namespace) -> int:
    from bienche.cli import EXIT_INVALID, _setup

    _setup(args.db)
    from bienche.pricing.accounts_xlsx import school_accounts_import_xlsx

    report = school_accounts_import_xlsx(args.file, year=args.year, acting_user=None)
    for p in report.problems[:200]:
        where = f"dòng {p.row}" if p.row else "tệp"
        sys.stderr.write(
            f"{where}, cột «{p.column}»: {p.vi}\n" if p.column else f"{where}: {p.vi}\n"
        )
    _out(json.dumps({"rows": report.rows, "ok": report.ok, "problems": len(report.problems)}))
    return 0 if report.ok else EXIT_INVALID


def cmd_pricing_autonomy(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.pricing.selectors import autonomy_rows

    rows = autonomy_rows(args.year)
    for r in rows:
        flag = " ≠ nhóm được giao" if r["differs"] else ""
        _out(
            f"{r['code']:<24} {r['ratio_bp'] / 100:>8.2f}%  nhóm {r['computed']} "
            f"(được giao: {r['approved'] or '—'}){flag}"
        )
    _out(f"{len(rows)} đơn vị; {sum(r['differs'] for r in rows)} khác nhóm được giao")
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    pr = sub.add_parser("pricing", help="autonomy, unit prices, the preschool pilot")
    pr_sub = pr.add_subparsers(dest="pricing_command", required=True)

    price = pr_sub.add_parser("price", help="a service's unit price on a date, line by line")
    price.add_argument("service")
    price.add_argument("--as-of", type=date_type, help="default: today")
    price.add_argument("--base-salary", type=int, help="what-if base salary (VND)")
    price.add_argument("--format", choices=["text", "json"], default="text")
    price.add_argument("--db", default=argparse.SUPPRESS)
    price.set_defaults(func=cmd_pricing_price)

    rep = pr_sub.add_parser("pilot-report", help="the pilot evaluation report (DOCX)")
    rep.add_argument("--year", type=int, required=True, help="school year (starting), e.g. 2023")
    rep.add_argument("--out", required=True, help="output .docx file")
    for name in criteria_names():
        rep.add_argument(f"--{name.replace('_', '-')}", type=int, dest=name)
    rep.add_argument("--db", default=argparse.SUPPRESS)
    rep.set_defaults(func=cmd_pricing_pilot_report)

    imp = pr_sub.add_parser("import-accounts", help="import pilot school accounts (XLSX)")
    imp.add_argument("file")
    imp.add_argument("--year", type=int, required=True)
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_pricing_import)

    au = pr_sub.add_parser("autonomy", help="computed vs approved autonomy groups for a year")
    au.add_argument("--year", type=int, required=True)
    au.add_argument("--db", default=argparse.SUPPRESS)
    au.set_defaults(func=cmd_pricing_autonomy)


def criteria_names() -> list[str]:
    from bienche.pricing.pilot import Criteria

    return list(Criteria().as_dict())
