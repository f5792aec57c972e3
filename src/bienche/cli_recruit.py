"""`bienche recruit …`: an exam's ranking with the reason for each rank (`rank`), the XLSX
import of candidates and of a round's scores (`import-candidates`, `import-scores`, all or
nothing, problems on stderr with row and column) and the result notice as DOCX (`notice`).
Glue only; the rules live in ``bienche.recruitment``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

USAGE = 2
EXIT_INVALID = 4


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


def _exam(code: str) -> Any:
    from bienche.core.errors import NotFound
    from bienche.recruitment import messages as m
    from bienche.recruitment.models import Exam

    exam = Exam.objects.filter(code=code).first()
    if exam is None:
        raise NotFound(m.EXAM_UNKNOWN, field="exam", code=code)
    return exam


def _report(report: Any, exam: str) -> int:
    for p in report.problems[:200]:
        sys.stderr.write(f"Dòng {p.row}, cột «{p.column}»: {p.vi}\n")
    _out(
        json.dumps(
            {"exam": exam, "ok": report.ok, "rows": report.rows, "problems": len(report.problems)}
        )
    )
    return 0 if report.ok else EXIT_INVALID


def cmd_import_candidates(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.recruitment.imports import candidates_import_xlsx

    exam = _exam(args.exam)
    return _report(
        candidates_import_xlsx(args.file, exam_code=exam.code, acting_user=None), exam.code
    )


def cmd_import_scores(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.recruitment.imports import scores_import_xlsx

    exam = _exam(args.exam)
    report = scores_import_xlsx(
        args.file,
        exam_code=exam.code,
        round=args.round,
        on=args.on or exam.exam_date,
        acting_user=None,
    )
    return _report(report, exam.code)


def cmd_notice(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bienche.cli import _setup

    _setup(args.db)
    from bienche.recruitment.notices import result_notice
    from bienche.reports.render import PdfFailed, PdfUnavailable, render_docx, render_pdf

    exam = _exam(args.exam)
    if exam.results_on is None:
        sys.stderr.write("Chưa niêm yết kết quả: chưa có thông báo. / Results not posted yet.\n")
        return EXIT_INVALID
    doc = result_notice(exam, number=args.number or "", signer=args.signer or "")
    out = Path(args.out)
    out.write_bytes(render_docx(doc))
    files = [str(out)]
    if args.pdf:
        try:
            pdf = out.with_suffix(".pdf")
            pdf.write_bytes(render_pdf(doc))
            files.append(str(pdf))
        except (PdfUnavailable, PdfFailed) as exc:
            sys.stderr.write(f"{exc}\n")
    _out(json.dumps({"exam": exam.code, "files": files}, ensure_ascii=False))
    return 0


def _io_parsers(rc_sub: Any, date_type: Any) -> None:
    ic = rc_sub.add_parser("import-candidates", help="register candidates from XLSX (all or none)")
    ic.add_argument("--exam", required=True, help="exam code")
    ic.add_argument("file", help="XLSX file (template: the web page's empty template)")
    ic.add_argument("--db", default=argparse.SUPPRESS)
    ic.set_defaults(func=cmd_import_candidates)
    sc = rc_sub.add_parser("import-scores", help="enter a round's scores from XLSX (all or none)")
    sc.add_argument("--exam", required=True, help="exam code")
    sc.add_argument("--round", type=int, choices=[1, 2], required=True)
    sc.add_argument("--on", type=date_type, help="marking date (default: the exam date)")
    sc.add_argument("file", help="XLSX file")
    sc.add_argument("--db", default=argparse.SUPPRESS)
    sc.set_defaults(func=cmd_import_scores)
    nt = rc_sub.add_parser("notice", help="the result notice as DOCX (Decree 30 format)")
    nt.add_argument("--exam", required=True, help="exam code")
    nt.add_argument("--out", required=True, help="output .docx file")
    nt.add_argument("--pdf", action="store_true", help="also write a PDF next to it")
    nt.add_argument("--number", help="notice number, e.g. 15/TB-HĐTD")
    nt.add_argument("--signer", help="the council chair's name")
    nt.add_argument("--db", default=argparse.SUPPRESS)
    nt.set_defaults(func=cmd_notice)


def add_parsers(sub: Any, date_type: Any) -> None:
    rc = sub.add_parser("recruit", help="recruitment exams: ranking, imports, result notice")
    rc_sub = rc.add_subparsers(dest="recruit_command", required=True)
    rk = rc_sub.add_parser("rank", help="an exam's ranking with the reason for each rank")
    rk.add_argument("--exam", required=True, help="exam code")
    rk.add_argument("--format", choices=["text", "json", "xlsx"], default="text")
    rk.add_argument("--out", help="output file for --format xlsx")
    rk.add_argument("--db", default=argparse.SUPPRESS)
    rk.set_defaults(func=cmd_recruit_rank)
    _io_parsers(rc_sub, date_type)
