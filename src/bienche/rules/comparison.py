"""The result of a baseline-against-scenario comparison, and its exports (Parquet, XLSX)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bienche.rules.payroll import DIMENSIONS

XLSX_HEADERS = {
    "month": "Tháng",
    "unit_id": "Đơn vị",
    "sector": "Ngành",
    "staff_category": "Loại cán bộ",
    "level": "Cấp",
    "baseline_headcount": "Số người (gốc)",
    "scenario_headcount": "Số người (kịch bản)",
    "baseline_cost": "Chi phí gốc (đồng)",
    "scenario_cost": "Chi phí kịch bản (đồng)",
    "difference": "Chênh lệch (đồng)",
}
FIGURES = (
    "baseline_headcount",
    "baseline_cost",
    "scenario_headcount",
    "scenario_cost",
    "difference",
)
_SHEETS = {"unit": "đơn vị", "sector": "ngành", "category": "loại", "level": "cấp"}


@dataclass(frozen=True)
class Comparison:
    baseline: str
    scenario: str
    months: tuple[dt.date, ...]
    monthly: pl.DataFrame  # month; per side: headcount, excluded, measures, cost; difference
    by_unit: pl.DataFrame  # long: key, month, per side headcount and cost, difference
    by_sector: pl.DataFrame
    by_category: pl.DataFrame
    by_level: pl.DataFrame
    totals: dict[str, int]  # over the period
    # individual change of gross pay over the period, people paid every month under both:
    # people, gainers, losers, unchanged, removed (headcount), partial (excluded some month),
    # median, mean, worst_loss (the lowest change: positive if nobody loses), best_gain,
    # p10, p90
    distribution: dict[str, float | int]

    def rollup(self, dimension: str) -> pl.DataFrame:
        frame: pl.DataFrame = getattr(self, f"by_{dimension}")
        return frame

    def annual(self, dimension: str) -> pl.DataFrame:
        """The dimension's figures summed over the months of the period."""
        key = DIMENSIONS[dimension]
        frame = self.rollup(dimension)
        heads = [c for c in frame.columns if c.endswith("_headcount")]
        costs = [c for c in frame.columns if c not in (key, "month", *heads)]
        return (
            frame.group_by(key)
            .agg(pl.col(heads).mean().round(1), pl.col(costs).sum())
            .sort("difference")
        )

    def frame(self) -> pl.DataFrame:
        """Every figure in one long table: dimension, key, month (null: the whole period)."""
        parts = []
        for dim, key in DIMENSIONS.items():
            for f in (self.rollup(dim), self.annual(dim).with_columns(month=pl.lit(None, pl.Date))):
                parts.append(
                    f.select(
                        pl.lit(dim).alias("dimension"),
                        pl.col(key).cast(pl.String).alias("key"),
                        "month",
                        *FIGURES,
                    )
                )
        return pl.concat(parts, how="vertical_relaxed")

    def to_parquet(self, path: str | Path) -> None:
        self.frame().write_parquet(path)

    def to_xlsx(self, path: str | Path) -> None:
        import xlsxwriter

        summary = pl.DataFrame(
            {
                "Chỉ tiêu": [*self.totals, *self.distribution],
                "Giá trị": [float(v) for v in (*self.totals.values(), *self.distribution.values())],
            }
        )
        sheets = {"Tổng hợp": summary, "Theo tháng": self.monthly}
        sheets |= {f"Theo {n}": self.annual(d) for d, n in _SHEETS.items()}
        with xlsxwriter.Workbook(str(path)) as book:
            for name, frame in sheets.items():
                renamed = frame.rename(
                    {c: XLSX_HEADERS[c] for c in frame.columns if c in XLSX_HEADERS}
                )
                renamed.write_excel(book, worksheet=name, autofit=True)
