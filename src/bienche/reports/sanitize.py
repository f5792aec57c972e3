"""The officers' narrative HTML, cleaned: only p, strong, b, em, i, u, ul, ol, li, br, with
no attribute at all (so no ``on*=`` handler, no ``style``, no ``javascript:`` link); the
content of script and style elements is dropped, not shown as text."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({"p", "strong", "b", "em", "i", "u", "ul", "ol", "li", "br"})


def narrative_clean(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={},
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        link_rel=None,
    ).strip()


def narrative_is_blank(html: str) -> bool:
    """True when the cleaned text has no visible character."""
    return not nh3.clean(html or "", tags=set()).strip()
