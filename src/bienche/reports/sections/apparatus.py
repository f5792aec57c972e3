"""I. Tổ chức bộ máy: units at the start and end of the year by kind and level, and the
reorganization events of the year grouped by the decision that ordered them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bienche.org import selectors as org
from bienche.org.enums import EventKind, UnitKind, UnitLevel
from bienche.reports.content import Paragraph, Section, Table
from bienche.reports.numbers import vn_int
from bienche.reports.sections.base import Context, no_data, vi

KEY, HEADING = "apparatus", "Về tổ chức bộ máy"
Q_TREE = "bienche.org.selectors.unit_tree_as_of"
Q_EVENTS = "bienche.org.selectors.events_between"


def _nodes(ctx: Context, on: Any) -> list[org.UnitNode]:
    tree = ctx.tree if on == ctx.as_of else org.unit_tree_as_of(on)
    if ctx.scope is None:
        return list(tree.by_id.values())
    ids = tree.subtree_ids(ctx.scope.unit_id)
    return [tree.by_id[i] for i in ids]


def _count_table(
    ctx: Context, title: str, enum: Any, first: Counter, last: Counter, source: Any
) -> Table:
    keys = [k for k in enum.values if first.get(k) or last.get(k)]
    rows: list[tuple] = [
        (vi(enum, k), first.get(k, 0), last.get(k, 0), last.get(k, 0) - first.get(k, 0))
        for k in keys
    ]
    total_first, total_last = sum(first.values()), sum(last.values())
    rows.append(("Tổng số", total_first, total_last, total_last - total_first))
    return Table(
        title=title,
        columns=(
            "Loại",
            f"Ngày {ctx.start:%d/%m/%Y}",
            f"Ngày {ctx.as_of:%d/%m/%Y}",
            "Tăng (+), giảm (−)",
        ),
        rows=tuple(rows),
        source=source,
        total_row=True,
    )


def _event_rows(events: list) -> list[tuple]:
    """One row per decision (document number, issuer, date, kind): events and units."""
    groups: dict[tuple, list[int]] = {}
    for e in events:
        key = (e.basis_number, e.basis_issuer, e.basis_date, e.kind)
        groups.setdefault(key, [0, 0])
        groups[key][0] += 1
        groups[key][1] += e.n_units
    return [
        (number, issuer, day, vi(EventKind, kind), n_events, n_units)
        for (number, issuer, day, kind), (n_events, n_units) in groups.items()
    ]


def build(ctx: Context) -> Section:
    first_nodes, last_nodes = _nodes(ctx, ctx.start), _nodes(ctx, ctx.as_of)
    if not first_nodes and not last_nodes:
        return no_data(KEY, HEADING, "tổ chức bộ máy", ctx)
    params = {"unit": ctx.scope_code}
    src_first = ctx.source(
        Q_TREE, "đơn vị theo loại và cấp tại hai ngày", on_dates=(ctx.start, ctx.as_of), **params
    )
    by_kind = _count_table(
        ctx,
        "Số đơn vị theo loại",
        UnitKind,
        Counter(n.kind for n in first_nodes),
        Counter(n.kind for n in last_nodes),
        src_first,
    )
    by_level = _count_table(
        ctx,
        "Số đơn vị theo cấp",
        UnitLevel,
        Counter(n.level for n in first_nodes),
        Counter(n.level for n in last_nodes),
        src_first,
    )
    ids = None
    if ctx.scope is not None:
        ids = {n.unit_id for n in first_nodes} | {n.unit_id for n in last_nodes}
    events = org.events_between(ctx.start, ctx.as_of, unit_ids=ids)
    src_events = ctx.source(Q_EVENTS, "nhóm theo văn bản", start=ctx.start, end=ctx.as_of, **params)
    delta = len(last_nodes) - len(first_nodes)
    lead = Paragraph(
        f"Đến ngày {ctx.as_of:%d/%m/%Y}, {ctx.scope_label} có {vn_int(len(last_nodes))} đơn vị "
        f"(đầu năm: {vn_int(len(first_nodes))}, {'tăng' if delta >= 0 else 'giảm'} "
        f"{vn_int(abs(delta))}); trong năm có {vn_int(len(events))} sự kiện sắp xếp, "
        f"điều chỉnh tổ chức.",
        sources=(src_first, src_events),
    )
    blocks: list[Any] = [lead, by_kind, by_level]
    if events:
        blocks.append(
            Table(
                title="Các sự kiện sắp xếp tổ chức trong năm theo văn bản",
                columns=(
                    "Số văn bản",
                    "Cơ quan ban hành",
                    "Ngày",
                    "Loại",
                    "Số sự kiện",
                    "Số đơn vị",
                ),
                rows=tuple(_event_rows(events)),
                source=src_events,
            )
        )
    return Section(key=KEY, heading=HEADING, blocks=blocks)
