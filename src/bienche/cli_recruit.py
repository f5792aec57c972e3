"""`bienche recruit rank --exam CODE [--format text|json|xlsx]`: an exam's ranking with the
reason for each rank. Glue only; the rules live in ``bienche.recruitment``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

USAGE = 2


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _text(code: str, blocks: list[dict[str, Any]]) -> str:
    lines = [f"Kỳ thi {code}"]
    for b in blocks:
        lines.append(f"  {b['unit_code']}/{b['position_code']} — {b['seats']} chỉ tiêu")
        lines += [
            f"    {r['rank'] or '—':>3} SBD {r['number']:>3} {r['full_name']}: "
            f"{r['total'] if r['total'] is not None else '—'} — {r['outcome']} ({r['reason_text']})"
            for r in b["rows"]
        ]
    return "\n".join(lines)


def cmd_recruit_rank(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from django.utils import translation

    from bienche.core.errors import NotFound
    from bienche.recruitment import messages as m
    from bienche.recruitment.api import results_payload
    from bienche.recruitment.models import Exam
    from bienche.recruitment.results_xlsx import ranking_xlsx

    exam = Exam.objects.filter(code=args.exam).first()
    if exam is None:
        raise NotFound(m.EXAM_UNKNOWN, field="exam", code=args.exam)
    with translation.override("vi"):
        blocks = results_payload(exam)
    if args.format == "xlsx":
        if not args.out:
            sys.stderr.write("--format xlsx cần --out TỆP / needs --out FILE\n")
            return USAGE
        rows = ranking_xlsx(args.out, exam_code=exam.code, blocks=blocks)
        _out(json.dumps({"exam": exam.code, "file": args.out, "rows": rows}))
    elif args.format == "json":
        _out(
            json.dumps(
                {"exam": exam.code, "positions": blocks}, ensure_ascii=False, indent=1, default=str
            )
        )
    else:
        _out(_text(exam.code, blocks))
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    rc = sub.add_parser("recruit", help="recruitment exams: ranking")
    rc_sub = rc.add_subparsers(dest="recruit_command", required=True)
    rk = rc_sub.add_parser("rank", help="an exam's ranking with the reason for each rank")
    rk.add_argument("--exam", required=True, help="exam code")
    rk.add_argument("--format", choices=["text", "json", "xlsx"], default="text")
    rk.add_argument("--out", help="output file for --format xlsx")
    rk.add_argument("--db", default=argparse.SUPPRESS)
    rk.set_defaults(func=cmd_recruit_rank)
