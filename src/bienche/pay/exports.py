"""Files of a month's payroll run: Parquet (one row per person, every line) and XLSX (totals,
roll-ups and the people excluded with the reason; headers in Vietnamese)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from bienche.rules.payroll import PayrollRun

HEADERS = {
    "unit_id": "Đơn vị",
    "sector": "Ngành",
    "staff_category": "Loại cán bộ",
    "level": "Cấp",
    "headcount": "Số người",
    "salary": "Lương theo hệ số (đồng)",
    "gross": "Tổng thu nhập (đồng)",
    "employer_contributions": "Đơn vị đóng (đồng)",
    "employee_contributions": "Người lao động đóng (đồng)",
    "employer_cost": "Chi phí của đơn vị (đồng)",
    "bonus_fund": "Quỹ thưởng (đồng)",
    "allowances": "Phụ cấp (đồng)",
    "net": "Thực lĩnh trước thuế (đồng)",
    "person_id": "Mã người",
    "rule": "Quy tắc",
    "reason": "Lý do",
}


def payroll_run_parquet(result: PayrollRun, path: str | Path) -> int:
    """Every payable person's lines; returns the number of rows written."""
    result.to_parquet(str(path))
    return result.totals["headcount"]


def payroll_run_xlsx(result: PayrollRun, path: str | Path) -> int:
    """Totals, roll-ups by sector, category, level and unit, and the people excluded."""
    import xlsxwriter  # type: ignore[import-untyped]

    summary = pl.DataFrame(
        {
            "Chỉ tiêu": ["month", "scenario", *result.totals],
            "Giá trị": [
                result.month.isoformat(),
                result.scenario or "law",
                *(str(v) for v in result.totals.values()),
            ],
        }
    )
    sheets = {
        "Tổng hợp": summary,
        "Theo ngành": result.by_sector,
        "Theo loại": result.by_category,
        "Theo cấp": result.by_level,
        "Theo đơn vị": result.by_unit,
        "Bị loại": result.excluded,
    }
    with xlsxwriter.Workbook(str(path)) as book:
        for name, frame in sheets.items():
            renamed = frame.rename({c: HEADERS[c] for c in frame.columns if c in HEADERS})
            renamed.write_excel(book, worksheet=name, autofit=True)
    return result.totals["headcount"]
