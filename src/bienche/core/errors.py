"""Errors raised by services, selectors and guards, with bilingual messages.

Exception tree::

    BiencheError                   base; carries a Message, a field and parameters
     ├── InvalidInput              bad input: HTTP 422 / form error; nothing was written
     ├── NotFound                  unknown object or outside the user's scope: HTTP 404
     ├── Conflict                  concurrent edit or state that changed meanwhile: HTTP 409
     └── Forbidden                 visible, but this user may not do this: HTTP 403

Messages are module-level constants (``Message``) so tests can import them and compare
codes instead of strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation


@dataclass(frozen=True)
class Message:
    """A bilingual message template; ``code`` is stable and documented in the API."""

    code: str
    vi: str
    en: str

    def render(self, lang: str, **params: Any) -> str:
        template = self.vi if lang.startswith("vi") else self.en
        return template.format(**params)


class BiencheError(Exception):
    status = 400

    def __init__(self, message: Message, *, field: str | None = None, **params: Any) -> None:
        self.message = message
        self.field = field
        self.params = params
        super().__init__(message.render("en", **params))

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def vi(self) -> str:
        return self.message.render("vi", **self.params)

    @property
    def en(self) -> str:
        return self.message.render("en", **self.params)

    def localized(self) -> str:
        return self.message.render(translation.get_language() or "vi", **self.params)


class InvalidInput(BiencheError):
    status = 422


class NotFound(BiencheError):
    status = 404


class Conflict(BiencheError):
    status = 409


class Forbidden(BiencheError):
    """The user may see the object but not do this to it (e.g. accept their own report)."""

    status = 403


NOT_FOUND = Message("not_found", "Không tìm thấy {what}.", "{what} not found.")
