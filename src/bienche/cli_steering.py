"""`bienche steering …`: import tasks, scorecards, the daily reminder run, the import template.

Glue only; logic lives in ``bienche.steering``. Exit codes are those of ``bienche.cli``:
0 success, 2 usage error, 3 not found, 4 invalid input (an import with any problem).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

USAGE = 2


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def _document(number: str, issued_on: dt.date | None) -> Any:
    """The document with that number (and date); None (after saying why) when ambiguous."""
    from bienche.core.errors import NotFound
    from bienche.steering import messages as m
    from bienche.steering.models import SourceDocument

    docs = SourceDocument.objects.filter(number=number.strip())
    if issued_on is not None:
        docs = docs.filter(issued_on=issued_on)
    found = list(docs.order_by("issued_on")[:10])
    if not found:
        raise NotFound(m.DOC_UNKNOWN, field="document", ref=number)
    if len(found) > 1:
        days = ", ".join(d.issued_on.isoformat() for d in found)
        _err(f"Có nhiều văn bản số {number} ({days}): hãy ghi --issued-on.")
        _err(f"Several documents are numbered {number} ({days}): give --issued-on.")
        return None
    return found[0]


def cmd_steering_import(args: argparse.Namespace) -> int:
    from bienche.cli import EXIT_INVALID, _setup

    _setup(args.db)
    from bienche.steering.tasks_xlsx import tasks_import_xlsx

    document = _document(args.document, args.issued_on)
    if document is None:
        return USAGE
    report = tasks_import_xlsx(args.file, document=document, acting_user=None, dry_run=args.dry_run)
    for p in report.problems[:200]:
        where = f"dòng {p.row}" if p.row else "tệp"
        _err(f"{where}, cột «{p.column}»: {p.vi}" if p.column else f"{where}: {p.vi}")
    if len(report.problems) > 200:
        _err(f"… và {len(report.problems) - 200} lỗi khác")
    summary = {
        "document": document.number,
        "issued_on": document.issued_on.isoformat(),
        "rows": report.rows,
        "created": report.created,
        "dry_run": report.dry_run,
        "ok": report.ok,
        "problems": len(report.problems),
    }
    _out(json.dumps(summary, ensure_ascii=False))
    return 0 if report.ok else EXIT_INVALID


def _scorecard_text(card: dict[str, Any]) -> str:
    lines = [
        f"Bảng điểm {card['start']:%d/%m/%Y}–{card['end']:%d/%m/%Y} "
        f"(đánh giá đến {card['as_of']:%d/%m/%Y})" + (f" — {card['unit']}" if card["unit"] else "")
    ]
    for u in [*card["units"], {**card["total"], "unit": "Tổng cộng", "name": ""}]:
        who = " ".join(p for p in (u["unit"], u["name"]) if p)
        lines.append(
            f"  {who}: giao {u['assigned']}, đến hạn {u['due']}, "
            f"đúng hạn {u['done_on_time']}, trễ {u['done_late']}, "
            f"quá hạn chưa xong {u['open_overdue']} — tỷ lệ đúng hạn {_pct(u['on_time_rate'])}"
        )
    return "\n".join(lines)


def cmd_steering_scorecard(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    if args.end < args.start:
        _err("error: --to is before --from / ngày kết thúc trước ngày bắt đầu")
        return USAGE
    if args.format == "xlsx" and not args.out:
        _err("error: --out FILE.xlsx is required with --format xlsx / cần --out")
        return USAGE
    _setup(args.db)
    from bienche.org.selectors import unit_get
    from bienche.steering.schemas import FIRST_DAY, LAST_DAY
    from bienche.steering.scorecard import scorecard

    if not FIRST_DAY <= args.start <= args.end <= LAST_DAY:
        _err(f"error: dates must lie in {FIRST_DAY}…{LAST_DAY} / ngày ngoài khoảng cho phép")
        return USAGE

    unit = unit_get(args.unit).code if args.unit else None
    card = scorecard(args.start, args.end, unit_code=unit)
    if args.format == "xlsx":
        from bienche.steering.scorecard_xlsx import scorecard_export_xlsx

        scorecard_export_xlsx(card, args.out)
        _out(f"→ {args.out}")
        return 0
    _emit(card, args.format, _scorecard_text(card))
    return 0


def cmd_steering_remind(args: argparse.Namespace) -> int:
    from bienche.cli import _emit, _setup

    _setup(args.db)
    from django.utils import translation

    from bienche.org.selectors import unit_tree_as_of
    from bienche.steering.enums import NoticeKind
    from bienche.steering.services.reminders import reminder_run

    report = reminder_run(for_date=args.date, dry_run=args.dry_run)
    units = unit_tree_as_of(report.for_date).by_id
    notices = [
        {
            "kind": n.kind,
            "unit": units[n.unit_id].code if n.unit_id in units else str(n.unit_id),
            "post": n.post,
            "task": n.task_id,
            "subject": n.subject,
        }
        for n in report.notices
    ]
    by_kind = {k.value: report.by_kind.get(k.value, 0) for k in NoticeKind}
    done = "chạy thử, sẽ tạo" if report.dry_run else "đã tạo"
    lines = [
        f"Nhắc việc ngày {report.for_date:%d/%m/%Y} ({done}) {report.created} thông báo mới; "
        f"{report.open_tasks} nhiệm vụ đang mở có thời hạn"
    ]
    with translation.override("vi"):
        lines += [f"  {k.value} ({k.label}): {by_kind[k.value]}" for k in NoticeKind]
    if not report.dry_run:
        lines.append(f"  thư điện tử đã gửi: {report.emailed}")
    else:
        lines += [f"  - [{n['kind']}] {n['unit']} / {n['post']}: {n['subject']}" for n in notices]
    data = {
        "for_date": report.for_date,
        "dry_run": report.dry_run,
        "open_tasks": report.open_tasks,
        "created": report.created,
        "by_kind": by_kind,
        "emailed": report.emailed,
        "notices": notices if report.dry_run else [],
    }
    _emit(data, args.format, "\n".join(lines))
    return 0


def cmd_steering_template(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(None)
    from bienche.steering.tasks_xlsx import tasks_template_xlsx

    tasks_template_xlsx(args.out)
    _out(f"→ {args.out}")
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    st = sub.add_parser("steering", help="steering tasks: import, scorecard, reminders")
    st_sub = st.add_subparsers(dest="steering_command", required=True)

    imp = st_sub.add_parser("import", help="import a document's tasks from XLSX (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--document", required=True, help="number of the assigning document")
    imp.add_argument("--issued-on", type=date_type, help="its date, when the number repeats")
    imp.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_steering_import)

    sc = st_sub.add_parser("scorecard", help="unit scorecard for tasks assigned in a period")
    sc.add_argument("--from", dest="start", type=date_type, required=True)
    sc.add_argument("--to", dest="end", type=date_type, required=True)
    sc.add_argument("--unit", help="only the lead units under this unit")
    sc.add_argument("--format", choices=["text", "json", "xlsx"], default="text")
    sc.add_argument("--out", help="output file for --format xlsx")
    sc.add_argument("--db", default=argparse.SUPPRESS)
    sc.set_defaults(func=cmd_steering_scorecard)

    rm = st_sub.add_parser("remind", help="the daily reminder run (idempotent)")
    rm.add_argument("--date", type=date_type, help="run for this date (default today)")
    rm.add_argument("--dry-run", action="store_true", help="list what would be created")
    rm.add_argument("--format", choices=["text", "json"], default="text")
    rm.add_argument("--db", default=argparse.SUPPRESS)
    rm.set_defaults(func=cmd_steering_remind)

    tp = st_sub.add_parser("template", help="write an empty task import template (XLSX)")
    tp.add_argument("--out", required=True)
    tp.set_defaults(func=cmd_steering_template)
