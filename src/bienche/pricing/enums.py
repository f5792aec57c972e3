"""Choices of the pricing app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LineKind(models.TextChoices):
    LABOUR = "labour", _("Labour")
    MATERIAL = "material", _("Materials")
    EQUIPMENT = "equipment", _("Equipment and tools")
    DEPRECIATION = "depreciation", _("Depreciation")
    OVERHEAD = "overhead", _("Management overhead")


class Area(models.TextChoices):
    URBAN = "urban", _("Urban districts")
    RURAL = "rural", _("Rural districts")
    MOUNTAIN = "mountain", _("Mountainous communes")


class Verdict(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    ADJUST = "adjust", _("Continue with adjustment")
    STOP = "stop", _("Stop")
