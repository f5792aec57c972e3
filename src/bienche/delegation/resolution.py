"""Who is competent for a power in a unit on a date, through which chain of documents.

The rule (docs/adr/0004-delegation-resolution.md): start at the power's holder, with the
law that gives it. From the body currently competent, follow the transfers of the power
in force on the day whose receiver *covers* the unit asked about: the unit itself or one
of its ancestors on that day (named, or through a class such as every commune-level
People's Committee), or a non-territorial body (a department) that acts city-wide for it.
Among several, the receiver nearest the unit wins, then a named unit over a class, then
the latest start. Repeat from the receiver (sub-delegations) until no transfer applies.

A decentralization makes its receiver competent and responsible; a delegation lets the
receiver act while the delegator stays responsible. Revoked, expired and carried-over
transfers are out of force by their ``valid_to``; a class applies to every unit of that
class active on the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bienche.core.dating import q_valid_on
from bienche.core.errors import InvalidInput, NotFound
from bienche.delegation import messages as m
from bienche.delegation.enums import CLASS_KINDS, TransferKind
from bienche.delegation.models import Power, Transfer
from bienche.org.enums import TERRITORIAL_KINDS
from bienche.org.messages import UNIT_UNKNOWN
from bienche.org.models import Unit
from bienche.org.selectors import Tree, unit_tree_as_of

FAR = 1_000  # distance of a non-territorial receiver: it covers the unit, but last


@dataclass(frozen=True)
class Body:
    code: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True)
class Link:
    """One document of the chain: the law giving the power, then each transfer."""

    role: str  # "source" | "decentralization" | "delegation"
    document: str
    issued_on: dt.date | None
    issuer: str
    document_kind: str
    transfer_id: int | None = None
    from_body: Body | None = None
    to_body: Body | None = None
    to_class: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    conditions: str = ""
    synthetic: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "document": self.document,
            "issued_on": self.issued_on,
            "issuer": self.issuer,
            "document_kind": self.document_kind,
            "transfer_id": self.transfer_id,
            "from_unit": self.from_body.as_dict() if self.from_body else None,
            "to_unit": self.to_body.as_dict() if self.to_body else None,
            "to_class": self.to_class,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "conditions": self.conditions,
            "synthetic": self.synthetic,
        }


@dataclass
class Resolution:
    power: Power
    unit: Body
    on: dt.date
    decides: Body
    responsible: Body
    basis: str  # "original" | "decentralization" | "delegation"
    chain: list[Link] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "power": {"code": self.power.code, "name": self.power.name},
            "unit": self.unit.as_dict(),
            "as_of": self.on,
            "decides": self.decides.as_dict(),
            "responsible": self.responsible.as_dict(),
            "basis": self.basis,
            "chain": [link.as_dict() for link in self.chain],
        }


def _distance(tree: Tree, unit_id: int) -> dict[int, int]:
    """Ancestors-or-self of the unit on the tree's day → steps up from the unit."""
    out, node, steps = {}, tree.by_id.get(unit_id), 0
    while node is not None and node.unit_id not in out:
        out[node.unit_id] = steps
        node = tree.by_id.get(node.parent_id) if node.parent_id else None
        steps += 1
    return out


def _coverage(t: Transfer, tree: Tree, up: dict[int, int]) -> tuple[int, int] | None:
    """(distance, class?) when the transfer's receiver covers the unit, else None."""
    if t.to_class:
        kinds = CLASS_KINDS[t.to_class]
        hits = [d for uid, d in up.items() if tree.by_id[uid].kind in kinds]
        return (min(hits), 1) if hits else None
    if t.to_unit_id in up:
        return up[t.to_unit_id], 0
    node = tree.by_id.get(t.to_unit_id)
    if node is not None and node.kind not in TERRITORIAL_KINDS:
        return FAR, 0
    return None


def _receiver(t: Transfer, tree: Tree, up: dict[int, int]) -> int:
    if not t.to_class:
        return t.to_unit_id
    kinds = CLASS_KINDS[t.to_class]
    return min((d, uid) for uid, d in up.items() if tree.by_id[uid].kind in kinds)[1]


def _body(tree: Tree, unit_id: int, codes: dict[int, str]) -> Body:
    node = tree.by_id.get(unit_id)
    if node is not None:
        return Body(node.code, node.name)
    code = codes.get(unit_id) or Unit.objects.filter(pk=unit_id).values_list("code", flat=True)[0]
    return Body(code, code)


def _link(t: Transfer, tree: Tree, receiver: int, codes: dict[int, str]) -> Link:
    doc = t.document
    return Link(
        role=t.kind,
        document=doc.number,
        issued_on=doc.issued_on,
        issuer=doc.issuer,
        document_kind=doc.kind,
        transfer_id=t.pk,
        from_body=_body(tree, t.from_unit_id, codes),
        to_body=_body(tree, receiver, codes),
        to_class=t.to_class,
        valid_from=t.valid_from,
        valid_to=t.valid_to,
        conditions=t.conditions,
        synthetic=t.synthetic or doc.synthetic,
    )


def transfers_in_force(power: Power, on: dt.date) -> list[Transfer]:
    return list(Transfer.objects.filter(q_valid_on(on), power=power).select_related("document"))


def who_decides(power: Power, unit: Unit, on: dt.date) -> Resolution:
    """The competent body for ``power`` in ``unit`` on ``on`` (three queries at most when
    the day's tree is cached)."""
    tree = unit_tree_as_of(on)
    if unit.pk not in tree.by_id:
        raise InvalidInput(m.UNIT_NOT_ACTIVE, field="unit", code=unit.code, on=on.isoformat())
    up = _distance(tree, unit.pk)
    in_force = transfers_in_force(power, on)
    codes = {power.holder_id: power.holder.code}
    current = responsible = power.holder_id
    basis, seen = "original", {current}
    chain = [
        Link("source", power.legal_source, None, "", "law", synthetic=power.synthetic),
    ]
    while True:
        options = []
        for t in in_force:
            cover = _coverage(t, tree, up) if t.from_unit_id == current else None
            if cover is not None:
                options.append((cover, -t.valid_from.toordinal(), t.pk, t))
        if not options:
            break
        t = min(options, key=lambda o: o[:3])[3]
        receiver = _receiver(t, tree, up)
        if receiver in seen:
            break  # a cycle recorded despite the checks: stop at the last sound step
        seen.add(receiver)
        chain.append(_link(t, tree, receiver, codes))
        current = receiver
        if t.kind == TransferKind.DECENTRALIZATION:
            responsible = receiver
        basis = t.kind
    return Resolution(
        power=power,
        unit=_body(tree, unit.pk, codes),
        on=on,
        decides=_body(tree, current, codes),
        responsible=_body(tree, responsible, codes),
        basis=basis,
        chain=chain,
    )


def who_decides_by_code(power_code: str, unit_code: str, on: dt.date) -> Resolution:
    power = Power.objects.select_related("holder").filter(code=power_code).first()
    if power is None:
        raise NotFound(m.POWER_UNKNOWN, field="power", code=power_code)
    unit = Unit.objects.filter(code=unit_code).first()
    if unit is None:
        raise NotFound(UNIT_UNKNOWN, field="unit", code=unit_code)
    return who_decides(power, unit, on)
