"""BM01: units by kind and level, as of the date (from the org tree as of that date)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bienche.org.enums import UnitKind, UnitLevel
from bienche.reports.forms.scope import form_scope, vi_label
from bienche.reports.forms.sheet import Column, FormTable, Group, single

TITLE = "Số lượng đơn vị theo loại hình và cấp"
SOURCE = "bienche.org.selectors.unit_tree_as_of (sơ đồ tổ chức tại ngày báo cáo)"


def units_form(as_of: dt.date, unit_code: str | None) -> FormTable:
    scope = form_scope(as_of, unit_code)
    counts: Counter[tuple[str, str]] = Counter(
        (n.kind, n.level) for uid, n in scope.tree.by_id.items() if uid in scope.unit_ids
    )
    levels = list(UnitLevel.values)
    rows = []
    for i, kind in enumerate((k for k in UnitKind.values if any(c[0] == k for c in counts)), 1):
        by_level = [counts.get((kind, lv), 0) for lv in levels]
        rows.append((i, vi_label(UnitKind.choices, kind), *by_level, sum(by_level)))
    totals = [sum(r[2 + j] for r in rows) for j in range(len(levels))]
    groups = (
        single("STT", width=6),
        single("Loại hình đơn vị", "text", 42),
        Group("Theo cấp", tuple(Column(vi_label(UnitLevel.choices, lv)) for lv in levels)),
        single("Tổng số"),
    )
    return FormTable(
        code="BM01",
        title=TITLE,
        as_of=as_of,
        scope=scope.label,
        groups=groups,
        rows=rows,
        total=(None, "Tổng cộng", *totals, sum(totals)),
        source=SOURCE,
        notes=["Đơn vị đang hoạt động tại ngày báo cáo, kể cả đơn vị trực thuộc."],
    )
