"""Error messages of the pricing app (codes are stable; tests import the constants)."""

from bienche.core.errors import Message

NOT_ALLOWED = Message(
    "pricing_not_allowed",
    "Chỉ quản trị thành phố được {action}.",
    "Only city administrators may {action_en}.",
)
UNIT_NOT_PSU = Message(
    "pricing_unit_not_psu",
    "«{code}» không phải đơn vị sự nghiệp công lập.",
    "«{code}» is not a public service unit.",
)
LEVEL_INVALID = Message(
    "pricing_level_invalid",
    "Nhóm tự chủ phải là 1, 2, 3 hoặc 4 (đang là «{value}»).",
    "The autonomy group must be 1, 2, 3 or 4 (got «{value}»).",
)
NEGATIVE = Message(
    "pricing_negative",
    "{what} không được âm (đang là «{value}»).",
    "{what_en} must not be negative (got «{value}»).",
)
EXPENDITURE_ZERO = Message(
    "pricing_expenditure_zero",
    "Chi thường xuyên phải lớn hơn 0 để tính mức tự bảo đảm.",
    "Recurrent expenditure must be positive to compute the self-financing ratio.",
)
FIELD_REQUIRED = Message("pricing_field_required", "Cần ghi {what}.", "{what_en} is required.")
LINE_NO_UNIT = Message(
    "pricing_line_no_unit",
    "Dòng định mức {line} («{item}») chưa có đơn vị tính.",
    "Norm line {line} («{item}») has no unit.",
)
LINE_NEGATIVE = Message(
    "pricing_line_negative",
    "Dòng định mức {line} («{item}»): số lượng không được âm (đang là «{value}»).",
    "Norm line {line} («{item}»): the quantity must not be negative (got «{value}»).",
)
LINE_KIND = Message(
    "pricing_line_kind",
    "Dòng định mức {line}: loại «{value}» không hợp lệ.",
    "Norm line {line}: kind «{value}» is invalid.",
)
LINE_COEFFICIENT = Message(
    "pricing_line_coefficient",
    "Dòng định mức {line} («{item}»): dòng nhân công cần hệ số lương dương.",
    "Norm line {line} («{item}»): a labour line needs a positive salary coefficient.",
)
SERVICE_UNKNOWN = Message(
    "pricing_service_unknown", "Không có dịch vụ «{code}».", "No service «{code}»."
)
SERVICE_TAKEN = Message(
    "pricing_service_taken", "Mã dịch vụ «{code}» đã được dùng.", "Service code «{code}» is taken."
)
NO_NORM = Message(
    "pricing_no_norm",
    "Dịch vụ «{code}» chưa có định mức áp dụng ngày {on}.",
    "Service «{code}» has no norm in force on {on}.",
)
NO_BASE_SALARY = Message(
    "pricing_no_base_salary",
    "Chưa biết mức lương cơ sở áp dụng ngày {on}: không tính được đơn giá.",
    "No base salary is known for {on}: the unit price cannot be computed.",
)
NO_INPUT_PRICE = Message(
    "pricing_no_input_price",
    "Chưa có giá của «{item}» áp dụng ngày {on}.",
    "No price of «{item}» is in force on {on}.",
)
DUPLICATE = Message(
    "pricing_duplicate",
    "Đã có {what} «{key}».",
    "{what_en} «{key}» already exists.",
)
SCHOOL_DUPLICATE = Message(
    "pricing_school_duplicate",
    "Trường «{code}» xuất hiện nhiều lần (dòng {first} và dòng {row}).",
    "School «{code}» appears more than once (rows {first} and {row}).",
)
SCHOOL_OUTSIDE = Message(
    "pricing_school_outside",
    "Trường «{code}» không thuộc danh sách thí điểm.",
    "School «{code}» is not in the pilot.",
)
COSTS_DONT_ADD = Message(
    "pricing_costs_dont_add",
    "Tổng chi phí {total} khác tổng các khoản lương {salary} + hoạt động {operating} "
    "+ khấu hao {depreciation} = {sum}.",
    "Total cost {total} differs from salary {salary} + operating {operating} "
    "+ depreciation {depreciation} = {sum}.",
)
REVENUE_DONT_ADD = Message(
    "pricing_revenue_dont_add",
    "Học phí {fees} + hỗ trợ ngân sách {budget} = {sum} khác số trẻ {enrolment} × {months} "
    "tháng × giá thống nhất {price} = {expected}.",
    "Fees {fees} + budget support {budget} = {sum} differ from {enrolment} children × "
    "{months} months × unified price {price} = {expected}.",
)
NUMBER_INVALID = Message(
    "pricing_number_invalid",
    "{what} phải là số nguyên không âm (đang là «{value}»).",
    "{what_en} must be a non-negative whole number (got «{value}»).",
)
NO_PILOT_TERMS = Message(
    "pricing_no_pilot_terms",
    "Chưa có điều kiện thí điểm (giá thống nhất) cho năm học {year}.",
    "No pilot terms (unified price) are known for school year {year}.",
)
NO_AUTONOMY_RULES = Message(
    "pricing_no_autonomy_rules",
    "Năm {year} trước Nghị định 60/2021/NĐ-CP: chưa có quy tắc phân nhóm tự chủ.",
    "{year} is before Decree 60/2021: no autonomy grouping rules are known.",
)
