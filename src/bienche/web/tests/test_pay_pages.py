"""Pay pages: the scenario page (scope, totals, exclusions, chart data, downloads) and the
payslip explanation (personal-data scope, 404 outside it, an audit row per view)."""

from __future__ import annotations

import io

import openpyxl
import polars as pl
import pytest
from django.core.cache import cache

from bienche.core.clock import today
from bienche.core.models import AuditEntry
from bienche.pay.services import EXPLAIN_VIEWED
from bienche.pay.tests.factories import pay_city, pid, signed_in
from bienche.web.tests.steering_support import _html

pytestmark = pytest.mark.django_db
JULY = "from=2024-07&to=2024-07"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people():
    return pay_city()


@pytest.fixture
def admin(people, django_user_model):
    return signed_in(django_user_model, "boss", "city_admin", None)


@pytest.fixture
def officer(people, django_user_model):
    return signed_in(django_user_model, "o1", "unit_officer", "D1")


@pytest.fixture
def viewer(people, django_user_model):
    return signed_in(django_user_model, "v1", "viewer", "D1")


def test_current_law_for_the_city_shows_totals_and_exclusions(admin):
    html = _html(admin.get(f"/pay/?{JULY}"))
    assert 'data-testid="pay-headcount">4<' in html
    assert 'data-testid="pay-excluded">1<' in html
    # employer costs 51.116.278 (A–D, by hand) + bonus funds 3.524.040
    assert 'data-testid="pay-baseline-cost">54.640.318<' in html
    assert "<code>leadership</code>" in html
    assert "an allowance without a source" in html
    assert 'id="pay-chart-data"' in html
    assert 'data-testid="pay-chart"' in html
    assert "bienche/pay-charts.js" in html
    assert 'data-testid="pay-difference"' not in html  # no scenario: no comparison columns


def test_scenario_over_a_period(admin):
    html = _html(admin.get("/pay/?scenario=luong-co-so-2024&from=2024-07&to=2025-06"))
    assert 'data-testid="pay-difference"' in html
    assert 'data-testid="pay-top-units"' in html
    assert "Trường Tiểu học Một" in html
    assert 'data-testid="pay-distribution"' in html
    assert "Nghị định 24/2023" in html  # the baseline it is compared with
    html = _html(admin.get("/pay/?scenario=nq27-mau&from=2024-07&to=2024-12"))
    assert 'data-testid="pay-illustrative"' in html


def test_defaults_unit_of_the_user_and_current_year(officer):
    html = _html(officer.get("/pay/"))
    year = today().year
    assert f'value="{year}-01"' in html
    assert f'value="{year}-12"' in html
    assert 'name="unit" value="D1"' in html


def test_scope_and_bad_input(viewer):
    assert viewer.get(f"/pay/?unit=D2&{JULY}").status_code == 404
    assert viewer.get(f"/pay/?scenario=nope&{JULY}").status_code == 404
    html = _html(viewer.get("/pay/?from=2024-13"))
    assert "2024-13" in html
    assert 'role="alert"' in html
    html = _html(viewer.get("/pay/?from=1990-01&to=1990-02"))
    assert "base_salary" in html
    assert 'data-testid="pay-totals"' not in html


def test_downloads(officer):
    query = "scenario=luong-co-so-2024&from=2024-07&to=2024-09"
    resp = officer.get(f"/pay/comparison.xlsx?{query}")
    assert resp.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(resp.streaming_content)))
    assert "Tổng hợp" in book.sheetnames
    resp = officer.get(f"/pay/comparison.parquet?{query}")
    frame = pl.read_parquet(io.BytesIO(b"".join(resp.streaming_content)))
    units = frame.filter(pl.col("dimension") == "unit")["key"].unique().to_list()
    assert len(units) == 2  # D1 and T1: D2 is outside the officer's unit
    assert officer.get(f"/pay/comparison.xlsx?{query}&unit=D2").status_code == 404


def _views() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=EXPLAIN_VIEWED))


def test_explanation_page_is_audited(officer, people):
    html = _html(officer.get(f"/pay/people/{people['C']}/?month=2024-07"))
    assert "Người C" in html
    assert "17.462.320" in html
    assert "4.527.268" in html
    assert "sector_allowance" in html
    assert "EDU_35" in html
    [entry] = _views()
    assert entry.actor == officer.user
    assert (entry.entity_type, entry.entity_id) == ("staffing.person", str(people["C"]))
    assert entry.after["month"] == "2024-07"


def test_explanation_of_another_units_person_is_404(officer, viewer, people):
    assert officer.get(f"/pay/people/{people['D']}/?month=2024-07").status_code == 404
    assert viewer.get(f"/pay/people/{people['A']}/?month=2024-07").status_code == 404
    assert officer.get(f"/pay/people/{people['A']}/?month=2019-01").status_code == 404
    assert officer.get(f"/pay/people/{people['A']}/?month=junk").status_code == 404
    assert _views() == []


def test_explanation_of_a_person_who_cannot_be_paid(admin, people):
    html = _html(admin.get(f"/pay/people/{people['E']}/?month=2024-07"))
    assert 'data-testid="pay-refused"' in html
    assert "leadership" in html
    assert len(_views()) == 1


def test_person_lookup(officer, people):
    resp = officer.get(f"/pay/people/?person={pid('C')}&month=2024-07")
    assert resp.status_code == 302
    assert resp["Location"] == f"/pay/people/{people['C']}/?month=2024-07"
    assert officer.get(f"/pay/people/?person={pid('D')}&month=2024-07").status_code == 404
    assert officer.get("/pay/people/?person=nobody").status_code == 404
    assert _views() == []


def test_nav_link(officer):
    assert 'data-testid="nav-pay"' in _html(officer.get("/"))


def test_a_unit_without_staff(admin):
    html = _html(admin.get("/pay/?unit=UB&scenario=nq27-mau&from=2024-07&to=2024-08"))
    assert 'data-testid="pay-headcount">0<' in html
    assert admin.get("/api/v1/pay/run?month=2024-07&unit=UB").json()["headcount"] == 0
