"""Writing source documents (conclusions, notices, directives…) and programmes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.errors import Forbidden, InvalidInput, NotFound
from bienche.org.messages import UNIT_NOT_ACTIVE, UNIT_UNKNOWN
from bienche.org.models import Unit
from bienche.org.permissions import user_scope
from bienche.org.selectors import unit_node_on
from bienche.steering import messages as m
from bienche.steering.enums import DocumentKind
from bienche.steering.files import check_upload
from bienche.steering.models import Programme, SourceDocument

REQUIRED = {
    "number": ("số, ký hiệu", "a number and symbol"),
    "issuer": ("cơ quan ban hành", "an issuer"),
    "summary": ("trích yếu", "a summary"),
}


def _snapshot(doc: SourceDocument) -> dict[str, Any]:
    return {
        "kind": doc.kind,
        "number": doc.number,
        "issuer": doc.issuer,
        "issuer_unit": doc.issuer_unit.code if doc.issuer_unit else None,
        "issued_on": doc.issued_on,
        "summary": doc.summary,
        "attachment": doc.attachment.name if doc.attachment else "",
    }


def _check_writer(acting_user: Any, issuer_unit_code: str | None) -> None:
    """A real user needs a write role; below city level, the document names its unit."""
    if not getattr(acting_user, "is_authenticated", False):
        return
    write = user_scope(acting_user, for_write=True)
    if not write.everything and not write.unit_ids:
        raise Forbidden(m.NOT_ALLOWED, action="ghi văn bản giao", action_en="record documents for")
    if not write.everything and not issuer_unit_code:
        raise InvalidInput(
            m.DOC_FIELD_REQUIRED,
            field="issuer_unit_code",
            what="đơn vị ban hành",
            what_en="an issuing unit",
        )


def _issuer_unit(acting_user: Any, code: str | None, issued_on: dt.date) -> Unit | None:
    if not code:
        return None
    unit = _unit_active(code, issued_on, "issuer_unit_code")
    if acting_user is not None and not user_scope(acting_user, for_write=True).contains(unit.pk):
        raise NotFound(UNIT_UNKNOWN, field="issuer_unit_code", code=code)
    return unit


def document_create(
    *,
    kind: str,
    number: str,
    issuer: str,
    issued_on: dt.date,
    summary: str,
    issuer_unit_code: str | None = None,
    attachment: UploadedFile | None = None,
    synthetic: bool = False,
    acting_user: Any,
) -> SourceDocument:
    """Record a document that assigns tasks. Refuses an unknown kind, a missing number,
    issuer or summary, a future date, a duplicate (same number and date), and an issuing
    unit that did not exist on the document date or lies outside the user's write scope."""
    values = {"number": number.strip(), "issuer": issuer.strip(), "summary": summary.strip()}
    if kind not in DocumentKind.values:
        raise InvalidInput(m.DOC_KIND_INVALID, field="kind", kind=kind)
    for name, (vi, en) in REQUIRED.items():
        if not values[name]:
            raise InvalidInput(m.DOC_FIELD_REQUIRED, field=name, what=vi, what_en=en)
    _check_writer(acting_user, issuer_unit_code)
    if issued_on > today():
        raise InvalidInput(m.DOC_DATE_FUTURE, field="issued_on", on=issued_on.isoformat())
    issuer_unit = _issuer_unit(acting_user, issuer_unit_code, issued_on)
    if attachment is not None:
        check_upload(attachment, field="attachment")
    with transaction.atomic():
        if SourceDocument.objects.filter(number=values["number"], issued_on=issued_on).exists():
            raise InvalidInput(
                m.DOC_DUPLICATE, field="number", number=values["number"], on=issued_on.isoformat()
            )
        doc = SourceDocument(
            kind=kind,
            issued_on=issued_on,
            issuer_unit=issuer_unit,
            synthetic=synthetic,
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            **values,
        )
        if attachment is not None:
            doc.attachment.save(attachment.name, attachment, save=False)
        doc.save()
        audit_record(
            actor=acting_user,
            action="steering.document_create",
            entity_type="steering.document",
            entity_id=doc.pk,
            after=_snapshot(doc),
        )
    return doc


def _unit_active(code: str, on: dt.date, field: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None or unit_node_on(unit, on) is None:
        raise InvalidInput(UNIT_NOT_ACTIVE, field=field, code=code, on=on.isoformat())
    return unit


def programme_ensure(*, code: str, name: str, acting_user: Any) -> Programme:
    """Create the programme if missing (idempotent); renames are audited."""
    with transaction.atomic():
        prog, created = Programme.objects.get_or_create(code=code, defaults={"name": name})
        if created or prog.name != name:
            before = None if created else {"name": prog.name}
            prog.name = name
            prog.save()
            audit_record(
                actor=acting_user,
                action="steering.programme_set",
                entity_type="steering.programme",
                entity_id=code,
                before=before,
                after={"name": name},
            )
    return prog
