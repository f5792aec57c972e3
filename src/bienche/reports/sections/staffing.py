"""II. Biên chế: quotas against staff in post at the year's end by quota kind and by staff
category (``staffing_summary``, the figures of the /staffing/ dashboard), the quota and staff
of the last three years, and the streamlining path against its target."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bienche.reports.content import Chart, Paragraph, Section, Table
from bienche.reports.numbers import vn_int
from bienche.reports.sections.base import Context, no_data, vi
from bienche.staffing import selectors as sel
from bienche.staffing.enums import QuotaKind, StaffCategory
from bienche.staffing.streamlining import period_on, streamlining_report

KEY, HEADING = "staffing", "Về quản lý biên chế"
Q_SUMMARY = "bienche.staffing.selectors.staffing_summary"
Q_SERIES = "bienche.staffing.selectors.quota_vs_actual_by_year"
Q_STREAM = "bienche.staffing.streamlining.streamlining_report"
VERDICTS = {"on_track": "Đạt lộ trình", "at_risk": "Có nguy cơ", "off_track": "Không đạt"}


def summary(ctx: Context) -> dict[str, Any]:
    return ctx.once("staffing", lambda: sel.staffing_summary(ctx.unit.unit_id, ctx.as_of))


def streamlining(ctx: Context) -> dict[str, Any] | None:
    def read() -> dict[str, Any] | None:
        p = period_on(ctx.as_of)
        return streamlining_report(ctx.unit.unit_id, p.name, ctx.as_of) if p else None

    return ctx.once("streamlining", read)


def _quota_table(ctx: Context, s: dict[str, Any]) -> Table:
    rows: list[tuple] = [
        (vi(QuotaKind, r["kind"]), r["quota"], r["actual"], r["gap"]) for r in s["by_kind"]
    ]
    q, a = sum(r["quota"] for r in s["by_kind"]), sum(r["actual"] for r in s["by_kind"])
    rows.append(("Tổng số", q, a, q - a))
    return Table(
        title=f"Biên chế được giao và số có mặt tại ngày {ctx.as_of:%d/%m/%Y}",
        columns=("Loại biên chế", "Được giao", "Có mặt", "Còn thiếu (+), vượt (−)"),
        rows=tuple(rows),
        source=ctx.source(Q_SUMMARY, "by_kind", unit=ctx.unit.code, on=ctx.as_of),
        total_row=True,
    )


def _category_table(ctx: Context, s: dict[str, Any]) -> Table:
    cats = s["by_category"]
    rows: list[tuple] = [(vi(StaffCategory, c), cats[c]) for c in StaffCategory.values if c in cats]
    rows.append(("Tổng số", sum(cats.values())))
    return Table(
        title="Số người có mặt theo loại cán bộ, công chức, viên chức",
        columns=("Loại", "Số người"),
        rows=tuple(rows),
        source=ctx.source(Q_SUMMARY, "by_category", unit=ctx.unit.code, on=ctx.as_of),
        total_row=True,
    )


def _series_chart(ctx: Context) -> Chart:
    years = range(ctx.year - 2, ctx.year + 1)
    series = sel.quota_vs_actual_by_year(ctx.unit.unit_id, years)
    return Chart(
        title="Biên chế được giao và số có mặt cuối mỗi năm",
        kind="bar",
        categories=tuple(str(r["year"]) for r in series),
        series=(
            ("Được giao", tuple(float(r["quota"]) for r in series)),
            ("Có mặt", tuple(float(r["actual"]) for r in series)),
        ),
        source=ctx.source(Q_SERIES, unit=ctx.unit.code, years=f"{years.start}-{years.stop - 1}"),
        unit="người",
    )


def _stream_table(ctx: Context, report: dict[str, Any]) -> Table:
    rows = tuple(
        (
            vi(QuotaKind, r["kind"]),
            r["baseline_quota"],
            r["current_quota"],
            Decimal(r["reduction_bp"]) / 100,
            Decimal(r["target_bp"]) / 100,
            r["target_quota"],
            r["projected_staff"],
            VERDICTS[r["verdict"]],
        )
        for r in report["rows"]
    )
    return Table(
        title=(
            f"Tinh giản biên chế giai đoạn {report['period']} "
            f"(gốc tại ngày {report['baseline']:%d/%m/%Y}; {report['source']})"
        ),
        columns=(
            "Loại biên chế",
            "Biên chế gốc",
            "Biên chế hiện tại",
            "Đã giảm (%)",
            "Mục tiêu giảm (%)",
            "Biên chế mục tiêu",
            "Dự kiến có mặt cuối kỳ",
            "Đánh giá",
        ),
        rows=rows,
        source=ctx.source(Q_STREAM, unit=ctx.unit.code, name=report["period"], on=ctx.as_of),
        percent_columns=(3, 4),
    )


def build(ctx: Context) -> Section:
    s = summary(ctx)
    quota = sum(r["quota"] for r in s["by_kind"])
    actual = sum(r["actual"] for r in s["by_kind"])
    if not quota and not actual:
        return no_data(KEY, HEADING, "biên chế", ctx)
    src = ctx.source(Q_SUMMARY, "tổng by_kind", unit=ctx.unit.code, on=ctx.as_of)
    blocks: list[Any] = [
        Paragraph(
            f"Tại ngày {ctx.as_of:%d/%m/%Y}, tổng biên chế được giao của {ctx.scope_label} là "
            f"{vn_int(quota)}, số có mặt {vn_int(actual)} người "
            f"({'còn' if quota >= actual else 'vượt'} {vn_int(abs(quota - actual))}); "
            f"{vn_int(s['seats_filled'])}/{vn_int(s['seats_needed'])} chỗ trong vị trí việc làm "
            "đã bố trí người.",
            sources=(src,),
        ),
        _quota_table(ctx, s),
        _category_table(ctx, s),
        _series_chart(ctx),
    ]
    report = streamlining(ctx)
    if report and report["rows"]:
        blocks.append(_stream_table(ctx, report))
    return Section(key=KEY, heading=HEADING, blocks=blocks)
