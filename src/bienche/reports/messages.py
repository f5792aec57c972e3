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
