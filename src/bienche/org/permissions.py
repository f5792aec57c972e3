"""Who may see and change which units: roles scoped to a unit's subtree.

``access_unit_by_code`` returns the unit or raises the same ``NotFound`` whether the unit
does not exist or lies outside the user's scope, so nothing leaks (style habit 6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.org import messages as m
from bienche.org.enums import Role
from bienche.org.models import Membership, Unit, UnitVersion
from bienche.org.registry_version import registry_memo
from bienche.org.selectors import unit_tree_as_of

WRITE_ROLES = {Role.CITY_ADMIN, Role.UNIT_OFFICER}


@dataclass(frozen=True)
class Scope:
    everything: bool
    unit_ids: frozenset[int]

    def contains(self, unit_id: int) -> bool:
        return self.everything or unit_id in self.unit_ids


NOTHING = Scope(False, frozenset())


#: Scopes already computed in the current request (see ``scope_memo``); None outside one.
_MEMO: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("scope_memo", default=None)


@contextmanager
def scope_memo() -> Iterator[None]:
    """Within the block, ``user_scope`` computes each (user, write, date) scope once.

    A page asks for the same scope several times (the object guard, the actions allowed,
    the links shown); memberships do not change in the middle of a request. Outside a
    request (services, tests, the CLI) nothing is remembered."""
    token = _MEMO.set({})
    try:
        with registry_memo():
            yield
    finally:
        _MEMO.reset(token)


class ScopeMemoMiddleware:
    """Runs every request inside ``scope_memo`` (after authentication)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        with scope_memo():
            return self.get_response(request)


def user_scope(user: Any, *, for_write: bool = False, on: dt.date | None = None) -> Scope:
    """The units a user may read (or write) as of ``on`` and today."""
    memo = _MEMO.get()
    if memo is None:
        return _user_scope(user, for_write=for_write, on=on)
    key = (getattr(user, "pk", None), for_write, on, today())
    if key not in memo:
        memo[key] = _user_scope(user, for_write=for_write, on=on)
    return memo[key]


def _roles(user: Any) -> list[tuple[str, int | None]]:
    """The user's (role, unit) pairs, read once per request for the read and write scopes."""
    memo = _MEMO.get()
    key = ("roles", user.pk)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[return-value]
    roles = list(Membership.objects.filter(user=user).values_list("role", "unit_id"))
    if memo is not None:
        memo[key] = roles  # type: ignore[assignment]
    return roles


def _user_scope(user: Any, *, for_write: bool, on: dt.date | None) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Scope(True, frozenset())
    roles = _roles(user)
    if for_write:
        roles = [(r, u) for r, u in roles if r in WRITE_ROLES]
    if any(r == Role.CITY_ADMIN or u is None for r, u in roles):
        return Scope(True, frozenset())
    roots = {u for _r, u in roles if u is not None}
    if not roots:
        return NOTHING
    ids: set[int] = set()
    for day in {today(), on or today()}:
        tree = unit_tree_as_of(day)
        for root in roots:
            ids |= tree.subtree_ids(root)
    return Scope(False, frozenset(ids | roots))


def is_city_admin(user: Any) -> bool:
    return user_scope(user, for_write=True).everything


def access_unit_by_code(
    user: Any, code: str, *, for_write: bool = False, on: dt.date | None = None
) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFound(m.UNIT_UNKNOWN, field="code", code=code)
    scope = user_scope(user, for_write=for_write, on=on)
    if scope.contains(unit.pk):
        return unit
    last_day = (
        UnitVersion.objects.filter(unit=unit)
        .order_by("-valid_from")
        .values_list("valid_from", flat=True)
        .first()
    )
    if last_day and user_scope(user, for_write=for_write, on=last_day).contains(unit.pk):
        return unit
    raise NotFound(m.UNIT_UNKNOWN, field="code", code=code)


def guard_write_codes(user: Any, codes: list[str], *, on: dt.date) -> None:
    """Every existing unit named must lie in the user's write scope (else the same 404)."""
    scope = user_scope(user, for_write=True, on=on)
    ids = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    for code in codes:
        if code in ids and not scope.contains(ids[code]):
            raise NotFound(m.UNIT_UNKNOWN, field="code", code=code)
    if not scope.everything and not scope.unit_ids:
        raise NotFound(m.UNIT_UNKNOWN, field="code", code=codes[0] if codes else "?")
