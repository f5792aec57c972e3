"""Territory records: the figures the standards are checked against, for a district- or
commune-level unit of the org registry, as of a data reference date; and adjacency.

A record never changes: new figures are a new record with a later ``as_of``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.org.models import Unit


class UnitType(models.TextChoices):
    WARD = "ward", _("Ward (phường)")
    COMMUNE = "commune", _("Commune (xã)")
    TOWNSHIP = "township", _("Township (thị trấn)")
    SPECIAL_ZONE = "special_zone", _("Special zone (đặc khu)")
    URBAN_DISTRICT = "urban_district", _("Urban district (quận)")
    RURAL_DISTRICT = "rural_district", _("Rural district (huyện)")
    TOWN = "town", _("District-level town (thị xã)")


class TerritoryRecord(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="territory_records")
    as_of = models.DateField(_("data reference date"), db_index=True)
    unit_type = models.CharField(_("unit type"), max_length=16, choices=UnitType.choices)
    area_km2 = models.FloatField(_("natural area (km²)"))
    population_permanent = models.PositiveIntegerField(_("permanent population"))
    population_temporary = models.PositiveIntegerField(_("temporary residents"), default=0)
    mountainous = models.BooleanField(_("mountainous or highland"), default=False)
    border = models.BooleanField(_("border"), default=False)
    island = models.BooleanField(_("island"), default=False)
    heritage = models.BooleanField(_("historical, cultural or ethnic factors"), default=False)
    isolated = models.BooleanField(_("isolated location"), default=False)
    central_city = models.BooleanField(_("in a centrally-run city"), default=False)
    ethnic_minority_pct = models.FloatField(_("ethnic minority share (%)"), default=0)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    source = models.CharField(_("source"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "as_of"], name="territory_record_unit_as_of")
        ]
        ordering = ["unit_id", "-as_of"]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.as_of}"


class Adjacency(models.Model):
    """Two units share a border (stored once, ``unit_a`` has the smaller id)."""

    unit_a = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    unit_b = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    approximate = models.BooleanField(_("approximated from centroids"), default=False)
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit_a", "unit_b"], name="territory_adjacency_pair"),
            models.CheckConstraint(
                condition=models.Q(unit_a__lt=models.F("unit_b")), name="territory_adjacency_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_a_id}–{self.unit_b_id}"


class SavedProposal(models.Model):
    """A merge proposal kept with the inputs it was computed from, until it is adopted.

    ``fingerprint`` hashes the territory the solver saw (units, their versions and figures,
    adjacency): if it differs when the proposal is adopted, the proposal is stale."""

    class Status(models.TextChoices):
        SAVED = "saved", _("Saved")
        ADOPTED = "adopted", _("Adopted")

    round_code = models.CharField(_("round"), max_length=40)
    parent = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("as of"))
    pinned = models.JSONField(_("pinned pairs"), default=list)
    forbidden = models.JSONField(_("forbidden pairs"), default=list)
    max_units = models.PositiveSmallIntegerField(_("units per merge at most"))
    rank = models.PositiveSmallIntegerField(_("alternative"), default=1)
    result = models.JSONField(_("solver result"), default=dict)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SAVED)
    basis_number = models.CharField(_("legal basis"), max_length=120, blank=True)
    basis_date = models.DateField(_("basis date"), null=True, blank=True)
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.round_code} {self.parent_id}"


class ProposalGroup(models.Model):
    """One new unit of a saved proposal: the old units that form it."""

    proposal = models.ForeignKey(SavedProposal, on_delete=models.CASCADE, related_name="groups")
    index = models.PositiveSmallIntegerField()
    members = models.JSONField(default=list)  # unit codes
    unit_type = models.CharField(max_length=16, choices=UnitType.choices)
    area_km2 = models.FloatField()
    population = models.PositiveIntegerField()
    new_code = models.CharField(max_length=40)
    new_name = models.CharField(max_length=255)
    event = models.ForeignKey(
        "org.ReorgEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["proposal_id", "index"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "index"], name="territory_group_index")
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}/{self.index}"
