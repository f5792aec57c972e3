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
PROPOSAL_UNKNOWN = Message(
    "territory_proposal_unknown",
    "Không có phương án sắp xếp đã lưu số {id}.",
    "No saved proposal #{id}.",
)
PROPOSAL_NO_ALTERNATIVE = Message(
    "territory_proposal_no_alternative",
    "Không có phương án thứ {rank} để lưu (bài toán chỉ cho {n} phương án).",
    "There is no alternative {rank} to save (the solver gave {n}).",
)
PROPOSAL_EMPTY = Message(
    "territory_proposal_empty",
    "Phương án số {id} không có đơn vị nào phải nhập: không có gì để thông qua.",
    "Proposal #{id} merges no units: nothing to adopt.",
)
PROPOSAL_ADOPTED = Message(
    "territory_proposal_adopted",
    "Phương án số {id} đã được thông qua theo {basis} (hiệu lực {on}); không thông qua lại.",
    "Proposal #{id} was already adopted by {basis} (effective {on}); it cannot be adopted again.",
)
PROPOSAL_STALE_UNIT = Message(
    "territory_proposal_stale_unit",
    "Phương án số {id} đã cũ: đơn vị «{unit}» đã thay đổi (sắp xếp, đổi tên, chuyển) "
    "sau khi phương án được tính; hãy tính và lưu lại phương án.",
    "Proposal #{id} is stale: unit «{unit}» changed (reorganized, renamed, moved) after the "
    "proposal was computed; compute and save it again.",
)
PROPOSAL_STALE_DATA = Message(
    "territory_proposal_stale_data",
    "Phương án số {id} đã cũ: số liệu diện tích, dân số hoặc liền kề của địa bàn đã thay đổi "
    "sau khi phương án được tính; hãy tính và lưu lại phương án.",
    "Proposal #{id} is stale: the territory's area, population or adjacency data changed "
    "after the proposal was computed; compute and save it again.",
)
PROPOSAL_VERSION = Message(
    "territory_proposal_version",
    "Phương án số {id} vừa được người khác cập nhật (phiên bản {current}, bạn gửi {expected}); "
    "hãy tải lại trang.",
    "Proposal #{id} was just updated by someone else (version {current}, you sent {expected}); "
    "reload the page.",
)
EFFECTIVE_TOO_EARLY = Message(
    "territory_effective_too_early",
    "Ngày hiệu lực {effective} phải sau ngày số liệu của phương án ({as_of}).",
    "The effective date {effective} must be after the proposal's as-of date ({as_of}).",
)
ROUND_PERIOD = Message(
    "territory_round_period",
    "Lưu ý: ngày {on} nằm ngoài thời kỳ áp dụng của đợt «{round}» ({start} – {end}); "
    "kết quả chỉ để tham khảo.",
    "Note: {on} lies outside the period of round «{round}» ({start} – {end}); the result is "
    "for reference only.",
)
GEOJSON_INVALID = Message(
    "territory_geojson_invalid",
    "Tệp ranh giới không hợp lệ: cần một GeoJSON FeatureCollection ({reason}).",
    "Invalid boundary file: a GeoJSON FeatureCollection is required ({reason}).",
)
GEOJSON_NO_CODE = Message(
    "territory_geojson_no_code",
    "Đối tượng thứ {n} của tệp ranh giới không có thuộc tính mã đơn vị ({keys}).",
    "Feature {n} of the boundary file has no unit-code property ({keys}).",
)
GEOMETRY_TYPE = Message(
    "territory_geometry_type",
    "Đơn vị «{unit}»: ranh giới phải là Polygon hoặc MultiPolygon (nhận được {type}).",
    "Unit «{unit}»: the boundary must be a Polygon or MultiPolygon (got {type}).",
)
GEOMETRY_INVALID = Message(
    "territory_geometry_invalid",
    "Đơn vị «{unit}»: ranh giới không hợp lệ — {reason}.",
    "Unit «{unit}»: invalid boundary — {reason}.",
)
BOUNDARY_DUPLICATE = Message(
    "territory_boundary_duplicate",
    "Đơn vị «{unit}» có hai ranh giới trong tệp (đối tượng {first} và {second}).",
    "Unit «{unit}» has two boundaries in the file (features {first} and {second}).",
)
ADJACENCY_ROW = Message(
    "territory_adjacency_row",
    "Dòng {row}: cần đúng hai mã đơn vị (cột A và B), nhận được {n} ô.",
    "Row {row}: exactly two unit codes are required (columns A and B), got {n} cells.",
)
ADJACENCY_ROW_UNKNOWN = Message(
    "territory_adjacency_row_unknown",
    "Dòng {row}, cột {column}: không có đơn vị hành chính «{unit}».",
    "Row {row}, column {column}: no administrative unit «{unit}».",
)
ADJACENCY_ROW_SELF = Message(
    "territory_adjacency_row_self",
    "Dòng {row}: đơn vị «{unit}» không thể kề với chính nó.",
    "Row {row}: unit «{unit}» cannot border itself.",
)
ADJACENCY_ROW_ASYMMETRIC = Message(
    "territory_adjacency_row_asymmetric",
    "Dòng {row}: danh sách liền kề hai chiều nhưng thiếu chiều ngược lại «{other},{unit}».",
    "Row {row}: the list gives both directions but the reverse «{other},{unit}» is missing.",
)
AREA_NO_RECORD = Message(
    "territory_area_no_record",
    "Đơn vị «{unit}» chưa có số liệu vào ngày {on}: không thể ghi diện tích từ ranh giới.",
    "Unit «{unit}» has no record on {on}: the area from its boundary cannot be written.",
)
