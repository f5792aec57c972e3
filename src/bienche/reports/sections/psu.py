"""VI. Đơn vị sự nghiệp công lập: financial autonomy of the year (``autonomy_rows``), the unit
prices of public services at the year's end (``service_price``) and the preschool unified-price
pilot (``pilot_evaluation`` with the default criteria). Prices and the pilot are the city's:
they appear in the city report only."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bienche.core.errors import InvalidInput
from bienche.pricing import selectors as sel
from bienche.pricing.enums import Area
from bienche.pricing.pilot import ADJUST, CONTINUE, STOP, Criteria
from bienche.reports.content import Paragraph, Section, Table
from bienche.reports.numbers import vn_int, vn_money, vn_pct
from bienche.reports.sections.base import Context, no_data, vi

KEY, HEADING = "psu", "Về đơn vị sự nghiệp công lập"
Q_AUTONOMY = "bienche.pricing.selectors.autonomy_rows"
Q_PRICE = "bienche.pricing.selectors.service_price"
Q_PILOT = "bienche.pricing.selectors.pilot_evaluation"
GROUPS = {
    1: "Nhóm 1 (tự bảo đảm chi thường xuyên và chi đầu tư)",
    2: "Nhóm 2 (tự bảo đảm chi thường xuyên)",
    3: "Nhóm 3 (tự bảo đảm một phần chi thường xuyên)",
    4: "Nhóm 4 (Nhà nước bảo đảm chi thường xuyên)",
}
VERDICTS = {CONTINUE: "Tiếp tục", ADJUST: "Tiếp tục, có điều chỉnh", STOP: "Dừng"}


def _autonomy(ctx: Context) -> list[Any]:
    try:
        rows = sel.autonomy_rows(ctx.year)
    except InvalidInput:
        return []
    if ctx.scope is not None:
        codes = {ctx.tree.by_id[i].code for i in ctx.scope_ids or ()}
        rows = [r for r in rows if r["code"] in codes]
    if not rows:
        return []
    src = ctx.source(Q_AUTONOMY, year=ctx.year, unit=ctx.scope_code)
    computed = Counter(r["computed"] for r in rows)
    approved = Counter(r["approved"] for r in rows)
    table = Table(
        title=f"Mức tự chủ tài chính năm {ctx.year} (Nghị định 60/2021/NĐ-CP)",
        columns=("Nhóm", "Theo số liệu tài chính", "Theo quyết định giao"),
        rows=tuple((GROUPS[g], computed.get(g, 0), approved.get(g, 0)) for g in GROUPS)
        + (("Tổng số", len(rows), sum(v for k, v in approved.items() if k)),),
        source=src,
        total_row=True,
    )
    differs = sum(1 for r in rows if r["differs"])
    text = (
        f"Năm {ctx.year}, {vn_int(len(rows))} đơn vị sự nghiệp có số liệu tài chính; "
        f"{vn_int(differs)} đơn vị có mức tự chủ theo số liệu khác với quyết định giao."
    )
    return [Paragraph(text, sources=(src,)), table]


def _prices(ctx: Context) -> list[Any]:
    rows = []
    for service in sel.services_list():
        try:
            p = sel.service_price(service.code, ctx.as_of)
        except InvalidInput:
            continue
        rows.append(
            (service.name, service.unit_label, p.price.full, p.price.user_fee, p.price.budget_share)
        )
    if not rows:
        return []
    src = ctx.source(Q_PRICE, "mỗi dịch vụ", on=ctx.as_of)
    return [
        Table(
            title=f"Giá dịch vụ sự nghiệp công tại ngày {ctx.as_of:%d/%m/%Y} (đồng)",
            columns=(
                "Dịch vụ",
                "Đơn vị tính",
                "Giá đầy đủ",
                "Người sử dụng trả",
                "Ngân sách hỗ trợ",
            ),
            rows=tuple(rows),
            source=src,
        )
    ]


def _pilot(ctx: Context) -> list[Any]:
    if ctx.year not in sel.pilot_years():
        return []
    ev = sel.pilot_evaluation(ctx.year, Criteria())
    total = ev["total"]
    if total is None:
        return []
    src = ctx.source(Q_PILOT, "tiêu chí mặc định", year=ctx.year, criteria="Criteria()")
    text = (
        f"Thí điểm giá dịch vụ giáo dục mầm non năm {ctx.year}: {vn_int(total.schools)} trường, "
        f"{vn_int(total.enrolment)} trẻ; nguồn thu bảo đảm {vn_pct(total.coverage_bp / 10000)} chi "
        f"phí (trung vị {vn_pct(total.median_coverage_bp / 10000)}), chênh lệch "
        f"{vn_money(total.gap)}; đánh giá chung: {VERDICTS[total.verdict]}."
    )
    table = Table(
        title="Đánh giá thí điểm theo khu vực",
        columns=("Khu vực", "Số trường", "Số trẻ", "Tỷ lệ bảo đảm (%)", "Đánh giá"),
        rows=tuple(
            (
                vi(Area, v.group),
                v.schools,
                v.enrolment,
                round(v.coverage_bp / 100, 1),
                VERDICTS[v.verdict],
            )
            for v in ev["by_area"]
        ),
        source=src,
        percent_columns=(3,),
    )
    return [Paragraph(text, sources=(src,)), table]


def build(ctx: Context) -> Section:
    blocks = _autonomy(ctx)
    if ctx.scope is None:
        blocks += _prices(ctx) + _pilot(ctx)
    if not blocks:
        return no_data(KEY, HEADING, "đơn vị sự nghiệp công lập", ctx)
    return Section(key=KEY, heading=HEADING, blocks=blocks)
