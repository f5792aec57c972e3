"""Reports tests: a clean cache around every test (cached reads are keyed by the highest
audit id, which a rolled-back test may hand out again)."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()
