"""The registry version and the user's roles are read once per request; a reorganization
recorded during the request is seen by the reads after it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bienche.org.permissions import scope_memo, user_scope
from bienche.org.selectors import unit_tree_as_of
from bienche.org.services import UnitSpec, unit_merge
from bienche.org.tests.factories import BASIS, small_city

pytestmark = pytest.mark.django_db

ON = dt.date(2024, 1, 1)


def _queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        result = fn()
    return result, len(ctx.captured_queries)


def test_registry_read_once_per_request_and_forgotten_by_a_reorganization():
    small_city()
    with scope_memo():
        tree, first = _queries(lambda: unit_tree_as_of(ON))
        assert first >= 1
        again, queries = _queries(lambda: unit_tree_as_of(ON))
        assert queries == 0
        assert again is tree
        unit_merge(
            predecessor_codes=["W1", "W2"],
            successor=UnitSpec(code="W9", name="Phường Chín", kind="ward", parent_code="D1"),
            on=ON,
            basis=BASIS,
            acting_user=None,
        )
        after = unit_tree_as_of(ON)
        codes = {n.code for n in after.by_id.values()}
        assert "W9" in codes
        assert "W1" not in codes
    # Outside a request nothing is remembered: every call reads the version.
    assert _queries(lambda: unit_tree_as_of(ON))[1] >= 1


def test_roles_read_once_for_the_read_and_write_scopes(django_user_model):
    from bienche.org.models import Membership, Unit

    small_city()
    user = django_user_model.objects.create_user("o1", password="x-very-long-1")
    Membership.objects.create(user=user, role="unit_officer", unit=Unit.objects.get(code="D1"))
    with scope_memo():
        read, _n = _queries(lambda: user_scope(user))
        write, queries = _queries(lambda: user_scope(user, for_write=True))
        membership_reads = queries
    assert read.unit_ids == write.unit_ids
    assert membership_reads == 0
