"""The Hòa Lạc demo matches the published figures and answers the dashboard's questions."""

import datetime as dt

import pytest

from bienche.demo.build import build_demo
from bienche.investment import selectors as sel
from bienche.investment.dashboard import dashboard, open_obstacles
from bienche.investment.models import Obstacle, ZoneLand
from bienche.steering.models import Task

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def demo():
    build_demo(progress=False, staffing=False, scale=0.05)


def test_published_totals():
    end_2024 = sel.totals(sel.park_state(D(2024, 12, 31)))
    assert (end_2024["projects"], end_2024["domestic"], end_2024["foreign"]) == (109, 95, 14)
    assert end_2024["registered"] == pytest.approx(115_500 * 10**9, rel=0.001)
    assert sel.totals(sel.park_state(D(2023, 7, 1)))["projects"] == 104
    assert sum(z.planned_ha for z in ZoneLand.objects.all()) == 1586
    assert ZoneLand.objects.values("zone").distinct().count() == 8


def test_dashboard_answers_stage_capital_occupancy_and_obstacles():
    d = dashboard(D(2026, 1, 1))
    by_stage = {r["stage"]: r for r in d["by_stage"]}
    assert sum(r["projects"] for r in by_stage.values()) > 111  # prospects included
    assert by_stage["operation"]["registered"] > 0
    assert len(d["land_by_zone"]) == 8
    assert all(0 <= z["occupancy"] <= 100 for z in d["land_by_zone"])
    oldest = d["obstacles"][0]
    assert oldest["raised_on"] == D(2023, 12, 5)
    # raised against Thạch Thất district in 2023: now owned by a commune formed in 2025
    assert oldest["owner_code"].startswith("HN.X25.")


def test_obstacles_are_steering_tasks():
    assert Obstacle.objects.filter(task__isnull=True).count() == 0
    assert Task.objects.filter(programme__code="hoa_lac", obstacle__isnull=False).count() == (
        Obstacle.objects.count()
    )
    assert len(open_obstacles(D(2026, 1, 1))) > 0
