"""Shared test configuration.

Hypothesis runs derandomized and without per-example deadlines: property tests still
explore hundreds of generated cases, but CI on a loaded 2-core machine sees the same ones
every run, so a red build always means a real, reproducible failure.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

hypothesis_settings.register_profile(
    "bienche", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("bienche")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 with production iterations costs ~0.3 s per login; tests only need a hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Read models are cached per audit id (``core.cache``); each test's transaction is
    rolled back, so the same ids come back in the next test with other data."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
