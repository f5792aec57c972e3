"""Error and warning messages of the Hòa Lạc investment app (codes are stable)."""

from bienche.core.errors import Message

NOT_ALLOWED = Message(
    "hoalac_not_allowed",
    "Chỉ Ban Quản lý Khu công nghệ cao Hòa Lạc và quản trị thành phố được {action}.",
    "Only the Hòa Lạc Hi-Tech Park board and city administrators may {action_en}.",
)
PROJECT_UNKNOWN = Message(
    "hoalac_project_unknown", "Không có dự án «{code}».", "No project «{code}»."
)
INVESTOR_UNKNOWN = Message(
    "hoalac_investor_unknown", "Không có nhà đầu tư «{ref}».", "No investor «{ref}»."
)
ZONE_UNKNOWN = Message("hoalac_zone_unknown", "Không có phân khu «{code}».", "No zone «{code}».")
OBSTACLE_UNKNOWN = Message(
    "hoalac_obstacle_unknown", "Không có vướng mắc số {id}.", "No obstacle {id}."
)
FIELD_REQUIRED = Message("hoalac_field_required", "Cần ghi {what}.", "{what_en} is required.")
CHOICE_INVALID = Message(
    "hoalac_choice_invalid",
    "Giá trị «{value}» của trường {what} không hợp lệ.",
    "Value «{value}» of {what_en} is invalid.",
)
NUMBER_INVALID = Message(
    "hoalac_number_invalid",
    "{what} phải là số không âm (đang là «{value}»).",
    "{what_en} must be a non-negative number (got «{value}»).",
)
DATE_FUTURE = Message(
    "hoalac_date_future", "Ngày {on} ở tương lai.", "The date {on} is in the future."
)
CODE_TAKEN = Message(
    "hoalac_code_taken", "Mã dự án «{code}» đã được dùng.", "Project code «{code}» is taken."
)
INVESTOR_SIMILAR = Message(
    "hoalac_investor_similar",
    "Nhà đầu tư «{name}» có thể trùng với «{other}» (đã có, mức giống {score}%). "
    "Hãy dùng nhà đầu tư đã có, hoặc xác nhận đây là nhà đầu tư khác.",
    "Investor «{name}» may duplicate «{other}» (already recorded, {score}% alike). Use the "
    "existing investor, or confirm this is a different one.",
)
STAGE_NOT_IN_PIPELINE = Message(
    "hoalac_stage_not_in_pipeline",
    "Giai đoạn «{stage}» không thuộc luồng «{pipeline}».",
    "Stage «{stage_en}» is not part of the «{pipeline_en}» pipeline.",
)
STAGE_OUT_OF_ORDER = Message(
    "hoalac_stage_out_of_order",
    "Dự án đang ở giai đoạn «{current}»: chỉ được chuyển sang giai đoạn kế tiếp «{expected}», "
    "không chuyển sang «{stage}».",
    "The project is at «{current_en}»: it may move only to the next stage «{expected_en}», "
    "not to «{stage_en}».",
)
STAGE_FINAL = Message(
    "hoalac_stage_final",
    "Dự án đã ở giai đoạn cuối hoặc đã đóng; không chuyển giai đoạn được nữa.",
    "The project is at its last stage or closed; it cannot move further.",
)
STAGE_DATE_BEFORE = Message(
    "hoalac_stage_date_before",
    "Ngày chuyển giai đoạn {on} sớm hơn ngày vào giai đoạn hiện tại {since}.",
    "The stage date {on} is before the current stage's date {since}.",
)
STAGE_NEEDS_CERTIFICATE = Message(
    "hoalac_stage_needs_certificate",
    "Cần ghi Giấy chứng nhận đăng ký đầu tư (số, ngày, vốn đăng ký) trước khi chuyển sang "
    "«Đăng ký đầu tư».",
    "Record the investment registration certificate (number, date, capital) before moving "
    "to «Investment registration».",
)
STAGE_NEEDS_LAND = Message(
    "hoalac_stage_needs_land",
    "Cần ghi phân khu, mục đích sử dụng đất và diện tích trước khi chuyển sang «{stage}».",
    "Record the zone, land use and area before moving to «{stage_en}».",
)
LAND_OVER = Message(
    "hoalac_land_over",
    "Đất đã cam kết cho mục đích «{use}» trong phân khu «{zone}» sẽ là {committed} ha, vượt "
    "diện tích quy hoạch {planned} ha.",
    "Land committed for «{use_en}» in zone «{zone}» would be {committed} ha, above its planned "
    "{planned} ha.",
)
LAND_USE_NOT_PLANNED = Message(
    "hoalac_land_use_not_planned",
    "Phân khu «{zone}» không quy hoạch đất cho mục đích «{use}».",
    "Zone «{zone}» has no land planned for «{use_en}».",
)
RATE_MISSING = Message(
    "hoalac_rate_missing",
    "Chưa có tỷ giá {currency} ngày {on}: hãy ghi tỷ giá áp dụng.",
    "No {currency} rate on {on}: give the rate applied.",
)
DISBURSED_ABOVE_REGISTERED = Message(
    "hoalac_disbursed_above_registered",
    "Vốn giải ngân lũy kế {disbursed} đ vượt vốn đăng ký {registered} đ tại ngày {on}; cần "
    "ghi Giấy chứng nhận điều chỉnh trước.",
    "Cumulative disbursement {disbursed} VND exceeds registered capital {registered} VND on "
    "{on}; record an amended certificate first.",
)
CERTIFICATE_BELOW_DISBURSED = Message(
    "hoalac_certificate_below_disbursed",
    "Vốn đăng ký mới {registered} đ thấp hơn vốn đã giải ngân {disbursed} đ.",
    "The new registered capital {registered} VND is below the {disbursed} VND disbursed.",
)
CERTIFICATE_ORDER = Message(
    "hoalac_certificate_order",
    "Giấy chứng nhận điều chỉnh phải có ngày từ {after} trở đi.",
    "An amended certificate must be dated {after} or later.",
)
STALE = Message(
    "hoalac_stale",
    "Dự án vừa được người khác cập nhật (phiên bản {current}); hãy tải lại trang và xem thay "
    "đổi trước khi ghi.",
    "The project was just changed by someone else (version {current}); reload to see the "
    "change before saving.",
)
OBSTACLE_RESOLVED = Message(
    "hoalac_obstacle_resolved",
    "Vướng mắc này đã được giải quyết ngày {on}.",
    "This obstacle was already resolved on {on}.",
)
UNIT_NOT_ACTIVE = Message(
    "hoalac_unit_not_active",
    "Đơn vị «{code}» không hoạt động vào ngày {on}.",
    "Unit «{code}» is not active on {on}.",
)
IMPORT_COLUMNS = Message(
    "hoalac_import_columns",
    "Tệp thiếu cột: {missing}.",
    "The file lacks columns: {missing}.",
)
