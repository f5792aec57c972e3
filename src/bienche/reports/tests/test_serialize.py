import datetime as dt
import json
from decimal import Decimal

import pytest

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
from bienche.reports.serialize import SnapshotError, document_from_json, document_to_json


def _doc() -> Document:
    src = Source("bienche.x.sel", dt.date(2023, 12, 31), (("unit", "D1"),), "tổng")
    table = Table(
        "Bảng",
        ("Đơn vị", "Số", "Tỷ lệ", "Ngày", "Ghi chú"),
        (("A", 12, Decimal("12.5"), dt.date(2023, 1, 2), None), ("Tổng", 12, 1.5, None, "x")),
        src,
        total_row=True,
        percent_columns=(2,),
    )
    chart = Chart("Biểu đồ", "bar", ("2022", "2023"), (("Biên chế", (1.0, 2.5)),), src, "người")
    sub = Section("sub", "1. Con", [Paragraph("Đoạn", (src,), "note")])
    sections = [
        Section("staffing", "I. Biên chế", [Paragraph("Văn bản"), table, chart], [sub]),
        Section("limitations", "II. Hạn chế", [RichText("<p><b>Đậm</b></p>")], editable=True),
    ]
    lh = Letterhead(
        "party",
        "ĐẢNG BỘ",
        "THÀNH ỦY",
        "24-CT/TU",
        "Hà Nội",
        dt.date(2024, 1, 5),
        "BÁO CÁO",
        "Tóm tắt",
        ("Nơi nhận 1;", "Nơi nhận 2;"),
        Signature("T/M", "BÍ THƯ", "Trần B"),
    )
    return Document(lh, sections, dt.datetime(2024, 1, 5, 8, 30, tzinfo=dt.UTC), "DỰ THẢO")


def test_round_trip_is_exact_through_json_text():
    doc = _doc()
    data = json.loads(json.dumps(document_to_json(doc)))
    back = document_from_json(data)
    assert back == doc
    assert isinstance(back.sections, list)
    assert isinstance(back.sections[0].blocks, list)
    table = back.sections[0].blocks[1]
    assert table.rows[0][2] == Decimal("12.5")
    assert isinstance(table.rows[0][3], dt.date)
    assert isinstance(table.rows, tuple)
    assert back.letterhead.recipients == doc.letterhead.recipients
    assert back.generated_at.tzinfo is not None
    assert back.sources() == doc.sources()


def test_a_foreign_snapshot_is_refused():
    with pytest.raises(SnapshotError):
        document_from_json({"schema": 99, "document": {}})
    with pytest.raises(SnapshotError):
        document_from_json({"schema": 1, "document": {"_t": "os.system"}})
