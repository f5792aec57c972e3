"""REST endpoints of the Hòa Lạc register (/api/v1/hoalac): parse → check access → call →
serialise. Everyone signed in may read; writes need the park board or a city administrator
(``investment.permissions``: 403 otherwise). Every change of a project carries the
``expected_version`` the client last saw; a concurrent change answers 409."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from bienche.core.clock import today
from bienche.investment import dashboard as dash
from bienche.investment import selectors as sel
from bienche.investment.models import Investor, Project
from bienche.investment.permissions import investor_get, project_get
from bienche.investment.projects_xlsx import project_rows
from bienche.investment.report import plain
from bienche.investment.schemas import (
    CertificateIn,
    DashboardOut,
    DisbursementIn,
    InvestorIn,
    InvestorOut,
    ObstacleIn,
    ObstacleOut,
    ProjectDetailOut,
    ProjectFilters,
    ProjectIn,
    ProjectRowOut,
    StageIn,
)
from bienche.investment.services import capital, investors, obstacles, projects

router = Router(tags=["hoalac"])


def _detail(project: Project, on: dt.date | None = None) -> dict[str, Any]:
    day = on or today()
    state = sel.park_state(day, only=project)[0]
    row = project_rows([state])[0]
    return row | {
        "version": project.version,
        "stages": list(project.stages.values("stage", "entered_on", "note")),
        "certificates": [
            {"on": c.issued_on, "currency": c.currency, "amount": c.amount, "rate_vnd": c.rate_vnd}
            | {"amount_vnd": c.amount_vnd, "number": c.number, "amendment": c.amendment}
            for c in project.certificates.all()
        ],
        "disbursements": list(
            project.disbursements.values("on", "currency", "amount", "rate_vnd", "amount_vnd")
        ),
    }


@router.get("/projects", response=list[ProjectRowOut])
def projects_list(request: HttpRequest, filters: Query[ProjectFilters]) -> list[dict]:
    rows = project_rows(sel.park_state(filters.as_of or today()))
    for name in ("stage", "sector", "status", "zone"):
        value = getattr(filters, name)
        if value:
            rows = [r for r in rows if r[name] == value]
    return rows


@router.post("/projects", response={201: ProjectDetailOut})
def project_new(request: HttpRequest, payload: ProjectIn) -> Status:
    data = payload.dict()
    data["land_use"] = data["land_use"] or ""
    data["land_ha"] = Decimal(str(data["land_ha"])).quantize(Decimal("0.01"))
    project = projects.project_create(spec=projects.ProjectSpec(**data), acting_user=request.user)
    return Status(201, _detail(project))


@router.get("/projects/{code}", response=ProjectDetailOut)
def project_detail(request: HttpRequest, code: str, as_of: dt.date | None = None) -> dict:
    project = project_get(code)
    if as_of is not None and not project.stages.filter(entered_on__lte=as_of).exists():
        as_of = None
    return _detail(project, as_of)


@router.post("/projects/{code}/stage", response=ProjectDetailOut)
def project_stage(request: HttpRequest, code: str, payload: StageIn) -> dict:
    project = projects.stage_advance(
        project=project_get(code), acting_user=request.user, **payload.dict()
    )
    return _detail(project)


@router.post("/projects/{code}/certificates", response={201: ProjectDetailOut})
def project_certificate(request: HttpRequest, code: str, payload: CertificateIn) -> Status:
    project = project_get(code)
    capital.certificate_record(project=project, acting_user=request.user, **payload.dict())
    return Status(201, _detail(project_get(code)))


@router.post("/projects/{code}/disbursements", response={201: ProjectDetailOut})
def project_disbursement(request: HttpRequest, code: str, payload: DisbursementIn) -> Status:
    project = project_get(code)
    capital.disbursement_record(project=project, acting_user=request.user, **payload.dict())
    return Status(201, _detail(project_get(code)))


@router.get("/investors", response=list[InvestorOut])
def investors_list(request: HttpRequest) -> list[Investor]:
    return list(Investor.objects.all()[:5000])


@router.post("/investors", response={201: InvestorOut})
def investor_new(request: HttpRequest, payload: InvestorIn) -> Status:
    inv = investors.investor_create(acting_user=request.user, **payload.dict())
    return Status(201, investor_get(inv.pk))


@router.get("/obstacles", response=list[ObstacleOut])
def obstacles_list(request: HttpRequest, as_of: dt.date | None = None) -> list[dict]:
    return dash.open_obstacles(_bounded(as_of))


@router.post("/obstacles", response={201: ObstacleOut})
def obstacle_new(request: HttpRequest, payload: ObstacleIn) -> Status:
    data = payload.dict()
    code = data.pop("project_code")
    project = project_get(code) if code else None
    o = obstacles.obstacle_raise(project=project, acting_user=request.user, **data)
    row = next(r for r in dash.open_obstacles(o.raised_on) if r["id"] == o.pk)
    return Status(201, row)


@router.get("/dashboard", response=DashboardOut)
def park_dashboard(request: HttpRequest, as_of: dt.date | None = None) -> dict:
    return plain(dash.dashboard(_bounded(as_of)))


def _bounded(day: dt.date | None) -> dt.date:
    """A read date kept to 1990–2100 (the capital series walks the years up to it)."""
    if day is None:
        return today()
    return min(max(day, dt.date(1990, 1, 1)), dt.date(2100, 12, 31))
