"""The demo register: calibrated to the published figures, carried through the 2025
reform, and answering "who decides X in commune Y today, and by which document"."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bienche.cli import main
from bienche.delegation.models import Transfer
from bienche.delegation.resolution import who_decides_by_code
from bienche.delegation.stats import delegation_stats
from bienche.demo.build import build_demo, ensure_demo_users

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def demo():
    build_demo(progress=False, staffing=False, steering=False)


def test_calibrated_to_the_published_figures(demo):
    s = delegation_stats(2023)
    assert (s["procedures"], s["procedures_transferred"]) == (1910, 708)
    assert round(s["procedures_share"] * 100) == 37
    assert s["by_level"]["district"]["decentralization"] >= 210 + 420
    assert len(s["fields"]) == 9
    assert Transfer.objects.filter(synthetic=False).count() >= 3  # Hòa Lạc, real

    moved = Transfer.objects.filter(document__number="3076/QĐ-UBND", to_class="commune_level")
    assert moved.count() == 331
    ended = Transfer.objects.filter(revocation_document__number="3076/QĐ-UBND")
    assert ended.count() == 331
    assert {t.valid_to for t in ended} == {dt.date(2025, 7, 1)}


def test_who_decides_in_a_commune_today_cli_and_web(demo, capsys):
    ensure_demo_users()
    power = Transfer.objects.filter(document__number="3076/QĐ-UBND").first().power.code
    r = who_decides_by_code(power, "HN.X25.00004", TODAY)
    assert (r.decides.code, r.chain[-1].document) == ("HN.X25.00004", "3076/QĐ-UBND")
    before = who_decides_by_code(power, "HN.X.00004", dt.date(2024, 6, 1))
    assert before.decides.code.startswith("HN.H.")  # the district, before the reform
    args = [
        "delegation",
        "who",
        "--power",
        power,
        "--unit",
        "HN.X25.00004",
        "--as-of",
        TODAY.isoformat(),
    ]
    assert main(args) == 0
    assert "3076/QĐ-UBND" in capsys.readouterr().out
    client = Client()
    client.force_login(User.objects.get(username="xem"))
    html = client.get("/delegation/who/", {"power": power, "unit": "HN.X25.00004"}).content
    assert "3076/QĐ-UBND" in html.decode()

    r = who_decides_by_code("HL.DAT.GIAO", "HN.BQL.HOALAC", TODAY)
    assert (r.decides.code, r.chain[-1].document) == ("HN.BQL.HOALAC", "39/2024/QH15")

    assert (
        Transfer.objects.filter(flag="receiver_gone", to_unit__code__startswith="HN.H.").count()
        == 2
    )
    assert Transfer.objects.filter(carried_from__isnull=False).exists()
