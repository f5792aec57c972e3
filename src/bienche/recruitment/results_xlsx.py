"""The ranking of an exam as an XLSX workbook (headers in Vietnamese), one sheet per exam."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

COLUMNS = [
    ("unit_code", "Đơn vị"),
    ("position_code", "Vị trí"),
    ("rank", "Thứ tự"),
    ("number", "Số báo danh"),
    ("full_name", "Họ và tên"),
    ("round1", "Điểm vòng 1"),
    ("round2", "Điểm vòng 2"),
    ("priority", "Điểm ưu tiên"),
    ("total", "Tổng điểm"),
    ("outcome", "Kết quả"),
    ("reason_text", "Lý do"),
]


def ranking_xlsx(path: str | Path, *, exam_code: str, blocks: list[dict[str, Any]]) -> int:
    """Write the ranking; returns the number of candidate rows."""
    wb = xlsxwriter.Workbook(str(path))
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Kết quả")
    ws.write(0, 0, f"Kết quả thi tuyển — kỳ thi {exam_code}", bold)
    ws.write_row(2, 0, [label for _k, label in COLUMNS], bold)
    line = 3
    for block in blocks:
        for row in block["rows"]:
            values = block | row
            ws.write_row(line, 0, [_cell(values.get(k)) for k, _l in COLUMNS])
            line += 1
    ws.set_column(4, 4, 32)
    ws.set_column(10, 10, 60)
    wb.close()
    return line - 3


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, int | float | str):
        return value
    return float(value)
