"""V. Tuyển dụng: the exams held during the year in the scope, their candidates and winners
(``recruitment.selectors.exam_results``), and the competitive selection of heads of division
reported apart."""

from __future__ import annotations

from typing import Any

from bienche.recruitment.enums import ExamKind, ExamStatus
from bienche.recruitment.ranking import WON
from bienche.recruitment.selectors import exam_list, exam_results
from bienche.reports.content import Paragraph, Section, Table
from bienche.reports.numbers import vn_int
from bienche.reports.sections.base import Context, no_data, vi

KEY, HEADING = "recruitment", "Về tuyển dụng và thi tuyển chức danh lãnh đạo, quản lý"
Q_LIST = "bienche.recruitment.selectors.exam_list"
Q_RESULTS = "bienche.recruitment.selectors.exam_results"


def exams_of_year(ctx: Context) -> list[dict[str, Any]]:
    """One row per exam dated in the year: seats, candidates, winners (results posted only)."""
    ids = ctx.scope_ids
    exams = [
        e
        for e in exam_list(frozenset(ids) if ids is not None else None)
        if ctx.start <= e.exam_date <= ctx.as_of
    ]
    out = []
    for exam in sorted(exams, key=lambda e: (e.exam_date, e.code)):
        blocks = exam_results(exam)
        rows = [r for b in blocks for r in b["rows"]]
        posted = exam.status == ExamStatus.RESULTS
        out.append(
            {
                "exam": exam,
                "seats": sum(b["target"].seats for b in blocks),
                "candidates": len(rows),
                "winners": sum(1 for r in rows if r["outcome"] == WON) if posted else None,
            }
        )
    return out


def _table(title: str, rows: list[dict[str, Any]], src: Any) -> Table:
    body: list[tuple] = [
        (
            r["exam"].code,
            r["exam"].title,
            r["exam"].exam_date,
            vi(ExamStatus, r["exam"].status),
            r["seats"],
            r["candidates"],
            r["winners"],
        )
        for r in rows
    ]
    body.append(
        (
            "Tổng số",
            "",
            None,
            "",
            sum(r["seats"] for r in rows),
            sum(r["candidates"] for r in rows),
            sum(r["winners"] or 0 for r in rows),
        )
    )
    return Table(
        title=title,
        columns=(
            "Mã kỳ thi",
            "Tên kỳ thi",
            "Ngày thi",
            "Tình trạng",
            "Chỉ tiêu",
            "Thí sinh",
            "Trúng tuyển",
        ),
        rows=tuple(body),
        source=src,
        total_row=True,
    )


def build(ctx: Context) -> Section:
    rows = ctx.once("recruitment", lambda: exams_of_year(ctx))
    if not rows:
        return no_data(KEY, HEADING, "tuyển dụng", ctx)
    src = ctx.source(
        Q_RESULTS, "mỗi kỳ thi trong năm", unit=ctx.scope_code, start=ctx.start, end=ctx.as_of
    )
    exams = [r for r in rows if r["exam"].kind != ExamKind.LEADERSHIP]
    heads = [r for r in rows if r["exam"].kind == ExamKind.LEADERSHIP]
    blocks: list[Any] = [
        Paragraph(
            f"Trong năm {ctx.year}, {ctx.scope_label} tổ chức {vn_int(len(exams))} kỳ tuyển dụng "
            f"công chức, viên chức với {vn_int(sum(r['candidates'] for r in exams))} thí sinh, "
            f"{vn_int(sum(r['winners'] or 0 for r in exams))} người trúng tuyển; "
            f"{vn_int(len(heads))} kỳ thi tuyển chức danh lãnh đạo, quản lý với "
            f"{vn_int(sum(r['candidates'] for r in heads))} ứng viên, "
            f"{vn_int(sum(r['winners'] or 0 for r in heads))} người trúng tuyển.",
            sources=(src,),
        )
    ]
    if exams:
        blocks.append(_table("Các kỳ tuyển dụng công chức, viên chức", exams, src))
    if heads:
        blocks.append(_table("Thi tuyển chức danh lãnh đạo, quản lý", heads, src))
    return Section(key=KEY, heading=HEADING, blocks=blocks)
