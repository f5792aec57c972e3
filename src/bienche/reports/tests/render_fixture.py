"""A hand-built `Document` for the renderer tests (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from bienche.reports.content import (
    Chart,
    Document,
    Letterhead,
    Paragraph,
    RichText,
    Section,
    Signature,
    Source,
    Table,
)

AS_OF = date(2023, 12, 31)
STAFF = Source(
    "bienche.staffing.selectors.unit_summary",
    AS_OF,
    (("unit", "HN"), ("year", "2023")),
    "Tổng biên chế được giao và có mặt",
)
TASKS = Source("bienche.steering.selectors.task_statistics", AS_OF, (("year", "2023"),))
PAY = Source("bienche.pay.selectors.cost_by_unit", AS_OF, (("year", "2023"),), "Quỹ lương năm")

STATE_LETTERHEAD = Letterhead(
    format="state",
    parent_body="UBND THÀNH PHỐ HÀ NỘI",
    issuing_body="Ban Chỉ đạo quản lý tổ chức và biên chế",
    number="125/BC-BCĐ",
    place="Hà Nội",
    issued_on=date(2024, 1, 5),
    doc_type="Báo cáo",
    summary="Đánh giá công tác tổ chức, biên chế năm 2023, nhiệm vụ trọng tâm năm 2024",
    recipients=("Thường trực Thành ủy;", "Thường trực HĐND Thành phố;", "Các sở, ban, ngành;"),
    signature=Signature("T/M Ban Chỉ đạo", "Trưởng ban", "Nguyễn Văn Hùng"),
)
PARTY_LETTERHEAD = Letterhead(
    format="party",
    parent_body="Đảng bộ thành phố Hà Nội",
    issuing_body="Thành ủy",
    number="24-CT/TU",
    place="Hà Nội",
    issued_on=date(2023, 8, 7),
    doc_type="Chỉ thị",
    summary="Về tăng cường lãnh đạo công tác tinh giản biên chế",
    recipients=("Các đảng bộ trực thuộc;",),
    signature=Signature("T/M Ban Thường vụ", "Bí thư", "Trần Thị Lan"),
)
UNSAFE_HTML = (
    "<p>Còn <strong>chậm</strong> ở <em>một số</em> đơn vị<script>alert(1)</script></p>"
    '<img src=x onerror="alert(2)"><ul><li>Thiếu <u>giáo viên</u></li><li>Chậm giải ngân</li>'
    '</ul><ol><li>Một</li><li>Hai<br>dòng</li></ol><a href="javascript:alert(3)">liên kết</a>'
)


def staffing_section(copy: int = 0) -> Section:
    rows = tuple(
        (f"Sở {name}", quota, actual, Decimal(actual * 100) / Decimal(quota))
        for name, quota, actual in (
            ("Nội vụ", 120, 112),
            ("Tài chính", 1_234_567, 1_200_000),
            ("Giáo dục và Đào tạo", 45_210, 44_987),
        )
    )
    total = ("Tổng cộng", sum(r[1] for r in rows), sum(r[2] for r in rows), Decimal("97.3"))
    table = Table(
        title="Biểu 1. Biên chế được giao và có mặt",
        columns=("Đơn vị", "Được giao", "Có mặt", "Tỷ lệ"),
        rows=(*rows, total),
        source=STAFF,
        total_row=True,
        percent_columns=(3,),
    )
    chart = Chart(
        title="Biểu đồ 1. Biên chế theo năm",
        kind="bar",
        categories=("2021", "2022", "2023"),
        series=(
            ("Được giao", (1200.0 + copy, 1180.0, 1150.0)),
            ("Có mặt", (1150.0, 1120.0 + copy, 1100.0)),
        ),
        source=STAFF,
        unit="người",
    )
    line = Chart(
        title="Biểu đồ 2. Nhiệm vụ đúng hạn",
        kind="line",
        categories=("Quý I", "Quý II", "Quý III", "Quý IV"),
        series=(("Đúng hạn", (12.0, 18.0, 15.0, 22.0 + copy)), ("Quá hạn", (3.0, 2.0, 4.0, 1.0))),
        source=TASKS,
        unit="nhiệm vụ",
    )
    return Section(
        key=f"staffing{copy}",
        heading="Công tác quản lý biên chế",
        blocks=[
            Paragraph("Tổng biên chế được giao năm 2023 là 1.279.897 người.", (STAFF,)),
            table,
        ],
        subsections=[
            Section(
                key=f"tasks{copy}",
                heading="Thực hiện nhiệm vụ",
                blocks=[Paragraph("Đã hoàn thành 67 nhiệm vụ đúng hạn.", (TASKS,)), line],
                subsections=[
                    Section(
                        key=f"pay{copy}",
                        heading="Quỹ lương",
                        blocks=[
                            Paragraph("Quỹ lương tăng 12,5% so với năm trước.", (PAY, STAFF)),
                        ],
                    ),
                    Section(
                        key=f"note{copy}",
                        heading="Ghi chú",
                        blocks=[
                            Paragraph("Số liệu tạm tính.", style="note"),
                        ],
                    ),
                ],
            ),
            Section(key=f"chart{copy}", heading="Diễn biến", blocks=[chart]),
        ],
    )


def sample_document(fmt: str = "state", *, draft_mark: str = "DỰ THẢO") -> Document:
    limitations = Section(
        key="limitations",
        heading="Hạn chế, tồn tại",
        blocks=[RichText(UNSAFE_HTML)],
        editable=True,
    )
    return Document(
        letterhead=STATE_LETTERHEAD if fmt == "state" else PARTY_LETTERHEAD,
        sections=[staffing_section(), limitations],
        generated_at=datetime(2024, 1, 5, 8, 30, tzinfo=UTC),
        draft_mark=draft_mark,
    )


def long_document(copies: int = 12) -> Document:
    """About 40 pages: the staffing section repeated with longer paragraphs."""
    doc = sample_document()
    filler = Paragraph("Nội dung đánh giá chi tiết về tổ chức bộ máy và biên chế. " * 12)
    sections = []
    for copy in range(copies):
        section = staffing_section(copy)
        section.blocks.extend([filler, filler])
        sections.append(section)
    doc.sections = [*sections, *doc.sections[1:]]
    return doc
