"""Lineage: what a unit came from and what became of it, across reorganization events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from bienche.core.dating import q_valid_on
from bienche.org.models import LineageEdge, Unit, UnitVersion

__all__ = ["LineageStep", "unit_lineage"]


@dataclass
class LineageStep:
    depth: int
    event_id: int
    event_kind: str
    effective_on: dt.date
    basis_number: str
    predecessor_code: str
    successor_code: str
    share_bp: int
    name: str
    kind: str = "formed"

    def as_dict(self) -> dict[str, Any]:
        d = self.__dict__.copy()
        d["effective_on"] = self.effective_on.isoformat()
        return d


def unit_lineage(
    unit: Unit, *, direction: str = "back", max_depth: int = 20, takeover: bool = False
) -> list[LineageStep]:
    """What a unit came from (``back``) or what became of it (``forward``), across events.

    Breadth-first over ``LineageEdge``: one query per generation, names as of the event.
    Edges where a unit only took over staff and functions of a dissolved one are left out
    unless ``takeover`` is set.
    """
    kinds = [LineageEdge.Kind.FORMED] + ([LineageEdge.Kind.TAKEOVER] if takeover else [])
    if direction not in {"back", "forward"}:
        raise ValueError("direction must be 'back' or 'forward'")
    near, far = (
        ("successor", "predecessor")
        if direction == "back"
        else (
            "predecessor",
            "successor",
        )
    )
    frontier, seen, steps = {unit.pk}, {unit.pk}, []
    for depth in range(1, max_depth + 1):
        edges = list(
            LineageEdge.objects.filter(**{f"{near}_id__in": frontier}, kind__in=kinds)
            .select_related("event", "predecessor", "successor")
            .order_by("event__effective_on", f"{far}__code")
        )
        if not edges:
            break
        names = _names_before_after(edges, far)
        frontier = set()
        for e in edges:
            other = getattr(e, far)
            steps.append(
                LineageStep(
                    depth,
                    e.event_id,
                    e.event.kind,
                    e.event.effective_on,
                    e.event.basis_number,
                    e.predecessor.code,
                    e.successor.code,
                    e.share_bp,
                    names.get(e.pk, ""),
                    e.kind,
                )
            )
            if other.pk not in seen:
                seen.add(other.pk)
                frontier.add(other.pk)
        if not frontier:
            break
    return steps


def _names_before_after(edges: list[LineageEdge], far: str) -> dict[int, str]:
    """Name of the far-side unit as of the event: the day before for predecessors."""
    q = Q()
    for e in edges:
        day = (
            e.event.effective_on - dt.timedelta(days=1)
            if far == "predecessor"
            else (e.event.effective_on)
        )
        q |= Q(unit_id=getattr(e, f"{far}_id")) & q_valid_on(day)
    names: dict[int, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for uid, vf, vt, name in UnitVersion.objects.filter(q).values_list(
        "unit_id", "valid_from", "valid_to", "name"
    ):
        names[uid].append((vf, vt, name))
    out = {}
    for e in edges:
        day = (
            e.event.effective_on - dt.timedelta(days=1)
            if far == "predecessor"
            else (e.event.effective_on)
        )
        for vf, vt, name in names[getattr(e, f"{far}_id")]:
            if vf <= day and (vt is None or day < vt):
                out[e.pk] = name
    return out
