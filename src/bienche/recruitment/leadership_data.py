"""Standards of the leadership posts filled by competitive selection (thi tuyển chức danh
lãnh đạo), as data with their source and confidence (``C`` read in a source, ``M``
unverified placeholder to confirm with the client).

Công văn 2424/BNV-CCVC (09/05/2017) [C]: the selection is only for a **first appointment**,
needs **at least 2 candidates per post**, and is not used for elected posts. Hà Nội's own
regulation on the competitive selection of leaders was NOT FOUND: every value marked
``unverified`` below is a placeholder [M].
"""

from __future__ import annotations

from typing import Any

from bienche.recruitment.rules_data import BNV2424

HN_REGULATION = "Quy định thi tuyển lãnh đạo của UBND TP Hà Nội — chưa xác minh (unverified)"

#: Political theory levels and state-management training, lowest first.
POLITICAL_ORDER = ["", "so_cap", "trung_cap", "cao_cap"]
STATE_MGMT_ORDER = ["", "chuyen_vien", "chuyen_vien_chinh", "chuyen_vien_cao_cap"]
#: Leadership posts at a department (Sở), lowest first: a candidate holding the post or a
#: higher one is not at a first appointment.
POST_ORDER = ["", "pho_truong_phong", "truong_phong"]

#: Job-position codes of a unit → post type (position codes of the staffing catalogue).
POST_OF_POSITION = {"TP": "truong_phong", "LD.TP": "truong_phong"}
POST_OF_POSITION |= {"PTP": "pho_truong_phong", "PP": "pho_truong_phong"}
POST_OF_POSITION |= {"LD.PTP": "pho_truong_phong"}

#: One entry per post type (Sở level).
POST_STANDARDS: dict[str, dict[str, Any]] = {
    "truong_phong": {
        "title": "Trưởng phòng thuộc Sở",
        "allowance_post": "SO_TRUONG_PHONG",  # params/leadership_allowance.yaml
        "source": f"{BNV2424}; {HN_REGULATION}",
        "confidence": "M",  # unverified: Hà Nội's regulation not in the facts
        "min_group": "A1",  # ngạch Chuyên viên (A1) trở lên — unverified [M]
        "min_years_in_field": 5,  # unverified [M]
        "education": "university",  # unverified [M]
        "political_theory": "trung_cap",  # unverified [M]
        "state_management": "chuyen_vien",  # unverified [M]
        "term_years": 5,  # unverified [M]: term of a leadership appointment
        "first_appointment_only": True,  # [C] BNV 2424
        "external_allowed": True,  # unverified [M]
    },
    "pho_truong_phong": {
        "title": "Phó Trưởng phòng thuộc Sở",
        "allowance_post": "SO_PHO_TRUONG_PHONG",  # params/leadership_allowance.yaml
        "source": f"{BNV2424}; {HN_REGULATION}",
        "confidence": "M",
        "min_group": "A1",  # unverified [M]
        "min_years_in_field": 3,  # unverified [M]
        "education": "university",  # unverified [M]
        "political_theory": "trung_cap",  # unverified [M]
        "state_management": "chuyen_vien",  # unverified [M]
        "term_years": 5,  # unverified [M]
        "first_appointment_only": True,  # [C] BNV 2424
        "external_allowed": True,  # unverified [M]
    },
}

DEFAULT_TERM_YEARS = 5  # unverified [M]


def post_type_of(position_code: str) -> str | None:
    return POST_OF_POSITION.get(position_code)
