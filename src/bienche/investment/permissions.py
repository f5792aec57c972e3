"""Who may change the Hòa Lạc register: the park board's officers and city administrators.

Everyone signed in may read projects, land and the dashboard (the park's figures are
published); investors' contact details are shown only to those who may write.
"""

from __future__ import annotations

from typing import Any

from bienche.core.errors import Forbidden, NotFound
from bienche.investment import messages as m
from bienche.investment.models import Investor, Obstacle, Project
from bienche.org.models import Unit
from bienche.org.permissions import user_scope

BOARD_CODE = "HN.BQL.HOALAC"


def board_unit() -> Unit | None:
    return Unit.objects.filter(code=BOARD_CODE).first()


def can_write(user: Any) -> bool:
    scope = user_scope(user, for_write=True)
    if scope.everything:
        return True
    board = board_unit()
    return board is not None and scope.contains(board.pk)


def guard_write(user: Any, action: str, action_en: str) -> None:
    """Refuse a real user outside the board (the demo and the CLI act as the system)."""
    if getattr(user, "is_authenticated", False) and not can_write(user):
        raise Forbidden(m.NOT_ALLOWED, action=action, action_en=action_en)


def project_get(code: str) -> Project:
    project = Project.objects.select_related("investor", "zone").filter(code=code).first()
    if project is None:
        raise NotFound(m.PROJECT_UNKNOWN, field="code", code=code)
    return project


def investor_get(pk: int | str) -> Investor:
    investor = Investor.objects.filter(pk=int(pk)).first() if str(pk).isdigit() else None
    if investor is None:
        raise NotFound(m.INVESTOR_UNKNOWN, field="investor", ref=pk)
    return investor


def obstacle_get(pk: int | str) -> Obstacle:
    found = Obstacle.objects.filter(pk=int(pk)).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound(m.OBSTACLE_UNKNOWN, field="obstacle", id=pk)
    return found
