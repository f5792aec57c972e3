"""Steering tasks as XLSX: the export of a task list, and the import of a document's tasks.

Import layout: first sheet, headers in row 1 in any order; ``TEMPLATE_HEADERS`` lists them
and ``GUIDE`` says in Vietnamese how to fill each (the template's second sheet). In short:
``STT`` (item number, as text); ``Nội dung nhiệm vụ``, ``Đơn vị chủ trì`` (unit code active
on the document date), ``Chức danh chịu trách nhiệm`` (required); ``Đơn vị phối hợp`` (codes
separated by ; or ,); ``Lãnh đạo phụ trách``; ``Loại thời hạn``: ngày / số ngày làm việc /
thường xuyên / không thời hạn or date / working_days / recurring / none (blank: «ngày» when
``Thời hạn`` is filled, «số ngày làm việc» when ``Số ngày làm việc`` is, else «không thời
hạn»); ``Thời hạn`` (column required), ``Số ngày làm việc``, ``Kỳ báo cáo`` (tháng / quý /
6 tháng / năm or the codes), each filled only with its kind; ``Mức độ ưu tiên`` (thường /
cao / khẩn or the codes; blank: thường); ``Chương trình`` (programme code); and optionally
``Văn bản``, which must then give the target document's number on every row.

Rows are parsed, then checked by ``services.tasks.tasks_check``; a problem names the Excel
row (header = 1; 0 = the file), the column and the reason in Vietnamese and English.
Tasks are created only when no row has a problem (all-or-nothing).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from django.utils import translation
from xlsxwriter.utility import xl_col_to_name

from bienche.core.errors import Message
from bienche.core.problems import Problem
from bienche.core.xlsx import parse_date, read_xlsx
from bienche.steering.enums import Bucket, DeadlineKind, Period, Status
from bienche.steering.models import SourceDocument
from bienche.steering.services.tasks import TaskProblems, TaskSpec, tasks_check, tasks_create

COL_ITEM, COL_CONTENT, COL_LEAD = "STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì"
COL_SUPPORT, COL_POST = "Đơn vị phối hợp", "Chức danh chịu trách nhiệm"
COL_LEADER, COL_KIND, COL_DEADLINE = "Lãnh đạo phụ trách", "Loại thời hạn", "Thời hạn"
COL_DAYS, COL_PERIOD, COL_PRIORITY = "Số ngày làm việc", "Kỳ báo cáo", "Mức độ ưu tiên"
COL_PROGRAMME, COL_DOCUMENT = "Chương trình", "Văn bản"

#: The import columns in template order, with the instructions written in the template.
GUIDE = {
    COL_ITEM: "Số thứ tự trong văn bản (1, 2.3, a); nhập dạng văn bản.",
    COL_CONTENT: "Bắt buộc. Nội dung nhiệm vụ.",
    COL_LEAD: "Bắt buộc. Mã đơn vị chủ trì (đang hoạt động vào ngày văn bản).",
    COL_SUPPORT: "Mã các đơn vị phối hợp, cách nhau bởi dấu ; hoặc dấu ,",
    COL_POST: "Bắt buộc. Chức danh lãnh đạo chịu trách nhiệm (ví dụ «Giám đốc Sở»).",
    COL_LEADER: "Lãnh đạo phụ trách.",
    COL_KIND: "ngày / số ngày làm việc / thường xuyên / không thời hạn. Để trống: «ngày» nếu "
    "có thời hạn, «số ngày làm việc» nếu có số ngày, còn lại «không thời hạn».",
    COL_DEADLINE: "Ngày (dd/mm/yyyy), chỉ ghi khi loại thời hạn là «ngày».",
    COL_DAYS: "Số ngày làm việc kể từ ngày văn bản, chỉ ghi khi loại là «số ngày làm việc».",
    COL_PERIOD: "tháng / quý / 6 tháng / năm, chỉ ghi khi loại thời hạn là «thường xuyên».",
    COL_PRIORITY: "thường / cao / khẩn (để trống: thường).",
    COL_PROGRAMME: "Mã chương trình, đề án (nếu có).",
}
TEMPLATE_HEADERS = tuple(GUIDE)
OPTIONAL_HEADERS = (COL_DOCUMENT,)
REQUIRED_HEADERS = (COL_CONTENT, COL_LEAD, COL_POST, COL_DEADLINE)
MAX_ROWS, FIRST_DAY, LAST_DAY = 5000, dt.date(1990, 1, 1), dt.date(2100, 12, 31)
#: Longest text each column may hold (the database columns' sizes).
MAX_LENGTH = {COL_ITEM: 16, COL_LEAD: 40, COL_POST: 120, COL_LEADER: 120, COL_PROGRAMME: 32}
#: The TaskSpec field each column fills, in TEMPLATE_HEADERS order (errors of
#: ``tasks_check`` are shown back in that column).
SPEC_FIELDS = dict(
    zip(
        TEMPLATE_HEADERS,
        "item content lead_unit_code supporting_codes responsible_post responsible_leader "
        "deadline_kind deadline deadline_days period priority programme_code".split(),
        strict=True,
    )
)
FIELD_COLUMNS = {f: c for c, f in SPEC_FIELDS.items()}
#: Vietnamese words of each code; the first one is the one written in files.
DEADLINE_WORDS = {
    DeadlineKind.DATE: ("ngày", "theo ngày"),
    DeadlineKind.WORKING_DAYS: ("số ngày làm việc", "theo số ngày làm việc"),
    DeadlineKind.RECURRING: ("thường xuyên",),
    DeadlineKind.NONE: ("không thời hạn",),
}
PERIOD_WORDS = {
    Period.MONTH: ("tháng", "hằng tháng", "hàng tháng"),
    Period.QUARTER: ("quý", "hằng quý", "hàng quý"),
    Period.HALF_YEAR: ("6 tháng", "sáu tháng"),
    Period.YEAR: ("năm", "hằng năm", "hàng năm"),
}
PRIORITY_WORDS = {"normal": ("thường", "bình thường"), "high": ("cao",), "urgent": ("khẩn",)}
#: The cell each deadline kind uses; the others must stay blank.
KIND_CELLS = {"date": COL_DEADLINE, "working_days": COL_DAYS, "recurring": COL_PERIOD}
FILE_UNREADABLE = Message("xlsx_unreadable", "Tệp không đọc được: {reason}", "Unreadable: {reason}")
FILE_EMPTY = Message("xlsx_empty", "Tệp không có dòng nhiệm vụ nào.", "The file has no tasks.")
FILE_TOO_LONG = Message("xlsx_too_long", "Tệp có quá {n} nhiệm vụ.", "More than {n} tasks.")
COLUMN_MISSING = Message("column_missing", "Thiếu cột «{col}».", "Missing column «{col}».")
COLUMN_UNKNOWN = Message(
    "column_unknown",
    "Cột «{col}» không thuộc mẫu nhập nhiệm vụ (không có tiêu đề hoặc bị lặp).",
    "Column «{col}» is not part of the task layout (no header, or repeated).",
)
CELL_TOO_LONG = Message("cell_too_long", "Dài quá {n} ký tự.", "Longer than {n} characters.")
CELL_DATE = Message("cell_date", "Ngày «{text}» không hợp lệ.", "Invalid date «{text}».")
CELL_NUMBER = Message("cell_number", "«{text}» không phải số nguyên.", "Not an integer: «{text}».")
CELL_WORD = Message("cell_word", "«{text}» không hợp lệ: {allowed}.", "«{text}» is not {codes}.")
CELL_WRONG_KIND = Message(
    "cell_wrong_kind",
    "Cột «{col}» chỉ ghi khi loại thời hạn là «{needed}» (dòng này: «{kind}»).",
    "«{col}» applies only when the deadline kind is «{needed}» (this row: «{kind}»).",
)
KIND_AMBIGUOUS = Message(
    "kind_ambiguous",
    "Có cả «Thời hạn» và «Số ngày làm việc»: hãy ghi loại thời hạn hoặc bỏ một.",
    "Both a deadline and working days are given: state the deadline kind or clear one.",
)
DOCUMENT_MISMATCH = Message(
    "document_mismatch",
    "Văn bản «{text}» khác văn bản đang nhập «{number}».",
    "Document «{text}» is not «{number}», the one being imported into.",
)


def _problem(row: int, column: str, msg: Message, /, **params: Any) -> Problem:
    return Problem(row, column, msg.render("vi", **params), msg.render("en", **params))


def _key(text: str) -> str:
    """Compare words and headers whatever the Unicode form, case and spacing."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _label(words: dict[str, tuple[str, ...]], code: str) -> str:
    return words[code][0] if code in words else code


def _given(value: Any) -> bool:
    return value not in (None, "", [])


@dataclass
class TaskImportReport:
    rows: int = 0
    created: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class _CellError(ValueError):
    def __init__(self, msg: Message, **params: Any) -> None:
        super().__init__(msg.code)
        self.msg, self.params = msg, params


def _vocabulary(words: dict[str, tuple[str, ...]]) -> Callable[[str], str]:
    lookup = {_key(w): code for code, ws in words.items() for w in (*ws, str(code))}
    allowed, codes = " / ".join(w[0] for w in words.values()), " / ".join(map(str, words))

    def parse(text: str) -> str:
        if _key(text) not in lookup:
            raise _CellError(CELL_WORD, text=text, allowed=allowed, codes=codes)
        return lookup[_key(text)]

    return parse


def _date(text: str) -> dt.date:
    try:
        day = parse_date(text)
    except ValueError:
        day = FIRST_DAY - dt.timedelta(days=1)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _CellError(CELL_DATE, text=text)
    return day


def _whole_number(text: str) -> int:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = 0.5
    if not number.is_integer():
        raise _CellError(CELL_NUMBER, text=text)
    return int(number)


def _codes(text: str) -> list[str]:
    return list(dict.fromkeys(c.strip() for c in re.split(r"[;,]", text) if c.strip()))


PARSERS: dict[str, Callable[[str], Any]] = {
    COL_KIND: _vocabulary(DEADLINE_WORDS),
    COL_DEADLINE: _date,
    COL_DAYS: _whole_number,
    COL_PERIOD: _vocabulary(PERIOD_WORDS),
    COL_PRIORITY: _vocabulary(PRIORITY_WORDS),
    COL_SUPPORT: _codes,
}


def _columns(headers: list[str], raw: list[list[Any]]) -> tuple[dict[str, int], list[Problem]]:
    known = {_key(h): h for h in (*TEMPLATE_HEADERS, *OPTIONAL_HEADERS)}
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for i, header in enumerate(headers):
        name = known.get(_key(header))
        if name is not None and name not in columns:
            columns[name] = i
        elif not header.startswith("__UNNAMED__") or any(_given(r[i]) for r in raw):
            col = xl_col_to_name(i) if header.startswith("__UNNAMED__") else header
            problems.append(_problem(0, col, COLUMN_UNKNOWN, col=col))
    missing = [h for h in REQUIRED_HEADERS if h not in columns]
    return columns, problems + [_problem(0, h, COLUMN_MISSING, col=h) for h in missing]


def _cells(n: int, text: dict[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for col, value in text.items():
        limit = MAX_LENGTH.get(col)
        try:
            if limit is not None and len(value) > limit:
                raise _CellError(CELL_TOO_LONG, n=limit)
            values[col] = PARSERS[col](value) if value and col in PARSERS else value
        except _CellError as exc:
            problems.append(_problem(n, col, exc.msg, **exc.params))
    return values, problems


def _deadline_kind(n: int, values: dict[str, Any]) -> tuple[str, list[Problem]]:
    kind = values.get(COL_KIND)
    if not kind:
        dated = (DeadlineKind.DATE, DeadlineKind.WORKING_DAYS)
        given = [k for k in dated if _given(values.get(KIND_CELLS[k]))]
        if len(given) > 1:
            return "", [_problem(n, COL_KIND, KIND_AMBIGUOUS)]
        kind = given[0] if given else DeadlineKind.NONE
    word = _label(DEADLINE_WORDS, kind)
    return kind, [
        _problem(n, col, CELL_WRONG_KIND, col=col, needed=_label(DEADLINE_WORDS, k), kind=word)
        for k, col in KIND_CELLS.items()
        if k != kind and _given(values.get(col))
    ]


def _parse_row(
    n: int, text: dict[str, str], document: SourceDocument
) -> tuple[TaskSpec | None, list[Problem]]:
    values, problems = _cells(n, text)
    if COL_DOCUMENT in text and _key(text[COL_DOCUMENT]) != _key(document.number):
        problems.append(
            _problem(
                n, COL_DOCUMENT, DOCUMENT_MISMATCH, text=text[COL_DOCUMENT], number=document.number
            )
        )
    if not problems:
        kind, problems = _deadline_kind(n, values)
    if problems:
        return None, problems
    given = {SPEC_FIELDS[c]: v for c, v in values.items() if c in SPEC_FIELDS and _given(v)}
    required = {"content": "", "lead_unit_code": "", "responsible_post": ""}
    return TaskSpec(**{**required, **given, "deadline_kind": kind}), []


def _read(path: str | Path) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """The non-blank rows as (Excel row number, column → stripped text)."""
    try:
        headers, raw = read_xlsx(path)
    except ValueError as exc:
        return [], [_problem(0, "", FILE_UNREADABLE, reason=exc)]
    columns, problems = _columns(headers, raw)
    if problems:
        return [], problems
    rows = []
    for n, r in enumerate(raw, start=2):
        text = {c: "" if r[i] is None else str(r[i]).strip() for c, i in columns.items()}
        if any(text.values()):
            rows.append((n, text))
    if not rows:
        return [], [_problem(0, "", FILE_EMPTY)]
    if len(rows) > MAX_ROWS:
        return [], [_problem(0, "", FILE_TOO_LONG, n=MAX_ROWS)]
    return rows, []


def tasks_import_xlsx(
    path: str | Path, *, document: SourceDocument, acting_user: Any, dry_run: bool = False
) -> TaskImportReport:
    """Check every row, then create all the tasks of ``document`` or none. The caller checks
    that ``acting_user`` may direct the document (``services.tasks.guard_directs``)."""
    report = TaskImportReport(dry_run=dry_run)
    rows, report.problems = _read(path)
    report.rows = len(rows)
    specs: list[TaskSpec] = []
    excel_rows: list[int] = []
    for n, text in rows:
        spec, found = _parse_row(n, text, document)
        report.problems += found
        if spec is not None:
            specs.append(spec)
            excel_rows.append(n)
    report.problems += _business_problems(tasks_check(document, specs), excel_rows)
    report.problems.sort(key=lambda p: p.row)
    if report.problems or dry_run:
        return report
    try:
        report.created = len(tasks_create(document=document, specs=specs, acting_user=acting_user))
    except TaskProblems as exc:  # the data changed since the check
        report.problems = _business_problems(exc.problems, excel_rows)
    return report


def _business_problems(found: list[tuple[int, Any]], excel_rows: list[int]) -> list[Problem]:
    return [
        Problem(excel_rows[i], FIELD_COLUMNS.get(exc.field, ""), exc.vi, exc.en) for i, exc in found
    ]


EXPORT_COLUMNS = (  # header, key of the row, width
    ("Mã nhiệm vụ", "id", 10),
    (COL_DOCUMENT, "document", 18),
    (COL_ITEM, "item", 6),
    (COL_CONTENT, "content", 60),
    (COL_LEAD, "lead_unit", 12),
    (COL_POST, "responsible_post", 24),
    (COL_KIND, "deadline_kind", 16),
    (COL_DEADLINE, "deadline", 12),
    ("Thời hạn đang áp dụng", "current_deadline", 12),
    (COL_PRIORITY, "priority", 10),
    (COL_PROGRAMME, "programme", 12),
    ("Trạng thái", "status", 24),
    ("Đánh giá", "bucket", 26),
    ("Ngày hoàn thành", "completed_on", 12),
    ("Số lần gia hạn", "extensions", 8),
)
DISPLAY: dict[str, Callable[[str], str]] = {
    "deadline_kind": lambda v: _label(DEADLINE_WORDS, v),
    "priority": lambda v: _label(PRIORITY_WORDS, v),
    "status": lambda v: str(Status(v).label),
    "bucket": lambda v: str(Bucket(v).label),
}


def _header(wb: Any) -> Any:
    return wb.add_format({"bold": True, "bg_color": "#EFEFEF", "border": 1, "text_wrap": True})


def tasks_export_xlsx(rows: list[dict[str, Any]], path: str | Path) -> None:
    """Write rows of ``selectors.task_search`` / ``document_tasks``: Vietnamese headers and
    labels (enum labels in Vietnamese), real dates, a frozen header row and an autofilter."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Nhiệm vụ")
    bold, dates = _header(wb), wb.add_format({"num_format": "dd/mm/yyyy"})
    for j, (header, _k, width) in enumerate(EXPORT_COLUMNS):
        ws.write(0, j, header, bold)
        ws.set_column(j, j, width)
    with translation.override("vi"):
        for i, row in enumerate(rows, start=1):
            for j, (_h, key, _w) in enumerate(EXPORT_COLUMNS):
                value = row.get(key)
                if value is not None and key in DISPLAY:
                    value = DISPLAY[key](value)
                if isinstance(value, dt.date):
                    ws.write_datetime(i, j, dt.datetime.combine(value, dt.time()), dates)
                elif _given(value):
                    ws.write(i, j, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(EXPORT_COLUMNS) - 1)
    wb.close()


def tasks_template_xlsx(path: str | Path) -> None:
    """An empty import file: the headers, drop-down lists and a sheet of instructions."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Nhiệm vụ")
    bold = _header(wb)
    formats = {COL_ITEM: "@", COL_DEADLINE: "dd/mm/yyyy"}
    lists = {COL_KIND: DEADLINE_WORDS, COL_PERIOD: PERIOD_WORDS, COL_PRIORITY: PRIORITY_WORDS}
    for j, header in enumerate(TEMPLATE_HEADERS):
        ws.write(0, j, header, bold)
        cells = wb.add_format({"num_format": formats[header]}) if header in formats else None
        ws.set_column(j, j, 60 if header == COL_CONTENT else 18, cells)
        if header in lists:
            source = [words[0] for words in lists[header].values()]
            ws.data_validation(1, j, MAX_ROWS, j, {"validate": "list", "source": source})
    ws.freeze_panes(1, 0)
    guide = wb.add_worksheet("Hướng dẫn")
    guide.write_row(0, 0, ["Cột", "Cách ghi"], bold)
    guide.set_column(0, 0, 28)
    guide.set_column(1, 1, 110)
    for i, row in enumerate(GUIDE.items(), start=1):
        guide.write_row(i, 0, row)
    wb.close()
