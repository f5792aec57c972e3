"""Factories for the Hòa Lạc tests: a small park built through the real services."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from bienche.investment.enums import LandUse, Pipeline, Sector, Stage
from bienche.investment.models import Investor, Project, Zone, ZoneLand
from bienche.investment.permissions import BOARD_CODE
from bienche.investment.services.capital import certificate_record
from bienche.investment.services.investors import investor_create
from bienche.investment.services.projects import ProjectSpec, project_create, stage_advance
from bienche.org.services import LegalBasis, UnitSpec, unit_establish
from bienche.org.tests.factories import small_city

START = dt.date(2020, 1, 1)
BOARD_ON = dt.date(2023, 10, 10)


def park() -> None:
    """The small test city, the park board under the People's Committee from 10/10/2023,
    and two zones: Z1 (industry 10 ha, research 5 ha) and Z2 (software 8 ha)."""
    small_city()
    unit_establish(
        specs=[
            UnitSpec(
                code=BOARD_CODE, name="Ban Quản lý Khu CNC", kind="department", parent_code="UB"
            )
        ],
        on=BOARD_ON,
        basis=LegalBasis(number="1168/QĐ-TTg", issuer="Thủ tướng", date=BOARD_ON),
        acting_user=None,
    )
    z1 = Zone.objects.create(code="Z1", name="Khu công nghiệp công nghệ cao", position=1)
    z2 = Zone.objects.create(code="Z2", name="Khu phần mềm", position=2)
    for zone, use, ha in (
        (z1, LandUse.INDUSTRY, 10),
        (z1, LandUse.RESEARCH, 5),
        (z2, LandUse.SOFTWARE, 8),
    ):
        ZoneLand.objects.create(zone=zone, use=use, planned_ha=Decimal(ha), source="test")


_names = itertools.count(1)


def investor(name: str | None = None, country: str = "VN", **kw: Any) -> Investor:
    return investor_create(
        name=name or f"Nhà đầu tư thử {next(_names)} Alpha",
        country=country,
        sector=kw.pop("sector", Sector.INDUSTRY),
        confirm_distinct=True,
        acting_user=kw.pop("acting_user", None),
        **kw,
    )


_codes = itertools.count(1)


def project(inv: Investor | None = None, **kw: Any) -> Project:
    kw.setdefault("code", f"P{next(_codes):03d}")
    kw.setdefault("name", f"Dự án {kw['code']}")
    kw.setdefault("stage_on", dt.date(2024, 1, 2))
    kw.setdefault("next_step", "Gặp nhà đầu tư")
    acting_user = kw.pop("acting_user", None)
    inv = inv or investor()
    return project_create(spec=ProjectSpec(investor_id=inv.pk, **kw), acting_user=acting_user)


def walk_to(p: Project, stage: str, start: dt.date = dt.date(2024, 2, 1), **cert: Any) -> Project:
    """Advance ``p`` stage by stage to ``stage`` (a certificate is recorded on the way)."""
    from bienche.investment.enums import PIPELINE_STAGES

    sequence = PIPELINE_STAGES[p.pipeline]
    day = start
    for nxt in sequence[sequence.index(p.stage) + 1 : sequence.index(stage) + 1]:
        if nxt == Stage.REGISTRATION:
            certificate_record(
                project=p,
                number=cert.get("number", f"GCN-{p.code}"),
                issued_on=day,
                amount=cert.get("amount", 100_000_000_000),
                acting_user=None,
            )
            p.refresh_from_db()
        p = stage_advance(project=p, stage=nxt, on=day, next_step="Bước sau", acting_user=None)
        day += dt.timedelta(days=30)
    return p


def land_project(zone: str = "Z1", use: str = LandUse.INDUSTRY, ha: Any = 4, **kw: Any) -> Project:
    return project(
        zone_code=zone, land_use=use, land_ha=ha, pipeline=kw.pop("pipeline", Pipeline.NEW), **kw
    )


def park_objects(unit: str = "D1") -> dict[str, Any]:
    """Zones, an investor, a project at the lead stage and an obstacle of ``unit`` (in an
    existing small city, without the board): the objects of the access matrix."""
    from bienche.investment.enums import ObstacleKind
    from bienche.investment.services.obstacles import obstacle_raise

    if not Zone.objects.filter(code="Z1").exists():
        z1 = Zone.objects.create(code="Z1", name="Khu công nghiệp", position=1)
        ZoneLand.objects.create(zone=z1, use=LandUse.INDUSTRY, planned_ha=Decimal(10), source="t")
    p = project(code="HL-T01", zone_code="Z1", land_use=LandUse.INDUSTRY, land_ha=2)
    o = obstacle_raise(
        kind=ObstacleKind.PLANNING,
        description="Quy hoạch",
        responsible_unit_code=unit,
        raised_on=dt.date(2024, 3, 4),
        project=p,
        acting_user=None,
    )
    return {"project": p.code, "investor": p.investor_id, "obstacle": o.pk}
