"""The audit trail as XLSX (Vietnamese headers), for the audit page's export."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import xlsxwriter

HEADERS = (
    "Mã",
    "Thời điểm",
    "Người thực hiện",
    "Thao tác",
    "Loại đối tượng",
    "Mã đối tượng",
    "Trước",
    "Sau",
    "Lý do",
)


def audit_export_xlsx(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``rows`` (``core.selectors.audit_row``); returns the number written."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "remove_timezone": True})
    sheet = book.add_worksheet("Nhật ký")
    bold = book.add_format({"bold": True})
    stamp = book.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
    sheet.write_row(0, 0, HEADERS, bold)
    sheet.freeze_panes(1, 0)
    n = 0
    for n, r in enumerate(rows, start=1):
        sheet.write_number(n, 0, r["id"])
        sheet.write_datetime(n, 1, r["at"].replace(tzinfo=None), stamp)
        for col, key in enumerate(("actor", "action", "entity_type", "entity_id"), start=2):
            sheet.write_string(n, col, str(r[key]))
        for col, key in ((6, "before"), (7, "after")):
            value = r[key]
            sheet.write_string(
                n, col, "" if value is None else json.dumps(value, ensure_ascii=False)[:32000]
            )
        sheet.write_string(n, 8, r["reason"])
    sheet.autofilter(0, 0, max(n, 1), len(HEADERS) - 1)
    book.close()
    return n
