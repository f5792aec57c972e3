"""Staffing tables: job positions, quotas, people and their dated assignments.

Positions, quotas and assignments use the core validity mixin; writes go through
``staffing.services``. A job position (vị trí việc làm) is a persistent seat group of a unit:
it outlives the people in it, so cost and accountability attach to it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.core.dating import Validity
from bienche.org.models import Unit
from bienche.staffing.enums import (
    EndReason,
    PositionCategory,
    PositionStatus,
    QuotaKind,
    Sex,
    StaffCategory,
)


class JobPosition(models.Model):
    """Identity of a job position in a unit (code unique within the unit)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="job_positions")
    code = models.CharField(_("position code"), max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="staffing_position_code")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}:{self.code}"


class JobPositionVersion(Validity):
    position = models.ForeignKey(JobPosition, on_delete=models.CASCADE, related_name="versions")
    title = models.CharField(_("title"), max_length=255)
    category = models.CharField(_("category"), max_length=16, choices=PositionCategory.choices)
    min_group = models.CharField(_("minimum salary group"), max_length=8, blank=True)
    headcount = models.PositiveIntegerField(_("people needed"))
    status = models.CharField(
        _("status"), max_length=8, choices=PositionStatus.choices, default=PositionStatus.OPEN
    )

    class Meta(Validity.Meta):
        ordering = ["position_id", "valid_from"]


class Quota(Validity):
    """An approved number of people of one kind for a unit over a period, with its decision.

    ``reserve`` is kept at this unit: its children's quotas of the same kind may add up to at
    most ``amount - reserve``.
    """

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="quotas")
    kind = models.CharField(_("quota kind"), max_length=24, choices=QuotaKind.choices)
    amount = models.PositiveIntegerField(_("amount"))
    reserve = models.PositiveIntegerField(_("reserve kept at the unit"), default=0)
    basis_number = models.CharField(_("decision number"), max_length=64)
    basis_date = models.DateField(_("decision date"), null=True, blank=True)

    class Meta(Validity.Meta):
        indexes = [models.Index(fields=["unit", "kind", "valid_from"])]


class Person(models.Model):
    personal_id = models.CharField(_("personal identifier"), max_length=12, unique=True)
    full_name = models.CharField(_("full name"), max_length=255)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    education = models.CharField(_("education"), max_length=120, blank=True)
    qualifications = models.CharField(_("qualifications"), max_length=255, blank=True)
    synthetic = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.full_name


class Assignment(Validity):
    """A person's post over a period: unit, position, category, rank and pay step."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="assignments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    position = models.ForeignKey(
        JobPosition, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    staff_category = models.CharField(max_length=20, choices=StaffCategory.choices)
    rank_code = models.CharField(_("rank code"), max_length=20)
    salary_group = models.CharField(max_length=8)
    step = models.PositiveSmallIntegerField(_("salary step"))
    coefficient_h = models.PositiveIntegerField(_("salary coefficient (hundredths)"))
    last_step_date = models.DateField(_("date of last step increase"), null=True, blank=True)
    leadership_coef_h = models.PositiveIntegerField(default=0)
    sector_allowance_bp = models.PositiveIntegerField(default=0)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)

    class Meta(Validity.Meta):
        indexes = [
            models.Index(fields=["unit", "valid_from"]),
            models.Index(fields=["person", "valid_from"]),
        ]
