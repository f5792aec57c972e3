"""Transfers as XLSX: the export of a register list, and the all-or-nothing import.

Import layout: first sheet, headers in row 1 in any order (``COLUMNS``; required ones
marked). ``Hình thức``: phân cấp / ủy quyền (or the codes); a receiver is either ``Đơn vị
nhận`` (a unit code active on ``Từ ngày``) or ``Nhóm đơn vị nhận``: cấp huyện / cấp xã;
``Đến ngày`` is the term (required for a delegation); ``Loại văn bản``: nghị quyết HĐND /
quyết định UBND / … (blank: quyết định UBND); ``Được ủy quyền tiếp``: có / không.
Every row is parsed and checked (``services.checks``) before anything is written; a
problem names the Excel row (header = 1; 0 = the file), the column and the reason.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

from bienche.core.errors import Message
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx
from bienche.delegation.enums import DocumentKind, ReceiverClass, TransferKind
from bienche.delegation.services.checks import TransferSpec, transfers_check
from bienche.delegation.services.documents import DocumentSpec
from bienche.delegation.services.transfers import TransferProblems, transfers_create

MAX_ROWS = 5000
#: header → (spec field, required)
COLUMNS = {
    "Mã thẩm quyền": ("power_code", True),
    "Hình thức": ("kind", True),
    "Cơ quan chuyển giao": ("from_unit_code", True),
    "Đơn vị nhận": ("to_unit_code", False),
    "Nhóm đơn vị nhận": ("to_class", False),
    "Từ ngày": ("valid_from", True),
    "Đến ngày": ("term_end", False),
    "Số văn bản": ("document_number", True),
    "Ngày văn bản": ("document_date", True),
    "Loại văn bản": ("document_kind", False),
    "Cơ quan ban hành": ("document_issuer", False),
    "Điều kiện": ("conditions", False),
    "Chế độ báo cáo": ("reporting_duty", False),
    "Được ủy quyền tiếp": ("sub_delegation_allowed", False),
    "Ngày rà soát": ("review_on", False),
}
FIELD_COLUMNS = {f: c for c, (f, _r) in COLUMNS.items()}
FIELD_COLUMNS["document_kind"] = "Loại văn bản"
WORDS = {
    "kind": {
        "phân cấp": TransferKind.DECENTRALIZATION,
        "ủy quyền": TransferKind.DELEGATION,
        "uỷ quyền": TransferKind.DELEGATION,
    },
    "to_class": {"cấp huyện": ReceiverClass.DISTRICT_LEVEL, "cấp xã": ReceiverClass.COMMUNE_LEVEL},
    "document_kind": {
        "luật": DocumentKind.LAW,
        "nghị định": DocumentKind.DECREE,
        "nghị quyết hđnd": DocumentKind.COUNCIL_RESOLUTION,
        "quyết định ubnd": DocumentKind.COMMITTEE_DECISION,
        "quyết định chủ tịch ubnd": DocumentKind.CHAIRMAN_DECISION,
        "quyết định thủ trưởng cơ quan": DocumentKind.AGENCY_DECISION,
        "khác": DocumentKind.OTHER,
    },
    "sub_delegation_allowed": {"có": True, "không": False, "x": True},
}
DATES = {"valid_from", "term_end", "document_date", "review_on"}
FILE_UNREADABLE = Message("xlsx_unreadable", "Tệp không đọc được: {reason}", "Unreadable: {reason}")
FILE_EMPTY = Message("xlsx_empty", "Tệp không có dòng nào.", "The file has no rows.")
FILE_TOO_LONG = Message("xlsx_too_long", "Tệp có quá {n} dòng.", "More than {n} rows.")
COLUMN_MISSING = Message("column_missing", "Thiếu cột «{col}».", "Missing column «{col}».")
CELL_REQUIRED = Message("cell_required", "Cần ghi ô này.", "This cell is required.")
CELL_DATE = Message("cell_date", "Ngày «{text}» không hợp lệ.", "Invalid date «{text}».")
CELL_WORD = Message(
    "cell_word", "«{text}» không hợp lệ: {allowed}.", "«{text}» is not one of {allowed}."
)


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _problem(row: int, column: str, msg: Message, /, **params: Any) -> Problem:
    return Problem(row, column, msg.render("vi", **params), msg.render("en", **params))


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def _cell(name: str, text: str) -> Any:
    if name in DATES:
        try:
            return parse_date(text)
        except ValueError:
            raise ValueError(CELL_DATE.code) from None
    if name in WORDS:
        words = WORDS[name]
        codes = {str(v): v for v in words.values() if isinstance(v, str)}
        value = words.get(_key(text), codes.get(text.strip()))
        if value is None:
            raise LookupError(" / ".join(words))
        return value
    return text


def _parse(n: int, text: dict[str, str]) -> tuple[TransferSpec | None, list[Problem]]:
    values: dict[str, Any] = {}
    problems = []
    for col, (name, required) in COLUMNS.items():
        raw = text.get(col, "")
        if not raw:
            if required:
                problems.append(_problem(n, col, CELL_REQUIRED))
            continue
        try:
            values[name] = _cell(name, raw)
        except LookupError as exc:
            problems.append(_problem(n, col, CELL_WORD, text=raw, allowed=str(exc.args[0])))
        except ValueError:
            problems.append(_problem(n, col, CELL_DATE, text=raw))
    if problems:
        return None, problems
    doc = DocumentSpec(
        number=values.pop("document_number"),
        issued_on=values.pop("document_date"),
        kind=values.pop("document_kind", DocumentKind.COMMITTEE_DECISION),
        issuer=values.pop("document_issuer", "UBND Thành phố Hà Nội"),
    )
    return TransferSpec(**values, document=doc), []


def _read(path: str | Path) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    try:
        headers, raw = read_xlsx(path)
    except ValueError as exc:
        return [], [_problem(0, "", FILE_UNREADABLE, reason=exc)]
    known = {_key(h): h for h in COLUMNS}
    index = {known[_key(h)]: i for i, h in enumerate(headers) if _key(h) in known}
    missing = [c for c, (_f, req) in COLUMNS.items() if req and c not in index]
    if missing:
        return [], [_problem(0, c, COLUMN_MISSING, col=c) for c in missing]
    rows = []
    for n, r in enumerate(raw, start=2):
        text = {c: "" if r[i] is None else str(r[i]).strip() for c, i in index.items()}
        if any(text.values()):
            rows.append((n, text))
    if not rows:
        return [], [_problem(0, "", FILE_EMPTY)]
    if len(rows) > MAX_ROWS:
        return [], [_problem(0, "", FILE_TOO_LONG, n=MAX_ROWS)]
    return rows, []


def _business(found: list[tuple[int, Any]], excel_rows: list[int]) -> list[Problem]:
    return [
        Problem(excel_rows[i], FIELD_COLUMNS.get(exc.field, exc.field or ""), exc.vi, exc.en)
        for i, exc in found
    ]


def transfers_import_xlsx(
    path: str | Path, *, acting_user: Any, dry_run: bool = False
) -> ImportReport:
    """Check every row, then record every transfer or none."""
    report = ImportReport(dry_run=dry_run)
    rows, report.problems = _read(path)
    report.rows = len(rows)
    specs, excel_rows = [], []
    for n, text in rows:
        spec, found = _parse(n, text)
        report.problems += found
        if spec is not None:
            specs.append(spec)
            excel_rows.append(n)
    if specs:
        report.problems += _business(transfers_check(specs)[1], excel_rows)
    report.problems.sort(key=lambda p: p.row)
    if report.problems or dry_run:
        return report
    try:
        report.created = len(transfers_create(specs=specs, acting_user=acting_user))
    except TransferProblems as exc:  # the register changed since the check
        report.problems = _business(exc.problems, excel_rows)
    return report


EXPORT = (  # header, key, width
    ("Mã", "id", 8),
    ("Mã thẩm quyền", "power", 16),
    ("Thẩm quyền", "power_name", 50),
    ("Hình thức", "kind", 12),
    ("Cơ quan chuyển giao", "from_unit", 16),
    ("Đơn vị nhận", "to_unit", 16),
    ("Nhóm đơn vị nhận", "to_class", 14),
    ("Từ ngày", "valid_from", 12),
    ("Đến ngày", "valid_to", 12),
    ("Số văn bản", "document", 20),
    ("Ngày văn bản", "document_date", 12),
    ("Cơ quan ban hành", "issuer", 28),
    ("Tình trạng", "status", 14),
    ("Ngày rà soát", "review_on", 12),
    ("Dữ liệu mẫu", "synthetic", 8),
)
LABELS = {
    "kind": {v: k for k, v in WORDS["kind"].items() if k != "uỷ quyền"},
    "to_class": {v: k for k, v in WORDS["to_class"].items()},
    "synthetic": {True: "giả lập", False: ""},
}


def transfers_export_xlsx(rows: list[dict[str, Any]], path: str | Path) -> None:
    """Rows of ``selectors.transfer_row``: Vietnamese headers and words, real dates."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Phân cấp, ủy quyền")
    bold = wb.add_format({"bold": True, "bg_color": "#EFEFEF", "border": 1, "text_wrap": True})
    dates = wb.add_format({"num_format": "dd/mm/yyyy"})
    for j, (header, _k, width) in enumerate(EXPORT):
        ws.write(0, j, header, bold)
        ws.set_column(j, j, width)
    for i, row in enumerate(rows, start=1):
        for j, (_h, key, _w) in enumerate(EXPORT):
            value = row.get(key)
            value = LABELS.get(key, {}).get(value, value)
            if isinstance(value, dt.date):
                ws.write_datetime(i, j, dt.datetime.combine(value, dt.time()), dates)
            elif value not in (None, ""):
                ws.write(i, j, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(EXPORT) - 1)
    wb.close()


def transfers_template_xlsx(path: str | Path) -> None:
    """An empty import file with the headers (required ones in bold)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Phân cấp, ủy quyền")
    bold = wb.add_format({"bold": True})
    for j, (header, (_f, required)) in enumerate(COLUMNS.items()):
        ws.write(0, j, header, bold if required else None)
        ws.set_column(j, j, 18)
    wb.close()
