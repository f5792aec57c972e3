"""Security headers on every page: CSP without inline code, framing denied, no sniffing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import bienche

pytestmark = pytest.mark.django_db
TEMPLATES = Path(bienche.__file__).parent / "web" / "templates"


def test_login_page_headers():
    resp = Client().get("/login/")
    csp = resp["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert resp["X-Frame-Options"] == "DENY"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"] == "same-origin"


def test_templates_have_no_inline_code():
    """Inline handlers, <script> bodies and style attributes would be blocked by the CSP."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\son[a-z]+\s*=", text) or re.search(
            r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", text
        ):
            offenders.append(path.name)
        if re.search(r'\sstyle\s*=\s*"', text):
            offenders.append(path.name)
    assert offenders == []
