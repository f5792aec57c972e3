"""Recruitment reads: exams, current scores (reviews applied) and the ranking with reasons."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from bienche.core.workdays import add_working_days
from bienche.recruitment.enums import CandidateStatus
from bienche.recruitment.models import Candidate, Exam, Score, Target, TieDecision
from bienche.recruitment.ranking import Entry, rank_position
from bienche.recruitment.rules_data import PRIORITY_POINTS, rules_for


def exam_rules(exam: Exam) -> dict[str, Any]:
    return rules_for(exam.kind, exam.exam_date)


def review_deadline(exam: Exam) -> dt.date | None:
    if exam.results_on is None:
        return None
    return add_working_days(exam.results_on, exam_rules(exam)["review_working_days"])


def supplementary_until(exam: Exam) -> dt.date | None:
    months = exam_rules(exam)["supplementary_months"]
    if exam.results_on is None or not months:
        return None
    r = exam.results_on
    y, mo = divmod(r.month - 1 + months, 12)
    last = calendar.monthrange(r.year + y, mo + 1)[1]
    return dt.date(r.year + y, mo + 1, min(r.day, last))


def round_score(rows: list[Score]) -> Decimal | None:
    """The review's value if any (latest), else the mean of the examiners' marks."""
    if not rows:
        return None
    reviews = [s for s in rows if s.kind == "review"]
    if reviews:
        return reviews[-1].value
    return sum((s.value for s in rows), Decimal(0)) / len(rows)


def current_scores(exam: Exam) -> dict[int, dict[int, Decimal | None]]:
    rows: dict[tuple[int, int], list[Score]] = defaultdict(list)
    for s in Score.objects.filter(candidate__exam=exam).order_by("id"):
        rows[(s.candidate_id, s.round)].append(s)
    out: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
    for (cid, rnd), scores in rows.items():
        out[cid][rnd] = round_score(scores)
    return out


def score_history(candidate: Candidate) -> list[Score]:
    return list(candidate.scores.order_by("round", "id"))


def _entry(c: Candidate, scores: dict[int, Decimal | None], rules: dict, until: Any) -> Entry:
    r1 = scores.get(1)
    declined = c.status == CandidateStatus.DECLINED
    return Entry(
        key=c.pk,
        round1_passed=None if r1 is None else r1 >= rules["round1_pass_percent"],
        round2=scores.get(2),
        priority=Decimal(str(PRIORITY_POINTS.get(c.priority, {"points": 0})["points"])),
        declined=declined,
        decline_in_window=bool(declined and until and c.status_on and c.status_on <= until),
    )


def exam_results(exam: Exam) -> list[dict[str, Any]]:
    """Per target: its candidates ranked, each with outcome, reason code and parameters."""
    rules = exam_rules(exam)
    scores = current_scores(exam)
    until = supplementary_until(exam)
    candidates = list(Candidate.objects.filter(exam=exam).order_by("number"))
    decisions = {d.chosen_id: d for d in TieDecision.objects.filter(target__exam=exam)}
    out = []
    for target in Target.objects.filter(exam=exam).select_related("position").order_by("id"):
        mine = [c for c in candidates if c.target_id == target.pk]
        live = [c for c in mine if c.status != CandidateStatus.WITHDRAWN]
        placed = rank_position(
            [_entry(c, scores.get(c.pk, {}), rules, until) for c in live],
            seats=target.seats,
            pass_mark=Decimal(rules["round2_pass"]),
            head_choices=frozenset(k for k in decisions if k in {c.pk for c in live}),
        )
        by_key = {p.key: p for p in placed}
        rows = [_row(c, scores.get(c.pk, {}), by_key.get(c.pk), decisions) for c in mine]
        rows.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, r["candidate"].number))
        out.append({"target": target, "rows": rows})
    return out


def _row(c: Candidate, scores: dict, placed: Any, decisions: dict) -> dict[str, Any]:
    numbers = [d.number for d in decisions.values() if d.target_id == c.target_id]
    params = dict(placed.params) if placed else {}
    params.setdefault("decision", ", ".join(sorted(set(numbers))))
    return {
        "candidate": c,
        "round1": scores.get(1),
        "round2": scores.get(2),
        "priority": PRIORITY_POINTS.get(c.priority, {"points": 0})["points"],
        "total": placed.total if placed else None,
        "rank": placed.rank if placed else None,
        "outcome": placed.outcome if placed else "withdrawn",
        "reason": placed.reason if placed else "withdrawn",
        "params": params,
    }


def candidate_result(exam: Exam, candidate: Candidate) -> dict[str, Any]:
    for block in exam_results(exam):
        for row in block["rows"]:
            if row["candidate"].pk == candidate.pk:
                return row
    return {}


def exam_list(unit_ids: frozenset[int] | None = None) -> list[Exam]:
    qs = Exam.objects.select_related("unit").order_by("-exam_date", "code")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return list(qs)


def recruitment_year(unit_ids: frozenset[int] | None, year: int) -> dict[str, Any]:
    """The year's recruitment for the streamlining report: people appointed (start date in
    the year) per exam, split into new hires and heads of division appointed by selection.
    ``unit_ids`` limits to the units of the recruited positions (``None``: the city)."""
    qs = Candidate.objects.filter(status=CandidateStatus.APPOINTED, status_on__year=year)
    if unit_ids is not None:
        qs = qs.filter(target__position__unit_id__in=unit_ids)
    by_exam: dict[str, dict[str, Any]] = {}
    for code, title, kind in qs.values_list("exam__code", "exam__title", "exam__kind"):
        row = by_exam.setdefault(code, {"code": code, "title": title, "kind": kind, "appointed": 0})
        row["appointed"] += 1
    rows = sorted(by_exam.values(), key=lambda r: r["code"])
    heads = sum(r["appointed"] for r in rows if r["kind"] == "leadership")
    hires = sum(r["appointed"] for r in rows) - heads
    return {"year": year, "new_hires": hires, "heads_appointed": heads, "by_exam": rows}


def appointments_of(exam: Exam) -> dict[int, Any]:
    """The appointment decisions of a leader selection, by candidate id."""
    from bienche.recruitment.models import LeadershipAppointment

    qs = LeadershipAppointment.objects.filter(candidate__exam=exam)
    return {a.candidate_id: a for a in qs}
