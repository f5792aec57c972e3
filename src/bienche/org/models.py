"""The dated organization registry.

``Unit`` is identity only; everything that can change lives in ``UnitVersion`` rows with
``valid_from`` (inclusive) / ``valid_to`` (exclusive, open = current). Versions are opened
and closed only by ``ReorgEvent``s (see ``org.services``), which also record ``LineageEdge``s
from predecessor to successor units. See docs/adr/0002-dated-org-model.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.core.dating import Validity
from bienche.org.enums import AutonomyLevel, EventKind, Role, Sector, UnitKind, UnitLevel


class Unit(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.code


class ReorgEvent(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    effective_on = models.DateField(_("effective date"), db_index=True)
    basis_number = models.CharField(_("document number"), max_length=64)
    basis_issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    basis_date = models.DateField(_("document date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_on", "id"]
        verbose_name = _("reorganization event")
        verbose_name_plural = _("reorganization events")

    def __str__(self) -> str:
        return f"{self.effective_on} {self.kind} ({self.basis_number})"


class UnitVersion(Validity):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="versions")
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=UnitLevel.choices)
    sector = models.CharField(
        _("sector"), max_length=16, choices=Sector.choices, default=Sector.GENERAL
    )
    parent = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="child_versions"
    )
    autonomy_level = models.PositiveSmallIntegerField(
        _("autonomy level"), null=True, blank=True, choices=AutonomyLevel.choices
    )
    admin_code = models.CharField(_("statistical code"), max_length=16, blank=True)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    opened_by = models.ForeignKey(
        ReorgEvent, on_delete=models.PROTECT, related_name="opened_versions"
    )
    closed_by = models.ForeignKey(
        ReorgEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="closed_versions"
    )

    class Meta(Validity.Meta):
        ordering = ["unit_id", "valid_from"]
        indexes = [models.Index(fields=["valid_from", "valid_to"], name="org_version_period")]
        verbose_name = _("unit version")
        verbose_name_plural = _("unit versions")

    def __str__(self) -> str:
        return f"{self.name} [{self.valid_from}–{self.valid_to or '…'})"


class LineageEdge(models.Model):
    """Predecessor → successor through an event. ``share_bp`` is the share of the predecessor
    that went to the successor, in basis points (10000 = whole)."""

    class Kind(models.TextChoices):
        FORMED = "formed", _("formed the successor")
        TAKEOVER = "takeover", _("staff and functions taken over")

    event = models.ForeignKey(ReorgEvent, on_delete=models.PROTECT, related_name="edges")
    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successor_edges")
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="predecessor_edges")
    share_bp = models.PositiveIntegerField(default=10000)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FORMED)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "predecessor", "successor"], name="org_edge_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(share_bp__gt=0) & models.Q(share_bp__lte=10000),
                name="org_edge_share_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id}→{self.successor_id} ({self.share_bp} bp)"


class EventParticipant(models.Model):
    """Every unit an event touched and how: for the unit page's event list."""

    class Part(models.TextChoices):
        SUBJECT = "subject", _("subject")
        PREDECESSOR = "predecessor", _("predecessor")
        SUCCESSOR = "successor", _("successor")

    event = models.ForeignKey(ReorgEvent, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="event_links")
    part = models.CharField(max_length=16, choices=Part.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "unit", "part"], name="org_participant_unique")
        ]


class Membership(models.Model):
    """A user's role, scoped to a unit's subtree (unit null only for city-wide admins)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="org_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}@{self.unit_id}"
