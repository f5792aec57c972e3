"""Competitive selection of a head of division: the post's standards at their edges, the
panel's average and pass rule, at least two candidates per post, the appointment decision
onto the roster with the allowance from the effective date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bienche.core.errors import Conflict, InvalidInput
from bienche.core.models import AuditEntry
from bienche.recruitment import messages as m
from bienche.recruitment.models import Candidate, LeadershipAppointment
from bienche.recruitment.selectors import exam_results
from bienche.recruitment.services.appointments import leadership_appoint
from bienche.recruitment.services.results import exam_results_post, tie_decide
from bienche.recruitment.services.scores import score_enter
from bienche.recruitment.tests.factories import (
    EXAM_DAY,
    RESULTS_DAY,
    department,
    leader_candidate,
    leader_exam,
    panel,
)
from bienche.staffing.models import Assignment
from bienche.staffing.streamlining import retirement_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def ld():
    department()
    return leader_exam()


def refused(**over) -> InvalidInput:
    with pytest.raises(InvalidInput) as err:
        leader_candidate(50, **over)
    return err.value


def test_a_candidate_meeting_every_standard_registers(ld):
    c = Candidate.objects.get(number=leader_candidate(1))
    assert (c.rank_code, c.years_in_field, c.political_theory) == ("01.003", 6, "trung_cap")


def test_experience_one_year_short_is_refused_naming_the_standard(ld):
    err = refused(years_in_field=4)  # the head of division needs 5 [M]
    assert err.message == m.LEADER_YEARS
    assert "thâm niên" in err.vi
    assert "5 năm" in err.vi
    assert "có 4 năm" in err.vi
    assert leader_candidate(2, years_in_field=5)  # exactly the minimum


def test_rank_below_chuyen_vien_is_refused(ld):
    err = refused(rank_code="01.004")  # Cán sự, group A0
    assert err.message == m.LEADER_RANK
    assert err.field == "rank_code"
    assert refused(rank_code="").message == m.LEADER_RANK


def test_political_theory_and_state_management_levels(ld):
    assert refused(political_theory="so_cap").message == m.LEADER_POLITICAL
    assert refused(state_management="").message == m.LEADER_STATE_MGMT
    assert leader_candidate(3, political_theory="cao_cap", state_management="chuyen_vien_chinh")


def test_age_exactly_at_the_limit_is_allowed_one_day_over_is_refused(ld):
    limit = dt.date(1967, 10, 5)  # a man retiring at 62 on 05/10/2029 = exam day + 5 years
    assert retirement_date(limit, "M") == dt.date(2029, 10, 5) == EXAM_DAY.replace(year=2029)
    assert leader_candidate(4, birth_date=limit)
    err = refused(birth_date=dt.date(1967, 10, 4))
    assert err.message == m.LEADER_AGE
    assert err.field == "birth_date"
    assert "04/10/2029" in err.vi


def test_already_holding_the_post_or_higher_is_not_a_first_appointment(ld):
    err = refused(current_post="truong_phong")
    assert err.message == m.LEADER_ALREADY_HOLDS
    assert err.field == "current_post"
    assert "bổ nhiệm lần đầu" in err.vi
    assert "Trưởng phòng thuộc Sở" in err.vi
    assert leader_candidate(5, current_post="pho_truong_phong")  # a deputy may compete


def test_internal_candidate_must_be_on_the_units_roster(ld):
    assert refused(internal=True).message == m.LEADER_NOT_ON_ROSTER
    # person 900 is on S1's roster (Chuyên viên, position CV)
    number = leader_candidate(900, internal=True, birth_date=dt.date(1980, 5, 1), sex="F")
    assert Candidate.objects.get(number=number).internal


def test_priority_points_do_not_apply(ld):
    assert refused(priority="hero").message == m.LEADER_PRIORITY


def test_marking_needs_two_candidates_per_post(ld):
    a = leader_candidate(1)
    with pytest.raises(InvalidInput) as err:
        panel(ld, a, [70, 70, 70])
    assert err.value.message == m.TOO_FEW_CANDIDATES
    assert "«TP»" in err.value.vi
    assert "ít nhất 2" in err.value.vi


def test_round2_needs_three_panel_members_and_takes_their_average(ld):
    a, b = leader_candidate(1), leader_candidate(2)
    panel(ld, a, [60, 70])  # only two members so far
    panel(ld, b, [40, 55, 52])  # average 49: below the pass mark of 50
    with pytest.raises(InvalidInput) as err:
        exam_results_post(exam_code=ld, on=RESULTS_DAY, acting_user=None)
    assert err.value.message == m.PANEL_TOO_FEW
    assert "ít nhất 3" in err.value.vi
    with pytest.raises(InvalidInput) as err:
        score_enter(exam_code=ld, number=a, round=2, value=80, on=EXAM_DAY, acting_user=None)
    assert err.value.message == m.PANEL_EXAMINER_REQUIRED
    score_enter(
        exam_code=ld, number=a, round=2, value=80, examiner="HĐ3", on=EXAM_DAY, acting_user=None
    )
    exam_results_post(exam_code=ld, on=RESULTS_DAY, acting_user=None)
    rows = {
        r["candidate"].number: r
        for r in exam_results(Candidate.objects.get(number=a).exam)[0]["rows"]
    }
    assert rows[a]["round2"] == Decimal(70)
    assert rows[a]["outcome"] == "won"
    assert rows[b]["round2"] == Decimal(49)
    assert rows[b]["reason"] == "below_pass"


def test_equal_averages_go_to_the_heads_recorded_decision(ld):
    a, b = leader_candidate(1), leader_candidate(2)
    panel(ld, a, [70, 80, 75])
    panel(ld, b, [75, 75, 75])
    exam_results_post(exam_code=ld, on=RESULTS_DAY, acting_user=None)
    exam = Candidate.objects.get(number=a).exam
    assert {r["outcome"] for r in exam_results(exam)[0]["rows"]} == {"tie_pending"}
    tie_decide(
        exam_code=ld, number=b, decision_number="9/QĐ-TEST", on=RESULTS_DAY, acting_user=None
    )
    rows = {r["candidate"].number: r["outcome"] for r in exam_results(exam)[0]["rows"]}
    assert rows == {a: "lost", b: "won"}


def posted(ld: str) -> tuple[int, int]:
    a, b = (
        leader_candidate(1),
        leader_candidate(900, internal=True, birth_date=dt.date(1980, 5, 1), sex="F"),
    )
    panel(ld, a, [60, 62, 64])
    panel(ld, b, [80, 85, 90])
    exam_results_post(exam_code=ld, on=RESULTS_DAY, acting_user=None)
    return a, b


def appoint(ld: str, number: int, **over):
    args = {
        "decision_number": "15/QĐ-TEST",
        "decided_on": dt.date(2024, 11, 20),
        "signer": "Giám đốc Sở",
        "effective_on": dt.date(2024, 12, 1),
    }
    return leadership_appoint(exam_code=ld, number=number, acting_user=None, **(args | over))


def test_appointment_puts_the_winner_in_the_post_with_the_allowance_from_the_effective_date(ld):
    _, winner = posted(ld)
    before = Assignment.objects.get(person__personal_id=f"{900:012d}", valid_to__isnull=True)
    record = appoint(ld, winner)
    assert record.term_ends_on == dt.date(2029, 11, 30)
    assert record.term_years == 5
    assert record.leadership_coef_h == 60
    rows = Assignment.objects.filter(person__personal_id=f"{900:012d}").order_by("valid_from")
    old, new = list(rows)
    assert old.pk == before.pk
    assert old.valid_to is not None
    assert old.valid_to <= dt.date(2024, 12, 1)
    assert (new.position.code, new.valid_from, new.leadership_coef_h) == (
        "TP",
        dt.date(2024, 12, 1),
        60,
    )
    assert (new.rank_code, new.step, new.coefficient_h) == (old.rank_code, old.step, 234)
    entry = AuditEntry.objects.filter(action="recruitment.leader.appoint").get()
    assert entry.after["decision"] == "15/QĐ-TEST"
    assert Candidate.objects.get(number=winner).status == "appointed"


def test_duplicate_stale_and_loser_appointments_are_refused(ld):
    loser, winner = posted(ld)
    with pytest.raises(InvalidInput) as err:
        appoint(ld, loser)
    assert err.value.message == m.NOT_WINNER
    with pytest.raises(Conflict):
        appoint(ld, winner, expected_version=0)
    with pytest.raises(InvalidInput) as err:
        appoint(ld, winner, effective_on=dt.date(2024, 11, 1))
    assert err.value.message == m.APPOINT_DATES
    appoint(ld, winner)
    with pytest.raises(InvalidInput) as err:
        appoint(ld, winner)
    assert err.value.message == m.CANDIDATE_NOT_ACTIVE
    assert LeadershipAppointment.objects.count() == 1
    assert Assignment.objects.filter(position__code="TP").count() == 1


def test_a_leader_plan_takes_only_posts_with_standards(ld):
    from bienche.recruitment.services.plans import exam_plan_create

    with pytest.raises(InvalidInput) as err:
        exam_plan_create(
            code="LD2",
            title="Thi tuyển",
            kind="leadership",
            unit_code="S1",
            exam_date=EXAM_DAY,
            targets=[{"unit_code": "S1", "position_code": "CV", "seats": 1}],
            acting_user=None,
        )
    assert err.value.message == m.LEADER_NO_STANDARD
    assert err.value.field == "targets[0].position_code"


def test_round2_import_without_the_panel_member_names_the_column(ld, tmp_path):
    from bienche.recruitment.imports import C_EXAMINER, SCORE_HEADERS, scores_import_xlsx
    from bienche.recruitment.tests.test_imports import book

    a, b = leader_candidate(1), leader_candidate(2)
    for n in (a, b):
        score_enter(exam_code=ld, number=n, round=1, value=80, on=EXAM_DAY, acting_user=None)
    rows = [[a, "", 70, "HĐ1"], [b, "", 65, ""]]
    path = book(tmp_path / "r2.xlsx", SCORE_HEADERS, rows)
    report = scores_import_xlsx(path, exam_code=ld, round=2, on=EXAM_DAY, acting_user=None)
    assert [(p.row, p.column) for p in report.problems] == [(3, C_EXAMINER)]
    assert not Candidate.objects.filter(scores__round=2).exists()


def test_the_posts_allowance_defaults_to_the_pay_parameters():
    from bienche.recruitment.models import Target
    from bienche.recruitment.services.plans import exam_plan_create

    department()
    exam_plan_create(
        code="LD4",
        title="Thi tuyển Trưởng phòng",
        kind="leadership",
        unit_code="S1",
        exam_date=EXAM_DAY,
        targets=[{"unit_code": "S1", "position_code": "TP", "seats": 1, "rank_code": "01.003"}],
        acting_user=None,
    )
    assert Target.objects.get(exam__code="LD4").leadership_coef_h == 60  # SO_TRUONG_PHONG, HN
