"""Who may read and change the register. One place, used by web, API and CLI.

* **Read**: every signed-in user; the register states public legal competences.
* **Write** (record, edit, revoke, review a transfer): city-wide administrators, or
  officers whose write scope contains the transferring authority (``from_unit``).

A transfer the user may not change answers ``NotFound`` exactly like a missing one.
"""

from __future__ import annotations

from typing import Any

from bienche.core.errors import NotFound
from bienche.delegation import messages as m
from bienche.delegation.models import Transfer
from bienche.delegation.selectors import transfer_get
from bienche.org.permissions import user_scope


def can_write(user: Any, transfer: Transfer) -> bool:
    return user_scope(user, for_write=True).contains(transfer.from_unit_id)


def can_record(user: Any) -> bool:
    """Whether the user may record transfers for some authority."""
    scope = user_scope(user, for_write=True)
    return scope.everything or bool(scope.unit_ids)


def access_transfer_by_id(
    user: Any, transfer_id: int | str, *, for_write: bool = False
) -> Transfer:
    try:
        pk = int(transfer_id)
    except (TypeError, ValueError):
        raise NotFound(m.TRANSFER_UNKNOWN, field="id", id=transfer_id) from None
    if not getattr(user, "is_authenticated", False):
        raise NotFound(m.TRANSFER_UNKNOWN, field="id", id=transfer_id)
    transfer = transfer_get(pk)
    if for_write and not can_write(user, transfer):
        raise NotFound(m.TRANSFER_UNKNOWN, field="id", id=transfer_id)
    return transfer
