"""The one place 'today' comes from, so tests can freeze it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """The business date in Hà Nội (Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


def now() -> dt.datetime:
    return timezone.now()
