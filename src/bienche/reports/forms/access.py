"""Who gets which forms: any signed-in user, for the units they may read.

City-wide users get the whole city by default (or any unit they name); the others get
their own unit's subtree by default, and a unit outside their scope is "not found" (the
same answer as an unknown unit, so nothing leaks).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.core.errors import NotFound
from bienche.org import messages as om
from bienche.org.models import Membership
from bienche.org.permissions import access_unit_by_code, user_scope


def forms_unit_code(user: Any, unit_code: str | None, *, on: dt.date) -> str | None:
    """The unit whose subtree the forms cover (None: the whole city)."""
    if unit_code:
        return access_unit_by_code(user, unit_code, on=on).code
    if user_scope(user, on=on).everything:
        return None
    own = (
        Membership.objects.filter(user=user, unit__isnull=False)
        .order_by("pk")
        .values_list("unit__code", flat=True)
        .first()
    )
    if own is None:
        raise NotFound(om.UNIT_UNKNOWN, field="unit", code="-")
    return access_unit_by_code(user, own, on=on).code
