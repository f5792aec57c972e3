"""`bienche report forms --as-of DATE [--unit CODE] --out DIR`: the whole set of statistical
forms, one XLSX file per form. Glue only; the forms live in ``bienche.reports.forms``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def cmd_report_forms(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.reports.forms import forms_export

    started = time.perf_counter()
    written = forms_export(args.as_of, args.unit, Path(args.out))
    for path in written:
        sys.stdout.write(f"{path}  ({path.stat().st_size:,} bytes)\n")
    elapsed = time.perf_counter() - started
    sys.stdout.write(f"{len(written)} biểu mẫu / forms written in {elapsed:.2f} s\n")
    return 0


def add_forms_parser(report_sub: Any, date_type: Any) -> None:
    """``forms`` under the ``report`` command group (cli.py creates the group)."""
    f = report_sub.add_parser("forms", help="export the statistical forms (XLSX) as of a date")
    f.add_argument("--as-of", type=date_type, required=True)
    f.add_argument("--unit", help="a unit's code: that unit and its subtree (default: the city)")
    f.add_argument("--out", required=True, help="directory to write the files into")
    f.add_argument("--db", default=argparse.SUPPRESS)
    f.set_defaults(func=cmd_report_forms)
