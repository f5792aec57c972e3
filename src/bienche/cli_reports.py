"""`bienche report annual`: the annual assessment report as DOCX (and PDF when a renderer is
installed).

Glue only; the content is ``bienche.reports.annual``, the files ``bienche.reports.render``.
Exit codes are those of ``bienche.cli``: 0 success (also when the PDF could not be made: the
DOCX is written and the reason printed), 2 usage error, 4 a report that cannot be made (a
year without data, a unit that did not exist that year).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def _out(text: str = "", *, err: bool = False) -> None:
    (sys.stderr if err else sys.stdout).write(text + "\n")


def cmd_report_annual(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.reports.annual import build_annual
    from bienche.reports.render import PdfUnavailable, render_docx, render_pdf

    started = time.perf_counter()
    doc = build_annual(args.year, args.unit, fmt=args.format)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(render_docx(doc))
    _out(f"DOCX: {out} ({time.perf_counter() - started:.1f} s)")
    if args.pdf:
        pdf = out.with_suffix(".pdf")
        try:
            pdf.write_bytes(render_pdf(doc))
        except PdfUnavailable as exc:
            _out(f"PDF: {exc}", err=True)
            return 0
        _out(f"PDF: {pdf} ({time.perf_counter() - started:.1f} s)")
    return 0


def add_parsers(sub: Any, date_type: Any) -> Any:
    """The ``report`` command group with ``annual``; returns it for the other report commands."""
    rp = sub.add_parser("report", help="reports: the annual assessment report, statistical forms")
    rp_sub = rp.add_subparsers(dest="report_command", required=True)

    an = rp_sub.add_parser("annual", help="the annual report of a year (DOCX, optional PDF)")
    an.add_argument("--year", type=int, required=True, help="the year assessed, e.g. 2023")
    an.add_argument("--unit", help="a unit's code: the report of its subtree (default: the city)")
    an.add_argument("--format", choices=["state", "party"], default="state")
    an.add_argument("--out", required=True, help="output .docx file")
    an.add_argument("--pdf", action="store_true", help="also write FILE.pdf next to it")
    an.add_argument("--db", default=argparse.SUPPRESS)
    an.set_defaults(func=cmd_report_annual)
    return rp_sub
