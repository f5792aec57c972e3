"""Error messages of the delegation register (codes are stable; tests import these)."""

from bienche.core.errors import Message

POWER_UNKNOWN = Message("power_unknown", "Không có thẩm quyền mã «{code}».", "No power «{code}».")
POWER_DUPLICATE = Message(
    "power_duplicate", "Mã thẩm quyền «{code}» đã có.", "Power code «{code}» already exists."
)
TRANSFER_UNKNOWN = Message(
    "transfer_unknown", "Không có bản ghi phân cấp, ủy quyền số {id}.", "No transfer {id}."
)
FIELD_REQUIRED = Message("field_required", "Cần ghi {what}.", "{what_en} is required.")
FIELD_INVALID = Message(
    "field_invalid", "Giá trị «{value}» của {what} không hợp lệ.", "Invalid {what_en}: «{value}»."
)
UNIT_NOT_ACTIVE = Message(
    "unit_not_active",
    "Đơn vị «{code}» không hoạt động vào ngày {on}.",
    "Unit «{code}» is not active on {on}.",
)
CLASS_EMPTY = Message(
    "class_empty",
    "Không có đơn vị nào thuộc nhóm «{cls}» vào ngày {on}.",
    "No unit of class «{cls}» exists on {on}.",
)
RECEIVER_ONE = Message(
    "receiver_one",
    "Cần ghi đúng một nơi nhận: một đơn vị hoặc một nhóm đơn vị.",
    "Give exactly one receiver: a unit or a class of units.",
)
DELEGATION_NO_TERM = Message(
    "delegation_no_term",
    "Ủy quyền phải có thời hạn: cần ghi ngày hết hạn.",
    "A delegation needs a term: give its end date.",
)
PERIOD_INVALID = Message(
    "period_invalid",
    "Ngày kết thúc {end} phải sau ngày bắt đầu {start}.",
    "The end {end} must be after the start {start}.",
)
SUB_DELEGATION_FORBIDDEN = Message(
    "sub_delegation_forbidden",
    "«{code}» nhận ủy quyền theo {document} và không được ủy quyền tiếp.",
    "«{code}» holds this power by delegation ({document}), which forbids sub-delegation.",
)
SUB_DELEGATION_TERM = Message(
    "sub_delegation_term",
    "Thời hạn ủy quyền tiếp ({end}) vượt thời hạn ủy quyền gốc ({parent_end}).",
    "The sub-delegation's term ({end}) runs past its parent's ({parent_end}).",
)
CYCLE = Message(
    "delegation_cycle",
    "Tạo vòng phân cấp, ủy quyền: {path}.",
    "This would create a cycle of transfers: {path}.",
)
OVERLAP = Message(
    "transfer_overlap",
    "Thẩm quyền «{power}» đã được chuyển cho «{receiver}» trong thời gian trùng lặp "
    "(từ {start}, theo {document}).",
    "Power «{power}» is already transferred to «{receiver}» for an overlapping period "
    "(from {start}, by {document}).",
)
STALE = Message(
    "transfer_stale",
    "Bản ghi đã được người khác sửa (phiên bản {current}, bạn gửi {expected}): hãy tải lại.",
    "The transfer was changed meanwhile (version {current}, you sent {expected}): reload it.",
)
ALREADY_ENDED = Message(
    "transfer_ended",
    "Bản ghi đã hết hiệu lực từ {on}.",
    "The transfer no longer applies since {on}.",
)
REVOKE_DATE = Message(
    "revoke_date",
    "Ngày thu hồi {on} phải sau ngày bắt đầu {start}.",
    "The revocation date {on} must be after the start {start}.",
)
INSTITUTIONALIZE_NEEDS_RESOLUTION = Message(
    "institutionalize_needs_resolution",
    "Thể chế hóa cần một nghị quyết của Hội đồng nhân dân.",
    "Institutionalizing needs a People's Council resolution.",
)
NOT_ALLOWED = Message(
    "delegation_not_allowed",
    "Bạn không có quyền ghi sổ phân cấp, ủy quyền cho đơn vị này.",
    "You may not record transfers for this unit.",
)
DOCUMENT_CONFLICT = Message(
    "document_conflict",
    "Văn bản {number} ngày {on} đã có với nội dung khác (loại hoặc cơ quan ban hành).",
    "Document {number} of {on} is already recorded with another kind or issuer.",
)
