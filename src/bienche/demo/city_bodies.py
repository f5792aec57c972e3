"""Hà Nội's city-level bodies for the demo, with the 2025 merger of departments.

Sources (see ../shared/facts §6): 21 specialized agencies under the People's Committee in
2024; the People's Council resolution of 25/02/2025 set 16, eight of them formed by merger
(in force 01/03/2025). The resolution's number was not verified: the basis says so.
Public service units listed here are real names used as *synthetic* demo data (flagged).
"""

from __future__ import annotations

import datetime as dt

CITY = ("HN", "Thành phố Hà Nội", "Hà Nội")

PARTY = [
    ("HN.TU", "Thành ủy Hà Nội", "party_committee", "party"),
    ("HN.TU.VP", "Văn phòng Thành ủy", "party_board", "party"),
    ("HN.TU.BTC", "Ban Tổ chức Thành ủy", "party_board", "party"),
    ("HN.TU.BTG", "Ban Tuyên giáo Thành ủy", "party_board", "party"),
    ("HN.TU.BDV", "Ban Dân vận Thành ủy", "party_board", "party"),
    ("HN.TU.BNC", "Ban Nội chính Thành ủy", "party_board", "party"),
    ("HN.TU.UBKT", "Ủy ban Kiểm tra Thành ủy", "party_board", "party"),
    ("HN.TU.BCD", "Ban Chỉ đạo Quản lý tổ chức và biên chế Thành phố", "party_board", "party"),
]

COUNCIL = ("HN.HDND", "Hội đồng nhân dân Thành phố Hà Nội", "peoples_council")
COMMITTEE = ("HN.UBND", "Ủy ban nhân dân Thành phố Hà Nội", "peoples_committee")

MASS_ORGS = [
    ("HN.MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội"),
    ("HN.DOAN", "Thành đoàn Hà Nội"),
    ("HN.HLHPN", "Hội Liên hiệp Phụ nữ Thành phố Hà Nội"),
    ("HN.HND", "Hội Nông dân Thành phố Hà Nội"),
    ("HN.HCCB", "Hội Cựu chiến binh Thành phố Hà Nội"),
    ("HN.LDLD", "Liên đoàn Lao động Thành phố Hà Nội"),
]

# code, name, sector — the 21 agencies of 2024.
DEPARTMENTS_2024 = [
    ("HN.S.VP", "Văn phòng Ủy ban nhân dân Thành phố", "general"),
    ("HN.S.NV", "Sở Nội vụ", "general"),
    ("HN.S.TP", "Sở Tư pháp", "justice"),
    ("HN.S.KHDT", "Sở Kế hoạch và Đầu tư", "economy"),
    ("HN.S.TC", "Sở Tài chính", "economy"),
    ("HN.S.CT", "Sở Công Thương", "economy"),
    ("HN.S.NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "agriculture"),
    ("HN.S.GTVT", "Sở Giao thông vận tải", "construction"),
    ("HN.S.XD", "Sở Xây dựng", "construction"),
    ("HN.S.TNMT", "Sở Tài nguyên và Môi trường", "agriculture"),
    ("HN.S.TTTT", "Sở Thông tin và Truyền thông", "science"),
    ("HN.S.LDTBXH", "Sở Lao động - Thương binh và Xã hội", "social"),
    ("HN.S.VHTT", "Sở Văn hóa và Thể thao", "culture"),
    ("HN.S.DL", "Sở Du lịch", "culture"),
    ("HN.S.KHCN", "Sở Khoa học và Công nghệ", "science"),
    ("HN.S.GDDT", "Sở Giáo dục và Đào tạo", "education"),
    ("HN.S.YT", "Sở Y tế", "health"),
    ("HN.S.TTR", "Thanh tra Thành phố", "justice"),
    ("HN.S.BDT", "Ban Dân tộc", "general"),
    ("HN.S.QHKT", "Sở Quy hoạch - Kiến trúc", "construction"),
    ("HN.S.NGV", "Sở Ngoại vụ", "general"),
]

DEPT_MERGER_ON = dt.date(2025, 3, 1)
DEPT_MERGER_BASIS = {
    "number": "NQ HĐND TP ngày 25/02/2025 (số hiệu chưa xác minh)",
    "issuer": "Hội đồng nhân dân Thành phố Hà Nội",
    "date": dt.date(2025, 2, 25),
    "summary": "Tổ chức lại các cơ quan chuyên môn thuộc UBND Thành phố: 21 → 16.",
}

#: (predecessors, new code, new name, sector) — merges into new agencies.
DEPT_MERGES = [
    (["HN.S.TC", "HN.S.KHDT"], "HN.S.TC25", "Sở Tài chính", "economy"),
    (["HN.S.NNPTNT", "HN.S.TNMT"], "HN.S.NNMT", "Sở Nông nghiệp và Môi trường", "agriculture"),
    (["HN.S.KHCN", "HN.S.TTTT"], "HN.S.KHCN25", "Sở Khoa học và Công nghệ", "science"),
    (["HN.S.XD", "HN.S.GTVT"], "HN.S.XD25", "Sở Xây dựng", "construction"),
]
#: (absorbed, into) — LĐTBXH into Nội vụ (its social-protection part went to Health).
DEPT_ABSORBS = [(["HN.S.LDTBXH"], "HN.S.NV")]
#: Renamed on the same date: the Ethnic Board became the Dept. of Ethnic and Religious Affairs.
DEPT_RENAMES = [("HN.S.BDT", "Sở Dân tộc và Tôn giáo")]

HOA_LAC = {
    "code": "HN.BQL.HOALAC",
    "name": "Ban Quản lý Khu công nghệ cao Hòa Lạc",
    "on": dt.date(2023, 10, 10),
    "basis": {
        "number": "1168/QĐ-TTg",
        "issuer": "Thủ tướng Chính phủ",
        "date": dt.date(2023, 10, 10),
        "summary": "Chuyển Ban Quản lý Khu công nghệ cao Hòa Lạc từ Bộ Khoa học và Công nghệ "
        "về UBND Thành phố Hà Nội.",
    },
}

#: Synthetic first layer of public service units: (parent department, code suffix, name, sector)
PUBLIC_SERVICE_UNITS = [
    ("HN.S.YT", "BV.XANHPON", "Bệnh viện Đa khoa Xanh Pôn", "health"),
    ("HN.S.YT", "BV.THANHNHAN", "Bệnh viện Thanh Nhàn", "health"),
    ("HN.S.YT", "BV.DUCGIANG", "Bệnh viện Đa khoa Đức Giang", "health"),
    ("HN.S.YT", "BV.SANHN", "Bệnh viện Phụ sản Hà Nội", "health"),
    ("HN.S.YT", "TT.KSBT", "Trung tâm Kiểm soát bệnh tật Hà Nội", "health"),
    ("HN.S.GDDT", "THPT.CVA", "Trường THPT Chu Văn An", "education"),
    ("HN.S.GDDT", "THPT.KIMLIEN", "Trường THPT Kim Liên", "education"),
    ("HN.S.GDDT", "THPT.HNAMS", "Trường THPT chuyên Hà Nội - Amsterdam", "education"),
    ("HN.S.GDDT", "THPT.VIETDUC", "Trường THPT Việt Đức", "education"),
    ("HN.S.GDDT", "CD.SPHT", "Trường Cao đẳng Sư phạm Hà Tây", "education"),
    ("HN.S.VHTT", "BT.HANOI", "Bảo tàng Hà Nội", "culture"),
    ("HN.S.VHTT", "TV.HANOI", "Thư viện Hà Nội", "culture"),
    ("HN.S.VHTT", "TT.HOANGTHANH", "Trung tâm Bảo tồn di sản Thăng Long - Hà Nội", "culture"),
    ("HN.S.NNPTNT", "TT.KHUYENNONG", "Trung tâm Khuyến nông Hà Nội", "agriculture"),
    ("HN.S.TNMT", "TT.QUANTRAC", "Trung tâm Quan trắc tài nguyên và môi trường", "agriculture"),
    ("HN.S.GTVT", "TT.QLGT", "Trung tâm Quản lý và điều hành giao thông", "construction"),
    ("HN.S.TTTT", "TT.CNTT", "Trung tâm Công nghệ thông tin và Truyền thông", "science"),
    ("HN.S.LDTBXH", "TT.DVVL", "Trung tâm Dịch vụ việc làm Hà Nội", "social"),
    ("HN.UBND", "TT.PVHCC", "Trung tâm Phục vụ hành chính công Thành phố", "general"),
    ("HN.UBND", "BQL.HUONGSON", "Ban Quản lý Khu di tích danh thắng Hương Sơn", "culture"),
]
