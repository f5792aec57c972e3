"""Eligibility of a candidate for a target: age, education, entrance verification."""

from __future__ import annotations

import datetime as dt

from bienche.core.errors import InvalidInput
from bienche.recruitment import messages as m
from bienche.recruitment.enums import Education
from bienche.recruitment.rules_data import EDUCATION_ORDER, MIN_AGE, PRIORITY_POINTS, rules_for


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def check_eligible(
    *,
    kind: str,
    exam_date: dt.date,
    position: str,
    need: str,
    birth_date: dt.date,
    education: str,
    priority: str,
    verified_on: dt.date | None,
) -> None:
    """Raise ``InvalidInput`` naming the field for the first condition not met."""
    if age_on(birth_date, exam_date) < MIN_AGE:
        raise InvalidInput(m.INELIGIBLE_AGE, field="birth_date", age=MIN_AGE)
    if education not in EDUCATION_ORDER or EDUCATION_ORDER.index(education) < EDUCATION_ORDER.index(
        need
    ):
        labels = dict(Education.choices)
        raise InvalidInput(
            m.INELIGIBLE_EDUCATION,
            field="education",
            position=position,
            need=str(labels.get(need, need)),
            has=str(labels.get(education, education)),
        )
    if priority not in PRIORITY_POINTS:
        raise InvalidInput(m.PRIORITY_UNKNOWN, field="priority", value=priority)
    since = rules_for(kind, exam_date)["verification_required_from"]
    if since and exam_date >= since and (verified_on is None or verified_on > exam_date):
        raise InvalidInput(
            m.INELIGIBLE_VERIFICATION, field="verified_on", since=since.strftime("%d/%m/%Y")
        )
