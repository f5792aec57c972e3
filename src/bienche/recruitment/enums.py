"""Stable codes of the recruitment app (API and XLSX values)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExamKind(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil-servant recruitment exam (Decree 138/2020)")
    PUBLIC_EMPLOYEE = "public_employee", _("Public-employee recruitment exam (Decree 115/2020)")
    LEADERSHIP = "leadership", _("Competitive selection of a head of division")


class ExamStatus(models.TextChoices):
    DRAFT = "draft", _("Plan drafted")
    APPROVED = "approved", _("Plan approved")
    RESULTS = "results", _("Results posted")


class Education(models.TextChoices):
    INTERMEDIATE = "intermediate", _("Intermediate")
    COLLEGE = "college", _("College")
    UNIVERSITY = "university", _("University")
    MASTER = "master", _("Master or higher")


class Priority(models.TextChoices):
    NONE = "", _("None")
    HERO = "hero", _("Hero, war invalid (+7.5)")
    ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minority (+5)")
    OFFICER_VETERAN = "officer_veteran", _("Demobilized officer or soldier (+5)")
    MARTYR_CHILD = "martyr_child", _("Child of a martyr or war invalid (+5)")
    MILITARY_SERVICE = "military_service", _("Completed military or police service (+2.5)")
    YOUTH_VOLUNTEER = "youth_volunteer", _("Youth volunteer (+2.5)")


class CandidateStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DECLINED = "declined", _("Declined the post")
    APPOINTED = "appointed", _("Appointed")


class Round(models.IntegerChoices):
    ONE = 1, _("Round 1 (general knowledge)")
    TWO = 2, _("Round 2 (professional)")


class ScoreKind(models.TextChoices):
    INITIAL = "initial", _("Marked")
    REVIEW = "review", _("Review (phúc khảo)")


REASONS = {
    "round1_absent": _("Did not sit round 1"),
    "round1_failed": _("Did not pass round 1"),
    "round2_absent": _("Did not sit round 2"),
    "below_pass": _("Round 2 below the pass mark of {mark}"),
    "within_quota": _("Total within the positions to fill"),
    "round2_higher": _("Equal total; higher round-2 score"),
    "round2_lower": _("Equal total; lower round-2 score"),
    "outside_quota": _("Total outside the {seats} positions to fill"),
    "tie_pending": _("Equal at the last position: the head of the recruiting body decides"),
    "head_decided": _("Chosen by the head of the recruiting body (decision {decision})"),
    "head_decided_other": _("Not chosen by the head of the recruiting body (decision {decision})"),
    "declined": _("Declined the post"),
    "next": _("Supplementary recruitment after a winner declined"),
    "withdrawn": _("Withdrew the application"),
}

OUTCOMES = {
    "won": _("Successful"),
    "supplementary": _("Successful (supplementary)"),
    "lost": _("Not successful"),
    "failed": _("Not passed"),
    "tie_pending": _("Awaiting the head's decision"),
    "declined": _("Declined"),
    "withdrawn": _("Withdrawn"),
}


class PoliticalTheory(models.TextChoices):
    NONE = "", _("None")
    SO_CAP = "so_cap", _("Elementary (sơ cấp)")
    TRUNG_CAP = "trung_cap", _("Intermediate (trung cấp)")
    CAO_CAP = "cao_cap", _("Advanced (cao cấp)")


class StateManagement(models.TextChoices):
    NONE = "", _("None")
    CHUYEN_VIEN = "chuyen_vien", _("Specialist programme (chuyên viên)")
    CHUYEN_VIEN_CHINH = "chuyen_vien_chinh", _("Principal specialist programme (chuyên viên chính)")
    CHUYEN_VIEN_CAO_CAP = "chuyen_vien_cao_cap", _("Senior specialist programme (cao cấp)")


class LeaderPost(models.TextChoices):
    NONE = "", _("None")
    PHO_TRUONG_PHONG = "pho_truong_phong", _("Deputy head of division")
    TRUONG_PHONG = "truong_phong", _("Head of division")
