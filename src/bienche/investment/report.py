"""The park report for a date (``bienche hoalac report``): the dashboard's figures as JSON or
as an XLSX workbook with one sheet per table, Vietnamese headers, VND as integers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from django.utils import translation

from bienche.investment import dashboard as dash
from bienche.investment import selectors as sel
from bienche.investment.enums import LandUse, ObstacleKind, Sector, Stage
from bienche.investment.projects_xlsx import EXPORT_COLUMNS, project_rows


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def park_report(on: dt.date) -> dict[str, Any]:
    """Everything the dashboard shows on ``on``, in plain JSON types."""
    data = dict(dash.dashboard(on))
    data["obstacles"] = dash.open_obstacles(on)
    return plain(data)


SHEETS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "Theo giai đoạn",
        "by_stage",
        [
            ("Giai đoạn", "label"),
            ("Số dự án", "projects"),
            ("Vốn đăng ký (VND)", "registered"),
            ("Vốn giải ngân (VND)", "disbursed"),
        ],
    ),
    (
        "Theo lĩnh vực",
        "by_sector",
        [
            ("Lĩnh vực", "key"),
            ("Số dự án", "projects"),
            ("Vốn đăng ký (VND)", "registered"),
            ("Vốn giải ngân (VND)", "disbursed"),
        ],
    ),
    (
        "Theo quốc gia",
        "by_country",
        [
            ("Quốc gia", "key"),
            ("Số dự án", "projects"),
            ("Vốn đăng ký (VND)", "registered"),
            ("Vốn giải ngân (VND)", "disbursed"),
        ],
    ),
    (
        "Đất đai",
        "land",
        [
            ("Phân khu", "zone_name"),
            ("Mục đích", "use"),
            ("Quy hoạch (ha)", "planned"),
            ("Đã cam kết (ha)", "committed"),
            ("Đã cho thuê (ha)", "leased"),
            ("Đã sử dụng (ha)", "occupied"),
            ("Còn trống (ha)", "available"),
            ("Tỷ lệ lấp đầy (%)", "occupancy"),
        ],
    ),
    (
        "Vốn theo thời gian",
        "capital_series",
        [("Ngày", "on"), ("Vốn đăng ký (VND)", "registered"), ("Vốn giải ngân (VND)", "disbursed")],
    ),
    (
        "Vướng mắc",
        "obstacles",
        [
            ("Ngày phát sinh", "raised_on"),
            ("Số ngày", "age_days"),
            ("Loại", "kind"),
            ("Nội dung", "description"),
            ("Dự án", "project"),
            ("Đơn vị chịu trách nhiệm", "owner"),
            ("Mã đơn vị", "owner_code"),
            ("Nhiệm vụ", "task_id"),
        ],
    ),
]
LABELS = {"key": Sector, "use": LandUse, "kind": ObstacleKind}


def _cell(ws: Any, i: int, j: int, value: Any, key: str, sheet: str, fmt: dict[str, Any]) -> None:
    if key in LABELS and sheet != "Theo quốc gia" and value:
        value = str(LABELS[key](value).label)
    if isinstance(value, dt.date):
        ws.write_datetime(i, j, dt.datetime.combine(value, dt.time()), fmt["date"])
    elif isinstance(value, int) and not isinstance(value, bool):
        ws.write_number(i, j, value, fmt["int"])
    elif isinstance(value, float | Decimal):
        ws.write_number(i, j, float(value), fmt["dec"])
    elif value not in (None, ""):
        ws.write(i, j, str(value))


def park_report_xlsx(on: dt.date, path: str | Path) -> None:
    data = dash.dashboard(on) | {"obstacles": dash.open_obstacles(on)}
    wb = xlsxwriter.Workbook(str(path))
    fmt = {
        "bold": wb.add_format(
            {"bold": True, "bg_color": "#EFEFEF", "border": 1, "text_wrap": True}
        ),
        "date": wb.add_format({"num_format": "dd/mm/yyyy"}),
        "int": wb.add_format({"num_format": "#,##0"}),
        "dec": wb.add_format({"num_format": "#,##0.00"}),
    }
    with translation.override("vi"):
        ws = wb.add_worksheet("Tổng hợp")
        ws.write(0, 0, f"Khu công nghệ cao Hòa Lạc — số liệu đến ngày {on:%d/%m/%Y}", fmt["bold"])
        names = {
            "projects": "Số dự án đã đăng ký đầu tư",
            "domestic": "Trong nước",
            "foreign": "Nước ngoài",
            "registered": "Vốn đăng ký (VND)",
            "disbursed": "Vốn giải ngân (VND)",
            "jobs_planned": "Lao động theo kế hoạch",
            "jobs_created": "Lao động đang làm việc",
            "pipeline_open": "Dự án tiềm năng đang theo dõi",
        }
        for i, (key, label) in enumerate(names.items(), start=2):
            ws.write(i, 0, label)
            ws.write_number(i, 1, data["totals"][key], fmt["int"])
        ws.set_column(0, 0, 40)
        ws.set_column(1, 1, 22)
        for sheet, key, columns in SHEETS:
            ws = wb.add_worksheet(sheet)
            for j, (header, _k) in enumerate(columns):
                ws.write(0, j, header, fmt["bold"])
                ws.set_column(j, j, 18)
            for i, row in enumerate(data[key], start=1):
                for j, (_h, k) in enumerate(columns):
                    _cell(ws, i, j, row.get(k), k, sheet, fmt)
        ws = wb.add_worksheet("Dự án")
        rows = project_rows(sel.park_state(on))
        for j, (header, _k, width) in enumerate(EXPORT_COLUMNS):
            ws.write(0, j, header, fmt["bold"])
            ws.set_column(j, j, width)
        for i, row in enumerate(rows, start=1):
            for j, (_h, k, _w) in enumerate(EXPORT_COLUMNS):
                value = row.get(k)
                if k == "stage":
                    value = str(Stage(value).label)
                _cell(ws, i, j, value, k, "Dự án", fmt)
    wb.close()
