"""Territory records: the figures the standards are checked against, for a district- or
commune-level unit of the org registry, as of a data reference date; and adjacency.

A record never changes: new figures are a new record with a later ``as_of``."""

from __future__ import annotations

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
