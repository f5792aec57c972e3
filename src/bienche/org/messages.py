"""Error messages of the org app (codes are stable; tests import these constants)."""

from bienche.core.errors import Message

UNIT_UNKNOWN = Message(
    "unit_unknown", "Không có đơn vị mã «{code}».", "No unit with code «{code}»."
)
UNIT_CODE_TAKEN = Message(
    "unit_code_taken", "Mã đơn vị «{code}» đã được dùng.", "Unit code «{code}» is already used."
)
UNIT_CODE_INVALID = Message(
    "unit_code_invalid",
    "Mã đơn vị «{code}» không hợp lệ: chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới.",
    "Unit code «{code}» is invalid: letters, digits, '.', '-', '_' only.",
)
UNIT_NOT_ACTIVE = Message(
    "unit_not_active",
    "Đơn vị «{code}» không hoạt động vào ngày {on}.",
    "Unit «{code}» is not active on {on}.",
)
UNIT_HAS_LATER_CHANGES = Message(
    "unit_has_later_changes",
    "Đơn vị «{code}» đã có thay đổi từ ngày {later}; không thể ghi sự kiện ngày {on} trước đó.",
    "Unit «{code}» already changes on {later}; an event on {on} cannot be inserted before it.",
)
UNIT_CHANGED_SAME_DAY = Message(
    "unit_changed_same_day",
    "Đơn vị «{code}» đã có một thay đổi hiệu lực cùng ngày {on}.",
    "Unit «{code}» already has a change effective on {on}.",
)
UNIT_TWICE_IN_EVENT = Message(
    "unit_twice_in_event",
    "Đơn vị «{code}» xuất hiện hai lần trong cùng một sự kiện.",
    "Unit «{code}» appears twice in one event.",
)
PARENT_NOT_ACTIVE = Message(
    "parent_not_active",
    "Đơn vị cấp trên «{code}» không hoạt động vào ngày {on}.",
    "Parent unit «{code}» is not active on {on}.",
)
CYCLE = Message(
    "cycle",
    "Không thể đặt «{code}» trực thuộc «{parent}»: sẽ tạo vòng lặp trong cây tổ chức ({on}).",
    "Putting «{code}» under «{parent}» would create a cycle in the tree ({on}).",
)
CHILDREN_LEFT = Message(
    "children_left",
    "Đơn vị «{code}» còn đơn vị trực thuộc «{child}» đang hoạt động; hãy chỉ định nơi chuyển về.",
    "Unit «{code}» still has the active sub-unit «{child}»; say where it moves.",
)
NAME_REQUIRED = Message(
    "name_required", "Tên đơn vị không được để trống.", "The unit name is required."
)
NAME_UNCHANGED = Message(
    "name_unchanged",
    "Tên mới trùng với tên hiện tại của đơn vị «{code}».",
    "The new name equals the current name of «{code}».",
)
KIND_INVALID = Message(
    "kind_invalid", "Loại đơn vị «{kind}» không hợp lệ.", "Unit kind «{kind}» is not valid."
)
KIND_UNCHANGED = Message(
    "kind_unchanged",
    "Loại mới trùng với loại hiện tại của đơn vị «{code}».",
    "The new kind equals the current kind of «{code}».",
)
LEVEL_INVALID = Message(
    "level_invalid", "Cấp «{level}» không hợp lệ.", "Level «{level}» is not valid."
)
PARENT_UNCHANGED = Message(
    "parent_unchanged",
    "Đơn vị «{code}» đã trực thuộc «{parent}».",
    "Unit «{code}» is already under «{parent}».",
)
BASIS_REQUIRED = Message(
    "basis_required",
    "Cần ghi số, ký hiệu văn bản làm căn cứ pháp lý.",
    "The number/symbol of the legal basis is required.",
)
BASIS_DATE_AFTER = Message(
    "basis_date_after",
    "Ngày ban hành văn bản ({basis_date}) sau ngày hiệu lực ({on}) là không hợp lệ.",
    "The document date ({basis_date}) cannot be after the effective date ({on}).",
)
TOO_FEW_PREDECESSORS = Message(
    "too_few_predecessors",
    "Sự kiện «{kind}» cần ít nhất {n} đơn vị tham gia.",
    "A «{kind}» event needs at least {n} units.",
)
TOO_FEW_SUCCESSORS = Message(
    "too_few_successors",
    "Chia tách cần ít nhất {n} đơn vị mới.",
    "A split needs at least {n} new units.",
)
SHARE_INVALID = Message(
    "share_invalid",
    "Tỷ lệ chia «{share}» không hợp lệ (phải trong khoảng 0–100%).",
    "Share «{share}» is not valid (must be within 0–100%).",
)
SHARES_NOT_WHOLE = Message(
    "shares_not_whole",
    "Tổng tỷ lệ chia của «{code}» là {total}%, phải bằng 100%.",
    "The shares of «{code}» add up to {total}%, not 100%.",
)
LINEAGE_INCOMPLETE = Message(
    "lineage_incomplete",
    "Đơn vị «{code}» không có liên hệ kế thừa nào trong sự kiện.",
    "Unit «{code}» has no lineage edge in the event.",
)
DATE_INVALID = Message(
    "date_invalid",
    "Ngày «{value}» không hợp lệ (định dạng YYYY-MM-DD).",
    "Date «{value}» is not valid (format YYYY-MM-DD).",
)
EVENT_KIND_INVALID = Message(
    "event_kind_invalid",
    "Loại sự kiện «{kind}» không hợp lệ.",
    "Event kind «{kind}» is not valid.",
)
FIELD_REQUIRED = Message(
    "field_required", "Thiếu trường bắt buộc «{name}».", "Missing required field «{name}»."
)
FORBIDDEN_SCOPE = Message(
    "forbidden_scope",
    "Bạn không có quyền thay đổi đơn vị «{code}».",
    "You may not change unit «{code}».",
)
