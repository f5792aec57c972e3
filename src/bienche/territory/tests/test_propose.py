"""Proposals on generated territories: feasible, contiguous, compliant, and optimal."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bienche.core.errors import InvalidInput
from bienche.territory import messages as msg
from bienche.territory.check import MUST, group_standard_met, territory_check
from bienche.territory.propose import connected_sets, territory_propose
from bienche.territory.standards import round_get
from bienche.territory.tests.factories import grid_territory

NQ35 = round_get("nq35-2023")
R2025 = round_get("two-tier-2025")


def _connected(members, edges) -> bool:
    members = set(members)
    seen, stack = set(), [next(iter(members))]
    while stack:
        v = stack.pop()
        if v not in seen:
            seen.add(v)
            stack.extend(u for u in members if frozenset((u, v)) in edges)
    return seen == members


def _assert_sound(run, units, edges, rnd):
    by = {u.code: u for u in units}
    must = {v.unit.code for v in territory_check(units, rnd) if v.status == MUST}
    assert set(run.must) == must
    for p in run.proposals:
        used = [c for mg in p.merges for c in mg.members]
        assert len(used) == len(set(used)), "merges are disjoint"
        for mg in p.merges:
            members = [by[c] for c in mg.members]
            assert 2 <= len(members) <= rnd.search_max_units
            assert _connected(mg.members, edges), "contiguous"
            assert group_standard_met(members, rnd)[0], "compliant"
            assert set(mg.fixes) == set(mg.members) & must
            assert mg.fixes
            if rnd.same_parent:
                assert len({u.parent for u in members}) == 1
            assert mg.population == sum(u.population for u in members)
        assert set(p.left_noncompliant) == must - set(used)
        assert p.lower_bound_left <= len(p.left_noncompliant)
        assert p.units_after == len(units) - len(used) + len(p.merges)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    w=st.integers(2, 6),
    h=st.integers(1, 5),
    seed=st.integers(0, 10_000),
    parents=st.integers(1, 2),
    code=st.sampled_from(["nq35-2023", "two-tier-2025"]),
)
def test_proposals_are_feasible_contiguous_compliant(w, h, seed, parents, code):
    rnd = round_get(code)
    units, edges = grid_territory(w, h, seed, parents=parents)
    run = territory_propose(units=units, edges=edges, rnd=rnd, alternatives=2, time_limit=10)
    assert run.proposals
    _assert_sound(run, units, edges, rnd)
    ranks = [(len(p.left_noncompliant), p.units_changed) for p in run.proposals if p.optimal]
    assert ranks == sorted(ranks), "alternatives ranked"


def _brute_force_left(units, edges, rnd) -> tuple[int, int]:
    must = {v.unit.code for v in territory_check(units, rnd) if v.status == MUST}
    by = {u.code: u for u in units}
    adj = {u.code: set() for u in units}
    for e in edges:
        a, b = tuple(e)
        if not rnd.same_parent or by[a].parent == by[b].parent:
            adj[a].add(b)
            adj[b].add(a)
    cands = [
        s
        for s in connected_sets(adj, rnd.search_max_units)
        if s & must and group_standard_met([by[c] for c in s], rnd)[0]
    ]
    best = (len(must), 0)
    for r in range(1, 4):
        for combo in itertools.combinations(cands, r):
            used = [c for s in combo for c in s]
            if len(used) == len(set(used)):
                best = min(best, (len(must - set(used)), len(used)))
    return best


@settings(max_examples=20, deadline=None)
@given(w=st.integers(2, 3), h=st.integers(1, 3), seed=st.integers(0, 10_000))
def test_first_proposal_is_optimal_against_brute_force(w, h, seed):
    units, edges = grid_territory(w, h, seed)
    run = territory_propose(units=units, edges=edges, rnd=NQ35, alternatives=1)
    best = run.proposals[0]
    assert best.optimal
    assert (len(best.left_noncompliant), best.units_changed) == _brute_force_left(
        units, edges, NQ35
    )


def test_connected_sets_are_enumerated_once():
    units, edges = grid_territory(3, 3, 1)
    adj = {u.code: set() for u in units}
    for e in edges:
        a, b = tuple(e)
        adj[a].add(b)
        adj[b].add(a)
    sets = list(connected_sets(adj, 3))
    assert len(sets) == len(set(sets))
    # 3×3 grid: 12 edges; connected triples = 22 (paths of 3 cells)
    assert sum(len(s) == 2 for s in sets) == 12
    assert sum(len(s) == 3 for s in sets) == 22


def test_pinned_and_forbidden_pairs():
    units, edges = grid_territory(4, 3, 7)
    run = territory_propose(units=units, edges=edges, rnd=NQ35, alternatives=1)
    merge = run.proposals[0].merges[0]
    pair = f"{merge.members[0]}+{merge.members[1]}"
    again = territory_propose(units=units, edges=edges, rnd=NQ35, forbidden=(pair,))
    for p in again.proposals:
        assert not any({merge.members[0], merge.members[1]} <= set(m.members) for m in p.merges)
    pinned = territory_propose(units=units, edges=edges, rnd=NQ35, pinned=(pair,))
    for p in pinned.proposals:
        assert any({merge.members[0], merge.members[1]} <= set(m.members) for m in p.merges)


def test_pin_that_cannot_hold_is_refused():
    units, edges = grid_territory(3, 1, 3)
    with pytest.raises(InvalidInput) as exc:
        territory_propose(units=units, edges=edges, rnd=NQ35, pinned=("U000+U002",))
    assert exc.value.message in (msg.PIN_INFEASIBLE,)
    with pytest.raises(InvalidInput) as exc:
        territory_propose(units=units, edges=edges, rnd=NQ35, pinned=("U000+ZZZ",))
    assert exc.value.message == msg.PAIR_UNKNOWN
