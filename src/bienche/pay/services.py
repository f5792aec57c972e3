"""Pay writes: only the audit trail of who looked at whose pay (the figures are computed,
never stored)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record

EXPLAIN_VIEWED = "pay.explain_viewed"


def pay_explanation_viewed(
    *, acting_user: Any, person_pk: int, month: dt.date, scenario: str | None, face: str
) -> None:
    """Record that ``acting_user`` saw a person's payslip explanation (web, api or cli)."""
    with transaction.atomic():
        audit_record(
            actor=acting_user,
            action=EXPLAIN_VIEWED,
            entity_type="staffing.person",
            entity_id=person_pk,
            after={"month": f"{month:%Y-%m}", "scenario": scenario or "", "face": face},
        )
