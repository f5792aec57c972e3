"""Replay of a rearrangement that happened: the actual grouping, read from the registry's
lineage, evaluated against a round; and bienche's own proposal for the same inputs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from bienche.org.models import LineageEdge
from bienche.territory.check import MUST, group_standard_met, territory_check
from bienche.territory.domain import TUnit
from bienche.territory.propose import ProposalRun, territory_propose
from bienche.territory.selectors import territory_units_on
from bienche.territory.standards import round_get


@dataclass(frozen=True)
class ActualUnit:
    code: str
    members: tuple[str, ...]
    area_km2: float
    population: int
    meets: bool
    basis: str  # "standard", "size_exempt" or "" when it does not meet the round


@dataclass
class Replay:
    round_code: str
    on: dt.date
    units_before: int
    must_before: int
    actual: list[ActualUnit]
    proposal: ProposalRun | None
    same_as_proposed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def actual_meeting(self) -> int:
        return sum(a.meets for a in self.actual)


def _groups(codes: set[str], on: dt.date) -> dict[str, list[tuple[str, int]]]:
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for succ, pred, share in LineageEdge.objects.filter(
        event__effective_on=on, predecessor__code__in=codes
    ).values_list("successor__code", "predecessor__code", "share_bp"):
        groups[succ].append((pred, share))
    return groups


def _actual(units: list[TUnit], groups, rnd) -> list[ActualUnit]:  # type: ignore[no-untyped-def]
    by = {u.code: u for u in units}
    out = []
    for succ, parts in sorted(groups.items()):
        members = [by[p] for p, _ in parts]
        scaled = [
            TUnit(u.code, u.name, u.unit_type, u.area_km2 * s / 10000, u.population * s // 10000)
            for u, (_, s) in zip(members, parts, strict=True)
        ]
        ok, basis = group_standard_met(scaled, rnd)
        out.append(
            ActualUnit(
                code=succ,
                members=tuple(sorted(p for p, _ in parts)),
                area_km2=round(sum(u.area_km2 for u in scaled), 2),
                population=sum(u.population for u in scaled),
                meets=ok,
                basis=basis if ok else "",
            )
        )
    return out


def territory_replay(
    *,
    parent_code: str,
    on: dt.date,
    round_code: str = "two-tier-2025",
    propose: bool = True,
    time_limit: float = 10.0,
) -> Replay:
    """Units standing the day before ``on`` under ``parent_code``, the grouping that took
    effect on ``on`` (lineage edges, shares applied to divided units), and optionally the
    proposal bienche makes for the same units under the round."""
    rnd = round_get(round_code)
    units, edges = territory_units_on(
        on=on - dt.timedelta(days=1), parent_code=parent_code, count_temporary=rnd.count_temporary
    )
    must = [v for v in territory_check(units, rnd) if v.status == MUST]
    actual = _actual(units, _groups({u.code for u in units}, on), rnd)
    run = None
    if propose:
        run = territory_propose(
            units=units, edges=edges, rnd=rnd, alternatives=1, time_limit=time_limit
        )
    replay = Replay(rnd.code, on, len(units), len(must), actual, run)
    if run and run.proposals:
        proposed = {m.members for m in run.proposals[0].merges}
        replay.same_as_proposed = sum(a.members in proposed for a in actual)
    return replay
