"""The engine behind every reorganization service.

A ``Plan`` collects what one event does (versions to close, versions to open, new units,
lineage edges), validates it against the database *and* against itself, then writes it in
bulk inside the caller's transaction. Public services in ``org.services.events`` only say
what an event means; the invariants live here once:

* a touched unit is active on the event date and has no recorded change after it
  (history is appended, never rewritten);
* a unit is touched at most once per event and never twice on the same day;
* every opened version's parent is active on the event date and not ended later;
* no unit is left under a closed parent; no cycle appears on the event date or later;
* lineage edges and participants are recorded with the event; one audit row per event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from bienche.core.audit import audit_record
from bienche.core.dating import q_valid_on
from bienche.core.errors import Conflict, InvalidInput, NotFound
from bienche.org import messages as m
from bienche.org.enums import Sector
from bienche.org.models import EventParticipant, LineageEdge, ReorgEvent, Unit, UnitVersion
from bienche.org.registry_version import forget_registry_version
from bienche.org.services.plan_checks import (
    VERSION_FIELDS,
    breakpoints,
    code_of,
    reaches,
    validate_basis,
    validated_attrs,
    version_dict,
)


@dataclass(frozen=True)
class LegalBasis:
    """The document an event rests on (decision number/symbol, issuer, date)."""

    number: str
    issuer: str = ""
    date: dt.date | None = None
    summary: str = ""


@dataclass(frozen=True)
class UnitSpec:
    """Everything needed to open a new unit."""

    code: str
    name: str
    kind: str
    parent_code: str | None = None
    short_name: str = ""
    level: str | None = None
    sector: str = Sector.GENERAL
    autonomy_level: int | None = None
    admin_code: str = ""
    synthetic: bool = False


@dataclass
class _Open:
    code: str
    attrs: dict[str, Any]
    parent_code: str | None
    unit: Unit | None = None


@dataclass
class Plan:
    kind: str
    on: dt.date
    basis: LegalBasis
    actor: Any
    current: dict[str, UnitVersion] = field(default_factory=dict)
    closes: list[str] = field(default_factory=list)
    opens: dict[str, _Open] = field(default_factory=dict)
    edges: list[tuple[str, str, int]] = field(default_factory=list)
    takeovers: set[tuple[str, str]] = field(default_factory=set)
    subjects: list[str] = field(default_factory=list)
    referenced: dict[str, Unit] = field(default_factory=dict)

    # ----------------------------------------------------------------- building
    def load(self, codes: list[str], *, field_name: str) -> None:
        """Lock and load the current versions of existing units the event touches."""
        wanted = [c for c in codes if c not in self.current]
        if len(set(codes)) != len(codes):
            dup = next(c for c in codes if codes.count(c) > 1)
            raise InvalidInput(m.UNIT_TWICE_IN_EVENT, field=field_name, code=dup)
        rows = (
            UnitVersion.objects.select_for_update()
            .select_related("unit")
            .filter(unit__code__in=wanted)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=self.on))
            .order_by("unit_id", "valid_from")
        )
        found: dict[str, list[UnitVersion]] = {}
        for v in rows:
            found.setdefault(v.unit.code, []).append(v)
        for code in wanted:
            self._check_current(code, found.get(code, []), field_name)
            self.current[code] = found[code][0]

    def _check_current(self, code: str, versions: list[UnitVersion], field_name: str) -> None:
        if not versions or versions[0].valid_from > self.on:
            if not versions and not Unit.objects.filter(code=code).exists():
                raise NotFound(m.UNIT_UNKNOWN, field=field_name, code=code)
            raise InvalidInput(m.UNIT_NOT_ACTIVE, field=field_name, code=code, on=self.on)
        if len(versions) > 1 or versions[0].valid_to is not None:
            later = versions[0].valid_to
            raise Conflict(
                m.UNIT_HAS_LATER_CHANGES, field=field_name, code=code, later=later, on=self.on
            )
        if versions[0].valid_from == self.on:
            raise InvalidInput(m.UNIT_CHANGED_SAME_DAY, field=field_name, code=code, on=self.on)

    def refer(self, codes: list[str], *, field_name: str) -> None:
        """Existing units the event points to without changing them (e.g. where a dissolved
        unit's staff go): each must be active on the event date and not ended later."""
        rows = (
            UnitVersion.objects.filter(unit__code__in=codes, valid_to__isnull=True)
            .filter(valid_from__lte=self.on)
            .select_related("unit")
        )
        found = {v.unit.code: v.unit for v in rows}
        for code in codes:
            if code not in found:
                raise InvalidInput(m.UNIT_NOT_ACTIVE, field=field_name, code=code, on=self.on)
        self.referenced.update(found)

    def close(self, code: str) -> None:
        self._once(code)
        self.closes.append(code)

    def change(self, code: str, *, parent_code: str | None = None, **attrs: Any) -> None:
        """Close the current version of ``code`` and open a new one with ``attrs`` changed."""
        self._once(code)
        cur = self.current[code]
        self.closes.append(code)
        base = {f: getattr(cur, f) for f in VERSION_FIELDS}
        base.update(attrs)
        if parent_code is None:
            parent_code = code_of(cur.parent_id)
        self.opens[code] = _Open(code, base, parent_code, unit=cur.unit)

    def create(self, spec: UnitSpec, *, field_name: str = "code") -> None:
        attrs = validated_attrs(spec, field_name)
        if spec.code in self.opens or spec.code in self.current:
            raise InvalidInput(m.UNIT_TWICE_IN_EVENT, field=field_name, code=spec.code)
        self.opens[spec.code] = _Open(spec.code, attrs, spec.parent_code)

    def edge(
        self, predecessor: str, successor: str, share_bp: int = 10000, *, takeover: bool = False
    ) -> None:
        """Lineage from ``predecessor`` to ``successor``; ``takeover`` marks a unit that only
        took over staff and functions (it was not formed from the predecessor)."""
        if not 0 < share_bp <= 10000:
            raise InvalidInput(m.SHARE_INVALID, field="share", share=share_bp / 100)
        self.edges.append((predecessor, successor, share_bp))
        if takeover:
            self.takeovers.add((predecessor, successor))

    def _once(self, code: str) -> None:
        if code in self.closes:
            raise InvalidInput(m.UNIT_TWICE_IN_EVENT, field="units", code=code)
        self.subjects.append(code)

    # ----------------------------------------------------------------- checking
    def validate(self) -> dict[str, int]:
        """Check the plan against the database; return code → unit id for parents."""
        validate_basis(self.basis, self.on)
        new_codes = [c for c, o in self.opens.items() if o.unit is None]
        taken = list(Unit.objects.filter(code__in=new_codes).values_list("code", flat=True))
        if taken:
            raise InvalidInput(m.UNIT_CODE_TAKEN, field="code", code=taken[0])
        parents = self._resolve_parents()
        self._check_new_units_acyclic()
        self._check_children_left()
        self._check_cycles(parents)
        return parents

    def _resolve_parents(self) -> dict[str, int]:
        wanted = {o.parent_code for o in self.opens.values() if o.parent_code}
        external = wanted - set(self.opens)
        closed_only = set(self.closes) - set(self.opens)
        for code in sorted(external & closed_only):
            raise InvalidInput(m.PARENT_NOT_ACTIVE, field="parent", code=code, on=self.on)
        active = (
            UnitVersion.objects.filter(unit__code__in=external)
            .filter(q_valid_on(self.on))
            .values_list("unit__code", "unit_id")
        )
        ids = dict(active)
        ended = set(
            UnitVersion.objects.filter(unit__code__in=external, valid_to__isnull=True).values_list(
                "unit__code", flat=True
            )
        )
        for code in sorted(external):
            if code not in ids or code not in ended:
                raise InvalidInput(m.PARENT_NOT_ACTIVE, field="parent", code=code, on=self.on)
        return ids

    def _check_new_units_acyclic(self) -> None:
        for code, o in self.opens.items():
            seen = {code}
            parent = o.parent_code
            while parent in self.opens and self.opens[parent].unit is None:
                if parent in seen:
                    raise InvalidInput(
                        m.CYCLE, field="parent", code=code, parent=o.parent_code, on=self.on
                    )
                seen.add(parent)
                parent = self.opens[parent].parent_code

    def _check_children_left(self) -> None:
        dissolved = set(self.closes) - set(self.opens)
        if not dissolved:
            return
        ids = {self.current[c].unit_id: c for c in dissolved}
        touched = [self.current[c].unit_id for c in self.closes]
        left = (
            UnitVersion.objects.filter(parent_id__in=ids)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=self.on))
            .exclude(unit_id__in=touched)
            .select_related("unit")
            .order_by("unit__code")
            .first()
        )
        if left is not None:
            raise InvalidInput(
                m.CHILDREN_LEFT, field="children", code=ids[left.parent_id], child=left.unit.code
            )

    def _check_cycles(self, parents: dict[str, int]) -> None:
        """Walk up from each re-parented existing unit; reaching itself means a cycle."""
        moved: dict[str, int] = {}
        for code, o in self.opens.items():
            if o.unit is None or o.parent_code is None:
                continue
            reopened = self.opens.get(o.parent_code)
            if o.parent_code in parents:
                moved[code] = parents[o.parent_code]
            elif reopened is not None and reopened.unit is not None:
                moved[code] = reopened.unit.pk
        overlay = {self.current[c].unit_id: pid for c, pid in moved.items()}
        for code, pid in moved.items():
            me = self.current[code].unit_id
            for day in breakpoints(pid, self.on):
                if reaches(pid, me, day, overlay if day == self.on else {}):
                    raise InvalidInput(
                        m.CYCLE,
                        field="parent",
                        code=code,
                        parent=self.opens[code].parent_code,
                        on=day,
                    )

    # ----------------------------------------------------------------- writing
    def commit(self) -> ReorgEvent:
        parents = self.validate()
        event = ReorgEvent.objects.create(
            kind=self.kind,
            effective_on=self.on,
            basis_number=self.basis.number.strip(),
            basis_issuer=self.basis.issuer.strip(),
            basis_date=self.basis.date,
            summary=self.basis.summary.strip(),
            created_by=self.actor if getattr(self.actor, "is_authenticated", False) else None,
        )
        forget_registry_version()
        before = {c: version_dict(self.current[c]) for c in self.closes}
        self._close_versions(event)
        units = self._create_units()
        for o in self.opens.values():
            o.attrs["parent_id"] = (
                units[o.parent_code].pk if o.parent_code in units else parents.get(o.parent_code)
            )
        versions = [
            UnitVersion(
                unit=units[c], valid_from=self.on, valid_to=None, opened_by=event, **o.attrs
            )
            for c, o in self.opens.items()
        ]
        UnitVersion.objects.bulk_create(versions)
        self._write_links(event, units)
        self._dispatch(event, units)
        audit_record(
            actor=self.actor,
            action=f"org.event.{self.kind}",
            entity_type="reorg_event",
            entity_id=event.pk,
            before=before,
            after={c: version_dict(v) for c, v in zip(self.opens, versions, strict=True)},
            reason=f"{self.basis.number} {self.basis.summary}".strip(),
        )
        return event

    def _dispatch(self, event: ReorgEvent, units: dict[str, Unit]) -> None:
        from bienche.org.hooks import EventChange, dispatch

        reopened = {units[c].pk for c, o in self.opens.items() if o.unit is not None}
        dispatch(
            EventChange(
                event=event,
                on=self.on,
                ended=frozenset(self.current[c].unit_id for c in self.closes) - reopened,
                opened=frozenset(units[c].pk for c, o in self.opens.items() if o.unit is None),
                reopened=frozenset(reopened),
                edges=tuple((units[p].pk, units[s].pk, b) for p, s, b in self.edges),
            )
        )

    def _close_versions(self, event: ReorgEvent) -> None:
        ids = [self.current[c].pk for c in self.closes]
        done = UnitVersion.objects.filter(pk__in=ids, valid_to__isnull=True).update(
            valid_to=self.on, closed_by=event
        )
        if done != len(ids):
            raise Conflict(m.UNIT_HAS_LATER_CHANGES, field="units", code="?", later="?", on=self.on)

    def _create_units(self) -> dict[str, Unit]:
        new = [Unit(code=c) for c, o in self.opens.items() if o.unit is None]
        Unit.objects.bulk_create(new)
        if any(u.pk is None for u in new):  # backends without RETURNING
            ids = dict(
                Unit.objects.filter(code__in=[u.code for u in new]).values_list("code", "pk")
            )
            for u in new:
                u.pk = ids[u.code]
        units = {u.code: u for u in new}
        units.update({c: o.unit for c, o in self.opens.items() if o.unit is not None})
        units.update({c: v.unit for c, v in self.current.items()})
        units.update(self.referenced)
        return units

    def _write_links(self, event: ReorgEvent, units: dict[str, Unit]) -> None:
        LineageEdge.objects.bulk_create(
            LineageEdge(
                event=event,
                predecessor=units[p],
                successor=units[s],
                share_bp=b,
                kind=LineageEdge.Kind.TAKEOVER
                if (p, s) in self.takeovers
                else LineageEdge.Kind.FORMED,
            )
            for p, s, b in self.edges
        )
        part = EventParticipant.Part
        links: dict[tuple[str, str], None] = {}
        for p, s, _b in self.edges:
            links[(p, part.PREDECESSOR)] = None
            links[(s, part.SUCCESSOR)] = None
        for c in [*self.subjects, *self.opens]:
            links.setdefault((c, part.SUBJECT), None)
        EventParticipant.objects.bulk_create(
            EventParticipant(event=event, unit=units[c], part=p) for c, p in links
        )
