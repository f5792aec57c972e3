"""Ranking of one position's candidates by the decree's rules (pure: no Django, no I/O).

Order of the steps (Decree 138/2020 Art. 13 as amended; Decree 115/2020 Art. 10):

1. round 1 must be passed (each part ≥ the pass percentage);
2. round 2 must reach the pass mark (50/100);
3. the total is round 2 + the highest priority points;
4. candidates are ordered by the total, and the seats of the position are filled in order;
5. a tie at the last seat goes to the higher round-2 score;
6. if still tied, the head of the recruiting body decides (a recorded decision);
7. a winner who declines leaves the seat to the next passing candidate (tuyển dụng bổ sung)
   if the decline falls within the legal window; otherwise the seat stays vacant.

Each candidate gets an outcome and a reason code with parameters, shown on the results page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

WON = "won"
SUPPLEMENTARY = "supplementary"
LOST = "lost"
FAILED = "failed"
TIE_PENDING = "tie_pending"
DECLINED = "declined"


@dataclass(frozen=True)
class Entry:
    key: int
    round1_passed: bool | None  # None: did not sit round 1
    round2: Decimal | None  # None: did not sit round 2
    priority: Decimal = Decimal(0)
    declined: bool = False
    decline_in_window: bool = True


@dataclass
class Placed:
    key: int
    rank: int | None
    total: Decimal | None
    outcome: str
    reason: str
    params: dict = field(default_factory=dict)


def _failed(e: Entry, pass_mark: Decimal) -> Placed | None:
    if e.round1_passed is None:
        return Placed(e.key, None, None, FAILED, "round1_absent")
    if not e.round1_passed:
        return Placed(e.key, None, None, FAILED, "round1_failed")
    if e.round2 is None:
        return Placed(e.key, None, None, FAILED, "round2_absent")
    if e.round2 < pass_mark:
        return Placed(e.key, None, None, FAILED, "below_pass", {"mark": pass_mark})
    return None


def _total(e: Entry) -> Decimal:
    return (e.round2 or Decimal(0)) + e.priority


def _order(e: Entry) -> tuple[Decimal, Decimal]:
    return (-_total(e), -(e.round2 or Decimal(0)))


def _groups(entries: list[Entry]) -> list[list[Entry]]:
    groups: list[list[Entry]] = []
    for e in sorted(entries, key=lambda e: (_order(e), e.key)):
        if groups and _order(groups[-1][0]) == _order(e):
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def rank_position(
    entries: list[Entry],
    *,
    seats: int,
    pass_mark: Decimal,
    head_choices: frozenset[int] = frozenset(),
) -> list[Placed]:
    """Rank one position; ``head_choices`` are the keys the head chose to break a tie."""
    out: list[Placed] = []
    passing: list[Entry] = []
    for e in entries:
        fail = _failed(e, pass_mark)
        if fail:
            out.append(fail)
        else:
            passing.append(e)
    free = seats - sum(1 for e in passing if e.declined and not e.decline_in_window)
    totals = [_total(e) for e in passing]
    first = _first_winners(entries, seats, pass_mark, head_choices)
    for position, group in enumerate(_groups(passing), start=1):
        same_total = totals.count(_total(group[0])) > len(group)
        live = [e for e in group if not e.declined]
        out.extend(_placed(e, position, DECLINED, "declined") for e in group if e.declined)
        if len(live) <= free:
            for e in live:
                late = e.key not in first
                reason = "next" if late else ("round2_higher" if same_total else "within_quota")
                out.append(_placed(e, position, SUPPLEMENTARY if late else WON, reason))
            free -= len(live)
        elif free > 0:
            out.extend(_head_decides(live, position, free, head_choices))
            free = 0
        else:
            reason = "round2_lower" if same_total else "outside_quota"
            out.extend(_placed(e, position, LOST, reason, seats=seats) for e in live)
    return out


def _first_winners(
    entries: list[Entry], seats: int, pass_mark: Decimal, choices: frozenset[int]
) -> set[int]:
    """Who won before any decline: a winner outside this set is a supplementary one."""
    if not any(e.declined for e in entries):
        return {e.key for e in entries}
    undeclined = [replace(e, declined=False) for e in entries]
    placed = rank_position(undeclined, seats=seats, pass_mark=pass_mark, head_choices=choices)
    return {p.key for p in placed if p.outcome == WON}


def _placed(e: Entry, position: int, outcome: str, reason: str, **params: object) -> Placed:
    return Placed(e.key, position, _total(e), outcome, reason, dict(params))


def _head_decides(
    live: list[Entry], position: int, free: int, choices: frozenset[int]
) -> list[Placed]:
    chosen = [e for e in live if e.key in choices]
    if len(chosen) != free:
        return [_placed(e, position, TIE_PENDING, "tie_pending", seats=free) for e in live]
    return [
        _placed(e, position, WON, "head_decided")
        if e.key in choices
        else _placed(e, position, LOST, "head_decided_other")
        for e in live
    ]
