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
LEADER_NO_STANDARD = Message(
    "recruit_leader_no_standard",
    "Vị trí «{position}» không phải chức danh lãnh đạo có tiêu chuẩn thi tuyển.",
    "Position «{position}» is not a leadership post with selection standards.",
)
LEADER_PRIORITY = Message(
    "recruit_leader_priority",
    "Trường đối tượng ưu tiên: thi tuyển lãnh đạo không cộng điểm ưu tiên.",
    "Field priority: a leader selection gives no priority points.",
)
LEADER_RANK = Message(
    "recruit_leader_rank",
    "Tiêu chuẩn ngạch: chức danh «{post}» yêu cầu ngạch nhóm {need} trở lên "
    "(Chuyên viên trở lên), ứng viên có ngạch «{has}».",
    "Rank standard: post «{post}» requires a rank of group {need} or higher; the candidate "
    "has «{has}».",
)
LEADER_YEARS = Message(
    "recruit_leader_years",
    "Tiêu chuẩn thâm niên: chức danh «{post}» yêu cầu ít nhất {need} năm công tác trong "
    "ngành, lĩnh vực; ứng viên có {has} năm.",
    "Experience standard: post «{post}» requires at least {need} years in the field; "
    "the candidate has {has}.",
)
LEADER_POLITICAL = Message(
    "recruit_leader_political",
    "Tiêu chuẩn lý luận chính trị: chức danh «{post}» yêu cầu trình độ {need} trở lên, "
    "ứng viên có «{has}».",
    "Political theory standard: post «{post}» requires {need} or higher; the candidate has "
    "«{has}».",
)
LEADER_STATE_MGMT = Message(
    "recruit_leader_state_mgmt",
    "Tiêu chuẩn quản lý nhà nước: chức danh «{post}» yêu cầu chương trình {need} trở lên, "
    "ứng viên có «{has}».",
    "State-management standard: post «{post}» requires the {need} programme or higher; "
    "the candidate has «{has}».",
)
LEADER_AGE = Message(
    "recruit_leader_age",
    "Tiêu chuẩn tuổi bổ nhiệm lần đầu: chức danh «{post}» phải còn đủ ít nhất một nhiệm kỳ "
    "{years} năm tính từ {on}; ứng viên nghỉ hưu từ {retire}.",
    "Age standard: post «{post}» needs at least one full {years}-year term from {on}; the "
    "candidate retires on {retire}.",
)
LEADER_ALREADY_HOLDS = Message(
    "recruit_leader_already_holds",
    "Tiêu chuẩn bổ nhiệm lần đầu: ứng viên đang giữ chức vụ «{has}», bằng hoặc cao hơn "
    "«{post}»; thi tuyển chỉ áp dụng khi bổ nhiệm lần đầu (Công văn 2424/BNV-CCVC).",
    "First-appointment standard: the candidate already holds «{has}», the same as or higher "
    "than «{post}».",
)
LEADER_NOT_ON_ROSTER = Message(
    "recruit_leader_not_on_roster",
    "Trường nguồn ứng viên: ứng viên trong đơn vị phải có tên trong danh sách biên chế của "
    "«{unit}» vào ngày thi.",
    "Field internal: an internal candidate must be on the roster of «{unit}» on the exam date.",
)
LEADER_EXTERNAL = Message(
    "recruit_leader_external",
    "Trường nguồn ứng viên: chức danh «{post}» không nhận ứng viên ngoài đơn vị.",
    "Field internal: post «{post}» takes no external candidates.",
)
PANEL_TOO_FEW = Message(
    "recruit_panel_too_few",
    "Thí sinh số báo danh {number}: điểm đề án (vòng 2) cần điểm của ít nhất {need} thành "
    "viên hội đồng, hiện có {has}.",
    "Candidate {number}: the proposal's round 2 needs marks from at least {need} panel "
    "members; it has {has}.",
)
PANEL_EXAMINER_REQUIRED = Message(
    "recruit_panel_examiner_required",
    "Trường giám khảo: điểm đề án (vòng 2) phải ghi tên thành viên hội đồng chấm.",
    "Field examiner: a proposal's round-2 mark must name the panel member.",
)
APPOINT_NOT_LEADERSHIP = Message(
    "recruit_appoint_not_leadership",
    "Kỳ thi «{code}» không phải thi tuyển lãnh đạo: dùng quyết định tuyển dụng.",
    "Exam «{code}» is not a leader selection: use the recruitment decision.",
)
APPOINT_DATES = Message(
    "recruit_appoint_dates",
    "Trường ngày hiệu lực: ngày hiệu lực ({effective}) không được trước ngày quyết định "
    "({decided}).",
    "Field effective date: the effective date ({effective}) is before the decision date "
    "({decided}).",
)
APPOINT_TERM = Message(
    "recruit_appoint_term",
    "Trường thời hạn bổ nhiệm: {years} năm không hợp lệ (1–5 năm).",
    "Field term: {years} years is not a valid term (1–5 years).",
)
APPOINT_NUMBER_REQUIRED = Message(
    "recruit_appoint_number_required",
    "Trường số quyết định: cần ghi số quyết định bổ nhiệm.",
    "Field decision number: the appointment decision's number is required.",
)
