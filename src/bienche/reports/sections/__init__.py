"""The annual report's sections, one module per section: each ``build(ctx) -> Section`` reads
its app's selectors (never their tables) as of ``ctx.as_of``. ``RESULTS`` are regenerated
from the data every time; ``EDITABLE`` are the officer's, prefilled from the data."""

from __future__ import annotations

from collections.abc import Callable

from bienche.reports.content import Section
from bienche.reports.sections import (
    apparatus,
    delegation,
    editable,
    hoalac,
    pay,
    psu,
    recruitment,
    staffing,
    steering,
)
from bienche.reports.sections.base import Context

Builder = Callable[[Context], Section | None]

#: Results of the year, in the report's order (Hòa Lạc returns None outside its scope).
RESULTS: tuple[Builder, ...] = (
    apparatus.build,
    staffing.build,
    pay.build,
    delegation.build,
    recruitment.build,
    psu.build,
    steering.build,
    hoalac.build,
)
EDITABLE: tuple[Builder, ...] = (editable.limitations, editable.next_year_tasks)
EDITABLE_KEYS = (editable.LIMITATIONS[0], editable.NEXT_YEAR[0])

__all__ = ["EDITABLE", "EDITABLE_KEYS", "RESULTS", "Context"]
