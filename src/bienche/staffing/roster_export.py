"""Write the roster as of a date to XLSX in the documented layout (import ↔ export)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from bienche.staffing.roster_layout import COLUMNS
from bienche.staffing.selectors import roster_rows

SEX_LABEL = {"M": "Nam", "F": "Nữ"}


def mask_personal_id(pid: str) -> str:
    """Show only the last 4 digits to those who may not see personal identifiers."""
    return "*" * (len(pid) - 4) + pid[-4:]


def _row(r: tuple, *, mask: bool) -> list:
    (
        pid,
        name,
        birth,
        sex,
        edu,
        qual,
        unit,
        pos,
        cat,
        rank,
        step,
        coef,
        last,
        lead,
        sector,
        start,
    ) = r
    return [
        mask_personal_id(pid) if mask else pid,
        name,
        birth,
        SEX_LABEL.get(sex, sex),
        edu,
        qual,
        unit,
        pos or "",
        cat,
        rank,
        step,
        f"{coef / 100:.2f}".replace(".", ","),
        last,
        f"{lead / 100:.2f}".replace(".", ",") if lead else "",
        sector // 100 if sector else "",
        start,
    ]


def roster_export_xlsx(
    path: str | Path,
    *,
    on: dt.date,
    unit_ids: set[int] | None = None,
    mask_ids: bool = True,
    **filters: str,
) -> int:
    """Write the file (``filters``: text, category, rank); return the number of people."""
    rows = roster_rows(on, unit_ids, **filters)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách")
    bold = wb.add_format({"bold": True, "bg_color": "#EFEFEF", "border": 1})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, [c.header for c in COLUMNS], bold)
    for i, r in enumerate(rows, start=1):
        for j, value in enumerate(_row(r, mask=mask_ids)):
            if isinstance(value, dt.date):
                ws.write_datetime(i, j, dt.datetime(value.year, value.month, value.day), dates)  # noqa: DTZ001
            elif value is None:
                ws.write_blank(i, j, None)
            else:
                ws.write(i, j, value)
    ws.freeze_panes(1, 0)
    wb.close()
    return len(rows)
