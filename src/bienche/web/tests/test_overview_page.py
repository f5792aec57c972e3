"""The committee's overview page: figures equal to the modules' selectors, links, scope,
cache and a bounded number of queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.test import Client

from bienche.org.models import Unit
from bienche.org.selectors import unit_counts_as_of
from bienche.org.services.access import membership_grant
from bienche.pay.selectors import pay_run
from bienche.reports.tests.forms_world import AS_OF, forms_world
from bienche.staffing.selectors import staffing_summary
from bienche.staffing.tests.factories import staff
from bienche.steering.scorecard import scorecard

pytestmark = pytest.mark.django_db
URL = f"/overview/?as_of={AS_OF.isoformat()}"


@pytest.fixture
def clients(django_user_model):
    cache.clear()  # the summary is cached per data version, which repeats across tests
    forms_world()
    out = {}
    for name, role, unit in (("admin", "city_admin", None), ("d1", "viewer", "D1")):
        user = django_user_model.objects.create_user(name, password="pw-overview-2026")
        membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        out[name] = Client()
        out[name].force_login(user)
    return out


def _text(resp, testid: str) -> str:
    html = resp.content.decode()
    start = html.index(f'data-testid="{testid}"')
    return html[html.index(">", start) + 1 : html.index("<", start)].strip()


def test_figures_equal_the_selectors(clients):
    resp = clients["admin"].get(URL)
    assert resp.status_code == 200
    d = resp.context["d"]
    hn = Unit.objects.get(code="HN").pk
    summary = staffing_summary(hn, AS_OF)
    counts = unit_counts_as_of(AS_OF)
    assert d["apparatus"] == {"total": counts["total"], "by_level": counts["by_level"]}
    assert d["staffing"]["quota"] == sum(r["quota"] for r in summary["by_kind"]) == 19
    assert d["staffing"]["actual"] == sum(r["actual"] for r in summary["by_kind"]) == 5
    card = scorecard(dt.date(2024, 1, 1), AS_OF)["total"]
    assert (d["steering"]["open"], d["steering"]["overdue"]) == (2, 1)
    assert d["steering"]["overdue"] == card["open_overdue"]
    assert d["pay"]["employer_cost"] == pay_run(dt.date(2024, 11, 1)).totals["employer_cost"]
    assert d["pay"]["headcount"] == 5
    assert d["recruitment"]["code"] == "MX"
    assert d["territory"]["code"] == "nq35-2023"
    assert _text(resp, "units-total") == "9"
    assert _text(resp, "staff-actual") == "5"
    assert _text(resp, "tasks-overdue") == "1"


def test_links_to_every_module(clients):
    html = clients["admin"].get(URL).content.decode()
    for href in (
        "/org/chart/?on=2024-11-30",
        "/staffing/?on=2024-11-30",
        "/pay/?from=2024-11&to=2024-11",
        "/steering/scorecard/?from=2024-01-01&to=2024-11-30",
        "/delegation/stats/?year=2024",
        "/recruit/MX/",
        "/pricing/",
        "/hoalac/?on=2024-11-30",
        "/territory/?round=nq35-2023&on=2024-11-30",
        "/reports/forms/?as_of=2024-11-30",
    ):
        assert f'href="{href}' in html, href
    assert 'src="/static/bienche/overview-charts.js"' in html
    assert "<script>" not in html
    assert "style=" not in html
    home = clients["admin"].get("/").content.decode()
    assert 'href="/overview/"' in home


def test_chart_data_and_scope(clients):
    resp = clients["d1"].get(URL)
    html = resp.content.decode()
    start = html.index(">", html.index('id="overview-chart-data"')) + 1
    chart = json.loads(html[start : html.index("</script>", start)])
    assert sum(chart["steering"]["values"]) == 1  # D1's task only
    assert sum(chart["staffing"]["actual"]) == 3  # D1, W1
    d = resp.context["d"]
    assert d["unit_code"] == "D1"
    assert "(D1)" in d["scope"]
    assert clients["d1"].get(URL + "&unit=D2").status_code == 404


def test_cached_until_a_write_and_bounded_queries(clients, django_assert_max_num_queries):
    clients["admin"].get(URL)
    with django_assert_max_num_queries(5):
        resp = clients["admin"].get(URL)
    assert resp.context["d"]["staffing"]["actual"] == 5
    staff(6, "D2", on=dt.date(2024, 6, 1))  # an audited write: the summary is recomputed
    assert clients["admin"].get(URL).context["d"]["staffing"]["actual"] == 6


def test_cold_page_query_count_is_bounded(clients, django_assert_max_num_queries):
    with django_assert_max_num_queries(80):  # 56 today, independent of the number of units
        assert clients["admin"].get(URL).status_code == 200


def test_a_date_before_any_data(clients):
    resp = clients["admin"].get("/overview/?as_of=2019-06-30")
    assert resp.status_code == 200
    d = resp.context["d"]
    assert d["apparatus"]["total"] == 0
    assert d["staffing"]["actual"] == 0
    assert d["recruitment"] is None
    assert d["territory"] is None  # no round's reference date is that early
    bad = clients["admin"].get("/overview/?as_of=30-06-2019")
    assert 'role="alert"' in bad.content.decode()
