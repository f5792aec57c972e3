"""Error messages of the reports app (codes are stable; tests import these constants)."""

from bienche.core.errors import Message

FORM_UNKNOWN = Message(
    "report_form_unknown",
    "Không có biểu mẫu «{code}» (các biểu mẫu: {codes}).",
    "No form «{code}» (forms: {codes}).",
)
FORM_UNIT_ABSENT = Message(
    "report_form_unit_absent",
    "Đơn vị «{code}» không tồn tại vào ngày {on}.",
    "Unit «{code}» did not exist on {on}.",
)
YEAR_IN_FUTURE = Message(
    "report_year_future",
    "Năm {year} chưa bắt đầu: không có số liệu để lập báo cáo.",
    "Year {year} has not begun: there is no data to report.",
)
YEAR_BEFORE_REGISTRY = Message(
    "report_year_before_registry",
    "Năm {year} không có số liệu: sổ đăng ký tổ chức bắt đầu từ ngày {first}.",
    "Year {year} has no data: the org registry starts on {first}.",
)
REGISTRY_EMPTY = Message(
    "report_registry_empty",
    "Chưa có số liệu tổ chức nào: không thể lập báo cáo.",
    "The org registry is empty: no report can be made.",
)
SCOPE_UNKNOWN = Message(
    "report_scope_unknown",
    "Không có đơn vị mã «{code}».",
    "No unit with code «{code}».",
)
SCOPE_NOT_IN_YEAR = Message(
    "report_scope_not_in_year",
    "Đơn vị «{name}» ({code}) không tồn tại vào ngày {on}: đơn vị có hiệu lực {validity}.",
    "Unit «{name}» ({code}) does not exist on {on}: it is valid {validity_en}.",
)
NARRATIVE_UNKNOWN = Message(
    "report_narrative_unknown",
    "Mục «{key}» không phải là mục do cán bộ soạn (chỉ: {keys}).",
    "Section «{key}» is not an editable section (only: {keys}).",
)
FORMAT_UNKNOWN = Message(
    "report_format_unknown",
    "Thể thức «{fmt}» không hợp lệ (state hoặc party).",
    "Format «{fmt}» is invalid (state or party).",
)
