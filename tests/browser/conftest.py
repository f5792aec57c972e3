"""Browser tests: Debian Chromium driven by Playwright against pytest-django's live server.

Never downloads a browser. Skips with a reason when Chromium or Playwright is absent,
unless settings.REQUIRE_BROWSER (CI) makes them mandatory.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from django.conf import settings

from bienche.conftest import _empty_cache  # noqa: F401 - autouse: caches are emptied here too

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def _one_request_at_a_time(request):
    """Serve the live server's requests one at a time.

    On SQLite the test database is in memory and the live server's threads share its one
    connection: a page that loads an iframe and images at once (the report editor) could
    interleave two queries on it (seen in CI: a session lookup returning another query's
    rows). Production servers have a connection per thread; this only orders the test's."""
    if "live_server" not in request.fixturenames:
        yield
        return
    httpd = request.getfixturevalue("live_server").thread.httpd
    app, lock = httpd.get_app(), threading.Lock()

    def serial(environ, start_response):  # type: ignore[no-untyped-def]
        with lock:
            return app(environ, start_response)

    httpd.set_app(serial)
    yield
    httpd.set_app(app)


def _unavailable(reason: str):
    if settings.REQUIRE_BROWSER:
        pytest.fail(f"browser tests are mandatory here but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed")
    path = Path(settings.CHROMIUM_PATH)
    if not path.exists():
        _unavailable(f"Chromium not found at {path} (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium_browser):
    context = chromium_browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    violations: list[str] = []
    pg.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    yield pg
    context.close()
    assert violations == [], f"the page broke its Content Security Policy: {violations}"


@pytest.fixture
def artifacts() -> Path:
    out = Path(settings.TEST_ARTIFACTS)
    out.mkdir(parents=True, exist_ok=True)
    return out
