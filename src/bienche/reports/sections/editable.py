"""The officer's sections, prefilled from the data: "Tồn tại, hạn chế" from the tasks overdue
at the year's end, the streamlining target not on track and the Hòa Lạc targets not met; and
"Nhiệm vụ trọng tâm năm sau" from the same facts turned into tasks. The drafts workflow
replaces their blocks with the officer's text when there is one."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bienche.reports.content import Paragraph, Section
from bienche.reports.numbers import vn_int, vn_pct
from bienche.reports.sections import hoalac, staffing, steering
from bienche.reports.sections.base import Context, vi
from bienche.staffing.enums import QuotaKind

LIMITATIONS = "limitations", "Tồn tại, hạn chế"
NEXT_YEAR = "next_year_tasks", "Nhiệm vụ trọng tâm năm {year}"
TOP_UNITS = 5


def _overdue_units(ctx: Context, rows: list[dict[str, Any]]) -> str:
    counts = Counter(r["lead_unit"] for r in rows)
    names = {n.code: n.short_name or n.name for n in ctx.tree.by_id.values() if n.code in counts}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_UNITS]
    return ", ".join(f"{names.get(code, code)} ({vn_int(n)})" for code, n in top)


def _facts(ctx: Context) -> dict[str, Any]:
    report = staffing.streamlining(ctx)
    return {
        "overdue": steering.overdue(ctx),
        "card": steering.card(ctx)["total"],
        "stream": [r for r in (report or {}).get("rows", []) if r["verdict"] != "on_track"],
        "stream_period": report["period"] if report else "",
        "targets": hoalac.unmet_targets(ctx),
    }


def _stream_source(ctx: Context, f: dict[str, Any]) -> Any:
    return ctx.source(staffing.Q_STREAM, unit=ctx.unit.code, name=f["stream_period"], on=ctx.as_of)


def _limitations(ctx: Context, f: dict[str, Any]) -> list[Paragraph]:
    out = []
    if f["overdue"]:
        out.append(
            Paragraph(
                f"Còn {vn_int(len(f['overdue']))} nhiệm vụ chưa hoàn thành quá hạn tại ngày "
                f"{ctx.as_of:%d/%m/%Y}, tập trung ở: {_overdue_units(ctx, f['overdue'])}.",
                sources=(steering.overdue_source(ctx),),
            )
        )
    if f["card"]["due"] and f["card"]["on_time_rate"] is not None and f["card"]["on_time_rate"] < 1:
        out.append(
            Paragraph(
                "Tỷ lệ nhiệm vụ hoàn thành đúng hạn trong năm đạt "
                f"{vn_pct(f['card']['on_time_rate'])}.",
                sources=(steering.card_source(ctx, "total.on_time_rate"),),
            )
        )
    src = _stream_source(ctx, f)
    for r in f["stream"]:
        out.append(
            Paragraph(
                f"{vi(QuotaKind, r['kind'])}: mới giảm {vn_pct(r['reduction_bp'] / 10000)} "
                "so với mục "
                f"tiêu {vn_pct(r['target_bp'] / 10000)} của giai đoạn {f['stream_period']}.",
                sources=(src,),
            )
        )
    for t in f["targets"]:
        out.append(
            Paragraph(
                f"Khu Công nghệ cao Hòa Lạc chưa đạt chỉ tiêu “{vi_metric(t)}” năm {ctx.year}.",
                sources=(hoalac.source(ctx, "targets"),),
            )
        )
    return out


def vi_metric(target: dict[str, Any]) -> str:
    from bienche.investment.enums import Metric

    return vi(Metric, target["metric"])


def _next_year(ctx: Context, f: dict[str, Any]) -> list[Paragraph]:
    out = []
    if f["overdue"]:
        out.append(
            Paragraph(
                f"Đôn đốc hoàn thành dứt điểm {vn_int(len(f['overdue']))} nhiệm vụ còn quá hạn; "
                f"kiểm điểm trách nhiệm các đơn vị chậm trễ.",
                sources=(steering.overdue_source(ctx),),
            )
        )
    for r in f["stream"]:
        out.append(
            Paragraph(
                f"Tiếp tục tinh giản {vi(QuotaKind, r['kind']).lower()} để đạt mục tiêu giảm "
                f"{vn_pct(r['target_bp'] / 10000)} "
                f"(còn {vn_int(r['current_quota'] - r['target_quota'])} "
                f"biên chế) đến hết giai đoạn {f['stream_period']}.",
                sources=(_stream_source(ctx, f),),
            )
        )
    for t in f["targets"]:
        out.append(
            Paragraph(
                f"Khu Công nghệ cao Hòa Lạc: tập trung tháo gỡ vướng mắc để đạt chỉ tiêu "
                f"“{vi_metric(t)}”.",
            )
        )
    out.append(
        Paragraph(
            "Tiếp tục rà soát, sắp xếp tổ chức bộ máy, quản lý chặt chẽ biên chế và nâng cao chất "
            "lượng theo dõi, đôn đốc thực hiện nhiệm vụ.",
        )
    )
    return out


def limitations(ctx: Context) -> Section:
    blocks = _limitations(ctx, ctx.once("editable", lambda: _facts(ctx)))
    if not blocks:
        blocks = [Paragraph("(Đơn vị bổ sung đánh giá tồn tại, hạn chế.)", style="note")]
    key, heading = LIMITATIONS
    return Section(key=key, heading=heading, blocks=list(blocks), editable=True)


def next_year_tasks(ctx: Context) -> Section:
    key, heading = NEXT_YEAR
    blocks = _next_year(ctx, ctx.once("editable", lambda: _facts(ctx)))
    return Section(
        key=key, heading=heading.format(year=ctx.year + 1), blocks=list(blocks), editable=True
    )
