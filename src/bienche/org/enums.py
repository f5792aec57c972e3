"""Stable codes for unit kinds, levels, sectors, roles and reorganization kinds.

The codes are part of the API and the CLI's JSON output: never rename one.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    CITY = "city", _("Centrally-run city")
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PARTY_BOARD = "party_board", _("Party board")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Department (sở) or equivalent")
    BOARD = "board", _("Board under the People's Committee")
    MANAGEMENT_BOARD = "management_board", _("Management board")
    DIVISION = "division", _("Division (phòng)")
    URBAN_DISTRICT = "urban_district", _("Urban district (quận)")
    RURAL_DISTRICT = "rural_district", _("Rural district (huyện)")
    TOWN = "town", _("District-level town (thị xã)")
    WARD = "ward", _("Ward (phường)")
    COMMUNE = "commune", _("Commune (xã)")
    TOWNSHIP = "township", _("Township (thị trấn)")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
    MASS_ORGANIZATION = "mass_organization", _("Mass organization")


DISTRICT_KINDS = frozenset({UnitKind.URBAN_DISTRICT, UnitKind.RURAL_DISTRICT, UnitKind.TOWN})
COMMUNE_KINDS = frozenset({UnitKind.WARD, UnitKind.COMMUNE, UnitKind.TOWNSHIP})
TERRITORIAL_KINDS = DISTRICT_KINDS | COMMUNE_KINDS | {UnitKind.CITY}


class UnitLevel(models.TextChoices):
    CITY = "city", _("City level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


#: The level a territorial kind implies; other kinds take their level from the event.
LEVEL_OF_KIND = {
    UnitKind.CITY: UnitLevel.CITY,
    **{k: UnitLevel.DISTRICT for k in DISTRICT_KINDS},
    **{k: UnitLevel.COMMUNE for k in COMMUNE_KINDS},
}


class Sector(models.TextChoices):
    GENERAL = "general", _("General administration")
    PARTY = "party", _("Party")
    EDUCATION = "education", _("Education and training")
    HEALTH = "health", _("Health")
    CULTURE = "culture", _("Culture, sports and tourism")
    SCIENCE = "science", _("Science and technology")
    ECONOMY = "economy", _("Economy and finance")
    CONSTRUCTION = "construction", _("Construction and transport")
    AGRICULTURE = "agriculture", _("Agriculture and environment")
    SOCIAL = "social", _("Labour and social affairs")
    JUSTICE = "justice", _("Justice and inspection")
    OTHER = "other", _("Other")


class AutonomyLevel(models.IntegerChoices):
    """Decree 60/2021/NĐ-CP: financial autonomy groups of public service units."""

    GROUP_1 = 1, _("Group 1: self-finances recurrent and investment spending")
    GROUP_2 = 2, _("Group 2: self-finances recurrent spending")
    GROUP_3 = 3, _("Group 3: partly self-finances recurrent spending")
    GROUP_4 = 4, _("Group 4: recurrent spending funded by the State")


class EventKind(models.TextChoices):
    ESTABLISH = "establish", _("Establish")
    RENAME = "rename", _("Rename")
    CHANGE_KIND = "change_kind", _("Change kind")
    TRANSFER = "transfer", _("Transfer to a new parent")
    MERGE = "merge", _("Merge into a new unit")
    ABSORB = "absorb", _("Absorb into an existing unit")
    SPLIT = "split", _("Split into new units")
    REARRANGE = "rearrange", _("Rearrange (merge and split in one act)")
    DISSOLVE = "dissolve", _("Dissolve")


class Role(models.TextChoices):
    CITY_ADMIN = "city_admin", _("City-wide administrator")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    VIEWER = "viewer", _("Viewer")
