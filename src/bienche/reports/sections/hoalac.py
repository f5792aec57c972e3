"""VIII. Khu Công nghệ cao Hòa Lạc: the park's state at the year's end (licensed projects,
capital, jobs, projects by stage) and the city's targets for the year against it
(``investment.dashboard.dashboard``, the /hoalac/ dashboard's figures). Part of a report whose
scope contains the park's management board (or the city's); omitted otherwise."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bienche.investment.dashboard import dashboard
from bienche.investment.enums import Metric, Stage
from bienche.investment.permissions import board_unit
from bienche.reports.content import Paragraph, Section, Table
from bienche.reports.numbers import vn_int, vn_money
from bienche.reports.sections.base import Context, no_data, vi

KEY, HEADING = "hoalac", "Về Khu Công nghệ cao Hòa Lạc"
Q_DASH = "bienche.investment.dashboard.dashboard"


def in_scope(ctx: Context) -> bool:
    if ctx.scope is None:
        return True
    board = board_unit()
    return board is not None and board.pk in (ctx.scope_ids or ())


def park(ctx: Context) -> dict[str, Any]:
    return ctx.once("hoalac", lambda: dashboard(ctx.as_of))


def source(ctx: Context, note: str) -> Any:
    return ctx.source(Q_DASH, note, on=ctx.as_of)


def unmet_targets(ctx: Context) -> list[dict[str, Any]]:
    if not in_scope(ctx):
        return []
    return [t for t in park(ctx)["targets"] if not t["met"]]


def _target_value(metric: str, value: Any) -> Any:
    return Decimal(str(value)) if metric == Metric.OCCUPANCY else int(value)


def build(ctx: Context) -> Section | None:
    if not in_scope(ctx):
        return None
    d = park(ctx)
    t = d["totals"]
    if not t["projects"] and not t["pipeline_open"]:
        return no_data(KEY, HEADING, "Khu Công nghệ cao Hòa Lạc", ctx)
    blocks: list[Any] = [
        Paragraph(
            f"Đến ngày {ctx.as_of:%d/%m/%Y}, Khu Công nghệ cao Hòa Lạc có {vn_int(t['projects'])} "
            f"dự án được cấp phép ({vn_int(t['domestic'])} trong nước, {vn_int(t['foreign'])} "
            f"nước ngoài), vốn đăng ký {vn_money(t['registered'])}, vốn giải ngân "
            f"{vn_money(t['disbursed'])}; {vn_int(t['jobs_created'])} việc làm; "
            f"{vn_int(t['pipeline_open'])} dự án đang xúc tiến; {vn_int(d['obstacles_open'])} "
            f"vướng mắc chưa giải quyết.",
            sources=(source(ctx, "totals, obstacles_open"),),
        ),
        Table(
            title="Dự án theo giai đoạn",
            columns=("Giai đoạn", "Số dự án", "Vốn đăng ký (đồng)", "Vốn giải ngân (đồng)"),
            rows=tuple(
                (vi(Stage, r["stage"]), r["projects"], r["registered"], r["disbursed"])
                for r in d["by_stage"]
            ),
            source=source(ctx, "by_stage"),
        ),
    ]
    if d["targets"]:
        blocks.append(
            Table(
                title=f"Chỉ tiêu năm {ctx.year} của Thành phố đối với Khu",
                columns=("Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đạt"),
                rows=tuple(
                    (
                        vi(Metric, r["metric"]),
                        _target_value(r["metric"], r["target"]),
                        _target_value(r["metric"], r["actual"]),
                        "Đạt" if r["met"] else "Chưa đạt",
                    )
                    for r in d["targets"]
                ),
                source=source(ctx, f"targets (năm {ctx.year})"),
            )
        )
    return Section(key=KEY, heading=HEADING, blocks=blocks)
