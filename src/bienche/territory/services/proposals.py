"""Saved proposals: keep a computed merge proposal with its inputs; adopt it.

Adoption turns every group of the proposal into one ``unit_merge`` event of the org
registry with the legal basis given; org's event hooks carry staff, positions, quotas
(staffing), delegations (delegation) and open tasks (steering) along the lineage, by the
existing rules. Everything happens in one transaction: an error in any group writes
nothing. A proposal is *stale* when the territory it was computed from changed since —
a unit of it has a later version (reorganized, renamed, moved), or the figures or the
adjacency the solver saw differ — and is then refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from bienche.org.models import UnitVersion
from bienche.org.permissions import guard_write_codes, is_city_admin
from bienche.org.selectors import unit_get
from bienche.org.services.events import unit_merge
from bienche.org.services.plan import LegalBasis, UnitSpec
from bienche.territory import messages as msg
from bienche.territory.domain import TUnit
from bienche.territory.models import ProposalGroup, SavedProposal
from bienche.territory.report import proposal_report
from bienche.territory.selectors import territory_units_on
from bienche.territory.services.successors import successor_territory
from bienche.territory.standards import round_get


def territory_fingerprint(units: list[TUnit], edges: set[frozenset]) -> str:
    """A hash of what the solver sees: each unit's figures and the adjacency."""
    data = {
        "units": [
            [u.code, u.unit_type, round(u.area_km2, 6), u.population, u.parent, sorted(u.factors)]
            for u in sorted(units, key=lambda u: u.code)
        ],
        "edges": sorted(sorted(e) for e in edges),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _territory(round_code: str, parent_code: str, on: dt.date) -> tuple[list[TUnit], set]:
    rnd = round_get(round_code)
    return territory_units_on(on=on, parent_code=parent_code, count_temporary=rnd.count_temporary)


def _versions(codes: list[str], on: dt.date) -> dict[str, int]:
    from bienche.core.dating import q_valid_on

    return dict(
        UnitVersion.objects.filter(q_valid_on(on), unit__code__in=codes).values_list(
            "unit__code", "pk"
        )
    )


def _new_code(parent_code: str, pk: int, index: int) -> str:
    return f"{parent_code[:24]}.P{pk}-{index}"


def proposal_save(
    *,
    round_code: str,
    parent_code: str,
    on: dt.date,
    pinned: tuple[str, ...] = (),
    forbidden: tuple[str, ...] = (),
    max_units: int | None = None,
    rank: int = 1,
    time_limit: float = 12.0,
    acting_user: Any,
) -> SavedProposal:
    """Compute the proposal for these inputs and keep alternative ``rank`` with its groups.
    The caller must be able to write in ``parent_code``'s subtree."""
    if getattr(acting_user, "is_authenticated", False):
        guard_write_codes(acting_user, [parent_code], on=on)
    rep = proposal_report(
        round_code=round_code,
        parent_code=parent_code,
        on=on,
        pinned=pinned,
        forbidden=forbidden,
        alternatives=rank,
        time_limit=time_limit,
        max_units=max_units,
    )
    if len(rep["proposals"]) < rank:
        raise InvalidInput(msg.PROPOSAL_NO_ALTERNATIVE, rank=rank, n=len(rep["proposals"]))
    chosen = rep["proposals"][rank - 1]
    units, edges = _territory(round_code, parent_code, on)
    result = {k: v for k, v in rep.items() if k not in ("proposals", "edges")}
    result |= {
        "proposal": chosen,
        "versions": _versions([u.code for u in units], on),
        "populations": {u.code: u.population for u in units},
    }
    with transaction.atomic():
        saved = SavedProposal.objects.create(
            round_code=round_code,
            parent=unit_get(parent_code),
            as_of=on,
            pinned=list(pinned),
            forbidden=list(forbidden),
            max_units=rep["max_units"],
            rank=rank,
            result=result,
            fingerprint=territory_fingerprint(units, edges),
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        ProposalGroup.objects.bulk_create(_groups(saved, chosen))
        audit_record(
            actor=acting_user,
            action="territory.proposal_save",
            entity_type="territory_proposal",
            entity_id=saved.pk,
            after={"round": round_code, "parent": parent_code, "as_of": on, "rank": rank},
        )
    return saved


def _groups(saved: SavedProposal, chosen: dict[str, Any]) -> list[ProposalGroup]:
    out = []
    for i, m in enumerate(chosen["merges"], start=1):
        pops = saved.result["populations"]
        lead = max(m["members"], key=lambda x: (pops.get(x["code"], 0), x["code"]))
        out.append(
            ProposalGroup(
                proposal=saved,
                index=i,
                members=[x["code"] for x in m["members"]],
                unit_type=m["type"],
                area_km2=m["area_km2"],
                population=m["population"],
                new_code=_new_code(saved.parent.code, saved.pk, i),
                new_name=lead["name"],
            )
        )
    return out


def proposal_get(pk: int | str) -> SavedProposal:
    found = (
        SavedProposal.objects.select_related("parent").filter(pk=int(pk)).first()
        if str(pk).isdigit()
        else None
    )
    if found is None:
        raise NotFound(msg.PROPOSAL_UNKNOWN, field="proposal", id=pk)
    return found


def _check_adoptable(p: SavedProposal, effective_on: dt.date, expected_version: int | None):  # type: ignore[no-untyped-def]
    if p.status == SavedProposal.Status.ADOPTED:
        raise Conflict(
            msg.PROPOSAL_ADOPTED,
            field="proposal",
            id=p.pk,
            basis=p.basis_number,
            on=p.effective_on.strftime("%d/%m/%Y") if p.effective_on else "?",
        )
    if expected_version is not None and expected_version != p.version:
        raise Conflict(
            msg.PROPOSAL_VERSION,
            field="expected_version",
            id=p.pk,
            current=p.version,
            expected=expected_version,
        )
    groups = list(p.groups.order_by("index"))
    if not groups:
        raise InvalidInput(msg.PROPOSAL_EMPTY, field="proposal", id=p.pk)
    if effective_on <= p.as_of:
        raise InvalidInput(
            msg.EFFECTIVE_TOO_EARLY,
            field="effective_on",
            effective=effective_on.strftime("%d/%m/%Y"),
            as_of=p.as_of.strftime("%d/%m/%Y"),
        )
    _check_fresh(p)
    return groups


def _check_fresh(p: SavedProposal) -> None:
    """Refuse when a unit the solver saw has changed since, or the data it read differ."""
    saved = p.result.get("versions", {})
    open_now = set(
        UnitVersion.objects.filter(pk__in=list(saved.values()), valid_to__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for code, vid in sorted(saved.items()):
        if vid not in open_now:
            raise Conflict(msg.PROPOSAL_STALE_UNIT, field="proposal", id=p.pk, unit=code)
    units, edges = _territory(p.round_code, p.parent.code, p.as_of)
    if territory_fingerprint(units, edges) != p.fingerprint:
        raise Conflict(msg.PROPOSAL_STALE_DATA, field="proposal", id=p.pk)


def _spec(group: ProposalGroup, name: str) -> UnitSpec:
    """The new unit takes the kind and parent of its most populous member."""
    lead_code = max(
        group.members, key=lambda c: (group.proposal.result["populations"].get(c, 0), c)
    )
    cur = (
        UnitVersion.objects.filter(unit__code=lead_code, valid_to__isnull=True)
        .select_related("parent")
        .get()
    )
    return UnitSpec(
        code=group.new_code,
        name=name or group.new_name,
        kind=cur.kind,
        parent_code=cur.parent.code if cur.parent_id else None,
        level=cur.level,
        sector=cur.sector,
    )


def proposal_adopt(
    *,
    proposal_id: int,
    basis_number: str,
    basis_date: dt.date | None,
    effective_on: dt.date,
    issuer: str = "Ủy ban Thường vụ Quốc hội",
    names: dict[int, str] | None = None,
    expected_version: int | None = None,
    acting_user: Any,
) -> SavedProposal:
    """One merge event per new unit, all in one transaction, audited. City administrators
    only (a real user); the CLI and the demo act as the system."""
    if getattr(acting_user, "is_authenticated", False) and not is_city_admin(acting_user):
        raise Forbidden(
            msg.NOT_ALLOWED,
            action="thông qua phương án sắp xếp",
            action_en="adopt a rearrangement proposal",
        )
    basis = LegalBasis(
        number=basis_number.strip(),
        issuer=issuer,
        date=basis_date,
        summary="Sắp xếp đơn vị hành chính theo phương án đã lưu",
    )
    with transaction.atomic():
        list(SavedProposal.objects.select_for_update().filter(pk=proposal_id))
        p = proposal_get(proposal_id)
        groups = _check_adoptable(p, effective_on, expected_version)
        for g in groups:
            g.proposal = p
            g.event = unit_merge(
                predecessor_codes=list(g.members),
                successor=_spec(g, (names or {}).get(g.index, "")),
                on=effective_on,
                basis=basis,
                acting_user=acting_user,
            )
            g.save(update_fields=["event"])
        successor_territory(p, groups, effective_on)
        _mark_adopted(p, basis, effective_on, groups, acting_user)
    return p


def _mark_adopted(p, basis, effective_on, groups, acting_user) -> None:  # type: ignore[no-untyped-def]
    SavedProposal.objects.filter(pk=p.pk).update(
        status=SavedProposal.Status.ADOPTED,
        basis_number=basis.number,
        basis_date=basis.date,
        effective_on=effective_on,
        version=p.version + 1,
    )
    p.refresh_from_db()
    audit_record(
        actor=acting_user,
        action="territory.proposal_adopt",
        entity_type="territory_proposal",
        entity_id=p.pk,
        before={"status": SavedProposal.Status.SAVED},
        after={
            "status": p.status,
            "effective_on": effective_on,
            "events": [g.event_id for g in groups],
            "units": {g.new_code: list(g.members) for g in groups},
        },
        reason=basis.number,
    )
