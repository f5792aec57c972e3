"""The legal documents transfers cite (People's Council resolutions, decisions, laws)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.delegation import messages as m
from bienche.delegation.enums import DocumentKind
from bienche.delegation.models import LegalDocument


@dataclass(frozen=True)
class DocumentSpec:
    number: str
    issued_on: dt.date
    kind: str = DocumentKind.COMMITTEE_DECISION
    issuer: str = "UBND Thành phố Hà Nội"
    summary: str = ""
    synthetic: bool = False


def document_check(spec: DocumentSpec) -> None:
    if not spec.number.strip():
        raise InvalidInput(
            m.FIELD_REQUIRED, field="document_number", what="số văn bản", what_en="Number"
        )
    if len(spec.number.strip()) > 64:
        raise InvalidInput(
            m.FIELD_INVALID,
            field="document_number",
            value=spec.number[:20],
            what="số văn bản",
            what_en="document number",
        )
    if spec.kind not in DocumentKind.values:
        raise InvalidInput(
            m.FIELD_INVALID,
            field="document_kind",
            value=spec.kind,
            what="loại văn bản",
            what_en="document kind",
        )
    if not spec.issuer.strip():
        raise InvalidInput(
            m.FIELD_REQUIRED, field="document_issuer", what="cơ quan ban hành", what_en="Issuer"
        )


def legal_document_ensure(*, spec: DocumentSpec, acting_user: Any) -> LegalDocument:
    """The document with that number and date, created if missing (idempotent). A document
    already recorded with another kind is refused: two acts cannot share a number and day."""
    document_check(spec)
    with transaction.atomic():
        doc = LegalDocument.objects.filter(
            number=spec.number.strip(), issued_on=spec.issued_on
        ).first()
        if doc is not None:
            if doc.kind != spec.kind:
                raise InvalidInput(
                    m.DOCUMENT_CONFLICT,
                    field="document_kind",
                    number=doc.number,
                    on=doc.issued_on.isoformat(),
                )
            return doc
        doc = LegalDocument.objects.create(
            number=spec.number.strip(),
            issued_on=spec.issued_on,
            kind=spec.kind,
            issuer=spec.issuer.strip(),
            summary=spec.summary.strip(),
            synthetic=spec.synthetic,
        )
        audit_record(
            actor=acting_user,
            action="delegation.document_create",
            entity_type="delegation.document",
            entity_id=doc.pk,
            after={"number": doc.number, "issued_on": doc.issued_on, "kind": doc.kind},
        )
    return doc


def legal_document_replace(
    *, document: LegalDocument, replaced_by: LegalDocument, acting_user: Any
) -> LegalDocument:
    """Record that a later act replaced ``document``: the transfers it still carries are
    listed in the review register as resting on a replaced basis."""
    with transaction.atomic():
        before = {"replaced_by": document.replaced_by_id}
        document.replaced_by = replaced_by
        document.save(update_fields=["replaced_by"])
        audit_record(
            actor=acting_user,
            action="delegation.document_replace",
            entity_type="delegation.document",
            entity_id=document.pk,
            before=before,
            after={"replaced_by": replaced_by.pk},
        )
    return document
