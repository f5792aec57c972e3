"""Recording a review of a transfer: keep (with the next review date), amend (noted; the
amended terms are a new transfer), revoke (ends it by the review's document),
institutionalize (a People's Council resolution now carries it). A review may open a
steering task, created through the steering services, for the unit that must act."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.delegation import messages as m
from bienche.delegation.enums import DocumentKind, Outcome
from bienche.delegation.models import Review, Transfer
from bienche.delegation.services.documents import DocumentSpec, legal_document_ensure
from bienche.delegation.services.transfers import (
    _locked,
    guard_writer,
    snapshot,
    transfer_revoke,
)
from bienche.org.models import Unit


@dataclass(frozen=True)
class TaskRequest:
    """A steering task to open from the review: what, by whom, by when."""

    content: str
    deadline: dt.date
    lead_unit_code: str = ""  # default: the receiving unit, or the authority for a class
    responsible_post: str = "Chủ tịch UBND"


def _check(outcome: str, document: DocumentSpec | None) -> None:
    if outcome not in Outcome.values:
        raise InvalidInput(
            m.FIELD_INVALID, field="outcome", value=outcome, what="kết quả", what_en="outcome"
        )
    if outcome == Outcome.REVOKE and document is None:
        raise InvalidInput(
            m.FIELD_REQUIRED,
            field="document_number",
            what="văn bản thu hồi",
            what_en="The revoking document",
        )
    if outcome == Outcome.INSTITUTIONALIZE and (
        document is None or document.kind != DocumentKind.COUNCIL_RESOLUTION
    ):
        raise InvalidInput(m.INSTITUTIONALIZE_NEEDS_RESOLUTION, field="document_kind")


def _task(review: Review, transfer: Transfer, req: TaskRequest, acting_user: Any) -> Any:
    from bienche.steering.services.documents import document_create
    from bienche.steering.services.tasks import TaskSpec, task_create

    lead = (
        req.lead_unit_code or Unit.objects.get(pk=transfer.to_unit_id or transfer.from_unit_id).code
    )
    doc = document_create(
        kind="notice",
        number=f"{review.pk}/TB-RSPCUQ",
        issuer="Sổ phân cấp, ủy quyền (rà soát)",
        issued_on=review.reviewed_on,
        summary=f"Kết quả rà soát phân cấp, ủy quyền «{transfer.power.name}»: "
        f"{Outcome(review.outcome).label}. {review.note}".strip(),
        acting_user=None,
    )
    spec = TaskSpec(
        content=req.content,
        lead_unit_code=lead,
        responsible_post=req.responsible_post,
        deadline=req.deadline,
    )
    return task_create(document=doc, spec=spec, acting_user=acting_user)


def review_record(
    *,
    transfer: Transfer,
    reviewed_on: dt.date,
    outcome: str,
    expected_version: int,
    acting_user: Any,
    note: str = "",
    document: DocumentSpec | None = None,
    next_review_on: dt.date | None = None,
    task: TaskRequest | None = None,
) -> Review:
    """Record the review; its effect on the transfer, and the steering task, in the same
    transaction (a refused task refuses the review)."""
    _check(outcome, document)
    guard_writer(acting_user, {transfer.from_unit_id})
    with transaction.atomic():
        if outcome == Outcome.REVOKE:
            current = transfer_revoke(
                transfer=transfer,
                on=reviewed_on,
                document=document,
                expected_version=expected_version,
                acting_user=acting_user,
                reason=note,
            )
        else:
            current = _locked(transfer, expected_version)
        doc = legal_document_ensure(spec=document, acting_user=acting_user) if document else None
        before = snapshot(current)
        if outcome == Outcome.INSTITUTIONALIZE:
            current.institutionalized_by = doc
        if outcome != Outcome.REVOKE:
            current.review_on = next_review_on
            current.version += 1
            current.save(update_fields=["institutionalized_by", "review_on", "version"])
        user = acting_user if getattr(acting_user, "is_authenticated", False) else None
        review = Review.objects.create(
            transfer=current,
            reviewed_on=reviewed_on,
            outcome=outcome,
            note=note.strip(),
            document=doc,
            next_review_on=next_review_on,
            created_by=user,
        )
        if task is not None:
            review.steering_task = _task(review, current, task, acting_user)
            review.save(update_fields=["steering_task"])
        audit_record(
            actor=acting_user,
            action="delegation.review_record",
            entity_type="delegation.transfer",
            entity_id=current.pk,
            before=before,
            after={**snapshot(current), "outcome": outcome, "review_id": review.pk},
            reason=note,
        )
    return review
