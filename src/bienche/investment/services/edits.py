"""Edits of a project outside its stage moves: fields, next step, closing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.errors import InvalidInput
from bienche.investment import messages as m
from bienche.investment.enums import LandUse, Sector, Status
from bienche.investment.models import Project
from bienche.investment.permissions import guard_write
from bienche.investment.services.common import (
    locked,
    non_negative,
    not_future,
    require_choice,
    require_text,
)
from bienche.investment.services.projects import (
    count_value,
    due_after,
    entry_checks,
    snapshot,
    zone_by_code,
)

#: Fields an officer may edit on the project form (stages and capital have their own services).
EDITABLE = ("name", "sector", "zone_code", "land_use", "land_ha", "jobs_planned", "jobs_created")


def project_update(
    *, project: Project, data: dict[str, Any], expected_version: int | None, acting_user: Any
) -> Project:
    """Edit the allow-listed fields; land changes on a committed project are re-checked."""
    guard_write(acting_user, "sửa dự án", "change projects")
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        before = snapshot(proj)
        if "name" in data:
            proj.name = require_text(data["name"], "name", "tên dự án", "The project name")
        if "sector" in data:
            proj.sector = require_choice(data["sector"], Sector, "sector", "lĩnh vực")
        if "zone_code" in data:
            proj.zone = zone_by_code(data["zone_code"])
        if "land_use" in data:
            use = data["land_use"]
            proj.land_use = require_choice(use, LandUse, "land_use", "mục đích") if use else ""
        if "land_ha" in data:
            proj.land_ha = non_negative(data["land_ha"], "land_ha", "Diện tích đất")
        for name, what in (("jobs_planned", "Việc làm kế hoạch"), ("jobs_created", "Việc làm")):
            if name in data:
                setattr(proj, name, count_value(data[name], name, what))
        if proj.status == Status.OPEN or proj.status == Status.OPERATING:
            entry_checks(proj, proj.stage, proj.stage_since)
        proj.version += 1
        proj.save()
        audit_record(
            actor=acting_user,
            action="investment.project_update",
            entity_type="investment.project",
            entity_id=proj.code,
            before=before,
            after=snapshot(proj),
        )
    return proj


def next_step_set(
    *,
    project: Project,
    text: str,
    days: int,
    on: dt.date | None = None,
    expected_version: int | None = None,
    acting_user: Any,
) -> Project:
    guard_write(acting_user, "đặt bước tiếp theo", "set next steps")
    text = require_text(text, "next_step", "bước tiếp theo", "The next step")
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        before = snapshot(proj)
        proj.next_step, proj.next_step_due = text, due_after(on or today(), days)
        proj.version += 1
        proj.save()
        audit_record(
            actor=acting_user,
            action="investment.next_step_set",
            entity_type="investment.project",
            entity_id=proj.code,
            before=before,
            after=snapshot(proj),
        )
    return proj


def project_drop(
    *,
    project: Project,
    on: dt.date,
    reason: str,
    expected_version: int | None = None,
    acting_user: Any,
) -> Project:
    """Close an open project that will not go on (its land is freed)."""
    guard_write(acting_user, "đóng dự án", "close projects")
    reason = require_text(reason, "reason", "lý do dừng", "The reason", 2000)
    not_future(on, "on")
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        if proj.status != Status.OPEN:
            raise InvalidInput(m.STAGE_FINAL, field="stage")
        if on < proj.stage_since:
            raise InvalidInput(
                m.STAGE_DATE_BEFORE, field="on", on=on.isoformat(), since=proj.stage_since
            )
        before = snapshot(proj)
        proj.status, proj.closed_on, proj.close_reason = Status.DROPPED, on, reason
        proj.next_step, proj.next_step_due = "", None
        proj.version += 1
        proj.save()
        audit_record(
            actor=acting_user,
            action="investment.project_drop",
            entity_type="investment.project",
            entity_id=proj.code,
            before=before,
            after=snapshot(proj),
            reason=reason,
        )
    return proj
