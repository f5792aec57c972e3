"""Tables of the pricing app: autonomy decisions and yearly finances of public service
units, services with dated cost norms and input prices, and the preschool pilot's schools
and their yearly accounts. Integer VND everywhere; no logic here (services validate)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienche.org.enums import AutonomyLevel
from bienche.pricing.enums import Area, LineKind


class AutonomyDecision(models.Model):
    """The autonomy group a competent body approved for a unit, from a date (exclusive end)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("approved group"), choices=AutonomyLevel.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    decision_number = models.CharField(_("decision"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["unit_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "valid_from"], name="pricing_decision_once"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__lt=models.F("valid_to")),
                name="pricing_decision_range",
            ),
        ]


class UnitFinance(models.Model):
    """A unit's revenue and recurrent expenditure for a year (its accounts)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    revenue = models.BigIntegerField(_("revenue"))
    recurrent_expenditure = models.BigIntegerField(_("recurrent expenditure"))
    self_finances_investment = models.BooleanField(_("self-finances investment"), default=False)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["unit_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="pricing_finance_once"),
        ]


class Service(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    unit_label = models.CharField(_("unit of service"), max_length=64)
    sector = models.CharField(_("sector"), max_length=32, blank=True)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Norm(models.Model):
    """The cost norm of a service from a date (the latest one on or before a date applies)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="norms")
    valid_from = models.DateField(_("valid from"))
    source = models.CharField(_("source"), max_length=255)
    user_fee = models.BigIntegerField(_("fee paid by the user"), default=0)

    class Meta:
        ordering = ["service_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["service", "valid_from"], name="pricing_norm_once"),
        ]


class NormLine(models.Model):
    norm = models.ForeignKey(Norm, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=LineKind.choices)
    item = models.CharField(_("item"), max_length=255)
    unit = models.CharField(_("unit"), max_length=32)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=4)
    coefficient = models.DecimalField(
        _("salary coefficient"), max_digits=5, decimal_places=2, default=0
    )
    source = models.CharField(_("source"), max_length=255)

    class Meta:
        ordering = ["norm_id", "position"]


class InputPrice(models.Model):
    """The price of a material or an equipment item (per its unit) from a date."""

    item = models.CharField(_("item"), max_length=255)
    valid_from = models.DateField(_("valid from"))
    price = models.BigIntegerField(_("price"))
    source = models.CharField(_("source"), max_length=255)

    class Meta:
        ordering = ["item", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["item", "valid_from"], name="pricing_price_once"),
        ]


class PilotSchool(models.Model):
    """A school in the preschool unified-price pilot."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    district = models.CharField(_("district"), max_length=255)
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["district", "code"]


class SchoolAccount(models.Model):
    """A pilot school's accounts for a school year (named by the year it starts)."""

    school = models.ForeignKey(PilotSchool, on_delete=models.CASCADE, related_name="accounts")
    year = models.PositiveSmallIntegerField(_("school year"))
    enrolment = models.PositiveIntegerField(_("enrolment"))
    months = models.PositiveSmallIntegerField(_("months"))
    fees = models.BigIntegerField(_("fees collected"))
    budget = models.BigIntegerField(_("budget support"))
    previous_budget = models.BigIntegerField(_("budget allocation before the pilot"))
    salary_cost = models.BigIntegerField(_("salary cost"))
    operating_cost = models.BigIntegerField(_("operating cost"))
    depreciation_cost = models.BigIntegerField(_("depreciation"))
    total_cost = models.BigIntegerField(_("total cost"))
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["school_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year"], name="pricing_account_once"),
        ]
