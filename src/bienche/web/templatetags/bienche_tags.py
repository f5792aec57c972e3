"""Small template helpers."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    """``{{ labels|get_item:code }}`` — a dict lookup by a variable key."""
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def vnd(value: Any) -> str:
    """``1234567`` → ``1.234.567`` (Vietnamese thousands separator)."""
    from bienche.core.money import format_vnd

    return format_vnd(int(value or 0), symbol="")


@register.filter
def billions(value: Any) -> str:
    """VND as billions with one decimal, Vietnamese style: ``115500000000000`` → ``115.500,0``."""
    tenths = round(int(value or 0) / 100_000_000)
    whole, frac = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole:,}".replace(",", ".") + f",{frac}"
