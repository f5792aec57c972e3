"""Who may see and change an exam: the recruiting unit's subtree scope (read or write).

``access_exam_by_code`` returns the exam or raises the same ``NotFound`` whether it does not
exist or lies outside the user's scope, so nothing leaks (style habit 6).
"""

from __future__ import annotations

from typing import Any

from bienche.core.errors import NotFound
from bienche.org.permissions import user_scope
from bienche.recruitment import messages as m
from bienche.recruitment.models import Exam


def access_exam_by_code(user: Any, code: str, *, for_write: bool = False) -> Exam:
    exam = Exam.objects.select_related("unit").filter(code=code).first()
    if exam is None or not user_scope(user, for_write=for_write).contains(exam.unit_id):
        raise NotFound(m.EXAM_UNKNOWN, field="exam", code=code)
    return exam


def exams_visible(user: Any) -> frozenset[int] | None:
    """Unit ids whose exams the user may read (``None``: every unit)."""
    scope = user_scope(user)
    return None if scope.everything else scope.unit_ids


def can_write_exam(user: Any, exam: Exam) -> bool:
    return user_scope(user, for_write=True).contains(exam.unit_id)
