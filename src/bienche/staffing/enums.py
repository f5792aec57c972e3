"""Stable codes of the staffing app (API and XLSX values)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PositionCategory(models.TextChoices):
    """The four job-position categories (Decree 62/2020, Decree 106/2020)."""

    LEADERSHIP = "leadership", _("Leadership and management")
    PROFESSIONAL = "professional", _("Specialized professional")
    SHARED = "shared", _("Shared professional")
    SUPPORT = "support", _("Support and service")


class StaffCategory(models.TextChoices):
    OFFICIAL = "official", _("Official (cán bộ)")
    CIVIL_SERVANT = "civil_servant", _("Civil servant (công chức)")
    PUBLIC_EMPLOYEE = "public_employee", _("Public employee (viên chức)")
    CONTRACT = "contract", _("Contract worker (Decree 111/2022)")
    COMMUNE_OFFICIAL = "commune_official", _("Commune-level official")


class QuotaKind(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil-servant quota (biên chế công chức)")
    PUBLIC_EMPLOYEE_BUDGET = (
        "public_employee_budget",
        _("Budget-paid public employees (số lượng người làm việc hưởng lương NSNN)"),
    )
    PUBLIC_EMPLOYEE_SELF = "public_employee_self", _("Self-financed public employees")
    CONTRACT = "contract", _("Contract workers (Decree 111/2022)")
    COMMUNE_OFFICIAL = "commune_official", _("Commune-level officials and civil servants")


#: Which quota a staff category counts against.
QUOTA_OF_CATEGORY = {
    StaffCategory.OFFICIAL: QuotaKind.CIVIL_SERVANT,
    StaffCategory.CIVIL_SERVANT: QuotaKind.CIVIL_SERVANT,
    StaffCategory.PUBLIC_EMPLOYEE: QuotaKind.PUBLIC_EMPLOYEE_BUDGET,
    StaffCategory.CONTRACT: QuotaKind.CONTRACT,
    StaffCategory.COMMUNE_OFFICIAL: QuotaKind.COMMUNE_OFFICIAL,
}


class PositionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FROZEN = "frozen", _("Frozen")


class EndReason(models.TextChoices):
    RETIREMENT = "retirement", _("Retirement")
    TRANSFER = "transfer", _("Transfer")
    STREAMLINING = "streamlining", _("Streamlining (Decree 29/2023, 178/2024)")
    RESIGNATION = "resignation", _("Resignation")
    DEATH = "death", _("Death")
    REORGANIZATION = "reorganization", _("Moved by a reorganization")
    CHANGE = "change", _("Change of rank, step or position")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
