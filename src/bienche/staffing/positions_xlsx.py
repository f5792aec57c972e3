"""A unit's job-position list as XLSX (Vietnamese headers), exported and imported.

Import is all-or-nothing: every row is checked first (row, column and reason reported),
then each row creates the position or opens a new version from its date when something
changed; a row identical to the position in force changes nothing (idempotent).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter
from django.db import transaction

from bienche.core.dating import q_valid_on
from bienche.core.errors import BiencheError
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx
from bienche.staffing.enums import PositionCategory, PositionStatus
from bienche.staffing.models import JobPositionVersion
from bienche.staffing.ranks import GROUP_ORDER
from bienche.staffing.services.positions import position_change, position_create

HEADERS = (
    "Mã vị trí",
    "Tên vị trí",
    "Nhóm",
    "Nhóm lương tối thiểu",
    "Số người cần",
    "Trạng thái",
    "Ngày hiệu lực",
)


def positions_export_xlsx(path: str | Path, *, unit_id: int, on: dt.date) -> int:
    rows = (
        JobPositionVersion.objects.filter(position__unit_id=unit_id)
        .filter(q_valid_on(on))
        .order_by("position__code")
        .values_list(
            "position__code", "title", "category", "min_group", "headcount", "status", "valid_from"
        )
    )
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Vị trí việc làm")
    ws.write_row(0, 0, HEADERS, wb.add_format({"bold": True}))
    n = 0
    for n, (code, title, cat, group, need, status, vf) in enumerate(rows, start=1):
        ws.write_row(n, 0, [code, title, cat, group, need, status, vf.isoformat()])
    wb.close()
    return n


def _parse(headers: list[str], rows: list[list[Any]]) -> tuple[list[dict], list[Problem]]:
    missing = [h for h in HEADERS if h not in headers]
    if missing:
        return [], [Problem(1, h, f"Thiếu cột «{h}».", f"Missing column «{h}».") for h in missing]
    idx = {h: headers.index(h) for h in HEADERS}
    out: list[dict] = []
    problems: list[Problem] = []
    for n, raw in enumerate(rows, start=2):
        v = {h: ("" if raw[i] is None else str(raw[i]).strip()) for h, i in idx.items()}
        if any(v.values()):
            row, found = _parse_row(n, v)
            problems += found
            if not found:
                out.append(row)
    return out, problems


def _parse_row(n: int, v: dict[str, str]) -> tuple[dict, list[Problem]]:
    row: dict[str, Any] = {
        "row": n,
        "code": v["Mã vị trí"],
        "title": v["Tên vị trí"],
        "category": v["Nhóm"],
        "min_group": v["Nhóm lương tối thiểu"],
        "status": v["Trạng thái"] or PositionStatus.OPEN,
    }
    checks = (
        (bool(row["code"]), "Mã vị trí", "Thiếu mã vị trí."),
        (bool(row["title"]), "Tên vị trí", "Thiếu tên vị trí."),
        (
            row["category"] in PositionCategory.values,
            "Nhóm",
            "Nhóm phải là leadership, professional, shared hoặc support.",
        ),
        (
            not row["min_group"] or row["min_group"] in GROUP_ORDER,
            "Nhóm lương tối thiểu",
            "Nhóm lương không hợp lệ.",
        ),
        (row["status"] in PositionStatus.values, "Trạng thái", "Trạng thái: open hoặc frozen."),
    )
    problems = [Problem(n, col, vi, vi) for ok, col, vi in checks if not ok]
    try:
        row["headcount"] = int(v["Số người cần"])
        if row["headcount"] < 1:
            raise ValueError
    except ValueError:
        problems.append(
            Problem(
                n,
                "Số người cần",
                "Số người cần phải là số nguyên ≥ 1.",
                "People needed must be an integer ≥ 1.",
            )
        )
    try:
        row["valid_from"] = parse_date(v["Ngày hiệu lực"])
    except ValueError:
        problems.append(Problem(n, "Ngày hiệu lực", "Ngày không hợp lệ.", "Invalid date."))
    return row, problems


def positions_import_xlsx(
    path: str | Path, *, unit_code: str, unit_id: int, acting_user: Any
) -> tuple[int, list[Problem]]:
    """Return (rows that changed something, problems); nothing is written on a problem."""
    try:
        headers, raw = read_xlsx(path)
    except ValueError as exc:
        return 0, [Problem(0, "", f"Không đọc được tệp XLSX: {exc}", str(exc))]
    rows, problems = _parse(headers, raw)
    if problems:
        return 0, problems
    changed = 0
    try:
        with transaction.atomic():
            for r in rows:
                changed += _apply(r, unit_code, unit_id, acting_user)
    except _RowError as exc:
        return 0, [exc.problem]
    return changed, []


class _RowError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


FIELDS = ("title", "category", "min_group", "headcount", "status")


def _apply(r: dict, unit_code: str, unit_id: int, acting_user: Any) -> int:
    current = (
        JobPositionVersion.objects.filter(position__unit_id=unit_id, position__code=r["code"])
        .filter(q_valid_on(r["valid_from"]))
        .first()
    )
    try:
        if current is None:
            position_create(
                unit_code=unit_code,
                code=r["code"],
                title=r["title"],
                category=r["category"],
                headcount=r["headcount"],
                min_group=r["min_group"],
                valid_from=r["valid_from"],
                acting_user=acting_user,
            )
            return 1
        if all(getattr(current, f) == r[f] for f in FIELDS):
            return 0
        position_change(
            unit_code=unit_code,
            code=r["code"],
            on=r["valid_from"],
            acting_user=acting_user,
            **{f: r[f] for f in FIELDS},
        )
        return 1
    except BiencheError as exc:
        raise _RowError(Problem(r["row"], exc.field or "", exc.vi, exc.en)) from exc
