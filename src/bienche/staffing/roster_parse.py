"""Read and check a roster XLSX without writing anything.

Every problem is collected with its Excel row number, column header and a Vietnamese (and
English) reason; the caller writes only when the list is empty (all-or-nothing import).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import polars as pl

from bienche.core.errors import BiencheError
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx_frame
from bienche.staffing.roster_layout import COLUMNS, HEADERS, SEX_CODES
from bienche.staffing.validation import check_personal_id, check_rank_step

MAX_ROWS = 1_000_000


@dataclass
class ParsedRoster:
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, row: int, column: str, vi: str, en: str) -> None:
        self.problems.append(Problem(row, column, vi, en))


def parse_roster(path: str | Path) -> ParsedRoster:
    out = ParsedRoster()
    try:
        frame = read_xlsx_frame(path)
    except ValueError as exc:
        out.add(0, "", f"Không đọc được tệp XLSX: {exc}", f"Cannot read the XLSX file: {exc}")
        return out
    if frame.height == 0:
        out.add(0, "", "Tệp không có dòng dữ liệu nào.", "The file has no data rows.")
        return out
    if frame.height > MAX_ROWS:
        out.add(0, "", f"Tệp quá lớn (> {MAX_ROWS} dòng).", f"Too many rows (> {MAX_ROWS}).")
        return out
    frame = frame.rename({h: str(h).strip() for h in frame.columns})
    if not _check_headers(list(frame.columns), out):
        return out
    keys = [c.key for c in COLUMNS]
    clean = frame.select(  # columns in layout order, strings stripped, missing = ""
        pl.col(c.header).cast(pl.Utf8).str.strip_chars().fill_null("").alias(c.key)
        if c.header in frame.columns
        else pl.lit("").alias(c.key)
        for c in COLUMNS
    )
    for n, values in enumerate(clean.iter_rows(), start=2):
        if any(values):
            row = _parse_row(n, dict(zip(keys, values, strict=True)), out)
            if row is not None:
                out.rows.append(row)
    _check_duplicates(out)
    return out


def _check_headers(headers: list[str], out: ParsedRoster) -> bool:
    unknown = [h for h in headers if h and h not in HEADERS]
    missing = [c.header for c in COLUMNS if c.required and c.header not in headers]
    for h in unknown:
        out.add(1, h, f"Cột «{h}» không thuộc mẫu danh sách.", f"Unknown column «{h}».")
    for h in missing:
        out.add(1, h, f"Thiếu cột bắt buộc «{h}».", f"Missing required column «{h}».")
    return not unknown and not missing


def parse_hundredths(text: str) -> int:
    value = Decimal(text.replace(",", "."))
    hundredths = value * 100
    if hundredths != hundredths.to_integral_value() or value < 0:
        raise InvalidOperation(text)
    return int(hundredths)


def _parse_row(n: int, v: dict[str, str], out: ParsedRoster) -> dict[str, Any] | None:
    before = len(out.problems)
    row: dict[str, Any] = {"row": n}
    for c in COLUMNS:
        text = v[c.key]
        if not text:
            if c.required:
                out.add(n, c.header, "Thiếu giá trị bắt buộc.", "Required value missing.")
            row[c.key] = None
            continue
        try:
            row[c.key] = _convert(c.key, c.kind, text)
        except (ValueError, InvalidOperation, BiencheError) as exc:
            vi = exc.vi if isinstance(exc, BiencheError) else f"Giá trị «{text}» không hợp lệ."
            en = exc.en if isinstance(exc, BiencheError) else f"Invalid value «{text}»."
            out.add(n, c.header, vi, en)
    if len(out.problems) == before:
        _check_semantics(n, row, out)
    return row if len(out.problems) == before else None


def _convert(key: str, kind: str, text: str) -> Any:
    if kind == "id":
        return check_personal_id(text)
    if kind == "date":
        return parse_date(text)
    if kind == "int":
        return int(Decimal(text.replace(",", ".")).to_integral_exact())
    if key == "sex":
        if text.lower() not in SEX_CODES:
            raise ValueError(text)
        return SEX_CODES[text.lower()]
    if key in {"coefficient", "leadership"}:
        return parse_hundredths(text)
    return text


def _check_semantics(n: int, row: dict[str, Any], out: ParsedRoster) -> None:
    try:
        row["salary_group"] = check_rank_step(
            rank_code=row["rank_code"], step=row["step"], staff_category=row["staff_category"]
        )
    except BiencheError as exc:
        header = next((c.header for c in COLUMNS if c.key == exc.field), "Mã ngạch/chức danh")
        out.add(n, header, exc.vi, exc.en)
    if row["birth_date"] >= row["valid_from"]:
        out.add(
            n,
            "Ngày bắt đầu",
            "Ngày bắt đầu phải sau ngày sinh.",
            "The start date must be after the birth date.",
        )
    last = row.get("last_step_date")
    if last is not None and last > row["valid_from"] + dt.timedelta(days=36 * 31):
        out.add(
            n, "Ngày nâng bậc gần nhất", "Ngày nâng bậc không hợp lý.", "Implausible step date."
        )


def _check_duplicates(out: ParsedRoster) -> None:
    seen: dict[tuple[str, dt.date], int] = {}
    for r in out.rows:
        key = (r["personal_id"], r["valid_from"])
        if key in seen:
            out.add(
                r["row"],
                "Số định danh cá nhân",
                f"Trùng với dòng {seen[key]} (cùng người, cùng ngày bắt đầu).",
                f"Duplicates row {seen[key]} (same person, same start date).",
            )
        else:
            seen[key] = r["row"]
