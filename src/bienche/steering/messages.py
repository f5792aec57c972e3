"""Error messages of the steering app (codes are stable; tests import these constants)."""

from bienche.core.errors import Message

DOC_KIND_INVALID = Message(
    "doc_kind_invalid",
    "Loại văn bản «{kind}» không hợp lệ (kết luận, thông báo, chỉ thị, nghị quyết, kế hoạch…).",
    "Document kind «{kind}» is invalid (conclusion, notice, directive, resolution, plan…).",
)
DOC_FIELD_REQUIRED = Message(
    "doc_field_required", "Văn bản cần có {what}.", "The document needs {what_en}."
)
DOC_DATE_FUTURE = Message(
    "doc_date_future",
    "Ngày văn bản {on} ở tương lai.",
    "The document date {on} is in the future.",
)
DOC_DUPLICATE = Message(
    "doc_duplicate",
    "Văn bản số {number} ngày {on} đã có trong hệ thống.",
    "Document {number} of {on} is already recorded.",
)
DOC_UNKNOWN = Message("doc_unknown", "Không có văn bản «{ref}».", "No document «{ref}».")
TASK_UNKNOWN = Message("task_unknown", "Không có nhiệm vụ số {id}.", "No task {id}.")
TASK_CONTENT_REQUIRED = Message(
    "task_content_required",
    "Cần ghi nội dung nhiệm vụ.",
    "The task's content is required.",
)
TASK_POST_REQUIRED = Message(
    "task_post_required",
    "Cần ghi chức danh lãnh đạo chịu trách nhiệm (ví dụ «Giám đốc Sở»).",
    "The responsible post is required (e.g. «Director of the department»).",
)
TASK_DEADLINE_KIND_INVALID = Message(
    "task_deadline_kind_invalid",
    "Loại thời hạn «{kind}» không hợp lệ: theo ngày, theo số ngày làm việc, thường xuyên "
    "hoặc không thời hạn.",
    "Deadline kind «{kind}» is invalid: date, working_days, recurring or none.",
)
TASK_DEADLINE_REQUIRED = Message(
    "task_deadline_required",
    "Cần ghi thời hạn (ngày) cho nhiệm vụ có thời hạn theo ngày.",
    "A deadline date is required for a task due by a date.",
)
DATE_OUT_OF_RANGE = Message(
    "date_out_of_range",
    "Ngày {on} nằm ngoài khoảng cho phép ({first} – {last}).",
    "Date {on} is outside the allowed range ({first} – {last}).",
)
TASK_FIELD_TOO_LONG = Message(
    "task_field_too_long",
    "«{field_vi}» dài quá {limit} ký tự.",
    "«{field_en}» is longer than {limit} characters.",
)
SCORECARD_PERIOD_INVALID = Message(
    "scorecard_period_invalid",
    "Kỳ đánh giá không hợp lệ: ngày kết thúc {end} trước ngày bắt đầu {start}.",
    "Invalid period: the end {end} is before the start {start}.",
)
TASK_RECORDED_ON_INVALID = Message(
    "task_recorded_on_invalid",
    "Ngày cập nhật {on} phải từ ngày văn bản {first} đến hôm nay.",
    "The recording date {on} must be between the document date {first} and today.",
)
TASK_DAYS_INVALID = Message(
    "task_days_invalid",
    "Số ngày làm việc «{days}» không hợp lệ: cần một số nguyên từ 1 đến 1000.",
    "Working days «{days}» is invalid: a whole number from 1 to 1000 is required.",
)
TASK_PERIOD_REQUIRED = Message(
    "task_period_required",
    "Nhiệm vụ thường xuyên cần kỳ báo cáo (tháng, quý, 6 tháng, năm).",
    "A recurring task needs a reporting period (month, quarter, half year, year).",
)
TASK_DEADLINE_BEFORE_DOCUMENT = Message(
    "task_deadline_before_document",
    "Thời hạn {deadline} trước ngày văn bản giao nhiệm vụ ({on}).",
    "The deadline {deadline} is before the date of the assigning document ({on}).",
)
TASK_LEAD_NOT_ACTIVE = Message(
    "task_lead_not_active",
    "Đơn vị chủ trì «{code}» không tồn tại vào ngày văn bản {on}.",
    "The lead unit «{code}» did not exist on the document date {on}.",
)
TASK_SUPPORT_NOT_ACTIVE = Message(
    "task_support_not_active",
    "Đơn vị phối hợp «{code}» không tồn tại vào ngày văn bản {on}.",
    "The supporting unit «{code}» did not exist on the document date {on}.",
)
TASK_SUPPORT_IS_LEAD = Message(
    "task_support_is_lead",
    "Đơn vị «{code}» đã là đơn vị chủ trì, không thể đồng thời là đơn vị phối hợp.",
    "Unit «{code}» is the lead unit and cannot also be a supporting unit.",
)
TASK_PROGRAMME_UNKNOWN = Message(
    "task_programme_unknown",
    "Không có chương trình, đề án mã «{code}».",
    "No programme with code «{code}».",
)
TASK_PRIORITY_INVALID = Message(
    "task_priority_invalid",
    "Mức độ ưu tiên «{value}» không hợp lệ (thường, cao, khẩn).",
    "Priority «{value}» is invalid (normal, high, urgent).",
)
TASK_PARENT_INVALID = Message(
    "task_parent_invalid",
    "Nhiệm vụ cha phải thuộc cùng văn bản.",
    "The parent task must belong to the same document.",
)
TASK_STALE = Message(
    "task_stale",
    "Nhiệm vụ vừa được người khác cập nhật (phiên bản {current}); hãy tải lại trang rồi thử lại.",
    "The task was just updated by someone else (version {current}); reload and try again.",
)
TASK_CLOSED = Message(
    "task_closed",
    "Nhiệm vụ đã {status}: không thể {action}.",
    "The task is {status_en}: cannot {action_en}.",
)
TASK_NOT_REPORTED = Message(
    "task_not_reported",
    "Nhiệm vụ chưa được báo cáo hoàn thành nên chưa thể nghiệm thu hoặc trả lại.",
    "The task has not been reported done, so it cannot be accepted or sent back.",
)
EVENT_DATE_INVALID = Message(
    "event_date_invalid",
    "Ngày {on} không hợp lệ: phải từ ngày {first} (ngày giao hoặc ngày cập nhật gần nhất) "
    "đến hôm nay.",
    "Date {on} is invalid: it must be between {first} (assignment or last update) and today.",
)
PERCENT_INVALID = Message(
    "percent_invalid",
    "Tỷ lệ hoàn thành «{value}» không hợp lệ: từ 0 đến 100.",
    "Completion «{value}» is invalid: 0 to 100.",
)
REASON_REQUIRED = Message("reason_required", "Cần ghi lý do.", "A reason is required.")
EXT_NOT_LATER = Message(
    "ext_not_later",
    "Thời hạn đề nghị {deadline} phải sau thời hạn đang áp dụng {current}.",
    "The requested deadline {deadline} must be after the deadline in force {current}.",
)
EXT_NO_DEADLINE = Message(
    "ext_no_deadline",
    "Nhiệm vụ không có thời hạn cụ thể nên không gia hạn được.",
    "The task has no fixed deadline, so it cannot be extended.",
)
EXT_PENDING = Message(
    "ext_pending",
    "Đã có một đề nghị gia hạn đang chờ xử lý.",
    "An extension request is already pending.",
)
EXT_NONE_PENDING = Message(
    "ext_none_pending",
    "Không có đề nghị gia hạn nào đang chờ xử lý.",
    "No extension request is pending.",
)
FILE_REJECTED = Message(
    "file_rejected",
    "Tệp «{name}» không được nhận: {reason}.",
    "File «{name}» was refused: {reason_en}.",
)
NOT_ALLOWED = Message(
    "not_allowed",
    "Bạn không có quyền {action} nhiệm vụ này.",
    "You may not {action_en} this task.",
)
NOTICE_UNKNOWN = Message("notice_unknown", "Không có thông báo số {id}.", "No notice {id}.")
