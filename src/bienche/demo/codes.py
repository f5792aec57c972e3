"""Codes, dates and legal bases shared by the demo builders.

Permanent unit codes (docs/adr/0002): ``HN.H.<gso>`` districts, ``HN.X.<gso>`` communes before
01/07/2025, ``HN.X25.<gso>`` communes and wards after, ``HN.XA.<key>`` communes absorbed on
01/01/2025 (GSO codes are reused between periods, so they are never identity).
"""

from __future__ import annotations

import datetime as dt

from bienche.org.services import LegalBasis

BASELINE_ON = dt.date(2020, 1, 1)
JAN_2025 = dt.date(2025, 1, 1)
JUL_2025 = dt.date(2025, 7, 1)
BASELINE = LegalBasis(
    number="Số liệu nền 01/01/2020",
    issuer="bienche (dữ liệu mẫu)",
    summary="Đăng ký hiện trạng tổ chức bộ máy đầu kỳ cho dữ liệu mẫu.",
)
RES_1286 = LegalBasis(
    number="1286/NQ-UBTVQH15",
    issuer="Ủy ban Thường vụ Quốc hội",
    date=dt.date(2024, 11, 14),
)
RES_1656 = LegalBasis(
    number="1656/NQ-UBTVQH15",
    issuer="Ủy ban Thường vụ Quốc hội",
    date=dt.date(2025, 6, 16),
    summary="Sắp xếp các đơn vị hành chính cấp xã của Thành phố Hà Nội năm 2025 (526 → 126).",
)
LAW_72 = LegalBasis(
    number="72/2025/QH15",
    issuer="Quốc hội",
    date=dt.date(2025, 6, 16),
    summary="Luật Tổ chức chính quyền địa phương: chấm dứt hoạt động của đơn vị hành chính "
    "cấp huyện từ 01/07/2025.",
)


def legacy_district_code(gso: str) -> str:
    return f"HN.H.{gso}"


def legacy_commune_code(gso: str) -> str:
    return f"HN.X.{gso}"


def new_commune_code(gso: str) -> str:
    return f"HN.X25.{gso}"


def absorbed_code(key: str) -> str:
    return f"HN.XA.{key}"[:40]
