"""The result notice of an exam (thông báo kết quả tuyển dụng) as a report ``Document`` in the
administrative format of Decree 30/2020 (state letterhead, "Số: …/TB-HĐTD").

The issuing body is the exam's recruitment council (Hội đồng tuyển dụng) of the recruiting
unit; the notice lists the successful candidates per position with their scores, priority
points and totals, then what the winners must do, the recipients and the signature. The text
is the document's language (Vietnamese), not translated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from bienche.org.selectors import unit_latest_node
from bienche.recruitment.enums import ExamKind
from bienche.recruitment.models import Exam
from bienche.recruitment.ranking import SUPPLEMENTARY, WON
from bienche.recruitment.selectors import exam_results, exam_rules
from bienche.reports.content import (
    Document,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    Source,
    Table,
)

PARENT_BODY = "UBND THÀNH PHỐ HÀ NỘI"
KIND_VI = {
    ExamKind.CIVIL_SERVANT: "tuyển dụng công chức",
    ExamKind.PUBLIC_EMPLOYEE: "tuyển dụng viên chức",
    ExamKind.LEADERSHIP: "thi tuyển chức danh lãnh đạo",
}
#: Days the winners have to complete their file (Decree 138/2020, art. 17) [M] unverified.
FILE_DAYS = 30
COLUMNS = ("STT", "Số báo danh", "Họ và tên", "Ngày sinh", "Vòng 1", "Vòng 2", "Ưu tiên")
COLUMNS += ("Tổng điểm", "Ghi chú")


def _fmt(value: Any) -> Any:
    if value is None:
        return ""
    return float(value) if not isinstance(value, int | str) else value


def winners(exam: Exam) -> list[dict[str, Any]]:
    """Per target, its successful candidates (supplementary ones flagged)."""
    out = []
    for block in exam_results(exam):
        rows = [r for r in block["rows"] if r["outcome"] in {WON, SUPPLEMENTARY}]
        out.append({"target": block["target"], "rows": rows})
    return out


def _table(exam: Exam, block: dict[str, Any], on: dt.date) -> Table:
    t = block["target"]
    rows = tuple(
        (
            i,
            r["candidate"].number,
            r["candidate"].full_name,
            r["candidate"].birth_date,
            _fmt(r["round1"]),
            _fmt(r["round2"]),
            _fmt(r["priority"]),
            _fmt(r["total"]),
            "Trúng tuyển bổ sung" if r["outcome"] == SUPPLEMENTARY else "",
        )
        for i, r in enumerate(block["rows"], start=1)
    )
    return Table(
        title=f"Vị trí {t.position.code} ({t.position.unit.code}) — {t.seats} chỉ tiêu",
        columns=COLUMNS,
        rows=rows,
        source=Source("bienche.recruitment.selectors.exam_results", on, (("exam", exam.code),)),
    )


def _instructions(exam: Exam) -> list[Paragraph]:
    rules = exam_rules(exam)
    return [
        Paragraph(
            f"Trong thời hạn {FILE_DAYS} ngày kể từ ngày nhận thông báo này, người trúng tuyển "
            "phải đến cơ quan tuyển dụng để hoàn thiện hồ sơ tuyển dụng (bản sao văn bằng, "
            "chứng chỉ, kết quả học tập; phiếu lý lịch tư pháp; giấy chứng nhận đủ sức khỏe; "
            "giấy tờ chứng nhận đối tượng ưu tiên nếu có)."
        ),
        Paragraph(
            "Người trúng tuyển không hoàn thiện đủ hồ sơ hoặc không đến nhận việc đúng hạn thì "
            "bị hủy kết quả trúng tuyển; cơ quan tuyển dụng xem xét tuyển dụng người có kết quả "
            "thấp hơn liền kề theo quy định."
        ),
        Paragraph(f"Căn cứ pháp lý: {rules['source']}.", style="note"),
    ]


def result_notice(
    exam: Exam, *, number: str = "", issued_on: dt.date | None = None, signer: str = ""
) -> Document:
    """The notice as a ``Document``; ``number`` defaults to the exam code's own."""
    on = issued_on or exam.results_on or exam.exam_date
    blocks = winners(exam)
    unit_name = unit_latest_node(exam.unit).name
    council = f"HỘI ĐỒNG TUYỂN DỤNG {unit_name.upper()}"
    intro = Paragraph(
        f"Căn cứ Kế hoạch {KIND_VI[ExamKind(exam.kind)]} được phê duyệt tại Quyết định số "
        f"{exam.plan_number or '…'} ngày {_day(exam.plan_date)}; căn cứ kết quả kỳ thi "
        f"{exam.title} tổ chức ngày {_day(exam.exam_date)}, Hội đồng tuyển dụng thông báo "
        "danh sách thí sinh trúng tuyển như sau:"
    )
    total = sum(len(b["rows"]) for b in blocks)
    listing = Section(
        "winners",
        f"Danh sách thí sinh trúng tuyển ({total} người)",
        [intro, *(_table(exam, b, on) for b in blocks)],
    )
    return Document(
        letterhead=Letterhead(
            format="state",
            parent_body=PARENT_BODY,
            issuing_body=council,
            number=number or f"{exam.code}/TB-HĐTD",
            place="Hà Nội",
            issued_on=on,
            doc_type="THÔNG BÁO",
            summary=f"Kết quả {exam.title}",
            recipients=("Thí sinh trúng tuyển;", f"{unit_name};", "Sở Nội vụ;"),
            signature=Signature("TM. HỘI ĐỒNG TUYỂN DỤNG", "CHỦ TỊCH", signer or "…"),
        ),
        sections=[
            listing,
            Section("instructions", "Hướng dẫn đối với người trúng tuyển", _instructions(exam)),
        ],
        generated_at=timezone.now(),
    )


def _day(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"
