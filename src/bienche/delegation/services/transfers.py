"""Recording transfers (all-or-nothing), editing them with optimistic concurrency, revoking.

A change to a transfer carries the ``expected_version`` the client last saw; a stale one
answers ``Conflict`` (HTTP 409) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record, audit_record_many
from bienche.core.errors import BiencheError, Conflict, InvalidInput, NotFound
from bienche.core.services import model_update
from bienche.delegation import messages as m
from bienche.delegation.models import LegalDocument, Transfer
from bienche.delegation.services.checks import TransferSpec, transfers_check
from bienche.delegation.services.documents import DocumentSpec, legal_document_ensure
from bienche.org.messages import UNIT_UNKNOWN
from bienche.org.models import Unit
from bienche.org.permissions import user_scope

EDITABLE = ["conditions", "reporting_duty", "review_on", "sub_delegation_allowed"]


class TransferProblems(InvalidInput):
    """Several specs were refused: ``problems`` is [(index, error)], index from 0."""

    def __init__(self, problems: list[tuple[int, BiencheError]]) -> None:
        self.problems = problems
        first = problems[0][1]
        super().__init__(first.message, field=first.field, **first.params)


def snapshot(t: Transfer) -> dict[str, Any]:
    return {
        "power_id": t.power_id,
        "kind": t.kind,
        "from_unit_id": t.from_unit_id,
        "to_unit_id": t.to_unit_id,
        "to_class": t.to_class,
        "valid_from": t.valid_from,
        "valid_to": t.valid_to,
        "term_end": t.term_end,
        "document_id": t.document_id,
        "conditions": t.conditions,
        "reporting_duty": t.reporting_duty,
        "sub_delegation_allowed": t.sub_delegation_allowed,
        "review_on": t.review_on,
        "revoked_on": t.revoked_on,
        "version": t.version,
    }


def guard_writer(acting_user: Any, unit_ids: set[int]) -> None:
    """A signed-in user records transfers only for authorities in their write scope (the
    same ``NotFound`` as an unknown unit); the system (``None``) may record any."""
    if not getattr(acting_user, "is_authenticated", False):
        return
    scope = user_scope(acting_user, for_write=True)
    if scope.everything:
        return
    for uid in unit_ids:
        if not scope.contains(uid):
            raise NotFound(UNIT_UNKNOWN, field="from_unit_code", code=uid)


def _documents(specs: list[TransferSpec], acting_user: Any) -> dict[tuple, LegalDocument]:
    out: dict[tuple, LegalDocument] = {}
    for spec in specs:
        key = (spec.document.number.strip(), spec.document.issued_on)
        if key not in out:
            out[key] = legal_document_ensure(spec=spec.document, acting_user=acting_user)
    return out


def transfers_create(*, specs: list[TransferSpec], acting_user: Any) -> list[Transfer]:
    """Check every spec, then record them all or none (``TransferProblems``)."""
    codes = {s.from_unit_code for s in specs}
    guard_writer(acting_user, set(Unit.objects.filter(code__in=codes).values_list("pk", flat=True)))
    with transaction.atomic():
        results, problems = transfers_check(specs)
        if problems:
            raise TransferProblems(problems)
        docs = _documents(specs, acting_user)
        user = acting_user if getattr(acting_user, "is_authenticated", False) else None
        rows = [
            Transfer(
                power_id=r.power_id,
                kind=s.kind,
                from_unit_id=r.from_id,
                to_unit_id=r.to_id,
                to_class=s.to_class,
                receiver_level=r.receiver_level,
                valid_from=s.valid_from,
                valid_to=s.term_end,
                term_end=s.term_end,
                document=docs[(s.document.number.strip(), s.document.issued_on)],
                conditions=s.conditions.strip(),
                reporting_duty=s.reporting_duty.strip(),
                sub_delegation_allowed=s.sub_delegation_allowed,
                parent_id=r.parent_id,
                review_on=s.review_on,
                synthetic=s.synthetic,
                created_by=user,
            )
            for s, r in zip(specs, results, strict=True)
            if r is not None
        ]
        created = Transfer.objects.bulk_create(rows, batch_size=2000)
        if created and created[0].pk is None:  # backends that do not return ids
            created = list(Transfer.objects.order_by("-id")[: len(created)])[::-1]
        audit_record_many(
            actor=acting_user,
            action="delegation.transfer_create",
            entity_type="delegation.transfer",
            rows=[{"entity_id": t.pk, "after": snapshot(t)} for t in created],
        )
    return created


def transfer_create(*, spec: TransferSpec, acting_user: Any) -> Transfer:
    try:
        return transfers_create(specs=[spec], acting_user=acting_user)[0]
    except TransferProblems as exc:
        raise exc.problems[0][1] from None


def _locked(transfer: Transfer, expected_version: int) -> Transfer:
    current = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if current.version != expected_version:
        raise Conflict(m.STALE, current=current.version, expected=expected_version)
    return current


def transfer_update(
    *, transfer: Transfer, expected_version: int, data: dict[str, Any], acting_user: Any
) -> Transfer:
    """Change the editable terms (conditions, reporting duties, review date, whether
    sub-delegation is allowed). Dates and parties change only by a new transfer."""
    guard_writer(acting_user, {transfer.from_unit_id})
    with transaction.atomic():
        current = _locked(transfer, expected_version)
        before = snapshot(current)
        current, changed = model_update(instance=current, fields=EDITABLE, data=data)
        if not changed:
            return current
        current.version += 1
        current.save(update_fields=["version"])
        audit_record(
            actor=acting_user,
            action="delegation.transfer_update",
            entity_type="delegation.transfer",
            entity_id=current.pk,
            before=before,
            after=snapshot(current),
        )
    return current


def transfer_revoke(
    *,
    transfer: Transfer,
    on: dt.date,
    document: DocumentSpec,
    expected_version: int,
    acting_user: Any,
    reason: str = "",
) -> Transfer:
    """End the transfer from ``on`` by a revoking document; sub-delegations made under it
    end the same day (they cannot outlive their parent)."""
    guard_writer(acting_user, {transfer.from_unit_id})
    with transaction.atomic():
        current = _locked(transfer, expected_version)
        _end([current], on=on, document=document, acting_user=acting_user, reason=reason)
    return current


def transfers_end(
    *,
    transfer_ids: list[int],
    on: dt.date,
    document: DocumentSpec,
    acting_user: Any,
    reason: str = "",
) -> list[Transfer]:
    """End many transfers from ``on`` by one act (a later act replacing them): the same
    checks and effects as ``transfer_revoke``, in a handful of queries."""
    with transaction.atomic():
        rows = list(Transfer.objects.select_for_update().filter(pk__in=transfer_ids))
        guard_writer(acting_user, {t.from_unit_id for t in rows})
        _end(rows, on=on, document=document, acting_user=acting_user, reason=reason)
    return rows


def _end(
    rows: list[Transfer], *, on: dt.date, document: DocumentSpec, acting_user: Any, reason: str
) -> None:
    for t in rows:
        if on <= t.valid_from:
            raise InvalidInput(
                m.REVOKE_DATE, field="on", on=on.isoformat(), start=t.valid_from.isoformat()
            )
        if t.valid_to is not None and t.valid_to <= on:
            raise InvalidInput(m.ALREADY_ENDED, field="on", on=t.valid_to.isoformat())
    doc = legal_document_ensure(spec=document, acting_user=acting_user)
    ended = [*rows, *_open_children(rows, on)]
    audit_rows = []
    for t in ended:
        before = snapshot(t)
        t.valid_to, t.revoked_on, t.revocation_document = on, on, doc
        t.version += 1
        audit_rows.append(
            {
                "entity_id": t.pk,
                "before": before,
                "after": snapshot(t),
                "reason": reason or doc.number,
            }
        )
    Transfer.objects.bulk_update(
        ended, ["valid_to", "revoked_on", "revocation_document", "version"], batch_size=1000
    )
    audit_record_many(
        actor=acting_user,
        action="delegation.transfer_revoke",
        entity_type="delegation.transfer",
        rows=audit_rows,
    )


def _open_children(parents: list[Transfer], on: dt.date) -> list[Transfer]:
    out, frontier = [], [p.pk for p in parents]
    while frontier:
        kids = list(
            Transfer.objects.select_for_update()
            .filter(parent_id__in=frontier)
            .exclude(valid_to__lte=on)
        )
        out += [k for k in kids if k.valid_from < on]
        frontier = [k.pk for k in kids]
    return out
