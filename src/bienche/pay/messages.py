"""Error messages of the pay app (stable codes; tests import these constants)."""

from bienche.core.errors import Message

MONTH_INVALID = Message(
    "pay_month_invalid",
    "Tháng «{value}» không hợp lệ: hãy ghi theo dạng YYYY-MM, ví dụ 2024-07.",
    "Invalid month «{value}»: use YYYY-MM, e.g. 2024-07.",
)
PERIOD_INVALID = Message(
    "pay_period_invalid",
    "Khoảng thời gian {start}–{end} không hợp lệ (tháng cuối trước tháng đầu hoặc dài quá "
    "{limit} tháng).",
    "Invalid period {start}–{end} (the end is before the start or it is longer than {limit} "
    "months).",
)
SCENARIO_UNKNOWN = Message(
    "pay_scenario_unknown",
    "Không có kịch bản «{name}».",
    "There is no scenario «{name}».",
)
PERSON_UNKNOWN = Message(
    "pay_person_unknown",
    "Không tìm thấy người {pk} trong danh sách trả lương tháng {month}.",
    "Person {pk} is not on the payroll of {month}.",
)
RULES_REFUSED = Message(
    "pay_rules_refused",
    "Không tính được lương: {reason}",
    "Pay cannot be computed: {reason}",
)
