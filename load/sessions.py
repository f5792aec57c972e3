"""Open N signed-in sessions for the load test (`make load`), one per simulated officer.

The load test measures officers at work, not 200 logins in the same second (each login
hashes a password on purpose: ~0.3 s of CPU), so the sessions are created up front, the way
the users would have signed in over the morning. Writes one session key per line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import django


def main(n: int, out: Path) -> None:
    django.setup()
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username="canbo.noivu")
    keys = []
    for _ in range(n):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "bienche.core.lockout.LockoutModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    out.write_text("\n".join(keys) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
