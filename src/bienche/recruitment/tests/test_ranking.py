"""Worked cases of the ranking rules (Decree 138/2020 as amended by Decree 06/2023)."""

from __future__ import annotations

from decimal import Decimal as D

from bienche.recruitment.ranking import (
    DECLINED,
    FAILED,
    LOST,
    SUPPLEMENTARY,
    TIE_PENDING,
    WON,
    Entry,
    rank_position,
)

PASS = D(50)


def e(key, r2, prio=0, *, r1=True, declined=False, in_window=True):
    r2 = None if r2 is None else D(str(r2))
    return Entry(key, r1, r2, D(str(prio)), declined, in_window)


def by_key(placed):
    return {p.key: p for p in placed}


def test_pass_threshold_round2_below_50_fails_even_with_priority_points():
    # 49.5 + 7.5 = 57 would rank first, but round 2 alone must reach 50
    r = by_key(rank_position([e(1, 49.5, 7.5), e(2, 50)], seats=2, pass_mark=PASS))
    assert (r[1].outcome, r[1].reason) == (FAILED, "below_pass")
    assert (r[2].outcome, r[2].reason) == (WON, "within_quota")


def test_round1_failed_or_not_sat_never_ranks():
    r = by_key(
        rank_position([e(1, 90, r1=False), e(2, 90, r1=None), e(3, None)], seats=3, pass_mark=PASS)
    )
    assert [r[k].reason for k in (1, 2, 3)] == ["round1_failed", "round1_absent", "round2_absent"]
    assert all(p.outcome == FAILED for p in r.values())


def test_priority_points_are_added_to_round2():
    # 70 + 5 = 75 beats 72 + 0 for the only seat
    r = by_key(rank_position([e(1, 72), e(2, 70, 5)], seats=1, pass_mark=PASS))
    assert (r[2].outcome, r[2].total) == (WON, D(75))
    assert (r[1].outcome, r[1].reason, r[1].rank) == (LOST, "outside_quota", 2)


def test_quota_per_position_limits_the_winners():
    r = by_key(rank_position([e(k, 60 + k) for k in range(1, 6)], seats=2, pass_mark=PASS))
    assert {k for k, p in r.items() if p.outcome == WON} == {4, 5}
    assert [r[k].rank for k in (5, 4, 3, 2, 1)] == [1, 2, 3, 4, 5]


def test_tie_on_total_goes_to_the_higher_round2_score():
    # 75 total each: 70 + 5 and 75 + 0; one seat left → round 2 of 75 wins
    r = by_key(rank_position([e(1, 70, 5), e(2, 75), e(3, 90)], seats=2, pass_mark=PASS))
    assert (r[2].outcome, r[2].reason) == (WON, "round2_higher")
    assert (r[1].outcome, r[1].reason) == (LOST, "round2_lower")


def test_tie_remaining_waits_for_the_head_then_records_the_choice():
    entries = [e(1, 80), e(2, 80), e(3, 90)]
    pending = by_key(rank_position(entries, seats=2, pass_mark=PASS))
    assert pending[1].outcome == pending[2].outcome == TIE_PENDING
    assert pending[3].outcome == WON
    decided = by_key(rank_position(entries, seats=2, pass_mark=PASS, head_choices=frozenset({2})))
    assert (decided[2].outcome, decided[2].reason) == (WON, "head_decided")
    assert (decided[1].outcome, decided[1].reason) == (LOST, "head_decided_other")


def test_tie_not_at_the_last_seat_needs_no_decision():
    r = by_key(rank_position([e(1, 80), e(2, 80), e(3, 60)], seats=2, pass_mark=PASS))
    assert r[1].outcome == r[2].outcome == WON
    assert r[3].outcome == LOST


def test_declined_winner_within_window_gives_the_seat_to_the_next_candidate():
    r = by_key(
        rank_position([e(1, 90, declined=True), e(2, 80), e(3, 70)], seats=1, pass_mark=PASS)
    )
    assert r[1].outcome == DECLINED
    assert (r[2].outcome, r[2].reason) == (SUPPLEMENTARY, "next")
    assert r[3].outcome == LOST


def test_declined_winner_after_the_window_leaves_the_seat_vacant():
    r = by_key(
        rank_position([e(1, 90, declined=True, in_window=False), e(2, 80)], seats=1, pass_mark=PASS)
    )
    assert r[1].outcome == DECLINED
    assert r[2].outcome == LOST


def test_next_candidate_must_still_pass_the_threshold():
    r = by_key(rank_position([e(1, 90, declined=True), e(2, 40)], seats=1, pass_mark=PASS))
    assert r[2].outcome == FAILED


def test_decline_lets_the_tied_candidate_in_as_supplementary():
    entries = [e(1, 90, declined=True), e(2, 70), e(3, 70)]
    r = by_key(rank_position(entries, seats=2, pass_mark=PASS, head_choices=frozenset({3})))
    # both now fit in the two seats: the head's choice no longer matters for 3
    assert (r[3].outcome, r[3].reason) == (WON, "within_quota")
    assert (r[2].outcome, r[2].reason) == (SUPPLEMENTARY, "next")
