"""Checks shared by the roster services and the XLSX import: one place for each rule."""

from __future__ import annotations

import re

from bienche.core.errors import BiencheError, InvalidInput
from bienche.staffing import messages as m
from bienche.staffing.enums import StaffCategory
from bienche.staffing.ranks import group_at_least, rank_catalogue

PERSONAL_ID_RE = re.compile(r"^\d{12}$")
#: Officials and commune officials are paid on civil-servant ranks.
RANK_CATEGORY_OK: dict[str, frozenset[str]] = {
    StaffCategory.OFFICIAL.value: frozenset({"civil_servant"}),
    StaffCategory.CIVIL_SERVANT.value: frozenset({"civil_servant"}),
    StaffCategory.COMMUNE_OFFICIAL.value: frozenset({"civil_servant"}),
    StaffCategory.PUBLIC_EMPLOYEE.value: frozenset({"public_employee"}),
    StaffCategory.CONTRACT.value: frozenset({"contract", "civil_servant", "public_employee"}),
}


def check_personal_id(value: str) -> str:
    value = (value or "").strip()
    if not PERSONAL_ID_RE.match(value):
        raise InvalidInput(m.PERSONAL_ID_INVALID, field="personal_id", value=value)
    return value


def check_rank_step(
    *, rank_code: str, step: int, staff_category: str, min_group: str = "", position: str = ""
) -> str:
    """Validate rank, step and position fit; return the salary group."""
    cat = rank_catalogue()
    rank = cat.get(rank_code)
    if rank is None:
        raise InvalidInput(m.RANK_UNKNOWN, field="rank_code", code=rank_code)
    if staff_category not in StaffCategory.values:
        raise InvalidInput(
            m.CATEGORY_MISMATCH,
            field="staff_category",
            rank=rank_code,
            expected=rank.category,
            given=staff_category,
        )
    if rank.category not in RANK_CATEGORY_OK.get(staff_category, ()):
        raise InvalidInput(
            m.CATEGORY_MISMATCH,
            field="staff_category",
            rank=rank_code,
            expected=rank.category,
            given=staff_category,
        )
    top = cat.max_step(rank.group)
    if not 1 <= int(step) <= top:
        raise InvalidInput(m.STEP_OUT_OF_TABLE, field="step", step=step, group=rank.group, max=top)
    if min_group and not group_at_least(rank.group, min_group):
        raise InvalidInput(
            m.RANK_BELOW_POSITION,
            field="rank_code",
            rank=rank_code,
            group=rank.group,
            minimum=min_group,
            position=position,
        )
    return rank.group


def errors_of(fn, *args, **kwargs) -> list[BiencheError]:  # type: ignore[no-untyped-def]
    try:
        fn(*args, **kwargs)
    except BiencheError as exc:
        return [exc]
    return []
