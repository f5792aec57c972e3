"""Hòa Lạc pages that read: the dashboard, the pipeline board, projects (and their export),
investors, land, obstacles and the board's management model. The project page and the
forms that write are in ``hoalac_actions``.

Everyone signed in may read (the park's figures are published); investors' contacts are
shown only to the board and city administrators (``investment.permissions.can_write``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bienche.core.clock import today
from bienche.core.errors import NotFound
from bienche.delegation.selectors import powers_of_unit
from bienche.investment import dashboard as dash
from bienche.investment import selectors as sel
from bienche.investment.enums import LandUse, ObstacleKind, Pipeline, Sector, Stage, Status
from bienche.investment.models import Investor
from bienche.investment.permissions import BOARD_CODE, board_unit, can_write, investor_get
from bienche.investment.projects_xlsx import project_rows, projects_export_xlsx
from bienche.org.selectors import unit_latest_node
from bienche.steering.enums import Status as TaskStatus
from bienche.steering.models import Task
from bienche.web.params import date_param

FILTERS = ("stage", "sector", "pipeline", "status", "zone", "origin")


def labels() -> dict[str, Any]:
    return {
        "stage_labels": dict(Stage.choices),
        "sector_labels": dict(Sector.choices),
        "pipeline_labels": dict(Pipeline.choices),
        "status_labels": dict(Status.choices),
        "use_labels": dict(LandUse.choices),
        "obstacle_labels": dict(ObstacleKind.choices),
        "task_status_labels": dict(TaskStatus.choices),
    }


def _on(request: HttpRequest) -> tuple[dt.date, str]:
    return date_param(request, "on", today())


def dashboard_page(request: HttpRequest) -> HttpResponse:
    on, error = _on(request)
    data = dash.dashboard(on)
    chart = {
        "stages": {
            "labels": [str(r["label"]) for r in data["by_stage"]],
            "projects": [r["projects"] for r in data["by_stage"]],
            "registered": [round(r["registered"] / 1e9) for r in data["by_stage"]],
        },
        "capital": {
            "labels": [r["on"].isoformat() for r in data["capital_series"]],
            "registered": [round(r["registered"] / 1e9) for r in data["capital_series"]],
            "disbursed": [round(r["disbursed"] / 1e9) for r in data["capital_series"]],
        },
    }
    ctx = {"on": on, "error": error, "d": data, "chart": chart, **labels()}
    return render(request, "hoalac/dashboard.html", ctx)


def board_page(request: HttpRequest) -> HttpResponse:
    on, error = _on(request)
    ctx = {"on": on, "error": error, "columns": dash.board(on), **labels()}
    return render(request, "hoalac/board.html", ctx)


def _filtered(request: HttpRequest, on: dt.date) -> list[dict[str, Any]]:
    rows = project_rows(sel.park_state(on))
    q = request.GET.get("q", "").strip().lower()
    for name in FILTERS:
        value = request.GET.get(name, "")
        if not value:
            continue
        if name == "origin":
            rows = [r for r in rows if (r["country"] == "VN") == (value == "domestic")]
        else:
            rows = [r for r in rows if str(r[name]) == value]
    if q:
        rows = [
            r
            for r in rows
            if q in r["name"].lower() or q in r["investor"].lower() or q in r["code"].lower()
        ]
    return rows


def projects_page(request: HttpRequest) -> HttpResponse:
    on, error = _on(request)
    rows = _filtered(request, on)
    ctx = {
        "on": on,
        "error": error,
        "rows": rows,
        "total_registered": sum(r["registered"] for r in rows),
        "total_disbursed": sum(r["disbursed"] for r in rows),
        "query": request.GET.urlencode(),
        "chosen": {k: request.GET.get(k, "") for k in (*FILTERS, "q")},
        "zones": [z["zone"] for z in dash.dashboard(on)["land_by_zone"]],
        "can_write": can_write(request.user),
        **labels(),
    }
    return render(request, "hoalac/projects.html", ctx)


def projects_download(request: HttpRequest) -> FileResponse:
    on, _error = _on(request)
    rows = _filtered(request, on)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "du-an.xlsx"
        projects_export_xlsx(rows, path)
        data = path.read_bytes()
    return FileResponse(
        iter([data]),
        as_attachment=True,
        filename=f"hoalac-du-an-{on.isoformat()}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def investors_page(request: HttpRequest) -> HttpResponse:
    rows = []
    counts = sel.investor_counts()
    for inv in Investor.objects.all():
        rows.append({"investor": inv, **counts.get(inv.pk, {"projects": 0, "registered": 0})})
    ctx = {"rows": rows, "can_write": can_write(request.user)}
    return render(request, "hoalac/investors.html", ctx)


def investor_page(
    request: HttpRequest, pk: int, form: Any = None, status: int = 200
) -> HttpResponse:
    try:
        inv = investor_get(pk)
    except NotFound as exc:
        raise Http404(exc.localized()) from exc
    states = [s for s in sel.park_state(today()) if s.project.investor_id == inv.pk]
    ctx = {
        "investor": inv,
        "rows": project_rows(states),
        "meetings": inv.meetings.all()[:100],
        "can_write": can_write(request.user),
        "form": form,
        **labels(),
    }
    return render(request, "hoalac/investor.html", ctx, status=status)


def land_page(request: HttpRequest) -> HttpResponse:
    on, error = _on(request)
    data = dash.dashboard(on)
    ctx = {
        "on": on,
        "error": error,
        "rows": data["land"],
        "zones": data["land_by_zone"],
        **labels(),
    }
    return render(request, "hoalac/land.html", ctx)


def obstacles_page(request: HttpRequest) -> HttpResponse:
    on, error = _on(request)
    ctx = {"on": on, "error": error, "rows": dash.open_obstacles(on), **labels()}
    return render(request, "hoalac/obstacles.html", ctx)


def model_page(request: HttpRequest) -> HttpResponse:
    """The board in the org registry, its powers and the tasks of the new working model."""
    board = board_unit()
    node = unit_latest_node(board) if board else None
    tasks = (
        Task.objects.filter(programme__code="hoa_lac", obstacle__isnull=True)
        .select_related("document", "lead_unit")
        .order_by("current_deadline", "pk")[:200]
    )
    powers = powers_of_unit(board, today()) if board else []
    ctx = {"board": board, "node": node, "board_code": BOARD_CODE, "tasks": tasks, "powers": powers}
    ctx |= labels()
    return render(request, "hoalac/model.html", ctx)
