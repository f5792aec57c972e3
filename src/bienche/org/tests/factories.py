"""Factories for the org registry: build small dated trees through the real services."""

from __future__ import annotations

import datetime as dt

from bienche.org.enums import UnitKind
from bienche.org.services import LegalBasis, UnitSpec, unit_establish

BASIS = LegalBasis(number="01/QĐ-TEST", issuer="UBND TP", date=dt.date(2020, 1, 1))
START = dt.date(2020, 1, 1)


def spec(code: str, parent: str | None = None, kind: str = UnitKind.DEPARTMENT, **kw) -> UnitSpec:
    return UnitSpec(
        code=code, name=kw.pop("name", f"Đơn vị {code}"), kind=kind, parent_code=parent, **kw
    )


def small_city(on: dt.date = START) -> None:
    """HN city → D1 (urban district) → W1, W2 (wards); D2 (rural district) → C1 (commune);
    UB (people's committee) → S1, S2 (departments)."""
    unit_establish(
        specs=[
            spec("HN", None, UnitKind.CITY, name="Thành phố Hà Nội"),
            spec("D1", "HN", UnitKind.URBAN_DISTRICT, name="Quận Một"),
            spec("D2", "HN", UnitKind.RURAL_DISTRICT, name="Huyện Hai"),
            spec("W1", "D1", UnitKind.WARD, name="Phường Một"),
            spec("W2", "D1", UnitKind.WARD, name="Phường Hai"),
            spec("C1", "D2", UnitKind.COMMUNE, name="Xã Một"),
            spec("UB", "HN", UnitKind.PEOPLES_COMMITTEE, name="UBND Thành phố"),
            spec("S1", "UB", name="Sở Một"),
            spec("S2", "UB", name="Sở Hai"),
        ],
        on=on,
        basis=BASIS,
        acting_user=None,
    )
