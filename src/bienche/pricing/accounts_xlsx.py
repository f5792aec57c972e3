"""XLSX import of the pilot schools' accounts (all or nothing).

Columns (Vietnamese headers, first sheet, header on row 1): ``Mã trường``, ``Số trẻ``,
``Số tháng``, ``Học phí thu``, ``Ngân sách hỗ trợ``, ``Ngân sách năm trước thí điểm``,
``Chi lương``, ``Chi hoạt động``, ``Khấu hao``, ``Tổng chi phí``; amounts in whole đồng.
Every problem is reported with its Excel row and column; nothing is written unless the file
has none (school outside the pilot, duplicate school, negative figure, accounts that do not
add up)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bienche.core.problems import Problem
from bienche.core.xlsx import read_xlsx
from bienche.pricing.services.pilot import ACCOUNT_FIELDS, school_accounts_record

CODE = "Mã trường"
HEADERS = (CODE, *(vi for _f, vi, _en in ACCOUNT_FIELDS))
LABEL = {f: vi for f, vi, _en in ACCOUNT_FIELDS} | {"code": CODE}


@dataclass
class ImportReport:
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def school_accounts_import_xlsx(path: str | Path, *, year: int, acting_user: Any) -> ImportReport:
    try:
        headers, rows = read_xlsx(path)
    except ValueError as exc:
        return ImportReport(0, [Problem(0, "", f"Không đọc được tệp: {exc}", str(exc))])
    names = [str(h or "").strip() for h in headers]
    missing = [h for h in HEADERS if h not in names]
    if missing:
        return ImportReport(
            0, [Problem(1, h, f"Thiếu cột «{h}».", f"Column «{h}» is missing.") for h in missing]
        )
    at = {h: names.index(h) for h in HEADERS}
    keyed = [
        (n, {"code": r[at[CODE]]} | {f: r[at[vi]] for f, vi, _en in ACCOUNT_FIELDS})
        for n, r in enumerate(rows, start=2)
        if any(c not in (None, "") for c in r)
    ]
    problems = school_accounts_record(year=year, rows=keyed, acting_user=acting_user)
    named = [Problem(p.row, LABEL.get(p.column, p.column), p.vi, p.en) for p in problems]
    return ImportReport(len(keyed), named)
