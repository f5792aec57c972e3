"""Who sees and changes which report, and the list's query count (constant in the number
of reports)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bienche.core.errors import Forbidden, NotFound
from bienche.org.enums import UnitKind
from bienche.org.services import unit_establish
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import BASIS, spec
from bienche.reports.permissions import DRAFTING_UNIT_CODES, access_report_by_id
from bienche.reports.selectors import report_list
from bienche.reports.tests.factories import report_with_version

pytestmark = pytest.mark.django_db


def test_scope_and_roles(users, django_user_model):
    d1 = report_with_version("D1")
    w3 = report_with_version("W3")  # a ward of D1 formed in 2023
    city = report_with_version(None)
    officer, outsider, viewer = users["officer"], users["outsider"], users["viewer"]
    assert {r.pk for r in report_list(officer)} == {d1, w3}
    assert {r.pk for r in report_list(viewer)} == {d1, w3}
    assert report_list(outsider) == []
    assert {r.pk for r in report_list(users["admin"])} == {d1, w3, city}
    for user, pk in ((outsider, d1), (officer, city), (viewer, city)):
        with pytest.raises(NotFound):
            access_report_by_id(user, pk)
    assert access_report_by_id(viewer, w3).pk == w3
    with pytest.raises(Forbidden):
        access_report_by_id(officer, d1, for_write=True)
    with pytest.raises(NotFound):
        access_report_by_id(officer, "x")
    unit_establish(
        specs=[spec(DRAFTING_UNIT_CODES[1], "UB", UnitKind.DEPARTMENT, name="Sở Nội vụ")],
        on=BASIS.date,
        basis=BASIS,
        acting_user=None,
    )
    home_affairs = django_user_model.objects.create_user("snv", password="pw-reports-2026")
    membership_grant(
        user=home_affairs, role="unit_officer", unit_code=DRAFTING_UNIT_CODES[1], acting_user=None
    )
    assert access_report_by_id(home_affairs, city, for_write=True).pk == city
    assert len(report_list(home_affairs)) == 3


def test_the_list_costs_the_same_queries_for_more_reports(users):
    def count(user):
        with CaptureQueriesContext(connection) as ctx:
            report_list(user)
        return len(ctx.captured_queries)

    report_with_version("D1")
    count(users["viewer"])  # the as-of unit trees are cached after the first read
    few = count(users["admin"]), count(users["viewer"])
    for _ in range(6):
        report_with_version("D1")
    assert (count(users["admin"]), count(users["viewer"])) == few
