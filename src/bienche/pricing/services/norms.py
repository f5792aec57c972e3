"""Services, their dated cost norms (định mức kinh tế - kỹ thuật) and input prices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput, NotFound
from bienche.pricing import messages as m
from bienche.pricing.enums import LineKind
from bienche.pricing.models import InputPrice, Norm, NormLine, Service
from bienche.pricing.services.common import amount, guard_admin, text


@dataclass(frozen=True)
class LineSpec:
    kind: str
    item: str
    unit: str
    quantity: Any
    coefficient: Any = 0
    source: str = ""


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _check_line(n: int, spec: LineSpec, default_source: str) -> NormLine:
    if spec.kind not in LineKind.values:
        raise InvalidInput(m.LINE_KIND, field=f"lines[{n}].kind", line=n, value=spec.kind)
    item = text(spec.item, f"lines[{n}].item", f"tên khoản của dòng {n}", f"Line {n} item")
    if not str(spec.unit or "").strip():
        raise InvalidInput(m.LINE_NO_UNIT, field=f"lines[{n}].unit", line=n, item=item)
    qty = _decimal(spec.quantity)
    if qty is None or qty < 0 or qty > Decimal("1e9"):
        raise InvalidInput(
            m.LINE_NEGATIVE, field=f"lines[{n}].quantity", line=n, item=item, value=spec.quantity
        )
    coef = _decimal(spec.coefficient) or Decimal(0)
    if spec.kind == LineKind.LABOUR and not Decimal(0) < coef < Decimal(100):
        raise InvalidInput(m.LINE_COEFFICIENT, field=f"lines[{n}].coefficient", line=n, item=item)
    return NormLine(
        position=n,
        kind=spec.kind,
        item=item,
        unit=str(spec.unit).strip()[:32],
        quantity=qty.quantize(Decimal("0.0001")),
        coefficient=coef.quantize(Decimal("0.01")),
        source=(spec.source or default_source).strip()[:255],
    )


@transaction.atomic
def service_create(
    *,
    code: str,
    name: str,
    unit_label: str,
    sector: str = "",
    synthetic: bool = False,
    acting_user: Any,
) -> Service:
    guard_admin(acting_user, "tạo dịch vụ", "create services")
    code = text(code, "code", "mã dịch vụ", "The service code", 32)
    if Service.objects.filter(code=code).exists():
        raise InvalidInput(m.SERVICE_TAKEN, field="code", code=code)
    service = Service.objects.create(
        code=code,
        name=text(name, "name", "tên dịch vụ", "The name"),
        unit_label=text(unit_label, "unit_label", "đơn vị tính của dịch vụ", "The unit", 64),
        sector=sector,
        synthetic=synthetic,
    )
    audit_record(
        actor=acting_user,
        action="service_create",
        entity_type="pricing.Service",
        entity_id=code,
        after={"name": service.name, "unit": service.unit_label},
    )
    return service


@transaction.atomic
def norm_create(
    *,
    service_code: str,
    valid_from: dt.date,
    source: str,
    lines: list[LineSpec],
    user_fee: Any = 0,
    acting_user: Any,
) -> Norm:
    """A new version of a service's norm from ``valid_from`` (older versions stay)."""
    guard_admin(acting_user, "ban hành định mức", "issue cost norms")
    service = Service.objects.filter(code=service_code).first()
    if service is None:
        raise NotFound(m.SERVICE_UNKNOWN, field="service_code", code=service_code)
    source = text(source, "source", "căn cứ của định mức", "The norm's source")
    fee = amount(user_fee, "user_fee", "Mức thu của người sử dụng", "The user fee")
    if not lines:
        raise InvalidInput(
            m.FIELD_REQUIRED, field="lines", what="các dòng định mức", what_en="Norm lines"
        )
    rows = [_check_line(n, spec, source) for n, spec in enumerate(lines, start=1)]
    if Norm.objects.filter(service=service, valid_from=valid_from).exists():
        raise InvalidInput(
            m.DUPLICATE,
            field="valid_from",
            what="định mức từ ngày",
            what_en="A norm from",
            key=valid_from.isoformat(),
        )
    norm = Norm.objects.create(service=service, valid_from=valid_from, source=source, user_fee=fee)
    for row in rows:
        row.norm = norm
    NormLine.objects.bulk_create(rows)
    audit_record(
        actor=acting_user,
        action="norm_create",
        entity_type="pricing.Service",
        entity_id=service.code,
        after={"valid_from": valid_from, "source": source, "lines": len(rows), "user_fee": fee},
    )
    return norm


@transaction.atomic
def input_price_set(
    *, item: str, valid_from: dt.date, price: Any, source: str, acting_user: Any
) -> InputPrice:
    guard_admin(acting_user, "ghi giá đầu vào", "record input prices")
    item = text(item, "item", "tên vật tư", "The item")
    value = amount(price, "price", "Giá", "The price")
    source = text(source, "source", "nguồn giá", "The price's source")
    row, _ = InputPrice.objects.update_or_create(
        item=item, valid_from=valid_from, defaults={"price": value, "source": source}
    )
    audit_record(
        actor=acting_user,
        action="input_price_set",
        entity_type="pricing.InputPrice",
        entity_id=item,
        after={"valid_from": valid_from, "price": value, "source": source},
    )
    return row
