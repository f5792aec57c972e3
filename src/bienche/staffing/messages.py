"""Error messages of the staffing app (stable codes; tests import these constants)."""

from bienche.core.errors import Message

QUOTA_KIND_INVALID = Message(
    "quota_kind_invalid", "Loại biên chế «{kind}» không hợp lệ.", "Quota kind «{kind}» is invalid."
)
QUOTA_RESERVE_TOO_BIG = Message(
    "quota_reserve_too_big",
    "Số dự phòng ({reserve}) lớn hơn số được giao ({amount}).",
    "The reserve ({reserve}) exceeds the amount ({amount}).",
)
QUOTA_DATES = Message(
    "quota_dates",
    "Ngày kết thúc ({valid_to}) phải sau ngày bắt đầu ({valid_from}).",
    "The end date ({valid_to}) must be after the start date ({valid_from}).",
)
QUOTA_OVERLAP = Message(
    "quota_overlap",
    "Đơn vị «{code}» đã có biên chế «{kind}» từ {other} chồng lấn thời gian này.",
    "Unit «{code}» already has a «{kind}» quota from {other} overlapping this period.",
)
QUOTA_OVER_PARENT = Message(
    "quota_over_parent",
    "Tổng biên chế «{kind}» giao cho các đơn vị trực thuộc «{parent}» là {children} "
    "(kể cả dự phòng {reserve}), vượt số {amount} của đơn vị cấp trên vào ngày {on}.",
    "The «{kind}» quotas under «{parent}» add up to {children} (with a reserve of {reserve}), "
    "more than its {amount} on {on}.",
)
POSITION_CODE_TAKEN = Message(
    "position_code_taken",
    "Đơn vị «{unit}» đã có vị trí việc làm mã «{code}».",
    "Unit «{unit}» already has a job position «{code}».",
)
POSITION_UNKNOWN = Message(
    "position_unknown",
    "Đơn vị «{unit}» không có vị trí việc làm mã «{code}».",
    "Unit «{unit}» has no job position «{code}».",
)
POSITION_INVALID = Message(
    "position_invalid",
    "Vị trí việc làm không hợp lệ: {reason}.",
    "Invalid job position: {reason}.",
)
UNIT_NOT_ACTIVE = Message(
    "unit_not_active",
    "Đơn vị «{code}» không hoạt động vào ngày {on}.",
    "Unit «{code}» is not active on {on}.",
)
PERSONAL_ID_INVALID = Message(
    "personal_id_invalid",
    "Số định danh cá nhân «{value}» không hợp lệ (12 chữ số).",
    "Personal identifier «{value}» is invalid (12 digits).",
)
RANK_UNKNOWN = Message(
    "rank_unknown", "Không có ngạch/chức danh mã «{code}».", "No rank with code «{code}»."
)
STEP_OUT_OF_TABLE = Message(
    "step_out_of_table",
    "Bậc {step} không có trong thang lương nhóm {group} (1–{max}).",
    "Step {step} is outside the {group} table (1–{max}).",
)
RANK_BELOW_POSITION = Message(
    "rank_below_position",
    "Ngạch «{rank}» (nhóm {group}) thấp hơn yêu cầu tối thiểu {minimum} của vị trí «{position}».",
    "Rank «{rank}» (group {group}) is below the minimum {minimum} of position «{position}».",
)
CATEGORY_MISMATCH = Message(
    "category_mismatch",
    "Ngạch «{rank}» dành cho «{expected}», không phải «{given}».",
    "Rank «{rank}» is for «{expected}», not «{given}».",
)
ASSIGNMENT_OVERLAP = Message(
    "assignment_overlap",
    "Người có số định danh {pid} đã có phân công từ {other} chồng lấn thời gian này.",
    "Person {pid} already has an assignment from {other} overlapping this period.",
)
ASSIGNMENT_NONE = Message(
    "assignment_none",
    "Người có số định danh {pid} không có phân công đang hiệu lực ngày {on}.",
    "Person {pid} has no assignment in force on {on}.",
)
PERSON_UNKNOWN = Message(
    "person_unknown", "Không có người có số định danh {pid}.", "No person with identifier {pid}."
)
END_REASON_INVALID = Message(
    "end_reason_invalid",
    "Lý do kết thúc «{reason}» không hợp lệ.",
    "End reason «{reason}» is invalid.",
)
