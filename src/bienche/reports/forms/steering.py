"""BM05: steering task statistics by lead unit, the scorecard's figures.

The period is the year to date (1 January of the date's year to the date), as the
scorecard page shows by default; the figures are ``steering.scorecard.scorecard``'s.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.reports.forms.scope import form_scope
from bienche.reports.forms.sheet import Column, FormTable, Group, single
from bienche.steering.scorecard import scorecard

KEYS = (
    "assigned",
    "done_on_time",
    "done_late",
    "open_within",
    "open_overdue",
    "no_deadline",
    "ongoing",
    "cancelled",
    "due",
)


def _values(line: dict[str, Any]) -> list[Any]:
    return [line[k] for k in KEYS] + [line["on_time_rate"]]


def steering_form(as_of: dt.date, unit_code: str | None) -> FormTable:
    scope = form_scope(as_of, unit_code)
    start = dt.date(as_of.year, 1, 1)
    card = scorecard(start, as_of, unit_code=unit_code)
    rows = [(i, u["unit"], u["name"], *_values(u)) for i, u in enumerate(card["units"], 1)]
    groups = (
        single("STT", width=6),
        single("Mã đơn vị", "text", 12),
        single("Đơn vị chủ trì", "text", 40),
        single("Nhiệm vụ được giao"),
        Group("Đã hoàn thành", (Column("Đúng hạn"), Column("Quá hạn"))),
        Group("Chưa hoàn thành", (Column("Trong hạn"), Column("Quá hạn"))),
        Group("Khác", (Column("Không thời hạn"), Column("Thường xuyên"), Column("Đã hủy"))),
        single("Đến hạn"),
        single("Tỷ lệ đúng hạn", "pct"),
    )
    return FormTable(
        code="BM05",
        title="Kết quả thực hiện nhiệm vụ được giao theo đơn vị chủ trì",
        as_of=as_of,
        scope=scope.label,
        groups=groups,
        rows=rows,
        total=(None, None, "Tổng cộng", *_values(card["total"])),
        source=(
            f"bienche.steering.scorecard.scorecard(từ {start:%d/%m/%Y} đến {as_of:%d/%m/%Y}) "
            "(như trang Bảng đánh giá)"
        ),
        notes=[
            "Nhiệm vụ giao từ đầu năm đến ngày báo cáo, đánh giá tại ngày báo cáo. "
            "Đến hạn = đúng hạn + hoàn thành quá hạn + chưa hoàn thành quá hạn; "
            "tỷ lệ đúng hạn = hoàn thành đúng hạn ÷ đến hạn."
        ],
    )
