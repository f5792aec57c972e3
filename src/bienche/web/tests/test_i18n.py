"""The Vietnamese catalogue is complete, compiled, and used by default."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client
from django.utils import translation

import bienche

LOCALE = Path(bienche.__file__).parent / "locale" / "vi" / "LC_MESSAGES"


def _catalogue():
    with (LOCALE / "django.po").open("rb") as fh:
        return read_po(fh)


def test_every_message_translated():
    untranslated = [m.id for m in _catalogue() if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


def test_compiled_catalogue_matches_po():
    mo = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))
    for m in _catalogue():
        if m.id and isinstance(m.id, str):
            assert mo.gettext(m.id) == m.string, m.id


def test_translation_switch():
    with translation.override("vi"):
        assert translation.gettext("Org chart") == "Sơ đồ tổ chức"
    with translation.override("en"):
        assert translation.gettext("Org chart") == "Org chart"


@pytest.mark.django_db
def test_login_page_languages():
    assert "Đăng nhập" in Client().get("/login/").content.decode()
    c = Client()
    c.cookies["django_language"] = "en"
    assert "Log in" in c.get("/login/").content.decode()
    # The user's language is the request's only: the thread is back in Vietnamese after it.
    assert translation.gettext("Org chart") == "Sơ đồ tổ chức"
