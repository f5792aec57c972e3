"""Data of the Hòa Lạc demo (see ``demo.hoalac``): what is real is named in its docstring;
everything else here is synthetic and labelled so where it is shown."""

from __future__ import annotations

from bienche.investment.enums import LandUse, Sector

SEED = "hoalac-2026"
PLAN = "QĐ 899/QĐ-TTg ngày 27/05/2016 (tổng 1.586 ha; phân bổ theo phân khu giả lập)"
#: (code, name, {use: ha}) — the eight functional zones; the split is synthetic, the sum real.
ZONES = [
    ("DT", "Khu giáo dục và đào tạo", {LandUse.TRAINING: 108}),
    ("NC", "Khu nghiên cứu và triển khai", {LandUse.RESEARCH: 229, LandUse.INFRASTRUCTURE: 20}),
    ("PM", "Khu phần mềm", {LandUse.SOFTWARE: 88}),
    ("CN", "Khu công nghiệp công nghệ cao", {LandUse.INDUSTRY: 550, LandUse.INFRASTRUCTURE: 60}),
    ("TT", "Khu trung tâm", {LandUse.CENTRE: 34}),
    ("DV", "Khu dịch vụ tổng hợp", {LandUse.SERVICES: 146, LandUse.INFRASTRUCTURE: 25}),
    ("NO", "Khu nhà ở", {LandUse.HOUSING: 155}),
    ("GT", "Khu vui chơi giải trí, thể thao", {LandUse.LEISURE: 171}),
]
SECTOR_ZONE = {
    Sector.EDUCATION: ("DT", LandUse.TRAINING),
    Sector.RESEARCH: ("NC", LandUse.RESEARCH),
    Sector.SOFTWARE: ("PM", LandUse.SOFTWARE),
    Sector.INDUSTRY: ("CN", LandUse.INDUSTRY),
    Sector.SERVICES: ("DV", LandUse.SERVICES),
    Sector.HOUSING: ("NO", LandUse.HOUSING),
}
#: Approximate VND per USD by year (synthetic reference rates for the demo).
USD_RATE = {
    y: r
    for y, r in zip(
        range(2000, 2027),
        (
            14_500,
            14_800,
            15_300,
            15_500,
            15_700,
            15_900,
            16_000,
            16_100,
            16_500,
            17_900,
            18_600,
            20_500,
            20_800,
            21_000,
            21_200,
            21_900,
            22_300,
            22_700,
            23_000,
            23_200,
            23_200,
            23_000,
            23_500,
            24_000,
            25_000,
            25_800,
            26_200,
        ),
        strict=True,
    )
}
LICENSED_2024, FOREIGN_2024 = 109, 14
CAPITAL_2024 = 115_500 * 10**9
VIETTEL = 12_000 * 10**9
AREA_2024 = 380
WORKERS = 14_500
FOREIGN = ["KR", "JP", "US", "SG", "TW", "DE", "FR", "KR", "JP", "KR", "US", "JP", "SG", "IL"]
WORDS = (
    "An Phát Minh Thành Hưng Việt Tiến Đại Nam Hòa Bình Sao Mai Tân Long Phương Đông Trường "
    "Sơn Hồng Hà Quang Trung Thiên Ân Kim Cương Bình Minh Hải Âu Lạc Hồng Tây Bắc Đông Á"
).split()
KINDS = ["Công ty CP Công nghệ", "Công ty TNHH", "Công ty CP Đầu tư", "Tập đoàn", "Viện"]


#: raised | kind | text | unit | project number (0: the park) | resolved — synthetic.
OBSTACLES = """
2023-12-05|land_clearance|12 hộ chưa nhận bồi thường, chưa bàn giao mặt bằng|HN.H.276|5|
2023-12-20|procedures|Thiếu hướng dẫn điều chỉnh chủ trương đầu tư|HN.S.KHDT|0|2024-05-15
2024-02-26|planning|Quy hoạch chưa cập nhật ranh giới khu dịch vụ|HN.S.QHKT|0|
2024-04-08|infrastructure|Trạm xử lý nước thải giai đoạn 2 chậm|HN.S.XD|0|
2024-05-14|land_clearance|Giải phóng mặt bằng 3,2 ha đường nội khu|HN.H.275|11|
2024-06-03|procedures|Thẩm định hồ sơ giao đất, cho thuê đất kéo dài|HN.S.TNMT|23|2024-11-20
2024-08-19|infrastructure|Nguồn điện 110 kV chưa đủ công suất|HN.S.CT|31|
2024-10-07|planning|Chưa thống nhất mật độ xây dựng khu nghiên cứu|HN.S.QHKT|40|2025-02-10
2024-11-25|land_clearance|Tranh chấp ranh giới đất giáp khu nhà ở|HN.H.276|0|
2025-01-13|procedures|Chưa có quy chế phối hợp Ban Quản lý - các sở|HN.S.NV|0|2025-06-30
2025-04-21|infrastructure|Đường kết nối Đại lộ Thăng Long chưa xong|HN.S.XD25|0|
2025-05-26|procedures|Hồ sơ ưu đãi đầu tư chờ ý kiến liên ngành|HN.S.TC25|52|
2025-08-11|land_clearance|Chưa bàn giao 1,5 ha đất đã thu hồi cho nhà đầu tư|HN.X25.09988|61|
2025-09-15|planning|Điều chỉnh cục bộ quy hoạch khu phần mềm|HN.S.XD25|0|2026-03-02
2025-12-01|infrastructure|Thiếu hạ tầng viễn thông dự phòng|HN.S.KHCN25|77|
2026-03-09|land_clearance|Di dời mộ phần trong khu đất giao cho dự án|HN.X25.09982|88|
2026-06-22|procedures|Chậm cấp phép xây dựng điều chỉnh|HN.BQL.HOALAC|95|
2026-09-14|procedures|Hồ sơ giao đất thiếu đánh giá tác động môi trường|HN.S.NNMT|103|
"""


TARGETS = {  # year: {metric: value} — synthetic targets of a development plan
    2024: {"projects": 110, "capital": 120_000 * 10**9, "jobs": 15_000, "occupancy": 25},
    2025: {"projects": 115, "capital": 125_000 * 10**9, "jobs": 16_000, "occupancy": 27},
    2026: {"projects": 120, "capital": 130_000 * 10**9, "jobs": 18_000, "occupancy": 30},
}
