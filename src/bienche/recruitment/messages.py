"""Error messages of the recruitment app (codes are stable; tests import them)."""

from bienche.core.errors import Message

EXAM_UNKNOWN = Message("recruit_exam_unknown", "Không có kỳ thi «{code}».", "No exam «{code}».")
EXAM_EXISTS = Message(
    "recruit_exam_exists", "Đã có kỳ thi mã «{code}».", "Exam code «{code}» already exists."
)
CANDIDATE_UNKNOWN = Message(
    "recruit_candidate_unknown",
    "Không có thí sinh số báo danh {number} trong kỳ thi.",
    "No candidate number {number} in the exam.",
)
TARGET_UNKNOWN = Message(
    "recruit_target_unknown",
    "Kỳ thi không tuyển vị trí «{position}».",
    "The exam does not recruit for position «{position}».",
)
PLAN_OVER_QUOTA = Message(
    "recruit_plan_over_quota",
    "Dòng {row}: vị trí «{position}» chỉ còn {vacant} chỗ trống trong biên chế, "
    "kế hoạch xin tuyển {seats}.",
    "Row {row}: position «{position}» has {vacant} vacant seats within quota; "
    "the plan asks for {seats}.",
)
PLAN_EMPTY = Message(
    "recruit_plan_empty", "Kế hoạch phải có ít nhất một vị trí.", "The plan needs a position."
)
PLAN_STATE = Message(
    "recruit_plan_state",
    "Kỳ thi đang ở trạng thái «{status}», không thể {action}.",
    "The exam is «{status}»: cannot {action_en}.",
)
CANDIDATE_DUPLICATE = Message(
    "recruit_candidate_duplicate",
    "Trường số định danh: thí sinh {pid} đã đăng ký kỳ thi này (số báo danh {number}).",
    "Field personal_id: candidate {pid} already registered for this exam (number {number}).",
)
INELIGIBLE_AGE = Message(
    "recruit_ineligible_age",
    "Trường ngày sinh: thí sinh chưa đủ {age} tuổi vào ngày thi.",
    "Field birth_date: the candidate is under {age} on the exam date.",
)
INELIGIBLE_EDUCATION = Message(
    "recruit_ineligible_education",
    "Trường trình độ: vị trí «{position}» yêu cầu trình độ {need}, thí sinh có {has}.",
    "Field education: position «{position}» requires {need}; the candidate has {has}.",
)
INELIGIBLE_VERIFICATION = Message(
    "recruit_ineligible_verification",
    "Trường kiểm định: từ {since} chỉ tuyển người đã đạt kiểm định chất lượng đầu vào "
    "công chức (Nghị định 06/2023/NĐ-CP).",
    "Field verified_on: from {since} only candidates who passed the entrance quality "
    "verification may be recruited (Decree 06/2023).",
)
PRIORITY_UNKNOWN = Message(
    "recruit_priority_unknown",
    "Trường đối tượng ưu tiên: «{value}» không hợp lệ.",
    "Field priority: «{value}» is not a priority category.",
)
CANDIDATE_NOT_ACTIVE = Message(
    "recruit_candidate_not_active",
    "Thí sinh số báo danh {number} đã {status}.",
    "Candidate {number} is {status}.",
)
SCORE_SCALE = Message(
    "recruit_score_scale",
    "Trường điểm vòng {round}: {value} nằm ngoài thang điểm 0–{scale}.",
    "Field round {round} score: {value} is outside the scale 0–{scale}.",
)
ROUND_NOT_SAT = Message(
    "recruit_round_not_sat",
    "Trường điểm vòng 2: thí sinh số báo danh {number} không được thi vòng 2 (chưa đạt vòng 1).",
    "Field round 2 score: candidate {number} did not sit round 2 (round 1 not passed).",
)
SCORE_EXISTS = Message(
    "recruit_score_exists",
    "Thí sinh số báo danh {number} đã có điểm vòng {round}; sửa điểm qua phúc khảo.",
    "Candidate {number} already has a round {round} score; change it through a review.",
)
SCORE_MISSING = Message(
    "recruit_score_missing",
    "Thí sinh số báo danh {number} chưa có điểm vòng {round} để phúc khảo.",
    "Candidate {number} has no round {round} score to review.",
)
REVIEW_LATE = Message(
    "recruit_review_late",
    "Trường ngày phúc khảo: hạn phúc khảo là {deadline}, đơn nộp ngày {on}.",
    "Field review date: the review deadline was {deadline}; the request is dated {on}.",
)
REVIEW_BEFORE_RESULTS = Message(
    "recruit_review_before_results",
    "Chưa niêm yết kết quả nên chưa nhận phúc khảo.",
    "Results are not posted yet: no review can be taken.",
)
REASON_REQUIRED = Message(
    "recruit_reason_required", "Cần ghi lý do thay đổi điểm.", "A reason is required."
)
TIE_NOT_PENDING = Message(
    "recruit_tie_not_pending",
    "Thí sinh số báo danh {number} không nằm trong nhóm bằng điểm chờ quyết định.",
    "Candidate {number} is not in a tie awaiting the head's decision.",
)
NOT_WINNER = Message(
    "recruit_not_winner",
    "Thí sinh số báo danh {number} không trúng tuyển nên không thể {action}.",
    "Candidate {number} is not successful: cannot {action_en}.",
)
NOT_ALLOWED = Message(
    "recruit_not_allowed",
    "Bạn không có quyền {action} của kỳ thi này.",
    "You may not {action_en} of this exam.",
)
TOO_FEW_CANDIDATES = Message(
    "recruit_too_few_candidates",
    "Vị trí «{position}»: thi tuyển lãnh đạo cần ít nhất {need} ứng viên, hiện có {has}.",
    "Position «{position}»: a leader selection needs at least {need} candidates; it has {has}.",
)
EXAM_STALE = Message(
    "recruit_exam_stale",
    "Kỳ thi vừa được người khác cập nhật (phiên bản {current}); hãy tải lại trang và làm lại.",
    "The exam was changed meanwhile (version {current}); reload the page and try again.",
)
FILE_REQUIRED = Message(
    "recruit_file_required",
    "Trường tệp: cần gửi một tệp XLSX.",
    "Field file: an XLSX file is required.",
)
ROUND_UNKNOWN = Message(
    "recruit_round_unknown",
    "Trường vòng thi: {round} không hợp lệ (1 hoặc 2).",
    "Field round: {round} is not a round (1 or 2).",
)
PLAN_RANK_UNKNOWN = Message(
    "recruit_plan_rank_unknown",
    "Dòng {row}: mã ngạch «{code}» không có trong danh mục ngạch.",
    "Row {row}: rank code «{code}» is not in the rank catalogue.",
)
