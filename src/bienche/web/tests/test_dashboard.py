import pytest
from django.test import Client

from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city

pytestmark = pytest.mark.django_db


def test_dashboard_counts(django_user_model):
    small_city()
    user = django_user_model.objects.create_user("v", password="pw-12345678")
    membership_grant(user=user, role="viewer", unit_code="HN", acting_user=None)
    c = Client()
    c.force_login(user)
    html = c.get("/").content.decode()
    assert 'data-testid="total-units">9<' in html


def test_no_outside_assets():
    html = Client().get("/login/").content.decode()
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html


def test_vietnamese_by_default_whatever_the_browser_says():
    resp = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get("/login/")
    assert resp["Content-Language"] == "vi"
    chosen = Client()
    chosen.cookies["django_language"] = "en"
    assert chosen.get("/login/")["Content-Language"] == "en"
