"""Recruitment tables: exams with their plan, targets per position, candidates, score
history (reviews included) and the head's decisions. Writes go through ``services``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.org.models import Unit
from bienche.recruitment.enums import (
    CandidateStatus,
    Education,
    ExamKind,
    ExamStatus,
    LeaderPost,
    PoliticalTheory,
    Priority,
    ScoreKind,
    StateManagement,
)
from bienche.staffing.models import JobPosition, Person


class Exam(models.Model):
    """One recruitment exam (kỳ thi tuyển) or competitive selection of heads, with its plan."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=ExamKind.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="exams")
    exam_date = models.DateField(_("exam date"))
    status = models.CharField(max_length=10, choices=ExamStatus.choices, default=ExamStatus.DRAFT)
    plan_number = models.CharField(_("plan decision number"), max_length=64, blank=True)
    plan_date = models.DateField(_("plan decision date"), null=True, blank=True)
    plan_signer = models.CharField(_("plan signed by"), max_length=120, blank=True)
    results_on = models.DateField(_("results posted on"), null=True, blank=True)
    synthetic = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.code


class Target(models.Model):
    """Seats to fill for one job position of a unit (chỉ tiêu tuyển dụng)."""

    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="targets")
    position = models.ForeignKey(JobPosition, on_delete=models.PROTECT, related_name="+")
    seats = models.PositiveIntegerField(_("positions to fill"))
    rank_code = models.CharField(_("rank code"), max_length=20)
    education = models.CharField(_("education required"), max_length=16, choices=Education.choices)
    leadership_coef_h = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exam", "position"], name="recruit_target_position")
        ]


class Candidate(models.Model):
    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="candidates")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="candidates")
    number = models.PositiveIntegerField(_("candidate number"))
    personal_id = models.CharField(_("personal identifier"), max_length=12)
    full_name = models.CharField(_("full name"), max_length=255)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(max_length=1)
    education = models.CharField(_("education"), max_length=16, choices=Education.choices)
    priority = models.CharField(
        _("priority category"), max_length=20, choices=Priority.choices, blank=True
    )
    verified_on = models.DateField(_("entrance verification passed on"), null=True, blank=True)
    internal = models.BooleanField(default=True)
    # leadership selection: the post's standards (empty for a recruitment exam)
    rank_code = models.CharField(_("current rank code"), max_length=20, blank=True)
    years_in_field = models.PositiveSmallIntegerField(
        _("years of work in the field"), null=True, blank=True
    )
    political_theory = models.CharField(
        _("political theory"), max_length=12, choices=PoliticalTheory.choices, blank=True
    )
    state_management = models.CharField(
        _("state-management training"),
        max_length=20,
        choices=StateManagement.choices,
        blank=True,
    )
    current_post = models.CharField(
        _("leadership post held"), max_length=20, choices=LeaderPost.choices, blank=True
    )
    status = models.CharField(
        max_length=12, choices=CandidateStatus.choices, default=CandidateStatus.REGISTERED
    )
    status_on = models.DateField(null=True, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["exam_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["exam", "personal_id"], name="recruit_candidate_once"),
            models.UniqueConstraint(fields=["exam", "number"], name="recruit_candidate_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number:03d} {self.full_name}"


class Score(models.Model):
    """One score of a candidate in a round; a review adds a row, the latest row counts."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="scores")
    round = models.PositiveSmallIntegerField(_("round"))
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    kind = models.CharField(max_length=8, choices=ScoreKind.choices, default=ScoreKind.INITIAL)
    examiner = models.CharField(_("examiner"), max_length=120, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    entered_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["candidate_id", "round", "id"]


class TieDecision(models.Model):
    """The head of the recruiting body's choice when a tie remains at the last seat."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="decisions")
    chosen = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("decision number"), max_length=64)
    decided_on = models.DateField()


class LeadershipAppointment(models.Model):
    """The appointment decision of a leader selection's winner (quyết định bổ nhiệm)."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.PROTECT, related_name="appointment"
    )
    decision_number = models.CharField(_("decision number"), max_length=64)
    decided_on = models.DateField(_("decision date"))
    signer = models.CharField(_("signed by"), max_length=120)
    effective_on = models.DateField(_("effective from"))
    term_years = models.PositiveSmallIntegerField(_("term (years)"), default=5)
    term_ends_on = models.DateField(_("term ends on"))
    leadership_coef_h = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
