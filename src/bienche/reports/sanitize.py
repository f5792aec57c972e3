"""The officers' narrative HTML, cleaned: only p, strong, b, em, i, u, ul, ol, li, br, with
no attribute at all (so no ``on*=`` handler, no ``style``, no ``javascript:`` link); the
content of script and style elements is dropped, not shown as text; ``b`` and ``i`` become
``strong`` and ``em``, the names the content model's RichText keeps."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({"p", "strong", "b", "em", "i", "u", "ul", "ol", "li", "br"})


#: Bold and italic as the content model names them (its RichText keeps strong and em).
_SYNONYMS = {"<b>": "<strong>", "</b>": "</strong>", "<i>": "<em>", "</i>": "</em>"}


def narrative_clean(html: str) -> str:
    clean = nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={},
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        link_rel=None,
    ).strip()
    for tag, name in _SYNONYMS.items():
        clean = clean.replace(tag, name)  # nh3 writes allowed tags bare: no attribute left
    return clean


def narrative_is_blank(html: str) -> bool:
    """True when the cleaned text has no visible character."""
    return not nh3.clean(html or "", tags=set()).strip()
