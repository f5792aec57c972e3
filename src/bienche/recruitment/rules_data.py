"""Dated recruitment rules, each with its legal source (data, not logic).

Confidence follows ``facts/domain-facts.md``: ``C`` read in a source, ``C2`` secondary
sources only, ``M`` from memory (unverified, a placeholder to confirm with the client).
A change in the law adds a new dated entry; old entries are never edited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D138 = "Nghị định 138/2020/NĐ-CP (27/11/2020)"
D06 = "Nghị định 06/2023/NĐ-CP (21/02/2023, hiệu lực 10/04/2023)"
D115 = "Nghị định 115/2020/NĐ-CP (25/09/2020)"
D85 = "Nghị định 85/2023/NĐ-CP (07/12/2023)"
BNV2424 = "Công văn 2424/BNV-CCVC (09/05/2017)"

#: One rule set per exam kind, keyed by the date from which it applies.
RULES: dict[str, dict[dt.date, dict[str, Any]]] = {
    "civil_servant": {
        dt.date(2020, 11, 27): {
            "source": D138,
            "confidence": "C2",
            "round1_pass_percent": 50,
            "round2_scale": 100,
            "round2_pass": 50,
            "tie_breaks": ["round2", "head_decides"],
            "review_working_days": 5,  # [M] unverified: 5 working days after the posting
            "supplementary_months": 12,  # [M] unverified: window for tuyển dụng bổ sung
            "verification_required_from": None,
        },
        dt.date(2023, 4, 10): {
            "source": D06,
            "confidence": "C",
            "round1_pass_percent": 50,
            "round2_scale": 100,
            "round2_pass": 50,
            "tie_breaks": ["round2", "head_decides"],
            "review_working_days": 5,  # [M] unverified
            "supplementary_months": 12,  # [M] unverified
            # from 01/08/2024 only candidates who passed the entrance verification [C]
            "verification_required_from": dt.date(2024, 8, 1),
        },
    },
    "public_employee": {
        dt.date(2020, 9, 25): {
            "source": D115,
            "confidence": "C2",
            "round1_pass_percent": 50,
            "round2_scale": 100,
            "round2_pass": 50,
            "tie_breaks": ["round2", "head_decides"],
            "review_working_days": 5,  # [M] unverified
            "supplementary_months": 12,  # [M] unverified
            "verification_required_from": None,
        },
        dt.date(2023, 12, 7): {
            "source": D85,
            "confidence": "M",
            "round1_pass_percent": 50,
            "round2_scale": 100,
            "round2_pass": 50,
            "tie_breaks": ["round2", "head_decides"],
            "review_working_days": 5,  # [M] unverified
            "supplementary_months": 12,  # [M] unverified
            "verification_required_from": None,
        },
    },
    # Competitive selection of heads of divisions: đề án (written proposal) and its defence
    # before a panel. Hà Nội's own regulation was NOT FOUND: these values are placeholders.
    "leadership": {
        dt.date(2017, 5, 9): {
            "source": BNV2424,
            "confidence": "M",
            "round1_pass_percent": 50,
            "round2_scale": 100,
            "round2_pass": 50,
            "tie_breaks": ["round2", "head_decides"],
            "review_working_days": 5,
            "supplementary_months": 0,  # no second chance: a new selection is organized
            "verification_required_from": None,
            "min_candidates_per_post": 2,  # [C] BNV 2424
            # round 2 = the đề án and its defence, marked by each panel member; the round's
            # score is their average. unverified [M]: at least 3 members' marks.
            "panel_min_members": 3,
            "round2_pass_note": "≥ 50/100 điểm trung bình của hội đồng — unverified [M]",
            # the highest average wins the post; a tie → the head decides (recorded)
            "winner_rule": "highest_average_then_head",
        },
    },
}

#: Priority categories and their points on top of round 2; only the highest applies.
PRIORITY_POINTS: dict[str, dict[str, Any]] = {
    "": {"points": 0, "source": ""},
    "hero": {"points": 7.5, "source": f"{D138}, Điều 5", "confidence": "C2"},
    "ethnic_minority": {"points": 5, "source": f"{D138}, Điều 5", "confidence": "C2"},
    "officer_veteran": {"points": 5, "source": f"{D138}, Điều 5", "confidence": "C2"},
    "martyr_child": {"points": 5, "source": f"{D138}, Điều 5", "confidence": "C2"},
    "military_service": {"points": 2.5, "source": f"{D138}, Điều 5", "confidence": "C2"},
    "youth_volunteer": {"points": 2.5, "source": f"{D138}, Điều 5", "confidence": "C2"},
}

#: Education levels by rank, and the salary group needing each (Decree 204 groups).
EDUCATION_ORDER = ["intermediate", "college", "university", "master"]
EDUCATION_FOR_GROUP = {"A3": "university", "A2": "university", "A1": "university"}
EDUCATION_FOR_GROUP |= {"A0": "college", "B": "intermediate", "C": "intermediate"}
MIN_AGE = 18  # Luật Cán bộ, công chức 2008, Điều 36 [M]


def rules_for(kind: str, on: dt.date) -> dict[str, Any]:
    """The rule set of an exam kind in force on ``on`` (the latest that started by then)."""
    dated = RULES[kind]
    starts = sorted(d for d in dated if d <= on) or [min(dated)]
    return dated[starts[-1]] | {"valid_from": starts[-1], "kind": kind}
