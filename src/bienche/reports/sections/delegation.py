"""IV. Phân cấp, ủy quyền: powers decentralized and delegated in force at the year's end by
field and by receiving level, the procedures transferred and the share institutionalized by a
People's Council resolution (``delegation.stats.delegation_stats``). The register is the
city's: a scoped report prints the city's figures and says so."""

from __future__ import annotations

from typing import Any

from bienche.delegation.enums import Field, TransferKind
from bienche.delegation.stats import delegation_stats
from bienche.org.enums import UnitLevel
from bienche.reports.content import Paragraph, Section, Table
from bienche.reports.numbers import vn_int, vn_pct
from bienche.reports.sections.base import Context, no_data, vi

KEY, HEADING = "delegation", "Về phân cấp, ủy quyền"
Q_STATS = "bienche.delegation.stats.delegation_stats"
KINDS = TransferKind.values


def _grouped(
    title: str, first: str, groups: dict[str, dict[str, int]], enum: Any, src: Any
) -> Table:
    rows: list[tuple] = [
        (vi(enum, g), *(c[k] for k in KINDS), sum(c.values())) for g, c in groups.items()
    ]
    return Table(
        title=title,
        columns=(first, *(vi(TransferKind, k) for k in KINDS), "Cộng"),
        rows=tuple(rows),
        source=src,
    )


def build(ctx: Context) -> Section:
    stats = ctx.once("delegation", lambda: delegation_stats(ctx.year))
    if not stats["powers_transferred"]:
        return no_data(KEY, HEADING, "phân cấp, ủy quyền", ctx)
    src = ctx.source(Q_STATS, year=ctx.year, on=stats["as_of"])
    by_kind = stats["by_kind"]
    blocks: list[Any] = []
    if ctx.scope is not None:
        blocks.append(
            Paragraph("Số liệu phân cấp, ủy quyền là số liệu chung của Thành phố.", style="note")
        )
    blocks.append(
        Paragraph(
            f"Đến ngày {stats['as_of']:%d/%m/%Y}, có {vn_int(stats['powers_transferred'])} "
            f"thẩm quyền đang được phân cấp, ủy quyền "
            f"({vn_int(by_kind[TransferKind.DECENTRALIZATION])} "
            f"phân cấp, {vn_int(by_kind[TransferKind.DELEGATION])} ủy quyền); "
            f"{vn_int(stats['procedures_transferred'])}/{vn_int(stats['procedures'])} thủ tục hành "
            f"chính được phân cấp, ủy quyền ({vn_pct(stats['procedures_share'])}); "
            f"{vn_int(stats['institutionalized'])} thẩm quyền được thể chế hóa bằng nghị quyết "
            f"của Hội đồng nhân dân ({vn_pct(stats['institutionalized_share'])}).",
            sources=(src,),
        )
    )
    blocks.append(
        _grouped(
            "Thẩm quyền phân cấp, ủy quyền theo lĩnh vực", "Lĩnh vực", stats["by_field"], Field, src
        )
    )
    blocks.append(
        _grouped(
            "Thẩm quyền phân cấp, ủy quyền theo cấp nhận",
            "Cấp nhận",
            stats["by_level"],
            UnitLevel,
            src,
        )
    )
    began = stats["by_year"].get(ctx.year)
    if began:
        blocks.append(
            Paragraph(
                f"Trong năm {ctx.year} có {vn_int(sum(began.values()))} lượt phân cấp, ủy quyền "
                f"mới có hiệu lực.",
                sources=(src,),
            )
        )
    return Section(key=KEY, heading=HEADING, blocks=blocks)
