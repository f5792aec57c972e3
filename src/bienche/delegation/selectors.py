"""Reads of the register: powers, transfers with filters, a unit's powers on a date and
what changed between two dates, the review register. Resolution: ``resolution``;
statistics: ``stats``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from bienche.core.dating import q_valid_on
from bienche.core.errors import NotFound
from bienche.delegation import messages as m
from bienche.delegation.enums import CLASS_KINDS, Status
from bienche.delegation.models import Power, Transfer
from bienche.org.models import Unit
from bienche.org.selectors import unit_node_on, unit_tree_as_of

EXPIRING_DAYS = 90


def power_get(code: str) -> Power:
    power = Power.objects.select_related("holder").filter(code=code).first()
    if power is None:
        raise NotFound(m.POWER_UNKNOWN, field="code", code=code)
    return power


def power_list(*, text: str = "", field: str = "", limit: int = 100) -> list[Power]:
    qs = Power.objects.select_related("holder")
    if field:
        qs = qs.filter(field=field)
    if text:
        qs = qs.filter(Q(code__icontains=text) | Q(name__icontains=text))
    return list(qs.order_by("code")[:limit])


def transfer_status(t: Transfer, on: dt.date) -> str:
    if on < t.valid_from:
        return Status.PENDING
    if t.valid_to is None or on < t.valid_to:
        return Status.ACTIVE
    if t.revoked_on is not None:
        return Status.REVOKED
    if t.term_end is None or t.valid_to < t.term_end:
        return Status.CARRIED
    return Status.EXPIRED


def _base() -> QuerySet[Transfer]:
    return Transfer.objects.select_related("power", "document", "from_unit", "to_unit")


def transfer_get(transfer_id: int) -> Transfer:
    t = _base().filter(pk=transfer_id).first()
    if t is None:
        raise NotFound(m.TRANSFER_UNKNOWN, field="id", id=transfer_id)
    return t


def transfer_list(
    *,
    on: dt.date | None = None,
    power_code: str = "",
    field: str = "",
    kind: str = "",
    level: str = "",
    unit_code: str = "",
    text: str = "",
    flagged: bool = False,
    limit: int = 500,
) -> list[Transfer]:
    """Transfers (in force on ``on`` when given), newest first."""
    qs = _base()
    if on is not None:
        qs = qs.filter(q_valid_on(on))
    if power_code:
        qs = qs.filter(power__code=power_code)
    if field:
        qs = qs.filter(power__field=field)
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(receiver_level=level)
    if unit_code:
        qs = qs.filter(Q(to_unit__code=unit_code) | Q(from_unit__code=unit_code))
    if text:
        qs = qs.filter(
            Q(power__name__icontains=text)
            | Q(power__code__icontains=text)
            | Q(document__number__icontains=text)
        )
    if flagged:
        qs = qs.exclude(flag="")
    return list(qs.order_by("-valid_from", "-id")[:limit])


def power_transfers(power: Power) -> list[Transfer]:
    """Every transfer of the power, oldest first: its whole chain of documents."""
    return list(
        _base()
        .select_related("revocation_document", "institutionalized_by")
        .filter(power=power)
        .order_by("valid_from", "id")
    )


def _class_of(kind: str) -> list[str]:
    return [cls for cls, kinds in CLASS_KINDS.items() if kind in kinds]


def powers_of_unit(unit: Unit, on: dt.date) -> list[dict[str, Any]]:
    """What ``unit`` may decide on ``on``: powers it received (named or as a member of a
    class) and powers the law gives it, by power code."""
    node = unit_node_on(unit, on)
    if node is None:
        return []
    received = (
        _base()
        .filter(q_valid_on(on))
        .filter(Q(to_unit=unit) | Q(to_class__in=_class_of(node.kind)))
        .order_by("power__code", "id")
    )
    rows = [
        {
            "power": t.power.code,
            "name": t.power.name,
            "field": t.power.field,
            "source": t.kind,
            "from_unit": t.from_unit.code,
            "to_class": t.to_class,
            "document": t.document.number,
            "issued_on": t.document.issued_on,
            "valid_from": t.valid_from,
            "valid_to": t.valid_to,
            "transfer_id": t.pk,
            "synthetic": t.synthetic,
        }
        for t in received
    ]
    for p in Power.objects.filter(holder=unit).order_by("code"):
        rows.append(
            {
                "power": p.code,
                "name": p.name,
                "field": p.field,
                "source": "held",
                "from_unit": None,
                "to_class": "",
                "document": p.legal_source,
                "issued_on": None,
                "valid_from": None,
                "valid_to": None,
                "transfer_id": None,
                "synthetic": p.synthetic,
            }
        )
    return sorted(rows, key=lambda r: (r["power"], r["transfer_id"] or 0))


def powers_diff(unit: Unit, d1: dt.date, d2: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Powers the unit gained, lost, or holds on another basis on ``d2`` than on ``d1``."""
    a = {r["power"]: r for r in powers_of_unit(unit, d1)}
    b = {r["power"]: r for r in powers_of_unit(unit, d2)}
    changed = [
        {"power": code, "from": a[code], "to": b[code]}
        for code in sorted(a.keys() & b.keys())
        if (a[code]["source"], a[code]["document"]) != (b[code]["source"], b[code]["document"])
    ]
    return {
        "gained": [b[c] for c in sorted(b.keys() - a.keys())],
        "lost": [a[c] for c in sorted(a.keys() - b.keys())],
        "changed": changed,
    }


def review_register(on: dt.date, *, limit: int = 500) -> dict[str, list[Transfer]]:
    """Transfers in force on ``on`` that need attention: due for review, legal basis
    expired or replaced, receiving unit or class gone, term ending within 90 days, and
    those a reorganization flagged."""
    live = _base().filter(q_valid_on(on))
    tree = unit_tree_as_of(on)
    kinds = {n.kind for n in tree.by_id.values()}
    empty_classes = [c for c, ks in CLASS_KINDS.items() if not ks & kinds]
    soon = on + dt.timedelta(days=min(EXPIRING_DAYS, (dt.date.max - on).days))
    gone = [t for t in live.filter(to_unit__isnull=False) if t.to_unit_id not in tree.by_id]
    return {
        "due": list(live.filter(review_on__lte=on).order_by("review_on", "id")[:limit]),
        "basis_expired": list(
            live.filter(
                Q(document__expired_on__lte=on) | Q(document__replaced_by__isnull=False)
            ).order_by("id")[:limit]
        ),
        "receiver_gone": [
            *gone[:limit],
            *live.filter(to_class__in=empty_classes).order_by("id")[:limit],
        ],
        "flagged": list(live.exclude(flag="").order_by("id")[:limit]),
        "expiring": list(
            live.filter(valid_to__gt=on, valid_to__lte=soon).order_by("valid_to", "id")[:limit]
        ),
    }


def transfer_row(t: Transfer, on: dt.date) -> dict[str, Any]:
    """The transfer as the API, the pages and the XLSX export show it."""
    return {
        "id": t.pk,
        "power": t.power.code,
        "power_name": t.power.name,
        "field": t.power.field,
        "kind": t.kind,
        "status": transfer_status(t, on),
        "from_unit": t.from_unit.code,
        "to_unit": t.to_unit.code if t.to_unit_id else None,
        "to_class": t.to_class,
        "receiver_level": t.receiver_level,
        "valid_from": t.valid_from,
        "valid_to": t.valid_to,
        "term_end": t.term_end,
        "document": t.document.number,
        "document_date": t.document.issued_on,
        "document_kind": t.document.kind,
        "issuer": t.document.issuer,
        "conditions": t.conditions,
        "reporting_duty": t.reporting_duty,
        "sub_delegation_allowed": t.sub_delegation_allowed,
        "parent_id": t.parent_id,
        "revoked_on": t.revoked_on,
        "review_on": t.review_on,
        "carried_from_id": t.carried_from_id,
        "flag": t.flag,
        "synthetic": t.synthetic,
        "version": t.version,
    }
