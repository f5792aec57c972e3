"""BM04: recruitment results by exam (positions, candidates, passed, appointed).

Reads ``recruitment.selectors.exam_list`` and ``exam_results`` (the ranking the exam's
results page shows). An exam counts when it was held on or before the date; its passed
candidates only once its results were posted by then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.recruitment.enums import CandidateStatus, ExamKind
from bienche.recruitment.ranking import WON
from bienche.recruitment.selectors import exam_list, exam_results
from bienche.reports.forms.scope import form_scope, vi_label
from bienche.reports.forms.sheet import Column, FormTable, Group, share, single


def exam_figures(exam: Any, as_of: dt.date) -> dict[str, int | None]:
    """Seats, candidates (not withdrawn), passed (None before results) and appointed."""
    blocks = exam_results(exam)
    rows = [r for b in blocks for r in b["rows"]]
    live = [r for r in rows if r["candidate"].status != CandidateStatus.WITHDRAWN]
    posted = exam.results_on is not None and exam.results_on <= as_of
    appointed = [
        r
        for r in rows
        if r["candidate"].status == CandidateStatus.APPOINTED
        and r["candidate"].status_on is not None
        and r["candidate"].status_on <= as_of
    ]
    return {
        "seats": sum(b["target"].seats for b in blocks),
        "candidates": len(live),
        "passed": sum(1 for r in live if r["outcome"] == WON) if posted else None,
        "appointed": len(appointed),
    }


def recruitment_form(as_of: dt.date, unit_code: str | None) -> FormTable:
    scope = form_scope(as_of, unit_code)
    ids = None if unit_code is None else scope.unit_ids
    exams = sorted(
        (e for e in exam_list(ids) if e.exam_date <= as_of), key=lambda e: (e.exam_date, e.code)
    )
    rows = []
    sums = {"seats": 0, "candidates": 0, "passed": 0, "appointed": 0}
    for i, exam in enumerate(exams, 1):
        f = exam_figures(exam, as_of)
        for key in sums:
            sums[key] += f[key] or 0
        rows.append(
            (
                i,
                exam.code,
                exam.title,
                vi_label(ExamKind.choices, exam.kind),
                exam.unit.code,
                exam.exam_date,
                f["seats"],
                f["candidates"],
                f["passed"],
                f["appointed"],
                share(f["passed"] or 0, f["candidates"]) if f["passed"] is not None else None,
            )
        )
    groups = (
        single("STT", width=6),
        Group(
            "Kỳ tuyển dụng",
            (
                Column("Mã kỳ thi", "text", 16),
                Column("Tên kỳ thi", "text", 40),
                Column("Hình thức", "text", 26),
                Column("Đơn vị", "text", 10),
                Column("Ngày thi", "date", 12),
            ),
        ),
        single("Chỉ tiêu"),
        Group("Thí sinh", (Column("Dự tuyển"), Column("Trúng tuyển"), Column("Đã tuyển dụng"))),
        single("Tỷ lệ trúng tuyển", "pct"),
    )
    total = (
        None, None, "Tổng cộng", None, None, None,
        sums["seats"], sums["candidates"], sums["passed"], sums["appointed"],
        share(sums["passed"], sums["candidates"]),
    )  # fmt: skip
    return FormTable(
        code="BM04",
        title="Kết quả tuyển dụng công chức, viên chức và thi tuyển chức danh lãnh đạo",
        as_of=as_of,
        scope=scope.label,
        groups=groups,
        rows=rows,
        total=total,
        source="bienche.recruitment.selectors.exam_list, exam_results (trang kết quả kỳ thi)",
        notes=[
            "Dự tuyển: thí sinh không rút hồ sơ. Trúng tuyển: chỉ tính khi đã công bố kết quả "
            "đến ngày báo cáo. Đã tuyển dụng: đã có quyết định tuyển dụng đến ngày báo cáo."
        ],
    )
