"""The catalogue of competences (powers): one, or many at once (demo, imports)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record_many
from bienche.core.errors import InvalidInput
from bienche.delegation import messages as m
from bienche.delegation.enums import Field, PowerKind
from bienche.delegation.models import Power
from bienche.org.enums import UnitLevel
from bienche.org.messages import UNIT_UNKNOWN
from bienche.org.models import Unit

LIMITS = {"code": 40, "name": 500, "holder_title": 255, "legal_source": 500}


@dataclass(frozen=True)
class PowerSpec:
    code: str
    name: str
    field: str
    kind: str
    level: str
    holder_code: str
    legal_source: str
    holder_title: str = ""
    synthetic: bool = False


def _check(spec: PowerSpec, holders: dict[str, int]) -> None:
    for name, what in (("code", "mã"), ("name", "tên"), ("legal_source", "căn cứ pháp lý")):
        if not getattr(spec, name).strip():
            raise InvalidInput(m.FIELD_REQUIRED, field=name, what=what, what_en=name)
    for name, choices in (("field", Field), ("kind", PowerKind), ("level", UnitLevel)):
        if getattr(spec, name) not in choices.values:
            raise InvalidInput(
                m.FIELD_INVALID, field=name, value=getattr(spec, name), what=name, what_en=name
            )
    for name, limit in LIMITS.items():
        if len(getattr(spec, name)) > limit:
            raise InvalidInput(
                m.FIELD_INVALID,
                field=name,
                value=getattr(spec, name)[:20],
                what=name,
                what_en=name,
            )
    if spec.holder_code not in holders:
        raise InvalidInput(UNIT_UNKNOWN, field="holder_code", code=spec.holder_code)


def powers_create(*, specs: list[PowerSpec], acting_user: Any) -> list[Power]:
    """Create every power or none; a code already used is refused."""
    holders = dict(
        Unit.objects.filter(code__in={s.holder_code for s in specs}).values_list("code", "pk")
    )
    for spec in specs:
        _check(spec, holders)
    with transaction.atomic():
        taken = set(
            Power.objects.filter(code__in=[s.code for s in specs]).values_list("code", flat=True)
        )
        seen: set[str] = set()
        for spec in specs:
            if spec.code in taken or spec.code in seen:
                raise InvalidInput(m.POWER_DUPLICATE, field="code", code=spec.code)
            seen.add(spec.code)
        rows = [
            Power(
                **{k: v for k, v in asdict(s).items() if k != "holder_code"},
                holder_id=holders[s.holder_code],
            )
            for s in specs
        ]
        Power.objects.bulk_create(rows, batch_size=2000)
        created = list(Power.objects.filter(code__in=seen))
        audit_record_many(
            actor=acting_user,
            action="delegation.power_create",
            entity_type="delegation.power",
            rows=[
                {"entity_id": p.code, "after": {"name": p.name, "field": p.field}} for p in created
            ],
        )
    return created


def power_create(*, spec: PowerSpec, acting_user: Any) -> Power:
    return powers_create(specs=[spec], acting_user=acting_user)[0]
