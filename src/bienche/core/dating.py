"""Effective dating, written once: the validity mixin and the 'valid on' / 'overlapping' queries.

A version is valid on day ``d`` when ``valid_from <= d`` and (``valid_to`` is open or
``d < valid_to``): ``valid_from`` is inclusive, ``valid_to`` exclusive. Every dated model in
bienche (unit versions, quotas, positions, assignments, prices, delegations) uses this mixin
and these helpers, so the rule cannot drift between apps.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q


class Validity(models.Model):
    valid_from = models.DateField(db_index=True)
    valid_to = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__lt=models.F("valid_to")),
                name="%(app_label)s_%(class)s_valid_range",
            )
        ]


def q_valid_on(day: dt.date, prefix: str = "") -> Q:
    """Rows whose validity period contains ``day``."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


def q_overlapping(start: dt.date, end: dt.date | None, prefix: str = "") -> Q:
    """Rows whose period [valid_from, valid_to) overlaps [start, end); ``end`` None = open."""
    q = Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": start})
    if end is not None:
        q &= Q(**{f"{prefix}valid_from__lt": end})
    return q


def periods_overlap(
    a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None
) -> bool:
    """Pure-Python twin of :func:`q_overlapping`, for checks done in memory."""
    return (a_end is None or b_start < a_end) and (b_end is None or a_start < b_end)


def is_valid_on(valid_from: dt.date, valid_to: dt.date | None, day: dt.date) -> bool:
    return valid_from <= day and (valid_to is None or day < valid_to)
