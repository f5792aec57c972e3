"""Query-string parsing shared by the pages."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext as _


def date_param(request: HttpRequest, name: str, default: dt.date) -> tuple[dt.date, str]:
    raw = request.GET.get(name, "")
    if not raw:
        return default, ""
    try:
        return dt.date.fromisoformat(raw), ""
    except ValueError:
        return default, _("Invalid date «%(value)s»: use YYYY-MM-DD.") % {"value": raw}
