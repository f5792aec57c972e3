"""Obstacles (vướng mắc) and the steering tasks that follow them up.

Each obstacle is assigned by a board notice to the unit responsible, as a steering task of
the «hoa_lac» programme: the board's problems then count in the committee's scorecards
like any other task, and follow the unit through reorganizations. ``stuck_scan`` raises an
obstacle for each open project that has stayed in its stage beyond ``enums.STUCK_DAYS``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import STUCK_DAYS, ObstacleKind, Stage, Status, vi_label
from bienche.investment.models import Obstacle, Project
from bienche.investment.permissions import BOARD_CODE, guard_write
from bienche.investment.services.common import (
    locked,
    not_future,
    require_choice,
    require_text,
)
from bienche.org.models import Unit
from bienche.org.selectors import unit_node_on
from bienche.steering.enums import DeadlineKind, DocumentKind, Priority
from bienche.steering.services.documents import document_create, programme_ensure
from bienche.steering.services.tasks import TaskSpec, task_create

PROGRAMME = ("hoa_lac", "Khu công nghệ cao Hòa Lạc")
BOARD_NAME = "Ban Quản lý Khu công nghệ cao Hòa Lạc"
#: Working days the responsible unit gets to clear an obstacle, unless the board says.
OBSTACLE_DAYS = 20


def _active_unit(code: str, on: dt.date) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None or unit_node_on(unit, on) is None:
        raise InvalidInput(m.UNIT_NOT_ACTIVE, field="responsible_unit", code=code, on=on)
    return unit


def obstacle_raise(
    *,
    kind: str,
    description: str,
    responsible_unit_code: str,
    raised_on: dt.date,
    project: Project | None = None,
    days: int = OBSTACLE_DAYS,
    synthetic: bool = False,
    acting_user: Any,
) -> Obstacle:
    """Record an obstacle and assign it, by a board notice, as a steering task."""
    guard_write(acting_user, "ghi vướng mắc", "record obstacles")
    require_choice(kind, ObstacleKind, "kind", "loại vướng mắc")
    description = require_text(description, "description", "nội dung vướng mắc", "The text", 4000)
    not_future(raised_on, "raised_on")
    unit = _active_unit(responsible_unit_code, raised_on)
    board = Unit.objects.filter(code=BOARD_CODE).first()
    board_active = board is not None and unit_node_on(board, raised_on) is not None
    with transaction.atomic():
        obstacle = Obstacle.objects.create(
            project=project,
            kind=kind,
            description=description,
            responsible_unit=unit,
            raised_on=raised_on,
            synthetic=synthetic,
        )
        programme_ensure(code=PROGRAMME[0], name=PROGRAMME[1], acting_user=acting_user)
        document = document_create(
            kind=DocumentKind.NOTICE,
            number=f"{Obstacle.objects.filter(raised_on__year=raised_on.year).count()}/TB-VM-CNCHL",
            issuer=BOARD_NAME,
            issuer_unit_code=BOARD_CODE if board_active else None,
            issued_on=raised_on,
            summary=f"Giao xử lý vướng mắc: {description[:200]}",
            synthetic=synthetic,
            acting_user=acting_user,
        )
        subject = f"[{project.code}] " if project else ""
        obstacle.task = task_create(
            document=document,
            spec=TaskSpec(
                content=f"Xử lý vướng mắc ({vi_label(ObstacleKind(kind))}): {subject}{description}",
                lead_unit_code=unit.code,
                responsible_post="Thủ trưởng đơn vị",
                deadline_kind=DeadlineKind.WORKING_DAYS,
                deadline_days=days,
                priority=Priority.HIGH,
                programme_code=PROGRAMME[0],
                recorded_on=raised_on if synthetic else None,
                synthetic=synthetic,
            ),
            acting_user=acting_user,
        )
        obstacle.save(update_fields=["task"])
        audit_record(
            actor=acting_user,
            action="investment.obstacle_raise",
            entity_type="investment.obstacle",
            entity_id=obstacle.pk,
            after={
                "kind": kind,
                "description": description,
                "project": project.code if project else None,
                "responsible_unit": unit.code,
                "raised_on": raised_on,
                "task": obstacle.task.pk,
            },
        )
    return obstacle


def obstacle_resolve(
    *,
    obstacle: Obstacle,
    on: dt.date,
    resolution: str,
    expected_version: int | None = None,
    acting_user: Any,
) -> Obstacle:
    guard_write(acting_user, "ghi kết quả xử lý vướng mắc", "resolve obstacles")
    resolution = require_text(resolution, "resolution", "kết quả xử lý", "The resolution", 4000)
    not_future(on, "on")
    with transaction.atomic():
        row = locked(Obstacle, obstacle.pk, expected_version)
        if row.resolved_on is not None:
            raise InvalidInput(m.OBSTACLE_RESOLVED, field="resolved_on", on=row.resolved_on)
        if on < row.raised_on:
            raise InvalidInput(
                m.STAGE_DATE_BEFORE, field="on", on=on.isoformat(), since=row.raised_on
            )
        row.resolved_on, row.resolution = on, resolution
        row.version += 1
        row.save()
        audit_record(
            actor=acting_user,
            action="investment.obstacle_resolve",
            entity_type="investment.obstacle",
            entity_id=row.pk,
            after={"resolved_on": on, "resolution": resolution},
        )
    return row


def stuck_projects(on: dt.date) -> list[tuple[Project, int]]:
    """Open projects in a stage longer than its threshold, with the days spent there."""
    found = []
    for project in Project.objects.filter(status=Status.OPEN).select_related("investor"):
        days = (on - project.stage_since).days
        limit = STUCK_DAYS.get(project.stage)
        if limit is not None and days > limit:
            found.append((project, days))
    return found


def stuck_scan(*, on: dt.date | None = None, acting_user: Any) -> list[Obstacle]:
    """Raise a «stuck in a stage» obstacle for each stuck project that has none open
    (idempotent: a second run the same day raises nothing)."""
    day = on or today()
    open_ids = set(
        Obstacle.objects.filter(kind=ObstacleKind.STALLED, resolved_on__isnull=True).values_list(
            "project_id", flat=True
        )
    )
    raised = []
    for project, days in stuck_projects(day):
        if project.pk in open_ids:
            continue
        raised.append(
            obstacle_raise(
                kind=ObstacleKind.STALLED,
                description=f"Dự án «{project.name}» ở giai đoạn "
                f"«{vi_label(Stage(project.stage))}» đã {days} ngày "
                f"(ngưỡng {STUCK_DAYS[project.stage]} ngày).",
                responsible_unit_code=BOARD_CODE,
                raised_on=day,
                project=project,
                synthetic=project.synthetic,
                acting_user=acting_user,
            )
        )
    return raised
