"""Choices of the Hòa Lạc investment app, and the pipelines' stage sequences."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """Where a project is in its pipeline; the order of this enum is the order of stages."""

    LEAD = "lead", _("Lead")
    CONTACTED = "contacted", _("Contacted")
    SITE_VISIT = "site_visit", _("Site visit")
    MOU = "mou", _("Memorandum of understanding")
    REGISTRATION = "registration", _("Investment registration")
    LAND = "land", _("Land allocation or lease")
    CONSTRUCTION = "construction", _("Construction")
    OPERATION = "operation", _("Operation")


STAGE_ORDER = {s: i for i, s in enumerate(Stage.values)}


class Pipeline(models.TextChoices):
    NEW = "new", _("New investor")
    EXPANSION = "expansion", _("Expansion of an existing investor")
    PARTNER = "partner", _("Partner (cooperation without a land project)")


#: The stages each pipeline walks through, in order; a project moves one step at a time.
PIPELINE_STAGES: dict[str, tuple[str, ...]] = {
    Pipeline.NEW: tuple(Stage.values),
    Pipeline.EXPANSION: (
        Stage.LEAD,
        Stage.REGISTRATION,
        Stage.LAND,
        Stage.CONSTRUCTION,
        Stage.OPERATION,
    ),
    Pipeline.PARTNER: (Stage.LEAD, Stage.CONTACTED, Stage.SITE_VISIT, Stage.MOU, Stage.OPERATION),
}

#: Days a project may stay in a stage before it is reported as stuck (an obstacle is raised).
#: Working practice of the board, not law: adjustable here, documented in the README.
STUCK_DAYS: dict[str, int] = {
    Stage.LEAD: 120,
    Stage.CONTACTED: 90,
    Stage.SITE_VISIT: 90,
    Stage.MOU: 180,
    Stage.REGISTRATION: 270,
    Stage.LAND: 365,
    Stage.CONSTRUCTION: 1095,
}

#: From which stage a project's land counts as committed, leased, occupied.
LAND_COMMITTED_FROM = Stage.REGISTRATION
LAND_LEASED_FROM = Stage.LAND
LAND_OCCUPIED_FROM = Stage.CONSTRUCTION


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    OPERATING = "operating", _("Operating")
    DROPPED = "dropped", _("Dropped")


class Sector(models.TextChoices):
    RESEARCH = "research", _("Research and development")
    INDUSTRY = "industry", _("High-tech industry")
    EDUCATION = "education", _("Education and training")
    SOFTWARE = "software", _("Software and digital")
    SERVICES = "services", _("Services")
    HOUSING = "housing", _("Housing and urban")


class LandUse(models.TextChoices):
    """The park's eight functional zones are planned for these uses (Decision 899/QĐ-TTg)."""

    TRAINING = "training", _("Training")
    RESEARCH = "research", _("Research and development")
    SOFTWARE = "software", _("Software")
    INDUSTRY = "industry", _("High-tech industry")
    CENTRE = "centre", _("Centre")
    SERVICES = "services", _("Services")
    HOUSING = "housing", _("Housing")
    LEISURE = "leisure", _("Sports and entertainment")
    INFRASTRUCTURE = "infrastructure", _("Roads, green space and utilities")


class TechLevel(models.TextChoices):
    HIGH = "high", _("High technology")
    ADVANCED = "advanced", _("Advanced technology")
    OTHER = "other", _("Other")


class Currency(models.TextChoices):
    VND = "VND", "VND"
    USD = "USD", "USD"


class ObstacleKind(models.TextChoices):
    LAND_CLEARANCE = "land_clearance", _("Land clearance")
    PLANNING = "planning", _("Planning")
    PROCEDURES = "procedures", _("Procedures")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    STALLED = "stalled", _("Stuck in a stage")


class Metric(models.TextChoices):
    """What a city target counts, for the dashboard's target-vs-actual table."""

    PROJECTS = "projects", _("Registered projects")
    CAPITAL = "capital", _("Registered capital (VND)")
    DISBURSED = "disbursed", _("Disbursed capital (VND)")
    JOBS = "jobs", _("Jobs created")
    OCCUPANCY = "occupancy", _("Land occupancy (%)")


def vi_label(choice: models.TextChoices) -> str:
    """The Vietnamese label (task texts and document summaries are written in Vietnamese)."""
    from django.utils import translation

    with translation.override("vi"):
        return str(choice.label)


def labels(name: str, choice: models.TextChoices) -> dict[str, str]:
    """``{name: Vietnamese label, name_en: English label}`` for a bilingual message."""
    from django.utils import translation

    with translation.override("en"):
        english = str(choice.label)
    return {name: vi_label(choice), f"{name}_en": english}
