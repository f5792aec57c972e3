"""Demo services with their norms and input prices (SYNTHETIC, labelled so in the data)."""

from __future__ import annotations

from bienche.pricing.services.norms import LineSpec

SOURCE = "Định mức giả lập (demo) — chưa phải định mức được ban hành"
PRICE_SOURCE = "Giá thị trường giả lập (demo)"

#: code → (name, unit of service, sector, user fee, lines)
SERVICES = {
    "MN-NGAY": (
        "Chăm sóc, nuôi dưỡng, giáo dục trẻ mầm non (bán trú)",
        "trẻ/tháng",
        "education",
        300000,
        [
            LineSpec("labour", "Giáo viên mầm non hạng III (V.07.02.26)", "giờ", "11.5", "2.10"),
            LineSpec("labour", "Nhân viên nuôi dưỡng", "giờ", "3", "1.86"),
            LineSpec("labour", "Cán bộ quản lý", "giờ", "1.2", "4.00"),
            LineSpec("material", "Học liệu, đồ dùng cá nhân", "bộ", "0.11"),
            LineSpec("material", "Điện, nước", "kWh", "14"),
            LineSpec("equipment", "Đồ chơi, thiết bị dạy học", "bộ", "0.01"),
            LineSpec("depreciation", "Phòng học và sân chơi (khấu hao)", "phòng", "0.00003"),
            LineSpec("overhead", "Chi phí quản lý chung", "%", "8"),
        ],
    ),
    "YT-KHAM": (
        "Khám bệnh ngoại trú (bệnh viện hạng I)",
        "lượt khám",
        "health",
        0,
        [
            LineSpec("labour", "Bác sĩ hạng III", "giờ", "0.25", "2.34"),
            LineSpec("labour", "Điều dưỡng hạng IV", "giờ", "0.3", "1.86"),
            LineSpec("material", "Vật tư tiêu hao khám bệnh", "bộ", "1"),
            LineSpec("equipment", "Dụng cụ khám", "bộ", "0.002"),
            LineSpec("depreciation", "Thiết bị chẩn đoán (khấu hao)", "máy", "0.000004"),
            LineSpec("overhead", "Chi phí quản lý chung", "%", "12"),
        ],
    ),
    "NGHE-SC": (
        "Đào tạo nghề trình độ sơ cấp (3 tháng)",
        "học viên/khóa",
        "education",
        1500000,
        [
            LineSpec("labour", "Giảng viên giáo dục nghề nghiệp", "giờ", "14", "3.00"),
            LineSpec("material", "Vật tư thực hành", "bộ", "1"),
            LineSpec("equipment", "Dụng cụ thực hành", "bộ", "0.05"),
            LineSpec("depreciation", "Xưởng thực hành (khấu hao)", "xưởng", "0.00005"),
            LineSpec("overhead", "Chi phí quản lý chung", "%", "10"),
        ],
    ),
}

#: item → price (VND per unit), from 01/01/2023; a few rise on 01/01/2024.
PRICES = {
    "Học liệu, đồ dùng cá nhân": (450000, 480000),
    "Điện, nước": (3000, 3200),
    "Đồ chơi, thiết bị dạy học": (6000000, 6000000),
    "Phòng học và sân chơi (khấu hao)": (1200000000, 1200000000),
    "Vật tư tiêu hao khám bệnh": (18000, 19500),
    "Dụng cụ khám": (2500000, 2500000),
    "Thiết bị chẩn đoán (khấu hao)": (3500000000, 3500000000),
    "Vật tư thực hành": (900000, 950000),
    "Dụng cụ thực hành": (4000000, 4000000),
    "Xưởng thực hành (khấu hao)": (2000000000, 2000000000),
}
