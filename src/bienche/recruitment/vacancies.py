"""Vacant seats of a unit's job positions within its quota (reads staffing's selectors)."""

from __future__ import annotations

import datetime as dt

from bienche.staffing.enums import QuotaKind
from bienche.staffing.selectors import position_fill, staffing_summary

QUOTA_OF_EXAM = {
    "civil_servant": QuotaKind.CIVIL_SERVANT,
    "public_employee": QuotaKind.PUBLIC_EMPLOYEE_BUDGET,
}


def vacant_positions(unit_id: int, on: dt.date) -> dict[str, int]:
    """Vacant seats per open job position code of the unit on ``on``."""
    return {
        p["code"]: p["vacant"]
        for p in position_fill({unit_id}, on)["positions"]
        if p["status"] == "open"
    }


def quota_gap(unit_id: int, exam_kind: str, on: dt.date) -> int | None:
    """Seats left in the unit's own quota of the kind the exam fills; ``None`` when the unit
    holds no such quota (a leadership post is a seat of an existing quota)."""
    kind = QUOTA_OF_EXAM.get(exam_kind)
    if kind is None:
        return None
    rows = {r["kind"]: r for r in staffing_summary(unit_id, on, subtree=False)["by_kind"]}
    if kind in rows and rows[kind]["quota"]:
        return max(rows[kind]["gap"], 0)
    return None


def plan_vacancies(unit_id: int, exam_kind: str, on: dt.date) -> dict[str, object]:
    """What a plan may ask for: the open positions with vacant seats, and the quota gap."""
    fill = position_fill({unit_id}, on)["positions"]
    rows = [p for p in fill if p["status"] == "open" and p["vacant"] > 0]
    return {"positions": rows, "quota_gap": quota_gap(unit_id, exam_kind, on)}
