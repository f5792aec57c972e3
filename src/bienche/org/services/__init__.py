"""Writes of the org app. Import services from here."""

from bienche.org.services.events import (
    unit_absorb,
    unit_change_kind,
    unit_dissolve,
    unit_establish,
    unit_merge,
    unit_rearrange,
    unit_rename,
    unit_split,
    unit_transfer,
)
from bienche.org.services.plan import LegalBasis, UnitSpec

__all__ = [
    "LegalBasis",
    "UnitSpec",
    "unit_absorb",
    "unit_change_kind",
    "unit_dissolve",
    "unit_establish",
    "unit_merge",
    "unit_rearrange",
    "unit_rename",
    "unit_split",
    "unit_transfer",
]
