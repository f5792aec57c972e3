"""Turn a cleaned reorganization form into the matching service call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bienche.org import services as svc
from bienche.org.models import ReorgEvent


def _basis(d: dict[str, Any]) -> svc.LegalBasis:
    return svc.LegalBasis(
        number=d["basis_number"],
        issuer=d.get("basis_issuer", ""),
        date=d.get("basis_date"),
        summary=d.get("summary", ""),
    )


def _spec(d: dict[str, Any]) -> svc.UnitSpec:
    return svc.UnitSpec(
        code=d["code"].strip(),
        name=d["name"],
        kind=d["kind"],
        parent_code=(d.get("parent_code") or "").strip() or None,
        short_name=d.get("short_name", ""),
    )


def run_event_form(
    kind: str, d: dict[str, Any], user: Any, guard: Callable[..., None]
) -> tuple[ReorgEvent, str | None]:
    """Check write scope, call the service; return the event and the unit to show next."""
    on = d["effective_on"]
    common = {"on": on, "basis": _basis(d), "acting_user": user}
    if kind == "rename":
        guard(user, [d["code"]], on=on)
        ev = svc.unit_rename(
            code=d["code"], name=d["name"], short_name=d.get("short_name") or None, **common
        )
        return ev, d["code"]
    if kind == "transfer":
        guard(user, [d["code"], d["new_parent_code"]], on=on)
        return svc.unit_transfer(code=d["code"], new_parent_code=d["new_parent_code"], **common), d[
            "code"
        ]
    if kind == "dissolve":
        to = (d.get("children_to") or "").strip() or None
        guard(user, [d["code"], *([to] if to else [])], on=on)
        return svc.unit_dissolve(code=d["code"], children_to=to, **common), d["code"]
    if kind == "change_kind":
        guard(user, [d["code"]], on=on)
        return svc.unit_change_kind(code=d["code"], kind=d["kind"], **common), d["code"]
    return _run_structural(kind, d, user, guard, common)


def _run_structural(
    kind: str, d: dict[str, Any], user: Any, guard: Callable[..., None], common: dict
) -> tuple[ReorgEvent, str | None]:
    on = common["on"]
    if kind == "establish":
        spec = _spec(d)
        guard(user, [spec.parent_code] if spec.parent_code else [], on=on)
        return svc.unit_establish(specs=[spec], **common), spec.code
    if kind == "merge":
        spec = _spec(d)
        guard(
            user,
            [*d["predecessor_codes"], *([spec.parent_code] if spec.parent_code else [])],
            on=on,
        )
        return svc.unit_merge(
            predecessor_codes=d["predecessor_codes"], successor=spec, **common
        ), spec.code
    guard(user, [*d["absorbed_codes"], d["into_code"]], on=on)
    return svc.unit_absorb(
        absorbed_codes=d["absorbed_codes"], into_code=d["into_code"], **common
    ), d["into_code"]
