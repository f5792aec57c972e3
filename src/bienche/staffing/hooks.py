"""Figures other apps add to the streamlining report (staffing never imports them).

A higher app (recruitment) registers a contributor at start-up; ``streamlining_report``
calls each with the report's unit ids (``None``: the whole city) and year, and puts the
result under the contributor's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Contributor = Callable[[frozenset[int] | None, int], dict[str, Any]]
_CONTRIBUTORS: dict[str, Contributor] = {}


def register_streamlining_contributor(name: str, contributor: Contributor) -> None:
    _CONTRIBUTORS[name] = contributor


def streamlining_contributions(unit_ids: frozenset[int] | None, year: int) -> dict[str, Any]:
    return {name: fn(unit_ids, year) for name, fn in sorted(_CONTRIBUTORS.items())}
