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

# Drafts: reports, narratives, frozen versions.

REPORT_UNKNOWN = Message("report_unknown", "Không có báo cáo số {id}.", "No report {id}.")
NOT_ALLOWED = Message(
    "report_not_allowed",
    "Chỉ Ban Tổ chức Thành ủy, Sở Nội vụ và quản trị thành phố được {action}.",
    "Only the Organization Board, the Department of Home Affairs and city administrators "
    "may {action_en}.",
)
YEAR_INVALID = Message(
    "report_year_invalid",
    "Năm báo cáo phải là số từ 2000 đến 2100 (đang là «{value}»).",
    "The report's year must be a number from 2000 to 2100 (got «{value}»).",
)
FORMAT_INVALID = Message(
    "report_format_invalid",
    "Thể thức «{value}» không hợp lệ: chọn văn bản hành chính (NĐ 30/2020) hoặc văn bản của "
    "Đảng (HD 36-HD/VPTW).",
    "Format «{value}» is invalid: choose state (Decree 30/2020) or party (Guidance 36).",
)
UNIT_UNKNOWN = Message(
    "report_unit_unknown",
    "Không có đơn vị mã «{code}» trong phạm vi của bạn.",
    "No unit «{code}» within your scope.",
)
CANNOT_BUILD = Message(
    "report_cannot_build",
    "Không lập được báo cáo: {reason}",
    "The report cannot be built: {reason}",
)
SECTION_UNKNOWN = Message(
    "report_section_unknown",
    "Phần «{key}» không phải là phần được sửa của báo cáo (chỉ sửa được: {keys}).",
    "Section «{key}» is not an editable section (editable: {keys}).",
)
NARRATIVE_EMPTY = Message(
    "report_narrative_empty",
    "Nội dung phần «{key}» trống sau khi lọc HTML không an toàn.",
    "The text of section «{key}» is empty once unsafe HTML is removed.",
)
NARRATIVE_TOO_LONG = Message(
    "report_narrative_too_long",
    "Nội dung phần «{key}» dài quá {limit} ký tự.",
    "The text of section «{key}» is longer than {limit} characters.",
)
NARRATIVE_STALE = Message(
    "report_narrative_stale",
    "Phần «{key}» vừa được {author} sửa (lần sửa {current}, bạn đang sửa từ lần {expected}). "
    "Hãy xem nội dung mới rồi lưu lại.",
    "Section «{key}» was just changed by {author} (revision {current}, you edited revision "
    "{expected}). Read the new text, then save again.",
)
REPORT_STALE = Message(
    "report_stale",
    "Báo cáo vừa được người khác sửa (phiên bản {current}, bạn đang sửa phiên bản {expected}).",
    "The report was just changed by someone else (version {current}, you edited {expected}).",
)
VERSION_UNKNOWN = Message(
    "report_version_unknown",
    "Báo cáo không có bản chốt số {number}.",
    "The report has no frozen version {number}.",
)
PDF_NOT_STORED = Message(
    "report_pdf_not_stored",
    "Bản chốt số {number} không có tệp PDF: {reason}",
    "Frozen version {number} has no PDF: {reason}",
)
TEXT_TOO_LONG = Message(
    "report_text_too_long",
    "{what} dài quá {limit} ký tự.",
    "{what} is longer than {limit} characters.",
)
PAGE_UNKNOWN = Message(
    "report_page_unknown",
    "Bản chốt số {number} không có trang {page} dạng ảnh.",
    "Frozen version {number} has no page {page} as an image.",
)

# Statistical forms.
