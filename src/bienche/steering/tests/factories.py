"""Factories for steering tests: documents and tasks through the real services."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from bienche.steering.enums import DeadlineKind
from bienche.steering.models import SourceDocument, Task
from bienche.steering.services.documents import document_create
from bienche.steering.services.tasks import TaskSpec, task_create

DOC_DATE = dt.date(2024, 3, 1)


def document(
    number: str = "01/TB-UBND", issued_on: dt.date = DOC_DATE, **kw: Any
) -> SourceDocument:
    return document_create(
        kind=kw.pop("kind", "notice"),
        number=number,
        issuer=kw.pop("issuer", "UBND Thành phố"),
        issued_on=issued_on,
        summary=kw.pop("summary", "Kết luận của Ban Chỉ đạo"),
        acting_user=kw.pop("acting_user", None),
        **kw,
    )


def spec(lead: str = "D1", **kw: Any) -> TaskSpec:
    kw.setdefault("content", f"Nhiệm vụ của {lead}")
    kw.setdefault("responsible_post", "Chủ tịch UBND")
    if "deadline" in kw and "deadline_kind" not in kw:
        kw["deadline_kind"] = DeadlineKind.DATE
    if "deadline_days" in kw and "deadline_kind" not in kw:
        kw["deadline_kind"] = DeadlineKind.WORKING_DAYS
    kw.setdefault("deadline_kind", DeadlineKind.DATE)
    if kw["deadline_kind"] == DeadlineKind.DATE:
        kw.setdefault("deadline", dt.date(2024, 4, 30))
    return TaskSpec(lead_unit_code=lead, **kw)


_numbers = itertools.count(1)


def task(doc: SourceDocument | None = None, lead: str = "D1", **kw: Any) -> Task:
    """A task; without ``doc``, in a new document of its own (numbered 1/TB-TEST, 2/…)."""
    doc = doc or document(number=f"{next(_numbers)}/TB-TEST")
    return task_create(document=doc, spec=spec(lead, **kw), acting_user=None)
