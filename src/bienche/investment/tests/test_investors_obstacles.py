"""Investor duplicates under two spellings; obstacles become steering tasks that follow
their unit; stuck projects raise obstacles once."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import Forbidden, InvalidInput
from bienche.core.workdays import add_working_days
from bienche.investment import messages as m
from bienche.investment.dashboard import open_obstacles
from bienche.investment.enums import ObstacleKind, Stage
from bienche.investment.models import Investor, Obstacle
from bienche.investment.names import fold, similarity
from bienche.investment.permissions import BOARD_CODE
from bienche.investment.services.investors import investor_create
from bienche.investment.services.obstacles import obstacle_raise, obstacle_resolve, stuck_scan
from bienche.investment.tests.factories import park, project
from bienche.org.enums import Role
from bienche.org.services import LegalBasis, unit_merge
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import spec as unit_spec
from bienche.steering.enums import Status as TaskStatus
from bienche.steering.models import SourceDocument

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _park():
    park()


def test_fold_drops_diacritics_case_and_company_form():
    assert fold("Công ty CP Công nghệ Minh Phát") == "nghe minh phat"
    assert fold("CONG TY CO PHAN CONG NGHE MINH PHAT") == "nghe minh phat"
    assert similarity(fold("Tập đoàn Viettel"), fold("Tap Doan VIETTEL")) == 1.0
    assert similarity(fold("FPT Software"), fold("Viettel High Tech")) < 0.5


def test_same_investor_under_two_spellings_warns_and_writes_nothing():
    investor_create(
        name="Công ty CP Công nghệ Minh Phát", country="VN", sector="software", acting_user=None
    )
    with pytest.raises(InvalidInput) as exc:
        investor_create(
            name="CONG TY CO PHAN CONG NGHE MINH PHAT",
            country="vn",
            sector="software",
            acting_user=None,
        )
    assert exc.value.message == m.INVESTOR_SIMILAR
    assert exc.value.params["other"] == "Công ty CP Công nghệ Minh Phát"
    assert Investor.objects.count() == 1
    investor_create(
        name="CONG TY CO PHAN CONG NGHE MINH PHAT",
        country="VN",
        sector="software",
        confirm_distinct=True,
        acting_user=None,
    )
    investor_create(name="Samsung Display", country="KR", sector="industry", acting_user=None)
    assert Investor.objects.count() == 3


def test_country_must_be_an_iso_code():
    with pytest.raises(InvalidInput) as exc:
        investor_create(name="X Corp", country="Korea", sector="industry", acting_user=None)
    assert exc.value.field == "country"


def test_obstacle_becomes_a_steering_task_of_the_responsible_unit():
    p = project()
    o = obstacle_raise(
        kind=ObstacleKind.LAND_CLEARANCE,
        description="Chưa bàn giao mặt bằng 2 ha",
        responsible_unit_code="D2",
        raised_on=D(2024, 5, 6),
        project=p,
        acting_user=None,
    )
    t = o.task
    assert (t.lead_unit.code, t.status, t.programme.code) == ("D2", TaskStatus.ASSIGNED, "hoa_lac")
    assert t.deadline == add_working_days(D(2024, 5, 6), 20)
    assert p.code in t.content
    doc = SourceDocument.objects.get(pk=t.document_id)
    assert doc.issuer_unit.code == BOARD_CODE
    assert doc.issued_on == D(2024, 5, 6)


def test_obstacle_for_a_unit_not_active_is_refused_and_writes_nothing():
    with pytest.raises(InvalidInput) as exc:
        obstacle_raise(
            kind=ObstacleKind.PLANNING,
            description="x",
            responsible_unit_code="NOPE",
            raised_on=D(2024, 5, 6),
            acting_user=None,
        )
    assert exc.value.message == m.UNIT_NOT_ACTIVE
    assert not Obstacle.objects.exists()
    assert not SourceDocument.objects.exists()


def test_obstacle_follows_its_unit_through_a_merger():
    o = obstacle_raise(
        kind=ObstacleKind.PROCEDURES,
        description="Thủ tục",
        responsible_unit_code="S1",
        raised_on=D(2024, 5, 6),
        acting_user=None,
    )
    unit_merge(
        predecessor_codes=["S1", "S2"],
        successor=unit_spec("S12", "UB", name="Sở Mới"),
        on=D(2025, 3, 1),
        basis=LegalBasis(number="NQ-1", issuer="HĐND", date=D(2025, 2, 25)),
        acting_user=None,
    )
    row = open_obstacles(D(2025, 6, 1))[0]
    assert row["id"] == o.pk
    assert row["owner_code"] == "S12"
    assert row["owner"] == "Sở Mới"
    assert row["age_days"] == (D(2025, 6, 1) - D(2024, 5, 6)).days


def test_resolve_closes_it_once():
    o = obstacle_raise(
        kind=ObstacleKind.INFRASTRUCTURE,
        description="Điện",
        responsible_unit_code="S1",
        raised_on=D(2024, 5, 6),
        acting_user=None,
    )
    obstacle_resolve(obstacle=o, on=D(2024, 6, 1), resolution="Đã đấu nối", acting_user=None)
    assert open_obstacles(D(2024, 5, 31))[0]["id"] == o.pk
    assert open_obstacles(D(2024, 6, 1)) == []
    with pytest.raises(InvalidInput) as exc:
        obstacle_resolve(obstacle=o, on=D(2024, 6, 2), resolution="lại", acting_user=None)
    assert exc.value.message == m.OBSTACLE_RESOLVED


def test_stuck_scan_raises_one_obstacle_per_stuck_project():
    stuck = project(stage_on=D(2024, 1, 2))
    project(stage_on=D(2024, 6, 1))
    raised = stuck_scan(on=D(2024, 6, 1), acting_user=None)  # lead: 120 days
    assert [o.project_id for o in raised] == [stuck.pk]
    assert raised[0].kind == ObstacleKind.STALLED
    assert raised[0].responsible_unit.code == BOARD_CODE
    assert stuck_scan(on=D(2024, 6, 1), acting_user=None) == []
    assert stuck.stage == Stage.LEAD


def test_only_the_board_or_city_admin_may_write(django_user_model):
    officer = django_user_model.objects.create_user("s1", password="x" * 12)
    membership_grant(user=officer, unit_code="S1", role=Role.UNIT_OFFICER, acting_user=None)
    with pytest.raises(Forbidden):
        investor_create(name="Y Ltd", country="JP", sector="industry", acting_user=officer)
    board = django_user_model.objects.create_user("bql", password="x" * 12)
    membership_grant(user=board, unit_code=BOARD_CODE, role=Role.UNIT_OFFICER, acting_user=None)
    investor_create(name="Y Ltd", country="JP", sector="industry", acting_user=board)
