"""Hòa Lạc pages that write: a project's page with its forms (stage, next step, certificate,
disbursement, closing, obstacle), obstacle resolution, new projects and investors, meetings
and the XLSX import.

Each POST goes to its own URL and calls one service with the version the page was rendered
with; errors come back next to the form (a stale version answers 409 and asks to reload),
users outside the board get a 403 page, unknown objects 404.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienche.core.clock import today
from bienche.core.errors import BiencheError, Conflict, Forbidden, NotFound
from bienche.investment import messages as m
from bienche.investment.enums import PIPELINE_STAGES, Status
from bienche.investment.models import Investor, Project, Zone
from bienche.investment.permissions import can_write, investor_get, obstacle_get, project_get
from bienche.investment.projects_xlsx import projects_import_xlsx
from bienche.investment.selectors import park_state
from bienche.investment.services import capital, edits, investors, obstacles, projects
from bienche.steering.files import check_upload
from bienche.web import hoalac_forms as hf
from bienche.web.hoalac_views import investor_page, labels
from bienche.web.steering_forms import show_error
from bienche.web.steering_views import forbidden

WRITE_ACTION = ("ghi sổ theo dõi Khu công nghệ cao", "change the Hòa Lạc register")


def _project_or_404(code: str) -> Project:
    try:
        return project_get(code)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc


def _forms(project: Project, bound: tuple[str, forms.Form] | None) -> dict[str, forms.Form]:
    version = {"expected_version": project.version}
    on = {"on": today()}
    sequence = PIPELINE_STAGES[project.pipeline]
    position = sequence.index(project.stage)
    following = sequence[position + 1] if position + 1 < len(sequence) else None
    stage = hf.StageForm(prefix="stage", initial=version | on | {"stage": following})
    if following:
        stage.fields["stage"].choices = [
            c for c in stage.fields["stage"].choices if c[0] == following
        ]
    built = {
        "stage": stage,
        "next": hf.NextStepForm(prefix="next", initial=version | {"next_step": project.next_step}),
        "certificate": hf.CertificateForm(
            prefix="certificate", initial=version | {"issued_on": today()}
        ),
        "disbursement": hf.DisbursementForm(prefix="disbursement", initial=version | on),
        "drop": hf.DropForm(prefix="drop", initial=version | on),
        "obstacle": hf.ObstacleForm(prefix="obstacle", initial={"raised_on": today()}),
        "edit": hf.EditForm(
            prefix="edit",
            initial=version
            | {k: getattr(project, k) for k in ("name", "sector", "land_use", "land_ha")}
            | {"jobs_planned": project.jobs_planned, "jobs_created": project.jobs_created}
            | {"zone_code": project.zone.code if project.zone_id else ""},
        ),
    }
    if not following or project.status != Status.OPEN:
        built.pop("stage")
        built.pop("next")
        built.pop("drop")
    if bound:
        built[bound[0]] = bound[1]
    return built


def _render(
    request: HttpRequest, project: Project, bound: Any = None, status: int = 200
) -> HttpResponse:
    state = next(iter(park_state(today(), only=project)), None)
    ctx = {
        "p": project,
        "state": state,
        "stages": project.stages.select_related("actor").all(),
        "certificates": project.certificates.all(),
        "disbursements": project.disbursements.all(),
        "obstacles": project.obstacles.select_related("task", "responsible_unit").all(),
        "can_write": can_write(request.user),
        "forms": _forms(project, bound) if can_write(request.user) else {},
        **labels(),
    }
    return render(request, "hoalac/project.html", ctx, status=status)


def project_page(request: HttpRequest, code: str) -> HttpResponse:
    return _render(request, _project_or_404(code))


def _next(p: Project, d: dict[str, Any], user: Any) -> Any:
    return edits.next_step_set(
        project=p,
        text=d["next_step"],
        days=d["next_step_days"],
        expected_version=d["expected_version"],
        acting_user=user,
    )


def _obstacle(p: Project, d: dict[str, Any], user: Any) -> Any:
    return obstacles.obstacle_raise(
        kind=d["kind"],
        description=d["description"],
        responsible_unit_code=d["responsible_unit_code"].strip(),
        raised_on=d["raised_on"],
        days=d["days"],
        project=p,
        acting_user=user,
    )


def _edit(p: Project, d: dict[str, Any], user: Any) -> Any:
    version = d.pop("expected_version")
    return edits.project_update(project=p, data=d, expected_version=version, acting_user=user)


def _same_names(service: Callable[..., Any]) -> Callable[..., Any]:
    """A service whose keyword arguments are the form's field names."""
    return lambda p, d, user: service(project=p, acting_user=user, **d)


ACTIONS: dict[str, tuple[type[forms.Form], Callable[..., Any], Any]] = {
    "stage": (hf.StageForm, _same_names(projects.stage_advance), gettext_lazy("Stage changed.")),
    "next": (hf.NextStepForm, _next, gettext_lazy("Next step set.")),
    "certificate": (
        hf.CertificateForm,
        _same_names(capital.certificate_record),
        gettext_lazy("Certificate recorded."),
    ),
    "disbursement": (
        hf.DisbursementForm,
        _same_names(capital.disbursement_record),
        gettext_lazy("Disbursement recorded."),
    ),
    "drop": (hf.DropForm, _same_names(edits.project_drop), gettext_lazy("Project closed.")),
    "obstacle": (hf.ObstacleForm, _obstacle, gettext_lazy("Obstacle recorded and assigned.")),
    "edit": (hf.EditForm, _edit, gettext_lazy("Project updated.")),
}


def project_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404(action)
    project = _project_or_404(code)
    if request.method != "POST":
        return redirect("hoalac_project", code=project.code)
    if not can_write(request.user):
        return forbidden(
            request,
            Forbidden(m.NOT_ALLOWED, action=WRITE_ACTION[0], action_en=WRITE_ACTION[1]).localized(),
        )
    form_class, call, done = ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    status = 200
    if form.is_valid():
        try:
            call(project, form.cleaned_data, request.user)
        except Conflict as exc:
            form.add_error(None, exc.localized())
            status = 409
        except BiencheError as exc:
            show_error(form, exc)
            status = 422
        else:
            messages.success(request, done)
            return redirect("hoalac_project", code=project.code)
    else:
        status = 422
    return _render(request, _project_or_404(code), (action, form), status)


def obstacle_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        obstacle = obstacle_get(pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    if request.method != "POST" or not can_write(request.user):
        if request.method == "POST":
            return forbidden(request, _("Only the park board may resolve obstacles."))
        return redirect("hoalac_obstacles")
    form = hf.ResolveForm(request.POST, prefix="resolve")
    if form.is_valid():
        try:
            obstacles.obstacle_resolve(
                obstacle=obstacle,
                on=form.cleaned_data["on"],
                resolution=form.cleaned_data["resolution"],
                expected_version=form.cleaned_data["expected_version"],
                acting_user=request.user,
            )
        except BiencheError as exc:
            messages.error(request, exc.localized())
        else:
            messages.success(request, _("Obstacle resolved."))
    else:
        messages.error(request, _("Give the date and the resolution."))
    if obstacle.project_id:
        return redirect("hoalac_project", code=obstacle.project.code)
    return redirect("hoalac_obstacles")


def _investor_choices() -> list[tuple[int, str]]:
    return [(i.pk, f"{i.name} ({i.country})") for i in Investor.objects.all()]


def project_new(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        return forbidden(request, _("Only the park board may record projects."))
    form = hf.ProjectForm(request.POST or None, initial={"stage_on": today()})
    form.fields["investor"].widget.choices = _investor_choices()
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            spec = projects.ProjectSpec(
                code=d["code"],
                name=d["name"],
                investor_id=d["investor"],
                pipeline=d["pipeline"],
                sector=d["sector"],
                stage_on=d["stage_on"],
                zone_code=d["zone_code"].strip(),
                land_use=d["land_use"],
                land_ha=d["land_ha"] or 0,
                jobs_planned=d["jobs_planned"] or 0,
                tech_level=d["tech_level"],
                next_step=d["next_step"],
            )
            try:
                p = projects.project_create(spec=spec, acting_user=request.user)
            except BiencheError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("Project recorded."))
                return redirect("hoalac_project", code=p.code)
    zones = Zone.objects.all()
    return render(
        request, "hoalac/project_form.html", {"form": form, "zones": zones}, status=status
    )


def investor_new(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        return forbidden(request, _("Only the park board may record investors."))
    form = hf.InvestorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                inv = investors.investor_create(acting_user=request.user, **form.cleaned_data)
            except BiencheError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("Investor recorded."))
                return redirect("hoalac_investor", pk=inv.pk)
    return render(request, "hoalac/investor_form.html", {"form": form}, status=status)


def meeting_add(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        inv = investor_get(pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    if request.method != "POST":
        return redirect("hoalac_investor", pk=inv.pk)
    if not can_write(request.user):
        return forbidden(request, _("Only the park board may record meetings."))
    form = hf.MeetingForm(request.POST, prefix="meeting")
    if form.is_valid():
        try:
            investors.meeting_add(investor=inv, acting_user=request.user, **form.cleaned_data)
        except BiencheError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Meeting recorded."))
            return redirect("hoalac_investor", pk=inv.pk)
    return investor_page(request, inv.pk, form=form, status=422)


def import_page(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        return forbidden(request, _("Only the park board may import projects."))
    form = hf.ImportForm(request.POST or None, request.FILES or None)
    report, status = None, 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload(upload, field="file")
        except BiencheError as exc:
            show_error(form, exc)
            return render(request, "hoalac/import.html", {"form": form}, status=422)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "import.xlsx"
            path.write_bytes(upload.read())
            report = projects_import_xlsx(path, acting_user=request.user)
        if report.ok:
            messages.success(request, _("%(n)d projects imported.") % {"n": report.created})
            return redirect("hoalac_projects")
        status = 422
    return render(request, "hoalac/import.html", {"form": form, "report": report}, status=status)
