"""Merge proposals: exact set packing over every contiguous candidate merge.

Method (documented, not a greedy pass):
1. *Candidates.* Every connected set of 2..K units of the adjacency graph (K = the round's
   ``search_max_units``; edges across parents dropped when the round requires one parent)
   is enumerated once with the ESU algorithm (Wernicke 2006). A set is a candidate when it
   holds at least one unit the check says *must* be rearranged and the unit it would form
   meets the round (``check.group_standard_met``). Contiguity holds by construction.
2. *Selection.* A 0/1 programme picks disjoint candidates; it minimizes
   ``M·(units that must be rearranged and stay alone) + (units changed)`` with
   ``M = n + 1``, i.e. first the non-compliant units left, then the units changed
   (lexicographic). HiGHS solves it to proven optimality (or reports its bound when the
   time limit stops it); the optimum is exact *over all merges of at most K units*.
3. *Alternatives.* Each next alternative forbids the exact set of merges already found
   (a no-good cut) and re-solves, so alternatives are distinct and ranked.
Pinned pairs must end in one merge; forbidden pairs may not share one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import highspy
import numpy as np

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg
from bienche.territory.check import MUST, group_standard_met, territory_check
from bienche.territory.domain import TUnit
from bienche.territory.standards import Round


@dataclass(frozen=True)
class Merge:
    members: tuple[str, ...]
    unit_type: str
    area_km2: float
    population: int
    basis: str  # "standard" or "size_exempt"
    fixes: tuple[str, ...]  # members that had to be rearranged


@dataclass
class Proposal:
    rank: int
    merges: list[Merge]
    left_noncompliant: list[str]
    units_changed: int
    optimal: bool
    lower_bound_left: int  # proven: no merge plan (≤ K units per merge) leaves fewer
    units_before: int = 0
    units_after: int = 0


@dataclass
class ProposalRun:
    round_code: str
    must: list[str]
    candidates: int
    max_units: int = 4
    proposals: list[Proposal] = field(default_factory=list)


def _graph(units: list[TUnit], edges: set[frozenset], same_parent: bool) -> dict[str, set[str]]:
    by = {u.code: u for u in units}
    adj: dict[str, set[str]] = {u.code: set() for u in units}
    for e in edges:
        a, b = tuple(e)
        if a in by and b in by and (not same_parent or by[a].parent == by[b].parent):
            adj[a].add(b)
            adj[b].add(a)
    return adj


def connected_sets(adj: dict[str, set[str]], k: int) -> Iterator[frozenset[str]]:
    """Every connected vertex set of size 2..k, each exactly once (ESU)."""
    idx = {v: i for i, v in enumerate(sorted(adj))}

    def extend(sub: frozenset, ext: set, closed: set, v: int) -> Iterator[frozenset]:
        if len(sub) > 1:
            yield sub
        if len(sub) == k:
            return
        ext = set(ext)
        while ext:
            w = ext.pop()
            new = {u for u in adj[w] if idx[u] > v and u not in closed}
            yield from extend(sub | {w}, ext | new, closed | adj[w], v)

    for s in sorted(adj):
        nb = {u for u in adj[s] if idx[u] > idx[s]}
        yield from extend(frozenset((s,)), nb, {s} | adj[s], idx[s])


def _pair(text: str, known: set[str]) -> frozenset[str]:
    parts = [p.strip() for p in text.split("+")]
    if len(parts) != 2 or parts[0] == parts[1] or not set(parts) <= known:
        raise InvalidInput(msg.PAIR_UNKNOWN, pair=text)
    return frozenset(parts)


def _candidates(units, edges, rnd, must, pins, forbids, k) -> list[frozenset[str]]:  # type: ignore[no-untyped-def]
    by = {u.code: u for u in units}
    adj = _graph(units, edges, rnd.same_parent)
    out = []
    for s in connected_sets(adj, k):
        if not s & must or any(f <= s for f in forbids):
            continue
        if any(len(p & s) == 1 for p in pins):
            continue
        if group_standard_met([by[c] for c in s], rnd)[0]:
            out.append(s)
    return out


def _greedy_start(cands, must, cuts) -> list[float]:  # type: ignore[no-untyped-def]
    """A feasible start (most must-units fixed per unit changed first) to warm the solver."""
    order = sorted(range(len(cands)), key=lambda j: (-len(cands[j] & must) / len(cands[j]), j))
    used: set[str] = set()
    x = [0.0] * len(cands)
    banned = {cut[0] for cut in cuts if cut}
    for j in order:
        if j not in banned and not cands[j] & used:
            x[j] = 1.0
            used |= cands[j]
    return x


def _rows(h, cands, cuts, pins) -> None:  # type: ignore[no-untyped-def]
    """Each unit in at most one merge; pinned pairs in exactly one; no-good cuts."""
    by_unit: dict[str, list[int]] = {}
    for j, c in enumerate(cands):
        for u in c:
            by_unit.setdefault(u, []).append(j)
    rows = [(-np.inf, 1.0, cols) for cols in by_unit.values() if len(cols) > 1]
    rows += [(1.0, 1.0, [j for j, c in enumerate(cands) if p <= c]) for p in pins]
    rows += [(-np.inf, len(cut) - 1.0, cut) for cut in cuts]
    for lo, hi, cols in rows:
        h.addRow(lo, hi, len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))


def _model(cands, must, cuts, pins, time_limit):  # type: ignore[no-untyped-def]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_heuristic_effort", 0.3)
    m = len(cands)
    cols = np.arange(m, dtype=np.int32)
    h.addVars(m, np.zeros(m), np.ones(m))
    h.changeColsCost(m, cols, np.array([-len(c & must) for c in cands], dtype=float))
    h.changeColsIntegrality(m, cols, np.array([highspy.HighsVarType.kInteger] * m))
    _rows(h, cands, cuts, pins)
    if not pins:
        sol = highspy.HighsSolution()
        sol.col_value = _greedy_start(cands, must, cuts)
        sol.value_valid = True
        h.setSolution(sol)
    return h


def _solve(cands, must, cuts, pins, time_limit):  # type: ignore[no-untyped-def]
    """Phase 1 maximizes the must-units fixed; phase 2 keeps that and minimizes units
    changed. Returns (chosen, proven optimal, phase-1 dual bound) or None if infeasible."""
    if not cands:
        return [], True, 0.0
    ok = (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kTimeLimit)
    h = _model(cands, must, cuts, pins, time_limit)
    h.run()
    if h.getModelStatus() not in ok:
        return None
    m, cols = len(cands), np.arange(len(cands), dtype=np.int32)
    proven = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    bound = h.getInfo().mip_dual_bound  # fixed ≤ -bound
    fixed = -h.getInfo().objective_function_value
    h.addRow(fixed - 0.5, np.inf, m, cols, np.array([len(c & must) for c in cands], float))
    h.changeColsCost(m, cols, np.array([len(c) for c in cands], dtype=float))
    h.run()
    if h.getModelStatus() not in ok:
        return None
    x = h.getSolution().col_value
    proven = proven and h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return [j for j in range(m) if x[j] > 0.5], proven, bound


def _proposal(rank, units, cands, chosen, must, optimal, bound, rnd) -> Proposal:  # type: ignore[no-untyped-def]
    by = {u.code: u for u in units}
    merges = []
    for j in chosen:
        members = sorted(cands[j])
        us = [by[c] for c in members]
        lead = max(us, key=lambda u: (u.population, u.code))
        merges.append(
            Merge(
                members=tuple(members),
                unit_type=lead.unit_type,
                area_km2=round(sum(u.area_km2 for u in us), 2),
                population=sum(u.population for u in us),
                basis=group_standard_met(us, rnd)[1],
                fixes=tuple(c for c in members if c in must),
            )
        )
    merged = {c for mg in merges for c in mg.members}
    changed = len(merged)
    # phase 1 proves: must-units fixed ≤ -bound, so left ≥ |must| + bound
    fixed_max = int(np.floor(-bound + 1e-6)) if np.isfinite(bound) else len(must)
    lb_left = max(0, len(must) - fixed_max)
    return Proposal(
        rank=rank,
        merges=sorted(merges, key=lambda mg: mg.members),
        left_noncompliant=sorted(must - merged),
        units_changed=changed,
        optimal=optimal,
        lower_bound_left=min(lb_left, len(must - merged)),
        units_before=len(units),
        units_after=len(units) - changed + len(merges),
    )


def territory_propose(
    *,
    units: list[TUnit],
    edges: set[frozenset],
    rnd: Round,
    alternatives: int = 3,
    pinned: tuple[str, ...] = (),
    forbidden: tuple[str, ...] = (),
    time_limit: float = 24.0,
    max_units: int | None = None,
) -> ProposalRun:
    """``max_units`` overrides the round's search limit (merges of at most that many units)."""
    known = {u.code for u in units}
    pins = [_pair(p, known) for p in pinned]
    forbids = [_pair(p, known) for p in forbidden]
    must = {v.unit.code for v in territory_check(units, rnd) if v.status == MUST}
    k = max_units or rnd.search_max_units
    cands = _candidates(units, edges, rnd, must, pins, forbids, k)
    for p in pins:
        if not any(p <= c for c in cands):
            raise InvalidInput(msg.PIN_INFEASIBLE, pair="+".join(sorted(p)))
    run = ProposalRun(round_code=rnd.code, must=sorted(must), candidates=len(cands), max_units=k)
    cuts: list[list[int]] = []
    for rank in range(1, alternatives + 1):
        per_phase = time_limit / (2 * alternatives)
        solved = _solve(cands, must, cuts, pins, per_phase)
        if solved is None:
            break
        chosen, optimal, bound = solved
        run.proposals.append(_proposal(rank, units, cands, chosen, must, optimal, bound, rnd))
        if not chosen:
            break
        cuts.append(chosen)
    return run
