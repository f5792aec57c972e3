"""Hòa Lạc Hi-Tech Park: zones and their land, investors, projects, their stages, capital
and obstacles.

Money is integer VND. A foreign-currency amount keeps its currency, its amount and the rate
of its date (``ExchangeRate`` or one typed on the record), and the VND equivalent computed
once with that rate, so figures never move when rates change later.

A project's history is its ``ProjectStage`` rows (stage entered on a date), its
certificates (registered capital as of any date is the latest certificate's) and its
disbursements (cumulative). The columns ``stage`` and ``stage_since`` on ``Project`` are a
summary the services keep in the same transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.investment.enums import (
    Currency,
    LandUse,
    Metric,
    ObstacleKind,
    Pipeline,
    Sector,
    Stage,
    Status,
    TechLevel,
)
from bienche.org.models import Unit

AREA = {"max_digits": 9, "decimal_places": 2}


class Zone(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=128)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("zone")

    def __str__(self) -> str:
        return self.name


class ZoneLand(models.Model):
    """Planned area of one use in one zone (ha), from the park's general plan."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="land")
    use = models.CharField(_("land use"), max_length=16, choices=LandUse.choices)
    planned_ha = models.DecimalField(_("planned area (ha)"), **AREA)
    source = models.CharField(_("source"), max_length=255)

    class Meta:
        ordering = ["zone", "use"]
        constraints = [
            models.UniqueConstraint(fields=["zone", "use"], name="investment_zone_use_unique"),
            models.CheckConstraint(
                condition=models.Q(planned_ha__gte=0), name="investment_zone_area_positive"
            ),
        ]


class ExchangeRate(models.Model):
    """VND per unit of a currency on a date (the rate the board uses for its reports)."""

    currency = models.CharField(max_length=3, choices=Currency.choices)
    on = models.DateField()
    vnd = models.PositiveIntegerField(_("VND per unit"))
    source = models.CharField(_("source"), max_length=255)

    class Meta:
        ordering = ["currency", "-on"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "on"], name="investment_rate_unique")
        ]


class Investor(models.Model):
    name = models.CharField(_("name"), max_length=255)
    name_key = models.CharField(max_length=255, db_index=True, editable=False)
    country = models.CharField(_("country (ISO code)"), max_length=2, default="VN")
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    contacts = models.TextField(_("contacts"), blank=True)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("investor")

    def __str__(self) -> str:
        return self.name

    @property
    def domestic(self) -> bool:
        return self.country == "VN"


class Meeting(models.Model):
    investor = models.ForeignKey(Investor, on_delete=models.CASCADE, related_name="meetings")
    on = models.DateField(_("date"))
    summary = models.TextField(_("summary"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        ordering = ["-on", "-pk"]


class Project(models.Model):
    code = models.CharField(_("code"), max_length=24, unique=True)
    name = models.CharField(_("name"), max_length=255)
    investor = models.ForeignKey(Investor, on_delete=models.PROTECT, related_name="projects")
    pipeline = models.CharField(_("pipeline"), max_length=16, choices=Pipeline.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    zone = models.ForeignKey(
        Zone, null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    land_use = models.CharField(_("land use"), max_length=16, choices=LandUse.choices, blank=True)
    land_ha = models.DecimalField(_("land area (ha)"), default=0, **AREA)
    jobs_planned = models.PositiveIntegerField(_("jobs planned"), default=0)
    jobs_created = models.PositiveIntegerField(_("jobs created"), default=0)
    tech_level = models.CharField(
        _("technology level"), max_length=16, choices=TechLevel.choices, default=TechLevel.HIGH
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    stage_since = models.DateField(_("in this stage since"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(null=True, blank=True)
    close_reason = models.TextField(blank=True)
    next_step = models.CharField(_("next step"), max_length=255, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("project")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(land_ha__gte=0), name="investment_project_area_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ProjectStage(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    entered_on = models.DateField()
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        ordering = ["project", "entered_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="investment_stage_once")
        ]


class Money(models.Model):
    """An amount in its currency, with the rate of its date and its VND equivalent."""

    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.VND)
    amount = models.BigIntegerField(_("amount (in its currency)"))
    rate_vnd = models.PositiveIntegerField(_("rate (VND per unit)"), default=1)
    amount_vnd = models.BigIntegerField(_("amount (VND)"))

    class Meta:
        abstract = True


class Certificate(Money):
    """An investment registration certificate or one of its amendments: the registered
    capital from its date on is the latest certificate's."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="certificates")
    number = models.CharField(_("certificate number"), max_length=64)
    issued_on = models.DateField(_("issued on"))
    amendment = models.PositiveSmallIntegerField(_("amendment (0 = first issue)"), default=0)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["project", "issued_on", "amendment"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "amendment"], name="investment_certificate_unique"
            )
        ]


class Disbursement(Money):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="disbursements")
    on = models.DateField(_("date"))
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["project", "on", "pk"]


class Obstacle(models.Model):
    """A problem (vướng mắc) blocking a project or the park, owned by a unit and followed up
    as a steering task, so it shows in the committee's scorecards."""

    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="obstacles"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ObstacleKind.choices)
    description = models.TextField(_("description"))
    responsible_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    raised_on = models.DateField(_("raised on"), db_index=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    task = models.OneToOneField(
        "steering.Task", null=True, blank=True, on_delete=models.PROTECT, related_name="obstacle"
    )
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["raised_on", "pk"]
        verbose_name = _("obstacle")


class Target(models.Model):
    """A target the city set for the park for a year (from a plan or a resolution)."""

    year = models.PositiveSmallIntegerField(_("year"))
    metric = models.CharField(_("metric"), max_length=16, choices=Metric.choices)
    value = models.BigIntegerField(_("target"))
    source = models.CharField(_("source"), max_length=255)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)

    class Meta:
        ordering = ["year", "metric"]
        constraints = [
            models.UniqueConstraint(fields=["year", "metric"], name="investment_target_unique")
        ]
