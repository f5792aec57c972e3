"""Projects and their stages.

A project walks its pipeline's stages one at a time (``enums.PIPELINE_STAGES``), each dated
no earlier than the one before and never in the future. Entering investment registration
needs the certificate; entering land allocation needs a zone, a use and an area that fit
the zone's plan (``land.land_check``). Every open project carries a next step with a due
date counted in working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record
from bienche.core.clock import today
from bienche.core.errors import InvalidInput
from bienche.core.workdays import add_working_days
from bienche.investment import messages as m
from bienche.investment.enums import (
    LAND_COMMITTED_FROM,
    PIPELINE_STAGES,
    STAGE_ORDER,
    LandUse,
    Pipeline,
    Sector,
    Stage,
    Status,
    TechLevel,
    labels,
)
from bienche.investment.models import Certificate, Investor, Project, ProjectStage, Zone
from bienche.investment.permissions import guard_write
from bienche.investment.services.common import (
    locked,
    non_negative,
    not_future,
    require_choice,
    require_text,
)
from bienche.investment.services.land import land_check

#: Working days given to the next step when the officer does not say.
NEXT_STEP_DAYS = 10
MAX_NEXT_STEP_DAYS = 250


@dataclass
class ProjectSpec:
    code: str
    name: str
    investor_id: int
    pipeline: str = Pipeline.NEW
    sector: str = Sector.INDUSTRY
    stage: str = Stage.LEAD
    stage_on: dt.date | None = None
    zone_code: str = ""
    land_use: str = ""
    land_ha: Any = 0
    jobs_planned: int = 0
    jobs_created: int = 0
    tech_level: str = TechLevel.HIGH
    next_step: str = ""
    next_step_days: int = NEXT_STEP_DAYS
    synthetic: bool = False


def snapshot(p: Project) -> dict[str, Any]:
    return {
        "name": p.name,
        "investor": p.investor_id,
        "pipeline": p.pipeline,
        "sector": p.sector,
        "zone": p.zone.code if p.zone_id else "",
        "land_use": p.land_use,
        "land_ha": p.land_ha,
        "jobs_planned": p.jobs_planned,
        "jobs_created": p.jobs_created,
        "tech_level": p.tech_level,
        "stage": p.stage,
        "stage_since": p.stage_since,
        "status": p.status,
        "next_step": p.next_step,
        "next_step_due": p.next_step_due,
    }


def zone_by_code(code: str) -> Zone | None:
    if not code:
        return None
    zone = Zone.objects.filter(code=code).first()
    if zone is None:
        raise InvalidInput(m.ZONE_UNKNOWN, field="zone", code=code)
    return zone


def count_value(value: Any, field: str, what: str) -> int:
    number = non_negative(value or 0, field, what)
    if number != number.to_integral_value():
        raise InvalidInput(m.NUMBER_INVALID, field=field, what=what, what_en=field, value=value)
    return int(number)


def due_after(on: dt.date, days: Any) -> dt.date:
    n = count_value(days, "next_step_days", "Số ngày làm việc của bước tiếp theo")
    if not 1 <= n <= MAX_NEXT_STEP_DAYS:
        raise InvalidInput(
            m.NUMBER_INVALID,
            field="next_step_days",
            what="Số ngày làm việc (1–250)",
            what_en="next_step_days (1–250)",
            value=days,
        )
    return add_working_days(on, n)


def _stage_in(pipeline: str, stage: str) -> None:
    require_choice(stage, Stage, "stage", "giai đoạn")
    if stage not in PIPELINE_STAGES[pipeline]:
        raise InvalidInput(
            m.STAGE_NOT_IN_PIPELINE,
            field="stage",
            **labels("stage", Stage(stage)),
            **labels("pipeline", Pipeline(pipeline)),
        )


def entry_checks(project: Project, stage: str, on: dt.date) -> None:
    """What a stage needs before a project may be in it: from investment registration on,
    a certificate and land that fits the plan (partners hold no land)."""
    if project.pipeline == Pipeline.PARTNER:
        return
    if STAGE_ORDER[stage] >= STAGE_ORDER[LAND_COMMITTED_FROM]:
        _needs_certificate(project, on)
        _needs_land(project, stage)


def _needs_certificate(project: Project, on: dt.date) -> None:
    if (
        project.pk is None
        or not Certificate.objects.filter(project=project, issued_on__lte=on).exists()
    ):
        raise InvalidInput(m.STAGE_NEEDS_CERTIFICATE, field="stage")


def _needs_land(project: Project, stage: str) -> None:
    if project.zone_id is None or not project.land_use or project.land_ha <= 0:
        raise InvalidInput(m.STAGE_NEEDS_LAND, field="zone", **labels("stage", Stage(stage)))
    land_check(project.zone, project.land_use, Decimal(project.land_ha), project_id=project.pk)


@dataclass
class CertificateSpec:
    number: str
    issued_on: dt.date
    amount: int
    currency: str = "VND"
    rate_vnd: int | None = None


def _build(spec: ProjectSpec, on: dt.date) -> Project:
    investor = Investor.objects.filter(pk=spec.investor_id).first()
    if investor is None:
        raise InvalidInput(m.INVESTOR_UNKNOWN, field="investor", ref=spec.investor_id)
    return Project(
        code=require_text(spec.code, "code", "mã dự án", "The project code", 24).upper(),
        name=require_text(spec.name, "name", "tên dự án", "The project name"),
        investor=investor,
        pipeline=spec.pipeline,
        sector=require_choice(spec.sector, Sector, "sector", "lĩnh vực"),
        zone=zone_by_code(spec.zone_code),
        land_use=require_choice(spec.land_use, LandUse, "land_use", "mục đích sử dụng đất")
        if spec.land_use
        else "",
        land_ha=non_negative(spec.land_ha, "land_ha", "Diện tích đất"),
        jobs_planned=count_value(spec.jobs_planned, "jobs_planned", "Số việc làm kế hoạch"),
        jobs_created=count_value(spec.jobs_created, "jobs_created", "Số việc làm đã tạo"),
        tech_level=require_choice(spec.tech_level, TechLevel, "tech_level", "trình độ công nghệ"),
        stage=spec.stage,
        stage_since=on,
        status=Status.OPERATING if spec.stage == Stage.OPERATION else Status.OPEN,
        next_step=spec.next_step.strip()[:255],
        next_step_due=due_after(on, spec.next_step_days) if spec.next_step.strip() else None,
        synthetic=spec.synthetic,
    )


def project_create(
    *, spec: ProjectSpec, certificate: CertificateSpec | None = None, acting_user: Any
) -> Project:
    """Create a project at a stage of its pipeline (usually the first; an import may place
    it further on, with the certificate that stage needs)."""
    from bienche.investment.services.capital import certificate_record

    guard_write(acting_user, "ghi dự án", "record projects")
    require_choice(spec.pipeline, Pipeline, "pipeline", "luồng")
    _stage_in(spec.pipeline, spec.stage)
    on = not_future(spec.stage_on or today(), "stage_on")
    project = _build(spec, on)
    with transaction.atomic():
        if Project.objects.filter(code=project.code).exists():
            raise InvalidInput(m.CODE_TAKEN, field="code", code=project.code)
        project.save()
        ProjectStage.objects.create(
            project=project, stage=spec.stage, entered_on=on, actor=_user(acting_user)
        )
        audit_record(
            actor=acting_user,
            action="investment.project_create",
            entity_type="investment.project",
            entity_id=project.code,
            after=snapshot(project),
        )
        if certificate is not None:
            certificate_record(
                project=project,
                number=certificate.number,
                issued_on=certificate.issued_on,
                amount=certificate.amount,
                currency=certificate.currency,
                rate_vnd=certificate.rate_vnd,
                acting_user=acting_user,
            )
        entry_checks(project, spec.stage, on)
    return project


def stage_advance(
    *,
    project: Project,
    stage: str,
    on: dt.date,
    next_step: str = "",
    next_step_days: int = NEXT_STEP_DAYS,
    note: str = "",
    expected_version: int | None = None,
    acting_user: Any,
) -> Project:
    """Move a project to the next stage of its pipeline, on ``on``."""
    guard_write(acting_user, "chuyển giai đoạn dự án", "move projects between stages")
    not_future(on, "on")
    with transaction.atomic():
        proj = locked(Project, project.pk, expected_version)
        before = snapshot(proj)
        _check_move(proj, stage, on)
        entry_checks(proj, stage, on)
        final = stage == PIPELINE_STAGES[proj.pipeline][-1]
        if not final and not next_step.strip():
            raise InvalidInput(
                m.FIELD_REQUIRED, field="next_step", what="bước tiếp theo", what_en="The next step"
            )
        proj.stage, proj.stage_since = stage, on
        proj.status = Status.OPERATING if final else Status.OPEN
        proj.next_step = "" if final else next_step.strip()[:255]
        proj.next_step_due = None if final else due_after(on, next_step_days)
        proj.version += 1
        proj.save()
        ProjectStage.objects.create(
            project=proj, stage=stage, entered_on=on, note=note.strip(), actor=_user(acting_user)
        )
        audit_record(
            actor=acting_user,
            action="investment.stage_advance",
            entity_type="investment.project",
            entity_id=proj.code,
            before=before,
            after=snapshot(proj),
            reason=note.strip(),
        )
    return proj


def _check_move(proj: Project, stage: str, on: dt.date) -> None:
    sequence = PIPELINE_STAGES[proj.pipeline]
    _stage_in(proj.pipeline, stage)
    position = sequence.index(proj.stage)
    if proj.status != Status.OPEN or position + 1 >= len(sequence):
        raise InvalidInput(m.STAGE_FINAL, field="stage")
    expected = sequence[position + 1]
    if stage != expected:
        raise InvalidInput(
            m.STAGE_OUT_OF_ORDER,
            field="stage",
            **labels("current", Stage(proj.stage)),
            **labels("expected", Stage(expected)),
            **labels("stage", Stage(stage)),
        )
    if on < proj.stage_since:
        raise InvalidInput(
            m.STAGE_DATE_BEFORE, field="on", on=on.isoformat(), since=proj.stage_since.isoformat()
        )


def _user(acting_user: Any) -> Any:
    return acting_user if getattr(acting_user, "is_authenticated", False) else None
