"""Investors and their meetings; a name that looks like an existing investor's is a warning
the officer must confirm (``confirm_distinct``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import Sector
from bienche.investment.models import Investor, Meeting
from bienche.investment.names import fold, most_similar
from bienche.investment.permissions import guard_write
from bienche.investment.services.common import locked, not_future, require_choice, require_text


def _snapshot(inv: Investor) -> dict[str, Any]:
    return {"name": inv.name, "country": inv.country, "sector": inv.sector}


def _check_country(country: str) -> str:
    code = (country or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InvalidInput(
            m.CHOICE_INVALID, field="country", value=country, what="quốc gia", what_en="country"
        )
    return code


def investor_similar(name: str, *, exclude: int | None = None) -> tuple[Investor, int] | None:
    """The recorded investor whose name looks most like ``name``, with a score in percent."""
    rows = Investor.objects.exclude(pk=exclude).values_list("pk", "name_key")
    best = most_similar(name, rows)
    if best is None:
        return None
    return Investor.objects.get(pk=best[0]), round(best[1] * 100)


def investor_create(
    *,
    name: str,
    country: str,
    sector: str,
    contacts: str = "",
    synthetic: bool = False,
    confirm_distinct: bool = False,
    acting_user: Any,
) -> Investor:
    guard_write(acting_user, "ghi nhà đầu tư", "record investors")
    name = require_text(name, "name", "tên nhà đầu tư", "The investor's name")
    values = {
        "name": name,
        "country": _check_country(country),
        "sector": require_choice(sector, Sector, "sector", "lĩnh vực"),
    }
    with transaction.atomic():
        similar = investor_similar(name)
        if similar and not confirm_distinct:
            other, score = similar
            raise InvalidInput(
                m.INVESTOR_SIMILAR, field="name", name=name, other=other.name, score=score
            )
        inv = Investor.objects.create(
            name_key=fold(name), contacts=contacts.strip(), synthetic=synthetic, **values
        )
        audit_record(
            actor=acting_user,
            action="investment.investor_create",
            entity_type="investment.investor",
            entity_id=inv.pk,
            after=_snapshot(inv),
            reason="confirmed distinct from a similar name" if similar else "",
        )
    return inv


def investor_update(
    *, investor: Investor, data: dict[str, Any], expected_version: int | None, acting_user: Any
) -> Investor:
    guard_write(acting_user, "sửa nhà đầu tư", "change investors")
    with transaction.atomic():
        inv = locked(Investor, investor.pk, expected_version)
        before = _snapshot(inv) | {"contacts": inv.contacts}
        if "name" in data:
            inv.name = require_text(data["name"], "name", "tên nhà đầu tư", "The investor's name")
            inv.name_key = fold(inv.name)
        if "country" in data:
            inv.country = _check_country(data["country"])
        if "sector" in data:
            inv.sector = require_choice(data["sector"], Sector, "sector", "lĩnh vực")
        if "contacts" in data:
            inv.contacts = str(data["contacts"]).strip()
        inv.version += 1
        inv.save()
        audit_record(
            actor=acting_user,
            action="investment.investor_update",
            entity_type="investment.investor",
            entity_id=inv.pk,
            before=before,
            after=_snapshot(inv) | {"contacts": inv.contacts},
        )
    return inv


def meeting_add(*, investor: Investor, on: dt.date, summary: str, acting_user: Any) -> Meeting:
    guard_write(acting_user, "ghi buổi làm việc", "record meetings")
    not_future(on, "on")
    summary = require_text(summary, "summary", "nội dung buổi làm việc", "The summary", 4000)
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    with transaction.atomic():
        meeting = Meeting.objects.create(
            investor=investor, on=on, summary=summary, recorded_by=user
        )
        audit_record(
            actor=acting_user,
            action="investment.meeting_add",
            entity_type="investment.investor",
            entity_id=investor.pk,
            after={"on": on, "summary": summary},
        )
    return meeting
