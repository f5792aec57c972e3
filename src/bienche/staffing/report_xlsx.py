"""The staffing report (quota vs actual, positions) as an XLSX workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from bienche.staffing.enums import QuotaKind


def staffing_report_xlsx(path: str | Path, *, unit_code: str, summary: dict[str, Any]) -> None:
    labels = dict(QuotaKind.choices)
    wb = xlsxwriter.Workbook(str(path))
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Biên chế")
    ws.write_row(0, 0, [f"Đơn vị: {unit_code}", f"Ngày: {summary['on']:%d/%m/%Y}"], bold)
    ws.write_row(2, 0, ["Loại biên chế", "Được giao", "Có mặt", "Chênh lệch"], bold)
    for i, r in enumerate(summary["by_kind"], start=3):
        ws.write_row(
            i, 0, [str(labels.get(r["kind"], r["kind"])), r["quota"], r["actual"], r["gap"]]
        )
    ws.set_column(0, 0, 48)
    pos = wb.add_worksheet("Vị trí việc làm")
    pos.write_row(0, 0, ["Mã", "Vị trí", "Cần bố trí", "Đã bố trí", "Còn trống"], bold)
    for i, p in enumerate(summary["positions"], start=1):
        pos.write_row(i, 0, [p["code"], p["title"], p["needed"], p["filled"], p["vacant"]])
    wb.close()
