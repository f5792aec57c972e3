"""VII. Chỉ đạo, điều hành: tasks assigned during the year evaluated at its end, by unit and
by quarter, and the units with the weakest record: ``steering.scorecard.scorecard`` for
[1 January, as of], the same call the /steering/ dashboard makes for that date."""

from __future__ import annotations

from typing import Any

from bienche.org.permissions import Scope
from bienche.reports.content import Chart, Paragraph, Section, Table
from bienche.reports.numbers import vn_int, vn_pct
from bienche.reports.sections.base import Context, no_data, vi
from bienche.steering.enums import Bucket
from bienche.steering.scorecard import BUCKETS, scorecard
from bienche.steering.selectors import task_search

KEY, HEADING = "steering", "Về theo dõi, đôn đốc thực hiện nhiệm vụ"
Q_CARD = "bienche.steering.scorecard.scorecard"
Q_SEARCH = "bienche.steering.selectors.task_search"
SHOWN_UNITS = 30
WEAKEST = 10
EVERYTHING = Scope(True, frozenset())


def card(ctx: Context) -> dict[str, Any]:
    return ctx.once("scorecard", lambda: scorecard(ctx.start, ctx.as_of, unit_code=ctx.scope_code))


def card_source(ctx: Context, note: str = "") -> Any:
    return ctx.source(Q_CARD, note, start=ctx.start, end=ctx.as_of, unit_code=ctx.scope_code)


def overdue(ctx: Context) -> list[dict[str, Any]]:
    """Every task open and overdue at the year's end in the scope, whatever year it was
    assigned: the /steering/ dashboard's overdue list (its lead units are those of today
    within the scope's subtree as of the date, the city's root for a city report)."""
    ids = ctx.tree.subtree_ids(ctx.unit.unit_id) or {ctx.unit.unit_id}
    return ctx.once(
        "overdue",
        lambda: task_search(
            EVERYTHING,
            on=ctx.as_of,
            unit_ids=ids,
            bucket=Bucket.OPEN_OVERDUE,
            limit=10**9,
        ),
    )


def overdue_source(ctx: Context) -> Any:
    return ctx.source(Q_SEARCH, "bucket=open_overdue", on=ctx.as_of, unit=ctx.scope_code)


def _unit_rows(lines: list[dict[str, Any]]) -> tuple[tuple, ...]:
    return tuple(
        (
            u["unit"],
            u["name"],
            u["assigned"],
            u[Bucket.DONE_ON_TIME],
            u[Bucket.DONE_LATE],
            u[Bucket.OPEN_WITHIN],
            u[Bucket.OPEN_OVERDUE],
            None if u["on_time_rate"] is None else round(u["on_time_rate"] * 100, 1),
        )
        for u in lines
    )


UNIT_COLUMNS = (
    "Mã",
    "Đơn vị",
    "Được giao",
    "Đúng hạn",
    "Quá hạn đã xong",
    "Trong hạn",
    "Quá hạn chưa xong",
    "Tỷ lệ đúng hạn (%)",
)


def _totals_table(ctx: Context, c: dict[str, Any]) -> Table:
    t = c["total"]
    rows = tuple((vi(Bucket, b), t[b]) for b in BUCKETS) + (("Tổng số", t["assigned"]),)
    return Table(
        title="Nhiệm vụ giao trong năm theo kết quả thực hiện",
        columns=("Kết quả", "Số nhiệm vụ"),
        rows=rows,
        source=card_source(ctx, "total"),
        total_row=True,
    )


def _trend_chart(ctx: Context, c: dict[str, Any]) -> Chart:
    trend = [q for q in c["trend"] if q["due"]]  # a quarter with nothing due has no rate
    return Chart(
        title="Tỷ lệ nhiệm vụ hoàn thành đúng hạn theo quý",
        kind="line",
        categories=tuple(q["quarter"] for q in trend),
        series=(("Tỷ lệ đúng hạn", tuple(round(q["on_time_rate"] * 100, 1) for q in trend)),),
        source=card_source(ctx, "trend"),
        unit="%",
    )


def _lead(ctx: Context, c: dict[str, Any], n_overdue: int) -> Paragraph:
    t = c["total"]
    return Paragraph(
        f"Năm {ctx.year}, {ctx.scope_label} được giao {vn_int(t['assigned'])} nhiệm vụ; đến ngày "
        f"{c['as_of']:%d/%m/%Y} đã hoàn thành đúng hạn {vn_int(t[Bucket.DONE_ON_TIME])}, hoàn "
        f"thành quá hạn {vn_int(t[Bucket.DONE_LATE])}, chưa hoàn thành trong hạn "
        f"{vn_int(t[Bucket.OPEN_WITHIN])}, chưa hoàn thành quá hạn "
        f"{vn_int(t[Bucket.OPEN_OVERDUE])}; tỷ lệ đúng hạn {vn_pct(t['on_time_rate'])}. "
        f"Tính cả nhiệm vụ giao từ các năm trước, có {vn_int(n_overdue)} nhiệm vụ chưa hoàn "
        f"thành quá hạn.",
        sources=(card_source(ctx, "total"), overdue_source(ctx)),
    )


def build(ctx: Context) -> Section:
    c = card(ctx)
    late = overdue(ctx)
    if not c["total"]["assigned"] and not late:
        return no_data(KEY, HEADING, "nhiệm vụ được giao", ctx)
    units = sorted(c["units"], key=lambda u: (-u["assigned"], u["unit"]))
    blocks: list[Any] = [_lead(ctx, c, len(late)), _totals_table(ctx, c)]
    if any(q["due"] for q in c["trend"]):
        blocks.append(_trend_chart(ctx, c))
    if units:
        title = "Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì"
        if len(units) > SHOWN_UNITS:
            title += f" ({SHOWN_UNITS} đơn vị được giao nhiều nhất / {len(units)})"
        blocks.append(
            Table(
                title=title,
                columns=UNIT_COLUMNS,
                rows=_unit_rows(units[:SHOWN_UNITS]),
                source=card_source(ctx, "units"),
                percent_columns=(7,),
            )
        )
    weakest = c["ranking"][::-1][:WEAKEST]
    if weakest:
        blocks.append(
            Table(
                title="Các đơn vị có tỷ lệ hoàn thành đúng hạn thấp nhất",
                columns=UNIT_COLUMNS,
                rows=_unit_rows(weakest),
                source=card_source(ctx, "ranking[::-1][:10]"),
                percent_columns=(7,),
            )
        )
    return Section(key=KEY, heading=HEADING, blocks=blocks)
