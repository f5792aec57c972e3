"""The decentralization and delegation register.

``Power`` is a competence the law gives an authority (its ``holder``). A ``Transfer`` moves
it to a receiving unit, or to a class of units (every commune-level People's Committee),
for a dated period: a **decentralization** makes the receiver competent and responsible; a
**delegation** lets the receiver act while the delegator stays responsible, for a term.
``valid_to`` is the day the transfer stops applying (exclusive): the term's end, an
earlier revocation, or the day a reorganization carried it over to a successor unit
(``successor``). ``Review`` records each periodic review and its outcome.
See docs/adr/0004-delegation-resolution.md for how competence is resolved on a date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienche.core.dating import Validity
from bienche.delegation.enums import (
    DocumentKind,
    Field,
    Flag,
    Outcome,
    PowerKind,
    ReceiverClass,
    TransferKind,
)
from bienche.org.enums import UnitLevel
from bienche.org.models import ReorgEvent, Unit


class LegalDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    number = models.CharField(_("number and symbol"), max_length=64)
    issued_on = models.DateField(_("document date"))
    issuer = models.CharField(_("issuer"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    expired_on = models.DateField(_("expired on"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces"
    )
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "issued_on"], name="delegation_doc_unique")
        ]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class Power(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=500)
    field = models.CharField(_("field"), max_length=16, choices=Field.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PowerKind.choices)
    level = models.CharField(_("authority level"), max_length=16, choices=UnitLevel.choices)
    holder = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="held_powers", verbose_name=_("holder")
    )
    holder_title = models.CharField(_("competent post"), max_length=255, blank=True)
    legal_source = models.CharField(_("legal source"), max_length=500)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("power")
        verbose_name_plural = _("powers")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Transfer(Validity):
    power = models.ForeignKey(Power, on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField(_("kind"), max_length=16, choices=TransferKind.choices)
    from_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="powers_given")
    to_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="powers_received"
    )
    to_class = models.CharField(
        _("class of units"), max_length=16, choices=ReceiverClass.choices, blank=True
    )
    #: Level of the receiver when the transfer began (for statistics).
    receiver_level = models.CharField(max_length=16, choices=UnitLevel.choices, blank=True)
    document = models.ForeignKey(LegalDocument, on_delete=models.PROTECT, related_name="transfers")
    #: The delegation's term as decided (``valid_to`` may end earlier: revocation, carry-over).
    term_end = models.DateField(_("end of term"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    reporting_duty = models.TextField(_("reporting duties"), blank=True)
    sub_delegation_allowed = models.BooleanField(_("sub-delegation allowed"), default=False)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_delegations"
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_document = models.ForeignKey(
        LegalDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="revocations"
    )
    institutionalized_by = models.ForeignKey(
        LegalDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_on = models.DateField(_("review date"), null=True, blank=True, db_index=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_to"
    )
    #: The reorganization that carried this transfer over (or flagged it).
    reorg_event = models.ForeignKey(
        ReorgEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    flag = models.CharField(max_length=16, choices=Flag.choices, blank=True)
    synthetic = models.BooleanField(_("synthetic demo data"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Validity.Meta):
        ordering = ["power_id", "valid_from", "id"]
        indexes = [models.Index(fields=["power", "valid_from"], name="delegation_power_from")]
        constraints = [
            *Validity.Meta.constraints,
            models.CheckConstraint(
                condition=(Q(to_unit__isnull=False) & Q(to_class=""))
                | (Q(to_unit__isnull=True) & ~Q(to_class="")),
                name="delegation_one_receiver",
            ),
            models.CheckConstraint(
                condition=~Q(kind="delegation") | Q(term_end__isnull=False),
                name="delegation_has_term",
            ),
        ]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")

    def __str__(self) -> str:
        return f"{self.power.code} → {self.to_unit or self.to_class} ({self.valid_from})"


class Review(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField(_("review date"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    document = models.ForeignKey(
        LegalDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    next_review_on = models.DateField(null=True, blank=True)
    steering_task = models.ForeignKey(
        "steering.Task", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["transfer_id", "reviewed_on", "id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
