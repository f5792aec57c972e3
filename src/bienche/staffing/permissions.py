"""Who may see personal data in the roster.

Personal identifiers and birth dates are shown in full only to city-wide administrators and
to officers whose write scope contains the person's unit; everyone else sees them masked.
"""

from __future__ import annotations

from typing import Any

from bienche.org.permissions import Scope, user_scope


def personal_data_scope(user: Any) -> Scope:
    return user_scope(user, for_write=True)
