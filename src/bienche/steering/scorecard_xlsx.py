"""The unit scorecard (``steering.scorecard.scorecard``) as an XLSX workbook.

Sheets: «Bảng điểm» (one row per lead unit and a total row), «Xếp hạng» (units with tasks
due, best on-time rate first), «Theo quý» (the quarterly trend) and «Định nghĩa» (how every
figure is computed: the Vietnamese definitions, then ``card["definitions"]``). Rates are
numbers with a percent format, so they can be summed and charted; a rate without any task
due is left blank.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import xlsxwriter

from bienche.steering.scorecard import definitions

#: (header, key of a scorecard line, kind) for the sheet «Bảng điểm».
SCORE_COLUMNS = (
    ("Mã đơn vị", "unit", "text"),
    ("Tên đơn vị", "name", "text"),
    ("Số nhiệm vụ được giao", "assigned", "int"),
    ("Hoàn thành đúng hạn", "done_on_time", "int"),
    ("Hoàn thành quá hạn", "done_late", "int"),
    ("Chưa hoàn thành, trong hạn", "open_within", "int"),
    ("Chưa hoàn thành, quá hạn", "open_overdue", "int"),
    ("Không thời hạn", "no_deadline", "int"),
    ("Thường xuyên", "ongoing", "int"),
    ("Đã hủy", "cancelled", "int"),
    ("Đến hạn", "due", "int"),
    ("Tỷ lệ đúng hạn", "on_time_rate", "rate"),
    ("Số ngày chậm bình quân", "avg_delay_days", "num"),
    ("Số lần gia hạn", "extensions", "int"),
    ("Nhập kịp thời", "recorded_in_time", "int"),
    ("Số ngày nhập bình quân", "avg_recording_days", "num"),
)
RANK_COLUMNS = (
    ("Mã đơn vị", "unit", "text"),
    ("Tên đơn vị", "name", "text"),
    ("Đến hạn", "due", "int"),
    ("Hoàn thành đúng hạn", "done_on_time", "int"),
    ("Hoàn thành quá hạn", "done_late", "int"),
    ("Chưa hoàn thành, quá hạn", "open_overdue", "int"),
    ("Tỷ lệ đúng hạn", "on_time_rate", "rate"),
)
TREND_COLUMNS = (
    ("Quý", "quarter", "text"),
    ("Đến hạn", "due", "int"),
    ("Hoàn thành đúng hạn", "done_on_time", "int"),
    ("Hoàn thành quá hạn", "done_late", "int"),
    ("Chưa hoàn thành, quá hạn", "open_overdue", "int"),
    ("Tỷ lệ đúng hạn", "on_time_rate", "rate"),
)
TOTAL_LABEL = "Tổng cộng"


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class _Writer:
    def __init__(self, path: str | Path) -> None:
        self.wb = xlsxwriter.Workbook(str(path))
        self.formats = {
            "head": self.wb.add_format(
                {"bold": True, "bg_color": "#EFEFEF", "border": 1, "text_wrap": True}
            ),
            "title": self.wb.add_format({"bold": True, "font_size": 13}),
            "rate": self.wb.add_format({"num_format": "0.0%"}),
            "num": self.wb.add_format({"num_format": "0.0"}),
            "bold": self.wb.add_format({"bold": True}),
            "bold_rate": self.wb.add_format({"bold": True, "num_format": "0.0%"}),
            "bold_num": self.wb.add_format({"bold": True, "num_format": "0.0"}),
        }

    def table(
        self,
        name: str,
        title: str,
        columns: tuple[tuple[str, str, str], ...],
        rows: list[dict[str, Any]],
        total: dict[str, Any] | None = None,
        first: tuple[str, str] | None = None,
    ) -> None:
        """A sheet: title in row 1, headers in row 3, then the rows (and a bold total).
        ``first`` prepends a column (header, row key) such as the rank."""
        cols = ((first[0], first[1], "int"), *columns) if first else columns
        ws = self.wb.add_worksheet(name)
        ws.write(0, 0, title, self.formats["title"])
        for j, (header, key, _kind) in enumerate(cols):
            ws.write(2, j, header, self.formats["head"])
            ws.set_column(j, j, 36 if key == "name" else 14)
        lines = [(r, "") for r in rows] + ([(total, "bold")] if total else [])
        for i, (row, style) in enumerate(lines, start=3):
            for j, (_h, key, kind) in enumerate(cols):
                self._cell(ws, i, j, row.get(key), kind, style)
        ws.freeze_panes(3, 0)

    def _cell(self, ws: Any, i: int, j: int, value: Any, kind: str, style: str) -> None:
        fmt_name = "_".join(p for p in (style, kind if kind in {"rate", "num"} else "") if p)
        fmt = self.formats.get(fmt_name)
        if value is None or value == "":
            ws.write_blank(i, j, None, fmt)
        elif kind == "text":
            ws.write_string(i, j, str(value), fmt)
        else:
            ws.write_number(i, j, value, fmt)

    def definitions(self, sections: list[tuple[str, str]]) -> None:
        """Each (title, text) section: a bold title, then one row per definition."""
        ws = self.wb.add_worksheet("Định nghĩa")
        ws.set_column(0, 0, 120, self.wb.add_format({"text_wrap": True, "valign": "top"}))
        row = 0
        for title, text in sections:
            ws.write(row, 0, title, self.formats["title"])
            for paragraph in _paragraphs(text):
                row += 1
                ws.write_string(row, 0, paragraph)
            row += 2

    def close(self) -> None:
        self.wb.close()


def _paragraphs(text: str) -> list[str]:
    """The bullets of the definitions, each on one line, without reST markup."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("* ") or not out:
            out.append(line.removeprefix("* "))
        else:
            out[-1] += " " + line
    return [re.sub(r"\*\*|``", "", p) for p in out]


def scorecard_export_xlsx(card: dict[str, Any], path: str | Path) -> None:
    """Write the workbook of ``card`` (the dict of ``steering.scorecard.scorecard``)."""
    period = f"từ {_d(card['start'])} đến {_d(card['end'])}, đánh giá đến {_d(card['as_of'])}"
    scope = f" — {card['unit']}" if card.get("unit") else ""
    total = {**card["total"], "unit": TOTAL_LABEL, "name": ""}
    ranking = [{**r, "rank": i} for i, r in enumerate(card["ranking"], start=1)]
    w = _Writer(path)
    w.table(
        "Bảng điểm",
        f"Bảng điểm thực hiện nhiệm vụ {period}{scope}",
        SCORE_COLUMNS,
        card["units"],
        total,
    )
    w.table(
        "Xếp hạng",
        f"Xếp hạng theo tỷ lệ hoàn thành đúng hạn {period}{scope}",
        RANK_COLUMNS,
        ranking,
        first=("Hạng", "rank"),
    )
    w.table(
        "Theo quý",
        f"Tỷ lệ đúng hạn theo quý (nhiệm vụ đến hạn trong quý){scope}",
        TREND_COLUMNS,
        card["trend"],
    )
    w.definitions(
        [
            ("Định nghĩa các chỉ tiêu", definitions("vi")),
            ("Definitions (English)", card["definitions"]),
        ]
    )
    w.close()
