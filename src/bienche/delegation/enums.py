"""Stable codes of the delegation register (part of the API, the CLI's JSON and the XLSX files)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bienche.org.enums import COMMUNE_KINDS, DISTRICT_KINDS


class Field(models.TextChoices):
    """Field of state management a power belongs to."""

    ORGANIZATION = "organization", _("Organization and staff")
    FINANCE = "finance", _("Finance and budget")
    PLANNING = "planning", _("Planning and construction")
    LAND = "land", _("Land")
    INVESTMENT = "investment", _("Investment")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health")
    CULTURE = "culture", _("Culture and tourism")
    AGRICULTURE = "agriculture", _("Agriculture and environment")
    TRANSPORT = "transport", _("Transport")
    SOCIAL = "social", _("Labour and social affairs")
    JUSTICE = "justice", _("Justice")
    OTHER = "other", _("Other")


class PowerKind(models.TextChoices):
    APPROVAL = "approval", _("Approval")
    APPOINTMENT = "appointment", _("Appointment")
    BUDGET = "budget", _("Budget decision")
    LICENCE = "licence", _("Licence")
    PROCEDURE = "procedure", _("Administrative procedure")
    TASK = "task", _("Task of state management")


class TransferKind(models.TextChoices):
    DECENTRALIZATION = "decentralization", _("Decentralization")
    DELEGATION = "delegation", _("Delegation")


class ReceiverClass(models.TextChoices):
    """A class of receiving units: every unit of those kinds active on the day."""

    DISTRICT_LEVEL = "district_level", _("All district-level People's Committees")
    COMMUNE_LEVEL = "commune_level", _("All commune-level People's Committees")


CLASS_KINDS: dict[str, frozenset[str]] = {
    ReceiverClass.DISTRICT_LEVEL: frozenset(DISTRICT_KINDS),
    ReceiverClass.COMMUNE_LEVEL: frozenset(COMMUNE_KINDS),
}
CLASS_LEVEL = {ReceiverClass.DISTRICT_LEVEL: "district", ReceiverClass.COMMUNE_LEVEL: "commune"}


class DocumentKind(models.TextChoices):
    LAW = "law", _("Law or resolution of the National Assembly")
    DECREE = "decree", _("Government decree or resolution")
    COUNCIL_RESOLUTION = "council_resolution", _("People's Council resolution")
    COMMITTEE_DECISION = "committee_decision", _("People's Committee decision")
    CHAIRMAN_DECISION = "chairman_decision", _("Decision of the People's Committee chairman")
    AGENCY_DECISION = "agency_decision", _("Decision of an agency head")
    OTHER = "other", _("Other document")


class Flag(models.TextChoices):
    """Why a reorganization left a transfer for review instead of carrying it over."""

    RECEIVER_GONE = "receiver_gone", _("Receiving unit reorganized: no single successor")
    AUTHORITY_GONE = "authority_gone", _("Transferring authority reorganized: no single successor")


class Outcome(models.TextChoices):
    KEEP = "keep", _("Keep")
    AMEND = "amend", _("Amend")
    REVOKE = "revoke", _("Revoke")
    INSTITUTIONALIZE = "institutionalize", _("Institutionalize by People's Council resolution")


class Status(models.TextChoices):
    """Where a transfer stands on a day (derived, never stored)."""

    PENDING = "pending", _("Not yet in force")
    ACTIVE = "active", _("In force")
    EXPIRED = "expired", _("Term ended")
    REVOKED = "revoked", _("Revoked")
    CARRIED = "carried", _("Carried over to a successor unit")
