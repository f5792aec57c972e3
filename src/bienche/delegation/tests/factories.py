"""Factories for delegation tests: powers and transfers through the real services, on
the org factories' small city (HN → D1 → W1, W2; D2 → C1; UB → S1, S2)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from bienche.delegation.models import Power, Transfer
from bienche.delegation.services.checks import TransferSpec
from bienche.delegation.services.documents import DocumentSpec
from bienche.delegation.services.powers import PowerSpec, power_create
from bienche.delegation.services.transfers import transfer_create

START = dt.date(2022, 1, 1)
_numbers = itertools.count(1)


def power(code: str = "P1", holder: str = "UB", **kw: Any) -> Power:
    return power_create(
        spec=PowerSpec(
            code=code,
            name=kw.pop("name", f"Thẩm quyền {code}"),
            field=kw.pop("field", "land"),
            kind=kw.pop("kind", "approval"),
            level=kw.pop("level", "city"),
            holder_code=holder,
            legal_source=kw.pop("legal_source", "Luật Đất đai 2024, Điều 123"),
            **kw,
        ),
        acting_user=None,
    )


def doc(number: str | None = None, issued_on: dt.date = START, **kw: Any) -> DocumentSpec:
    return DocumentSpec(number=number or f"{next(_numbers)}/QĐ-UBND", issued_on=issued_on, **kw)


def spec(power_code: str = "P1", to: str = "D1", **kw: Any) -> TransferSpec:
    kind = kw.pop("kind", "decentralization")
    to_class = kw.pop("to_class", "")
    return TransferSpec(
        power_code=power_code,
        kind=kind,
        from_unit_code=kw.pop("from_unit", "UB"),
        to_unit_code="" if to_class else to,
        to_class=to_class,
        valid_from=kw.pop("valid_from", START),
        document=kw.pop("document", None) or doc(issued_on=kw.get("valid_from_doc", START)),
        **kw,
    )


def transfer(power_code: str = "P1", to: str = "D1", **kw: Any) -> Transfer:
    return transfer_create(spec=spec(power_code, to, **kw), acting_user=None)


def delegation(power_code: str = "P1", to: str = "D1", **kw: Any) -> Transfer:
    kw.setdefault("term_end", dt.date(2027, 1, 1))
    return transfer(power_code, to, kind="delegation", **kw)
