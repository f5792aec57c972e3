"""BM02: quotas and staff by kind, category and unit; BM03: job positions by unit and group.

Both read the staffing selectors the /staffing/ pages read (``staffing_summary`` and
``position_fill``), so the figures are the pages' figures for the same date and unit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from bienche.reports.forms.scope import form_scope, vi_label
from bienche.reports.forms.sheet import Column, FormTable, Group, single
from bienche.staffing import selectors as sel
from bienche.staffing.enums import PositionCategory, QuotaKind, StaffCategory

KEY_GROUPS = (
    single("STT", width=6),
    single("Mã đơn vị", "text", 12),
    single("Tên đơn vị", "text", 40),
)


def _kind_group(kind: str) -> Group:
    cols = (Column("Được giao"), Column("Có mặt"), Column("Chênh lệch"))
    return Group(vi_label(QuotaKind.choices, kind), cols)


def _staffing_values(summary: dict[str, Any]) -> list[int]:
    by_kind = {r["kind"]: r for r in summary["by_kind"]}
    out: list[int] = []
    for kind in QuotaKind.values:
        r = by_kind.get(kind, {"quota": 0, "actual": 0, "gap": 0})
        out += [r["quota"], r["actual"], r["gap"]]
    out += [
        sum(r["quota"] for r in summary["by_kind"]),
        sum(r["actual"] for r in summary["by_kind"]),
    ]
    out += [summary["by_category"].get(c, 0) for c in StaffCategory.values]
    return out


def staffing_form(as_of: dt.date, unit_code: str | None) -> FormTable:
    scope = form_scope(as_of, unit_code)
    rows = []
    units = [c for root in scope.roots for c in root.children]
    for i, node in enumerate(units, 1):
        rows.append(
            (i, node.code, node.name, *_staffing_values(sel.staffing_summary(node.unit_id, as_of)))
        )
    # Each root's own summary (a registry with several roots: their sum).
    per_root = [_staffing_values(sel.staffing_summary(r.unit_id, as_of)) for r in scope.roots]
    code = scope.roots[0].code if len(scope.roots) == 1 else None
    width = len(QuotaKind.values) * 3 + 2 + len(StaffCategory.values)
    sums = [sum(v) for v in zip(*per_root, strict=True)] if per_root else [0] * width
    totals = (None, code, "Tổng cộng", *sums)
    groups = (
        *KEY_GROUPS,
        *(_kind_group(k) for k in QuotaKind.values),
        Group("Tổng số", (Column("Được giao"), Column("Có mặt"))),
        Group(
            "Có mặt theo loại cán bộ, công chức, viên chức",
            tuple(
                Column(vi_label(StaffCategory.choices, c), width=14) for c in StaffCategory.values
            ),
        ),
    )
    return FormTable(
        code="BM02",
        title="Biên chế được giao và số người có mặt theo đơn vị",
        as_of=as_of,
        scope=scope.label,
        groups=groups,
        rows=rows,
        total=totals,
        source="bienche.staffing.selectors.staffing_summary (như trang Biên chế /staffing/)",
        notes=[
            "Mỗi dòng là một đơn vị trực thuộc, tính cả các đơn vị cấp dưới của nó.",
            "Dòng tổng cộng là số liệu của cả phạm vi: biên chế do đơn vị cấp trên giữ đã bao "
            "gồm phần giao cho đơn vị trực thuộc, nên có thể khác tổng các dòng.",
        ],
    )


def _position_values(positions: list[dict[str, Any]]) -> list[int]:
    out: list[int] = []
    for cat in PositionCategory.values:
        mine = [p for p in positions if p["category"] == cat]
        out += [
            len(mine),
            sum(p["needed"] for p in mine),
            sum(min(p["filled"], p["needed"]) for p in mine),
        ]
    needed = sum(p["needed"] for p in positions)
    filled = sum(min(p["filled"], p["needed"]) for p in positions)
    return [*out, len(positions), needed, filled, sum(p["vacant"] for p in positions)]


def positions_form(as_of: dt.date, unit_code: str | None) -> FormTable:
    scope = form_scope(as_of, unit_code)
    fill = sel.position_fill(set(scope.unit_ids), as_of)
    by_unit: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in fill["positions"]:
        by_unit[p["unit_id"]].append(p)
    nodes = sorted((scope.tree.by_id[u] for u in by_unit), key=lambda n: n.code)
    rows = [
        (i, n.code, n.name, *_position_values(by_unit[n.unit_id])) for i, n in enumerate(nodes, 1)
    ]
    total = _position_values(fill["positions"])
    sub = (Column("Số vị trí"), Column("Số người cần"), Column("Đã bố trí"))
    groups = (
        *KEY_GROUPS,
        *(Group(vi_label(PositionCategory.choices, c), sub) for c in PositionCategory.values),
        Group("Tổng số", (*sub, Column("Còn thiếu"))),
    )
    return FormTable(
        code="BM03",
        title="Vị trí việc làm theo đơn vị và nhóm vị trí",
        as_of=as_of,
        scope=scope.label,
        groups=groups,
        rows=rows,
        total=(None, None, "Tổng cộng", *total),
        source="bienche.staffing.selectors.position_fill (vị trí có hiệu lực tại ngày báo cáo)",
        notes=["Đã bố trí: số người được bố trí, không vượt số người cần của vị trí."],
    )
