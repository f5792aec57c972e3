"""Property tests: whatever sequence of events is tried (accepted or refused), the registry
never has overlapping versions, never has a cycle on any date, and lineage matches events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from bienche.core.errors import BiencheError
from bienche.org.enums import EventKind
from bienche.org.models import LineageEdge, ReorgEvent, UnitVersion
from bienche.org.services import (
    unit_absorb,
    unit_dissolve,
    unit_merge,
    unit_rename,
    unit_split,
    unit_transfer,
)
from bienche.org.tests.factories import BASIS, small_city, spec

CODES = ["D1", "D2", "W1", "W2", "C1", "UB", "S1", "S2"]
op = st.tuples(
    st.sampled_from(["rename", "transfer", "merge", "absorb", "split", "dissolve"]),
    st.sampled_from(CODES),
    st.sampled_from(CODES + ["HN"]),
    st.integers(min_value=-400, max_value=400),
)


def _apply(i: int, kind: str, a: str, b: str, on: dt.date) -> None:
    new = f"N{i}"
    if kind == "rename":
        unit_rename(code=a, name=f"Tên {i}", on=on, basis=BASIS, acting_user=None)
    elif kind == "transfer":
        unit_transfer(code=a, new_parent_code=b, on=on, basis=BASIS, acting_user=None)
    elif kind == "merge":
        unit_merge(
            predecessor_codes=[a, b],
            successor=spec(new, "HN", "department"),
            on=on,
            basis=BASIS,
            acting_user=None,
        )
    elif kind == "absorb":
        unit_absorb(absorbed_codes=[a], into_code=b, on=on, basis=BASIS, acting_user=None)
    elif kind == "split":
        unit_split(
            predecessor_code=a,
            children_to=b,
            successors=[
                (spec(new + "a", "HN", "ward"), 5000),
                (spec(new + "b", "HN", "ward"), 5000),
            ],
            on=on,
            basis=BASIS,
            acting_user=None,
        )
    else:
        unit_dissolve(code=a, children_to=b, on=on, basis=BASIS, acting_user=None)


def _snapshot() -> tuple[int, int, int]:
    return (UnitVersion.objects.count(), ReorgEvent.objects.count(), LineageEdge.objects.count())


class RegistryInvariants(TestCase):
    @settings(
        max_examples=80,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(op, min_size=1, max_size=12))
    def test_invariants_hold(self, ops):
        small_city()
        day = dt.date(2021, 1, 1)
        for i, (kind, a, b, delta) in enumerate(ops):
            on = day + dt.timedelta(days=delta)
            before = _snapshot()
            try:
                _apply(i, kind, a, b, on)
            except BiencheError:
                assert _snapshot() == before, "a refused event must write nothing"
        versions = list(
            UnitVersion.objects.values_list("unit_id", "valid_from", "valid_to", "parent_id")
        )
        self._no_overlap(versions)
        self._no_cycle(versions)
        self._lineage_matches_events()

    @staticmethod
    def _no_overlap(versions):
        by_unit = defaultdict(list)
        for uid, vf, vt, _p in versions:
            by_unit[uid].append((vf, vt))
        for spans in by_unit.values():
            spans.sort()
            for (_a0, a1), (b0, _b1) in zip(spans, spans[1:], strict=False):
                assert a1 is not None
                assert a1 <= b0

    @staticmethod
    def _no_cycle(versions):
        days = {vf for _u, vf, _vt, _p in versions}
        for day in days:
            parent = {u: p for u, vf, vt, p in versions if vf <= day and (vt is None or day < vt)}
            for u in parent:
                seen, node = set(), u
                while node is not None:
                    assert node not in seen, f"cycle on {day}"
                    seen.add(node)
                    # parent must be active whenever the child is (no orphans)
                    assert parent.get(node) is None or parent[node] in parent
                    node = parent.get(node)

    @staticmethod
    def _lineage_matches_events():
        for e in LineageEdge.objects.select_related("event"):
            on = e.event.effective_on
            ended = UnitVersion.objects.filter(unit_id=e.predecessor_id, valid_to=on).exists()
            survivor = e.event.kind == EventKind.ABSORB and e.successor_id == e.predecessor_id
            assert ended or survivor
            assert UnitVersion.objects.filter(unit_id=e.successor_id, valid_from__lte=on).exists()
        for ev in ReorgEvent.objects.filter(
            kind__in=[EventKind.MERGE, EventKind.SPLIT, EventKind.ABSORB]
        ):
            closed = UnitVersion.objects.filter(closed_by=ev).values_list("unit_id", flat=True)
            with_edges = set(ev.edges.values_list("predecessor_id", flat=True))
            reopened = set(
                UnitVersion.objects.filter(opened_by=ev).values_list("unit_id", flat=True)
            )
            assert set(closed) - reopened <= with_edges
