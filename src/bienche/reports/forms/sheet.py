"""One statistical form as an XLSX sheet, laid out the way officers expect.

Layout (rows counted from 1): the form's code and title (row 1, merged), "Tính đến ngày
dd/mm/yyyy" and the scope (rows 2-3), a two-row header (rows 5-6: groups merged across
their sub-columns; a group of one column is merged down both rows), the data rows, a bold
total row, and the data source in a footer row. Counts use ``#,##0``, shares ``0.0%``;
panes are frozen under the header.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any, Literal

import xlsxwriter

Kind = Literal["text", "int", "pct", "date"]
TOTAL_LABEL = "Tổng cộng"
#: Zero-based row of the first header row and of the first data row.
HEADER_ROW = 4
DATA_ROW = HEADER_ROW + 2
INT_FORMAT = "#,##0"
PCT_FORMAT = "0.0%"
DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = "int"
    width: float = 12


@dataclass(frozen=True)
class Group:
    """A header group; a group with a single column is one cell merged down both rows."""

    header: str
    columns: tuple[Column, ...]


def single(header: str, kind: Kind = "int", width: float = 12) -> Group:
    return Group(header, (Column(header, kind, width),))


@dataclass
class FormTable:
    """What a form's builder returns: the rendered workbook is ``write_form(table)``."""

    code: str
    title: str
    as_of: dt.date
    scope: str
    groups: tuple[Group, ...]
    rows: list[tuple[Any, ...]]
    total: tuple[Any, ...] | None
    source: str
    notes: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[Column]:
        return [c for g in self.groups for c in g.columns]


class _Formats:
    def __init__(self, wb: Any) -> None:
        base = {"font_name": "Times New Roman", "font_size": 11, "border": 1}
        head = {**base, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
        self.title = wb.add_format(
            {"font_name": "Times New Roman", "bold": True, "font_size": 14, "align": "center"}
        )
        self.subtitle = wb.add_format(
            {"font_name": "Times New Roman", "italic": True, "align": "center"}
        )
        self.head = wb.add_format({**head, "bg_color": "#EFEFEF"})
        self.note = wb.add_format({"font_name": "Times New Roman", "italic": True})
        self.cell = {
            (kind, bold): wb.add_format({**base, "bold": bold, **_num(kind)})
            for kind in ("text", "int", "pct", "date")
            for bold in (False, True)
        }


def _num(kind: str) -> dict[str, Any]:
    return {
        "int": {"num_format": INT_FORMAT},
        "pct": {"num_format": PCT_FORMAT},
        "date": {"num_format": DATE_FORMAT},
    }.get(kind, {"text_wrap": True, "valign": "top"})


def _header(ws: Any, fmt: _Formats, groups: tuple[Group, ...]) -> None:
    col = 0
    for group in groups:
        n = len(group.columns)
        if n == 1:
            ws.merge_range(HEADER_ROW, col, HEADER_ROW + 1, col, group.header, fmt.head)
        else:
            ws.merge_range(HEADER_ROW, col, HEADER_ROW, col + n - 1, group.header, fmt.head)
            for i, c in enumerate(group.columns):
                ws.write(HEADER_ROW + 1, col + i, c.header, fmt.head)
        for i, c in enumerate(group.columns):
            ws.set_column(col + i, col + i, c.width)
        col += n


def _row(ws: Any, fmt: _Formats, r: int, columns: list[Column], values: tuple, bold: bool) -> None:
    for c, (column, value) in enumerate(zip(columns, values, strict=True)):
        f = fmt.cell[(column.kind, bold)]
        if value is None or value == "":
            ws.write_blank(r, c, None, f)
        elif column.kind == "date":
            ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), f)
        elif column.kind == "text":
            ws.write_string(r, c, str(value), f)
        else:
            ws.write_number(r, c, value, f)


def write_form(table: FormTable) -> bytes:
    """The workbook's bytes (one sheet named after the form's code)."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"title": table.title, "company": "bienche"})
    fmt = _Formats(wb)
    ws = wb.add_worksheet(table.code)
    columns = table.columns
    last = len(columns) - 1
    ws.merge_range(0, 0, 0, last, f"{table.code}. {table.title}", fmt.title)
    ws.merge_range(1, 0, 1, last, f"Tính đến ngày {table.as_of:%d/%m/%Y}", fmt.subtitle)
    ws.merge_range(2, 0, 2, last, f"Phạm vi: {table.scope}", fmt.subtitle)
    _header(ws, fmt, table.groups)
    ws.set_row(HEADER_ROW + 1, 30)
    r = DATA_ROW
    for values in table.rows:
        _row(ws, fmt, r, columns, values, False)
        r += 1
    if table.total is not None:
        _row(ws, fmt, r, columns, table.total, True)
        r += 1
    ws.write(r + 1, 0, f"Nguồn số liệu: {table.source}", fmt.note)
    for i, note in enumerate(table.notes, start=2):
        ws.write(r + i, 0, note, fmt.note)
    ws.freeze_panes(DATA_ROW, 0)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW, HEADER_ROW + 1)
    wb.close()
    return buf.getvalue()


def share(part: int, whole: int) -> float | None:
    """A fraction for a percent-formatted cell; blank when there is nothing to divide by."""
    return round(part / whole, 4) if whole else None
