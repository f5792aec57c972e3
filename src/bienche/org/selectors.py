"""Reads of the org registry: the tree as of a date, history, lineage, counts and diffs.

The tree is read with one query (every version valid on the date) and assembled in memory;
see docs/adr/0002-dated-org-model.md for why this beats recursive SQL here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min, Q

from bienche.core.dating import q_valid_on
from bienche.core.errors import NotFound
from bienche.org import messages as m
from bienche.org.enums import COMMUNE_KINDS, DISTRICT_KINDS
from bienche.org.lineage import (
    LineageStep as LineageStep,  # re-exported: selectors are the read API
)
from bienche.org.lineage import unit_lineage as unit_lineage
from bienche.org.models import EventParticipant, ReorgEvent, Unit, UnitVersion
from bienche.org.registry_version import registry_cached

NODE_FIELDS = (
    "unit_id",
    "unit__code",
    "name",
    "short_name",
    "kind",
    "level",
    "sector",
    "parent_id",
    "autonomy_level",
    "admin_code",
    "synthetic",
    "valid_from",
    "valid_to",
)


@dataclass(slots=True)
class UnitNode:
    unit_id: int
    code: str
    name: str
    short_name: str
    kind: str
    level: str
    sector: str
    parent_id: int | None
    parent_code: str | None
    autonomy_level: int | None
    admin_code: str
    synthetic: bool
    valid_from: dt.date
    valid_to: dt.date | None
    children: list[UnitNode] = field(default_factory=list)

    def as_dict(self, *, with_children: bool = False) -> dict[str, Any]:
        d = {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "kind": self.kind,
            "level": self.level,
            "sector": self.sector,
            "parent_code": self.parent_code,
            "autonomy_level": self.autonomy_level,
            "admin_code": self.admin_code,
            "synthetic": self.synthetic,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
        }
        if with_children:
            d["children"] = [c.as_dict(with_children=True) for c in self.children]
        return d


@dataclass
class Tree:
    on: dt.date
    roots: list[UnitNode]
    by_id: dict[int, UnitNode]

    def __len__(self) -> int:
        return len(self.by_id)

    def walk(self) -> list[UnitNode]:
        """Depth-first, children sorted by code."""
        out: list[UnitNode] = []
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def subtree_ids(self, unit_id: int) -> set[int]:
        node = self.by_id.get(unit_id)
        if node is None:
            return set()
        ids: set[int] = set()
        stack = [node]
        while stack:
            n = stack.pop()
            ids.add(n.unit_id)
            stack.extend(n.children)
        return ids


def _node(row: tuple, parent_code: str | None = None) -> UnitNode:
    """Build a node from a NODE_FIELDS row; ``parent_code`` is filled by the caller."""
    return UnitNode(*row[:8], parent_code, *row[8:])


_TREES: dict[tuple, Tree] = {}
_CHANGING: dict[tuple, dict[int, str]] = {}


def unit_tree_as_of(on: dt.date, *, kinds: set[str] | None = None) -> Tree:
    """The whole registry as of ``on``: one query, assembled in memory.

    With ``kinds``, only units of those kinds are kept; each is attached to its nearest kept
    ancestor (so 'communes under the city' works once districts are filtered out).

    The unfiltered tree is kept in memory per date until the registry changes: permission
    checks ask for it several times per request. Callers must not modify it.
    """
    if kinds is not None:
        return _build_tree(on, kinds)
    return registry_cached(_TREES, (on,), lambda: _build_tree(on, None))


def _build_tree(on: dt.date, kinds: set[str] | None) -> Tree:
    rows = (
        UnitVersion.objects.filter(q_valid_on(on)).values_list(*NODE_FIELDS).order_by("unit__code")
    )
    by_id = {r[0]: _node(r) for r in rows}
    for node in by_id.values():
        if node.parent_id is not None and node.parent_id in by_id:
            node.parent_code = by_id[node.parent_id].code
    if kinds is not None:
        by_id = _keep_kinds(by_id, kinds)
    roots: list[UnitNode] = []
    for node in by_id.values():
        parent = by_id.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent else roots).append(node)
    return Tree(on=on, roots=roots, by_id=by_id)


def _keep_kinds(by_id: dict[int, UnitNode], kinds: set[str]) -> dict[int, UnitNode]:
    kept: dict[int, UnitNode] = {}
    for uid, node in by_id.items():
        if node.kind not in kinds:
            continue
        anc = by_id.get(node.parent_id) if node.parent_id else None
        seen = 0
        while anc is not None and anc.kind not in kinds and seen < 64:
            anc = by_id.get(anc.parent_id) if anc.parent_id else None
            seen += 1
        node.parent_id = anc.unit_id if anc else None
        node.parent_code = anc.code if anc else None
        kept[uid] = node
    return kept


def unit_get(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound(m.UNIT_UNKNOWN, field="code", code=code)
    return unit


def unit_node_on(unit: Unit, on: dt.date) -> UnitNode | None:
    row = (
        UnitVersion.objects.filter(unit=unit)
        .filter(q_valid_on(on))
        .values_list(*NODE_FIELDS, "parent__code")
        .first()
    )
    return _node(row[:-1], row[-1]) if row else None


def unit_latest_node(unit: Unit) -> UnitNode:
    """The version valid today, or else the last one (for dissolved units)."""
    row = (
        UnitVersion.objects.filter(unit=unit)
        .order_by("-valid_from")
        .values_list(*NODE_FIELDS, "parent__code")
        .first()
    )
    return _node(row[:-1], row[-1])


def unit_labels(unit_ids: Iterable[int]) -> dict[int, str]:
    """ "Name (CODE)" of each unit by its latest version (as :func:`unit_latest_node`), in one
    query: for pages that name many units, such as a task's history."""
    ids = {i for i in unit_ids if i is not None}
    if not ids:
        return {}
    rows = (
        UnitVersion.objects.filter(unit_id__in=ids)
        .order_by("unit_id", "valid_from")
        .values_list("unit_id", "unit__code", "name")
    )
    return {uid: f"{name} ({code})" for uid, code, name in rows}


def unit_history(unit: Unit) -> list[dict[str, Any]]:
    """Every version of a unit, oldest first, with the events that opened and closed it."""
    versions = (
        UnitVersion.objects.filter(unit=unit)
        .select_related("opened_by", "closed_by", "parent")
        .order_by("valid_from")
    )
    return [
        {
            "version": v,
            "parent_code": v.parent.code if v.parent else None,
            "opened_by": v.opened_by,
            "closed_by": v.closed_by,
        }
        for v in versions
    ]


def unit_events(unit: Unit) -> list[ReorgEvent]:
    ids = EventParticipant.objects.filter(unit=unit).values("event_id")
    return list(ReorgEvent.objects.filter(pk__in=ids).order_by("effective_on", "id"))


def registry_start() -> dt.date | None:
    """The first day the registry knows (None: no unit recorded yet)."""
    return UnitVersion.objects.aggregate(first=Min("valid_from"))["first"]


def unit_counts_as_of(on: dt.date) -> dict[str, Any]:
    """Active units by kind and by level on ``on``, counted on the cached registry tree
    (the dashboard and the org chart show them on every visit)."""
    nodes = unit_tree_as_of(on).by_id.values()
    by_kind = dict(Counter(n.kind for n in nodes))
    by_level = dict(Counter(n.level for n in nodes))
    return {
        "on": on,
        "total": sum(by_kind.values()),
        "by_kind": by_kind,
        "by_level": by_level,
        "districts": sum(by_kind.get(k, 0) for k in DISTRICT_KINDS),
        "communes": sum(by_kind.get(k, 0) for k in COMMUNE_KINDS),
    }


def units_diff(d1: dt.date, d2: dt.date) -> dict[str, list[dict[str, Any]]]:
    """Units added, removed, renamed and moved between two dates (two queries)."""
    a = unit_tree_as_of(d1).by_id
    b = unit_tree_as_of(d2).by_id
    added = [b[i].as_dict() for i in sorted(b.keys() - a.keys(), key=lambda i: b[i].code)]
    removed = [a[i].as_dict() for i in sorted(a.keys() - b.keys(), key=lambda i: a[i].code)]
    renamed, moved, rekinded = [], [], []
    for i in sorted(a.keys() & b.keys(), key=lambda i: a[i].code):
        x, y = a[i], b[i]
        if x.name != y.name:
            renamed.append({"code": x.code, "from": x.name, "to": y.name})
        if x.parent_code != y.parent_code:
            moved.append({"code": x.code, "from": x.parent_code, "to": y.parent_code})
        if x.kind != y.kind:
            rekinded.append({"code": x.code, "from": x.kind, "to": y.kind})
    return {
        "added": added,
        "removed": removed,
        "renamed": renamed,
        "moved": moved,
        "kind_changed": rekinded,
    }


def unit_codes(unit_ids: set[int] | frozenset[int]) -> list[str]:
    """The codes of the units with these ids."""
    return list(Unit.objects.filter(pk__in=list(unit_ids)).values_list("code", flat=True))


def unit_list(
    *,
    on: dt.date,
    kind: str | None = None,
    level: str | None = None,
    parent_code: str | None = None,
    search: str | None = None,
    after_code: str | None = None,
    limit: int = 100,
    unit_ids: set[int] | None = None,
) -> list[UnitNode]:
    """A page of units valid on ``on``, ordered by code (keyset pagination on code)."""
    qs = UnitVersion.objects.filter(q_valid_on(on))
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(level=level)
    if parent_code:
        qs = qs.filter(parent__code=parent_code)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(unit__code__icontains=search))
    if after_code:
        qs = qs.filter(unit__code__gt=after_code)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    rows = qs.order_by("unit__code").values_list(*NODE_FIELDS, "parent__code")[:limit]
    return [_node(r[:-1], r[-1]) for r in rows]


def units_changing_within(start: dt.date, days: int) -> dict[int, str]:
    """Units whose versions start or end in (start, start + days]: unit id → 'starts'/'ends'.
    Kept in memory until the registry changes, like the tree; callers must not modify it."""
    return registry_cached(_CHANGING, (start, days), lambda: _units_changing_within(start, days))


def _units_changing_within(start: dt.date, days: int) -> dict[int, str]:
    end = start + dt.timedelta(days=days)
    out: dict[int, str] = {}
    for uid, _vf, vt in UnitVersion.objects.filter(
        Q(valid_from__gt=start, valid_from__lte=end) | Q(valid_to__gt=start, valid_to__lte=end)
    ).values_list("unit_id", "valid_from", "valid_to"):
        out[uid] = "ends" if vt is not None and start < vt <= end else "starts"
    return out


def event_list(*, limit: int = 200, kind: str | None = None) -> list[ReorgEvent]:
    qs = ReorgEvent.objects.annotate(n_units=Count("participants")).order_by("-effective_on", "-id")
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs[:limit])


def events_between(
    start: dt.date, end: dt.date, *, unit_ids: set[int] | None = None
) -> list[ReorgEvent]:
    """Events effective in [start, end], oldest first, each with ``n_units`` (participants);
    with ``unit_ids``, only events one of those units took part in."""
    qs = ReorgEvent.objects.filter(effective_on__range=(start, end))
    if unit_ids is not None:
        ids = EventParticipant.objects.filter(unit_id__in=unit_ids).values("event_id")
        qs = qs.filter(pk__in=ids)
    return list(qs.annotate(n_units=Count("participants")).order_by("effective_on", "id"))


def event_get(event_id: int) -> ReorgEvent:
    ev = ReorgEvent.objects.filter(pk=event_id).first()
    if ev is None:
        raise NotFound(m.UNIT_UNKNOWN, field="event", code=event_id)
    return ev


def event_participants(event: ReorgEvent) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    day = event.effective_on
    before = day - dt.timedelta(days=1)
    rows = EventParticipant.objects.filter(event=event).select_related("unit")
    ids = [r.unit_id for r in rows]
    names: dict[int, str] = {}
    for uid, _vf, _vt, name in (
        UnitVersion.objects.filter(unit_id__in=ids)
        .filter(q_valid_on(before) | q_valid_on(day))
        .values_list("unit_id", "valid_from", "valid_to", "name")
    ):
        names.setdefault(uid, name)
    for r in rows:
        out[r.part].append((r.unit.code, names.get(r.unit_id, r.unit.code)))
    return dict(out)


def kind_counter(nodes: list[UnitNode]) -> Counter:
    return Counter(n.kind for n in nodes)


def unit_ids_by_code(codes: list[str]) -> dict[str, int]:
    return dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))


def unit_parent_on(unit_id: int, on: dt.date) -> tuple[bool, int | None]:
    """(active on ``on``, parent id) for one unit."""
    row = (
        UnitVersion.objects.filter(unit_id=unit_id)
        .filter(q_valid_on(on))
        .values_list("parent_id", flat=True)
    )
    parents = list(row[:1])
    return (bool(parents), parents[0] if parents else None)


def unit_children_on(unit_id: int, on: dt.date) -> list[int]:
    return list(
        UnitVersion.objects.filter(parent_id=unit_id)
        .filter(q_valid_on(on))
        .values_list("unit_id", flat=True)
    )
