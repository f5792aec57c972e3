"""The documented XLSX layout of the roster (headers in Vietnamese), shared by import and
export so the two can never drift. Order matters only for export; import matches headers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    kind: str  # text | date | int | id
    help: str


COLUMNS: tuple[Column, ...] = (
    Column("personal_id", "Số định danh cá nhân", True, "id", "12 chữ số (CCCD)"),
    Column("full_name", "Họ và tên", True, "text", ""),
    Column("birth_date", "Ngày sinh", True, "date", "YYYY-MM-DD hoặc DD/MM/YYYY"),
    Column("sex", "Giới tính", True, "text", "Nam / Nữ"),
    Column("education", "Trình độ", False, "text", ""),
    Column("qualifications", "Chuyên môn", False, "text", ""),
    Column("unit_code", "Mã đơn vị", True, "text", "mã đơn vị trong bienche"),
    Column("position_code", "Mã vị trí việc làm", False, "text", ""),
    Column(
        "staff_category",
        "Loại",
        True,
        "text",
        "official | civil_servant | public_employee | contract | commune_official",
    ),
    Column("rank_code", "Mã ngạch/chức danh", True, "text", "ví dụ 01.003"),
    Column("step", "Bậc lương", True, "int", "1 … số bậc của nhóm"),
    Column("coefficient", "Hệ số lương", True, "text", "ví dụ 2,34 hoặc 2.34"),
    Column("last_step_date", "Ngày nâng bậc gần nhất", False, "date", ""),
    Column("leadership", "Hệ số phụ cấp chức vụ", False, "text", "ví dụ 0,6"),
    Column("sector_allowance", "Phụ cấp ưu đãi ngành (%)", False, "int", "ví dụ 30"),
    Column("valid_from", "Ngày bắt đầu", True, "date", "ngày bắt đầu phân công"),
)
HEADERS = {c.header: c for c in COLUMNS}
SEX_CODES = {"nam": "M", "nữ": "F", "nu": "F", "m": "M", "f": "F"}
