"""III. Tiền lương: the salary cost of the year under the law in force each month, and the
effect of each base-salary change that took effect during the year.

The cost comes from ``pay.selectors.pay_compare`` over the months of the year (current law,
the roster valid on 1 January held through the year, as the /pay/ page computes a period);
the effect of a base-salary change is the month it took effect against the month before on
that same roster, so the difference is the change's (and the few step increments that month).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.pay.selectors import months_between, pay_compare
from bienche.reports.content import Chart, Paragraph, Section, Table
from bienche.reports.numbers import vn_int, vn_money
from bienche.reports.sections.base import Context, no_data
from bienche.rules.params import load

KEY, HEADING = "pay", "Về tiền lương và chi phí tiền lương"
Q_PAY = "bienche.pay.selectors.pay_compare"
Q_BASE = "bienche.rules.params.load('base_salary').changes_between"


def _months(ctx: Context) -> list[dt.date]:
    return months_between(ctx.start, ctx.as_of.replace(day=1))


def _effects(ctx: Context, cost: dict[dt.date, int]) -> list[tuple]:
    rows = []
    for change in load("base_salary").changes_between(ctx.start - dt.timedelta(days=1), ctx.as_of):
        month = change.since.replace(day=1)
        before = (month - dt.timedelta(days=1)).replace(day=1)
        if month not in cost or before not in cost:
            continue
        old = load("base_salary").value_at(change.since - dt.timedelta(days=1))
        rows.append(
            (
                change.since,
                change.reference,
                old,
                change.value,
                cost[before],
                cost[month],
                cost[month] - cost[before],
            )
        )
    return rows


def _excluded(n: int) -> str:
    if not n:
        return ""
    return (
        f" Có {vn_int(n)} người chưa tính được lương do thiếu hoặc sai dữ liệu "
        "(chưa tính vào số trên)."
    )


def build(ctx: Context) -> Section:
    months = _months(ctx)
    run = ctx.once("pay", lambda: pay_compare(months, None, ctx.scope_code))
    monthly = run.comparison.monthly
    cost = dict(zip(monthly["month"].to_list(), monthly["baseline_cost"].to_list(), strict=True))
    heads = monthly["baseline_headcount"].to_list()
    total = int(run.comparison.totals["baseline_cost"])
    if not total:
        return no_data(KEY, HEADING, "tiền lương", ctx)
    src = ctx.source(
        Q_PAY,
        "baseline_cost",
        months=f"{months[0]:%m/%Y}-{months[-1]:%m/%Y}",
        scenario=None,
        unit=ctx.scope_code,
        roster=run.roster_date,
    )
    blocks: list[Any] = [
        Paragraph(
            f"Chi phí tiền lương năm {ctx.year} của {ctx.scope_label} (theo chế độ hiện hành, "
            f"{vn_int(len(months))} tháng, danh sách hưởng lương tại ngày "
            f"{run.roster_date:%d/%m/%Y}: {vn_int(heads[0])} người) là {vn_money(total)}."
            + _excluded(run.excluded),
            sources=(src,),
        ),
        Chart(
            title=f"Chi phí tiền lương theo tháng năm {ctx.year}",
            kind="bar",
            categories=tuple(f"T{m.month}" for m in cost),
            series=(("Chi phí", tuple(v / 1_000_000_000 for v in cost.values())),),
            source=src,
            unit="tỷ đồng",
        ),
    ]
    effects = _effects(ctx, cost)
    src_base = ctx.source(Q_BASE, start=ctx.start, end=ctx.as_of)
    if not effects:
        blocks.append(
            Paragraph(
                f"Trong năm {ctx.year} không có điều chỉnh mức lương cơ sở.", sources=(src_base,)
            )
        )
    for since, ref, old, new, before, after, diff in effects:
        blocks.append(
            Paragraph(
                f"Từ ngày {since:%d/%m/%Y}, mức lương cơ sở tăng từ {vn_int(old)} "
                f"lên {vn_int(new)} "
                f"đồng/tháng ({ref}); chi phí tiền lương một tháng tăng {vn_money(diff)} "
                f"(từ {vn_money(before)} lên {vn_money(after)}).",
                sources=(src_base, src),
            )
        )
    if effects:
        blocks.append(
            Table(
                title="Tác động của điều chỉnh mức lương cơ sở trong năm",
                columns=(
                    "Ngày hiệu lực",
                    "Văn bản",
                    "Mức cũ (đồng)",
                    "Mức mới (đồng)",
                    "Chi phí tháng trước (đồng)",
                    "Chi phí tháng áp dụng (đồng)",
                    "Chênh lệch (đồng)",
                ),
                rows=tuple(effects),
                source=src,
            )
        )
    return Section(key=KEY, heading=HEADING, blocks=blocks)
