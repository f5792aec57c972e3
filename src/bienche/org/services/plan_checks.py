"""Checks and small helpers used by the Plan engine (org.services.plan)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from bienche.core.dating import q_valid_on
from bienche.core.errors import InvalidInput
from bienche.org import messages as m
from bienche.org.enums import LEVEL_OF_KIND, AutonomyLevel, Sector, UnitKind, UnitLevel
from bienche.org.models import Unit, UnitVersion

if TYPE_CHECKING:
    from bienche.org.services.plan import LegalBasis, UnitSpec

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
VERSION_FIELDS = (
    "name",
    "short_name",
    "kind",
    "level",
    "sector",
    "parent_id",
    "autonomy_level",
    "admin_code",
    "synthetic",
)


def code_of(unit_id: int | None) -> str | None:
    if unit_id is None:
        return None
    return Unit.objects.values_list("code", flat=True).get(pk=unit_id)


def validated_attrs(spec: UnitSpec, field_name: str) -> dict[str, Any]:
    if not CODE_RE.match(spec.code or ""):
        raise InvalidInput(m.UNIT_CODE_INVALID, field=field_name, code=spec.code)
    if not (spec.name or "").strip():
        raise InvalidInput(m.NAME_REQUIRED, field="name")
    if spec.kind not in UnitKind.values:
        raise InvalidInput(m.KIND_INVALID, field="kind", kind=spec.kind)
    level = spec.level or LEVEL_OF_KIND.get(UnitKind(spec.kind), UnitLevel.CITY)
    if level not in UnitLevel.values:
        raise InvalidInput(m.LEVEL_INVALID, field="level", level=level)
    if spec.autonomy_level is not None and spec.autonomy_level not in AutonomyLevel.values:
        raise InvalidInput(m.LEVEL_INVALID, field="autonomy_level", level=spec.autonomy_level)
    return {
        "name": spec.name.strip(),
        "short_name": spec.short_name.strip(),
        "kind": spec.kind,
        "level": level,
        "sector": spec.sector if spec.sector in Sector.values else Sector.OTHER,
        "parent_id": None,
        "autonomy_level": spec.autonomy_level,
        "admin_code": spec.admin_code,
        "synthetic": spec.synthetic,
    }


def validate_basis(basis: LegalBasis, on: dt.date) -> None:
    if not basis.number.strip():
        raise InvalidInput(m.BASIS_REQUIRED, field="basis_number")
    if basis.date is not None and basis.date > on:
        raise InvalidInput(m.BASIS_DATE_AFTER, field="basis_date", basis_date=basis.date, on=on)


def parent_on(unit_id: int, day: dt.date) -> int | None:
    return (
        UnitVersion.objects.filter(unit_id=unit_id)
        .filter(q_valid_on(day))
        .values_list("parent_id", flat=True)
        .first()
    )


def reaches(start: int, target: int, day: dt.date, overlay: dict[int, int]) -> bool:
    seen: set[int] = set()
    node: int | None = start
    while node is not None and node not in seen:
        if node == target:
            return True
        seen.add(node)
        node = overlay[node] if node in overlay else parent_on(node, day)
    return False


def breakpoints(start: int, on: dt.date) -> list[dt.date]:
    """The event date plus every later date on which an ancestor's parent changes."""
    days = {on}
    chain: set[int] = set()
    node: int | None = start
    while node is not None and node not in chain:
        chain.add(node)
        node = parent_on(node, on)
    later = UnitVersion.objects.filter(unit_id__in=chain, valid_from__gt=on)
    days.update(later.values_list("valid_from", flat=True)[:50])
    return sorted(days)


def version_dict(v: UnitVersion) -> dict[str, Any]:
    return {f: getattr(v, f) for f in ("unit_id", "valid_from", "valid_to", *VERSION_FIELDS)}
