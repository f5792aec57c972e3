"""Small template helpers."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

_NAV: dict[tuple[str, bool, str], SafeString] = {}


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> SafeString:
    """``{% main_nav %}``: the top navigation. It is the same for every user of a language
    (staff see one more link), so it is rendered once per process instead of reversing a
    dozen URLs on every page."""
    user = context.get("user")
    key = (get_language(), bool(getattr(user, "is_staff", False)), get_script_prefix())
    html = _NAV.get(key)
    if html is None:
        rendered = render_to_string("web/_main_nav.html", {"is_staff": key[1]})
        html = _NAV[key] = mark_safe(rendered)  # noqa: S308 - our template, autoescaped
    return html


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
