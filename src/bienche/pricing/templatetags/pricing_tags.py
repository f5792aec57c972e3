"""Template filters of the pricing pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def bp(value: Any) -> str:
    """Basis points as a percentage with two decimals (rounded down upstream): 9281 → 92,81%."""
    if value is None:
        return "—"
    return f"{number_format(int(value) / 100, 2)}%"


@register.filter
def reason(check: Any) -> str:
    """A criterion's check as it reads, with its figure and threshold: ``✓ … 92,81% / 95%``."""
    from bienche.pricing.labels import check_text

    return check_text(check)
