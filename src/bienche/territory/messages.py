"""Error messages of the territory app (codes are stable)."""

from bienche.core.errors import Message

ROUND_UNKNOWN = Message(
    "territory_round_unknown", "Không có đợt sắp xếp «{code}».", "No rearrangement round «{code}»."
)
NO_STANDARD = Message(
    "territory_no_standard",
    "Đơn vị «{unit}»: đợt «{round}» không có tiêu chuẩn cho loại đơn vị «{type}».",
    "Unit «{unit}»: round «{round}» has no standard for unit type «{type}».",
)
AREA_MISSING = Message(
    "territory_area_missing",
    "Đơn vị «{unit}» thiếu diện tích tự nhiên (km²) hợp lệ.",
    "Unit «{unit}» has no valid natural area (km²).",
)
POPULATION_MISSING = Message(
    "territory_population_missing",
    "Đơn vị «{unit}» thiếu quy mô dân số hợp lệ.",
    "Unit «{unit}» has no valid population.",
)
TYPE_INVALID = Message(
    "territory_type_invalid",
    "Đơn vị «{unit}»: loại đơn vị «{type}» không hợp lệ.",
    "Unit «{unit}»: unit type «{type}» is invalid.",
)
UNIT_UNKNOWN = Message(
    "territory_unit_unknown",
    "Không có đơn vị hành chính «{unit}».",
    "No administrative unit «{unit}».",
)
ADJACENCY_UNKNOWN = Message(
    "territory_adjacency_unknown",
    "Danh sách liền kề: đơn vị «{unit}» kề với «{other}», nhưng «{other}» không có trong dữ liệu.",
    "Adjacency: unit «{unit}» borders «{other}», which is not in the data.",
)
ADJACENCY_ASYMMETRIC = Message(
    "territory_adjacency_asymmetric",
    "Danh sách liền kề không đối xứng: «{unit}» kề với «{other}» "
    "nhưng «{other}» không kề với «{unit}».",
    "Non-symmetric adjacency: «{unit}» borders «{other}» but not the reverse.",
)
ADJACENCY_SELF = Message(
    "territory_adjacency_self",
    "Danh sách liền kề: đơn vị «{unit}» không thể kề với chính nó.",
    "Adjacency: unit «{unit}» cannot border itself.",
)
PAIR_UNKNOWN = Message(
    "territory_pair_unknown",
    "Cặp «{pair}» không hợp lệ: cần hai mã đơn vị có trong địa bàn, cách nhau bằng dấu «+».",
    "Pair «{pair}» is invalid: two unit codes of the territory joined by «+».",
)
PIN_INFEASIBLE = Message(
    "territory_pin_infeasible",
    "Không thể ghép cặp bắt buộc «{pair}»: không có phương án nhập liền kề, "
    "hợp lệ nào chứa cả hai đơn vị.",
    "Pinned pair «{pair}» cannot be met: no contiguous, valid merge holds both units.",
)
PARENT_EMPTY = Message(
    "territory_parent_empty",
    "Đơn vị «{code}» không có đơn vị hành chính trực thuộc có số liệu vào ngày {on}.",
    "Unit «{code}» has no administrative units with data on {on}.",
)
NOT_ALLOWED = Message(
    "territory_not_allowed",
    "Chỉ quản trị thành phố được {action}.",
    "Only city administrators may {action_en}.",
)
