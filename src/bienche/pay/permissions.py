"""Who may see which pay figures.

* Pay figures by unit (totals, roll-ups, comparisons): signed-in users, for units in their
  read scope — the caller checks the unit with ``access_unit_by_code``.
* One person's payslip explanation is personal data: only users whose personal-data scope
  (``bienche.staffing.permissions.personal_data_scope``) contains the unit paying the person
  that month. Outside it, the answer is the same not-found as for a person who does not exist
  (style habit 6: nothing leaks).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bienche.core.errors import NotFound
from bienche.org.models import Membership
from bienche.org.permissions import user_scope
from bienche.pay import messages as m
from bienche.pay.selectors import person_pay_row
from bienche.staffing.permissions import personal_data_scope

CITY_CODE = "HN"


def access_person_pay_by_id(user: Any, person_pk: int, month: dt.date) -> dict[str, Any]:
    """The person's roster row for ``month`` if ``user`` may see their pay, else NotFound."""
    row = person_pay_row(person_pk, month)
    if row is None or not personal_data_scope(user).contains(int(row["unit_id"])):
        raise NotFound(m.PERSON_UNKNOWN, field="person", pk=person_pk, month=f"{month:%Y-%m}")
    return row


def default_unit_code(user: Any) -> str:
    """The city for city-wide users; otherwise the unit of the user's first role."""
    if user_scope(user).everything:
        return CITY_CODE
    code = (
        Membership.objects.filter(user=user, unit__isnull=False)
        .order_by("id")
        .values_list("unit__code", flat=True)
        .first()
    )
    return code or CITY_CODE
