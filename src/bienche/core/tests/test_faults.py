"""Faults on PostgreSQL: a process killed in the middle of an import or a reorganization
leaves the data as before or as after, never half; a dropped connection is replaced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import xlsxwriter
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client, RequestFactory

from bienche.org.models import UnitVersion
from bienche.org.tests.factories import small_city
from bienche.staffing.models import Assignment
from bienche.staffing.roster_layout import COLUMNS

pytestmark = pytest.mark.django_db(transaction=True)
N = 20_000


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        if settings.REQUIRE_POSTGRES:
            pytest.fail("BIENCHE_REQUIRE_POSTGRES=1 but the database is not PostgreSQL")
        pytest.skip("needs PostgreSQL: run `make test-pg` (DATABASE_URL=postgres://…)")


def _url() -> str:
    d = connection.settings_dict
    auth = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgres://{auth}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def _conninfo() -> str:
    d = connection.settings_dict
    host, port = d["HOST"] or "127.0.0.1", d["PORT"] or 5432
    return f"host={host} port={port} user={d['USER']} dbname={d['NAME']}"


def _roster(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, [c.header for c in COLUMNS])
    for i in range(1, N + 1):
        sheet.write_row(
            i,
            0,
            [
                f"8{i:011d}",
                f"Lê Văn {i}",
                "1981-02-03",
                "Nam",
                "Đại học",
                "",
                "S1",
                "",
                "civil_servant",
                "01.003",
                str(1 + i % 9),
                f"{2.34 + 0.33 * (i % 9):.2f}",
                "",
                "",
                "",
                "2024-01-01",
            ],
        )
    book.close()
    return path


def _spawn(code: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": _url(), "DJANGO_SETTINGS_MODULE": "bienche.settings"}
    return subprocess.Popen([sys.executable, "-c", code], env=env)  # noqa: S603


def _kill_inside_transaction(proc: subprocess.Popen, after: float) -> None:
    """Wait until the child has an open transaction, let it work ``after`` s, kill -9."""
    with psycopg.connect(_conninfo(), autocommit=True) as watch:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            busy = watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND xact_start IS NOT NULL AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend' AND query NOT ILIKE '%pg_stat_activity%'"
            ).fetchone()[0]
            if busy:
                break
            time.sleep(0.02)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


IMPORT = """
import django; django.setup()
from bienche.staffing.services.roster_import import roster_import
r = roster_import(path={path!r}, acting_user=None)
assert r.ok, r.problems[:3]
"""


def test_import_killed_midway_is_all_or_nothing(tmp_path):
    small_city()
    path = _roster(tmp_path / "roster.xlsx")
    for after in (0.05, 0.3, 0.8):
        proc = _spawn(IMPORT.format(path=str(path)))
        _kill_inside_transaction(proc, after)
        assert Assignment.objects.count() in (0, N)
        if Assignment.objects.count() == N:
            break
    proc = _spawn(IMPORT.format(path=str(path)))
    assert proc.wait(timeout=120) == 0 or Assignment.objects.count() == N
    assert Assignment.objects.count() == N


MERGE = """
import datetime as dt, django; django.setup()
from bienche.org.enums import UnitKind
from bienche.org.services import LegalBasis, UnitSpec, unit_merge
unit_merge(predecessor_codes=["S1", "S2"],
           successor=UnitSpec(code="S12", name="Sở Một Hai", kind=UnitKind.DEPARTMENT,
                              parent_code="UB"),
           on=dt.date(2025, 3, 1),
           basis=LegalBasis(number="9/NQ-HĐND", issuer="HĐND", date=dt.date(2025, 2, 1)),
           acting_user=None)
"""


def test_reorganization_killed_midway_is_all_or_nothing(tmp_path):
    small_city()
    path = _roster(tmp_path / "roster.xlsx")
    assert _spawn(IMPORT.format(path=str(path))).wait(timeout=120) == 0
    for after in (0.0, 0.1, 0.3):
        _kill_inside_transaction(_spawn(MERGE), after)
        merged = UnitVersion.objects.filter(unit__code="S12").exists()
        open_in_s1 = Assignment.objects.filter(unit__code="S1", valid_to__isnull=True).count()
        open_in_s12 = Assignment.objects.filter(unit__code="S12", valid_to__isnull=True).count()
        assert (open_in_s1, open_in_s12) == ((0, N) if merged else (N, 0))
        if merged:
            break


def _serve(path: str, cookie: str) -> int:
    """One request through the WSGI application, as gunicorn would make it (the test
    client skips the connection housekeeping a server does at each request)."""
    environ = RequestFactory().get(path, HTTP_COOKIE=cookie).environ
    status: list[str] = []
    body = WSGIHandler()(environ, lambda s, _h: status.append(s))
    b"".join(body)
    return int(status[0].split()[0])


def test_dropped_connection_is_replaced_at_the_next_request(django_user_model):
    small_city()
    user = django_user_model.objects.create_user("boss", is_superuser=True)
    client = Client()
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    assert _serve("/org/chart/", cookie) == 200
    pid = connection.cursor().connection.info.backend_pid
    with psycopg.connect(_conninfo(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    assert _serve("/org/chart/", cookie) == 200  # no restart, no error page
    assert connection.cursor().connection.info.backend_pid != pid
