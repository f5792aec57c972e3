"""Registered capital (certificates and their amendments), disbursements and exchange rates.

Registered capital on a date is the latest certificate's on or before it; the cumulative
disbursement may never exceed it: a firm that disburses more must first have its
certificate amended, and the register says so instead of silently accepting the figure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Sum

from bienche.core.audit import audit_record
from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import Currency
from bienche.investment.models import Certificate, Disbursement, ExchangeRate, Project
from bienche.investment.permissions import guard_write
from bienche.investment.services.common import locked, not_future, require_choice, require_text

#: A rate recorded on a date serves the next days too (weekends, holidays) up to this many.
RATE_REACH_DAYS = 7
#: No single amount above 100 million billion VND (columns are 64-bit; sums must fit too).
MAX_VND = 10**17


def rate_set(*, currency: str, on: dt.date, vnd: int, source: str, acting_user: Any) -> None:
    guard_write(acting_user, "ghi tỷ giá", "record exchange rates")
    require_choice(currency, Currency, "currency", "loại tiền")
    if isinstance(vnd, bool) or not isinstance(vnd, int) or vnd <= 0:
        raise InvalidInput(
            m.NUMBER_INVALID, field="vnd", what="Tỷ giá", what_en="The rate", value=vnd
        )
    with transaction.atomic():
        ExchangeRate.objects.update_or_create(
            currency=currency, on=on, defaults={"vnd": vnd, "source": source}
        )
        audit_record(
            actor=acting_user,
            action="investment.rate_set",
            entity_type="investment.rate",
            entity_id=f"{currency}:{on.isoformat()}",
            after={"vnd": vnd, "source": source},
        )


def to_vnd(currency: str, amount: int, on: dt.date, rate: int | None = None) -> tuple[int, int]:
    """(rate, VND amount) for ``amount`` of ``currency`` on ``on``; a missing rate is refused."""
    require_choice(currency, Currency, "currency", "loại tiền")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise InvalidInput(
            m.NUMBER_INVALID, field="amount", what="Số tiền", what_en="The amount", value=amount
        )
    if currency == Currency.VND and amount <= MAX_VND:
        return 1, amount
    if rate is None:
        rate = (
            ExchangeRate.objects.filter(
                currency=currency, on__lte=on, on__gt=on - dt.timedelta(days=RATE_REACH_DAYS)
            )
            .order_by("-on")
            .values_list("vnd", flat=True)
            .first()
        )
    if not rate or rate <= 0:
        raise InvalidInput(m.RATE_MISSING, field="rate_vnd", currency=currency, on=on.isoformat())
    if amount * rate > MAX_VND:
        raise InvalidInput(
            m.NUMBER_INVALID, field="amount", what="Số tiền", what_en="The amount", value=amount
        )
    return rate, amount * rate


def registered_on(project: Project, on: dt.date) -> int:
    latest = (
        Certificate.objects.filter(project=project, issued_on__lte=on)
        .order_by("-issued_on", "-amendment")
        .values_list("amount_vnd", flat=True)
        .first()
    )
    return latest or 0


def disbursed_until(project: Project, on: dt.date | None = None) -> int:
    rows = Disbursement.objects.filter(project=project)
    if on is not None:
        rows = rows.filter(on__lte=on)
    return rows.aggregate(t=Sum("amount_vnd"))["t"] or 0


def certificate_record(
    *,
    project: Project,
    number: str,
    issued_on: dt.date,
    amount: int,
    currency: str = Currency.VND,
    rate_vnd: int | None = None,
    note: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Certificate:
    """Record the first certificate or its next amendment (numbered in order)."""
    guard_write(acting_user, "ghi giấy chứng nhận đầu tư", "record certificates")
    number = require_text(number, "number", "số giấy chứng nhận", "The certificate number", 64)
    not_future(issued_on, "issued_on")
    rate, amount_vnd = to_vnd(currency, amount, issued_on, rate_vnd)
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        last = Certificate.objects.filter(project=proj).order_by("-amendment").first()
        if last is not None and issued_on < last.issued_on:
            raise InvalidInput(m.CERTIFICATE_ORDER, field="issued_on", after=last.issued_on)
        disbursed = disbursed_until(proj)
        if amount_vnd < disbursed:
            raise InvalidInput(
                m.CERTIFICATE_BELOW_DISBURSED,
                field="amount",
                registered=f"{amount_vnd:,}",
                disbursed=f"{disbursed:,}",
            )
        cert = Certificate.objects.create(
            project=proj,
            number=number,
            issued_on=issued_on,
            amendment=0 if last is None else last.amendment + 1,
            currency=currency,
            amount=amount,
            rate_vnd=rate,
            amount_vnd=amount_vnd,
            note=note.strip(),
        )
        _bump(proj)
        audit_record(
            actor=acting_user,
            action="investment.certificate_record",
            entity_type="investment.project",
            entity_id=proj.code,
            after={"number": number, "issued_on": issued_on, "amendment": cert.amendment}
            | {"currency": currency, "amount": amount, "rate_vnd": rate, "vnd": amount_vnd},
        )
    return cert


def disbursement_record(
    *,
    project: Project,
    on: dt.date,
    amount: int,
    currency: str = Currency.VND,
    rate_vnd: int | None = None,
    note: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Disbursement:
    guard_write(acting_user, "ghi vốn giải ngân", "record disbursements")
    not_future(on, "on")
    rate, amount_vnd = to_vnd(currency, amount, on, rate_vnd)
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        for day, registered in (
            (on, registered_on(proj, on)),
            (None, registered_on(proj, dt.date.max)),
        ):
            total = disbursed_until(proj, day) + amount_vnd
            if total > registered:
                raise InvalidInput(
                    m.DISBURSED_ABOVE_REGISTERED,
                    field="amount",
                    disbursed=f"{total:,}",
                    registered=f"{registered:,}",
                    on=(day or on).isoformat(),
                )
        row = Disbursement.objects.create(
            project=proj,
            on=on,
            currency=currency,
            amount=amount,
            rate_vnd=rate,
            amount_vnd=amount_vnd,
            note=note.strip(),
        )
        _bump(proj)
        audit_record(
            actor=acting_user,
            action="investment.disbursement_record",
            entity_type="investment.project",
            entity_id=proj.code,
            after={"on": on, "currency": currency, "amount": amount, "vnd": amount_vnd},
        )
    return row


def _bump(project: Project) -> None:
    Project.objects.filter(pk=project.pk).update(version=project.version + 1)
    project.version += 1
