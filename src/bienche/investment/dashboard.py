"""The park dashboard and the pipeline board, assembled from ``selectors`` and cached per
data version (any audited write refreshes them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from bienche.core.cache import cached_read
from bienche.investment import selectors as sel
from bienche.investment.enums import (
    PIPELINE_STAGES,
    STUCK_DAYS,
    Metric,
    Pipeline,
    Stage,
    Status,
)
from bienche.investment.models import Obstacle, ProjectStage, Target
from bienche.org.models import UnitVersion


def conversion(states: list[sel.ProjectState], on: dt.date) -> list[dict[str, Any]]:
    """For the new-investor pipeline: how many projects reached each stage, the share that
    went on to the next one, and the median days spent in it (completed stays only)."""
    stages = PIPELINE_STAGES[Pipeline.NEW]
    new = [s for s in states if s.project.pipeline == Pipeline.NEW]
    reached = {st: sum(1 for s in new if s.reached(st)) for st in stages}
    stays: dict[str, list[int]] = defaultdict(list)
    rows = ProjectStage.objects.filter(entered_on__lte=on, project__pipeline=Pipeline.NEW).order_by(
        "project_id", "entered_on", "pk"
    )
    previous: dict[int, tuple[str, dt.date]] = {}
    for pk, stage, day in rows.values_list("project_id", "stage", "entered_on"):
        if pk in previous:
            stays[previous[pk][0]].append((day - previous[pk][1]).days)
        previous[pk] = (stage, day)
    out = []
    for i, st in enumerate(stages):
        nxt = stages[i + 1] if i + 1 < len(stages) else None
        days = sorted(stays[st])
        out.append(
            {
                "stage": st,
                "label": str(Stage(st).label),
                "reached": reached[st],
                "converted": round(reached[nxt] * 100 / reached[st], 1)
                if nxt and reached[st]
                else None,
                "median_days": days[len(days) // 2] if days else None,
            }
        )
    return out


def open_obstacles(on: dt.date, limit: int | None = None) -> list[dict[str, Any]]:
    """Obstacles unresolved on ``on``, oldest first, with the unit now responsible (the
    steering task follows its unit through reorganizations) and the task's state."""
    rows = (
        Obstacle.objects.filter(raised_on__lte=on)
        .exclude(resolved_on__lte=on)
        .select_related("project", "task", "task__lead_unit", "responsible_unit")
        .order_by("raised_on", "pk")
    )
    if limit:
        rows = rows[:limit]
    rows = list(rows)
    owners = {(o.task.lead_unit if o.task else o.responsible_unit).pk for o in rows}
    names = dict(
        UnitVersion.objects.filter(unit_id__in=owners)
        .order_by("unit_id", "valid_from")
        .values_list("unit_id", "name")
    )  # the last version's name wins: the unit's name today, or when it was dissolved
    out = []
    for o in rows:
        owner = o.task.lead_unit if o.task else o.responsible_unit
        out.append(
            {
                "id": o.pk,
                "kind": o.kind,
                "description": o.description,
                "project": o.project.code if o.project else "",
                "project_name": o.project.name if o.project else "",
                "raised_on": o.raised_on,
                "age_days": (on - o.raised_on).days,
                "owner_code": owner.code,
                "owner": names[owner.pk],
                "task_id": o.task_id,
                "task_status": o.task.status if o.task else "",
                "task_deadline": o.task.current_deadline if o.task else None,
                "synthetic": o.synthetic,
            }
        )
    return out


def targets(states: list[sel.ProjectState], land: list[dict[str, Any]], year: int) -> list[dict]:
    t = sel.totals(states)
    planned = sum(r["planned"] for r in land)
    actual = {
        Metric.PROJECTS: t["projects"],
        Metric.CAPITAL: t["registered"],
        Metric.DISBURSED: t["disbursed"],
        Metric.JOBS: t["jobs_created"],
        Metric.OCCUPANCY: sel._pct(sum(r["occupied"] for r in land), planned),
    }
    return [
        {
            "metric": row.metric,
            "label": str(Metric(row.metric).label),
            "target": row.value,
            "actual": actual[row.metric],
            "met": actual[row.metric] >= row.value,
            "source": row.source,
            "synthetic": row.synthetic,
        }
        for row in Target.objects.filter(year=year)
    ]


def board(on: dt.date) -> list[dict[str, Any]]:
    """The pipeline board: one column per stage with the open projects in it."""
    columns: dict[str, list[dict[str, Any]]] = {st: [] for st in Stage.values}
    for s in sel.park_state(on):
        if s.status != Status.OPEN:
            continue
        p = s.project
        days = (on - s.since).days
        columns[s.stage].append(
            {
                "code": p.code,
                "name": p.name,
                "investor": p.investor.name,
                "pipeline": p.pipeline,
                "since": s.since,
                "days": days,
                "stuck": days > STUCK_DAYS.get(s.stage, 10**6),
                "next_step": p.next_step,
                "next_step_due": p.next_step_due,
                "overdue": bool(p.next_step_due and p.next_step_due < on),
                "registered": s.registered,
                "synthetic": p.synthetic,
            }
        )
    return [
        {
            "stage": st,
            "label": str(Stage(st).label),
            "projects": sorted(c, key=lambda r: -r["days"]),
        }
        for st, c in columns.items()
    ]


def _compute(on: dt.date) -> dict[str, Any]:
    states = sel.park_state(on)
    land = sel.land_table(states)
    obstacles = open_obstacles(on)
    return {
        "on": on,
        "totals": sel.totals(states),
        "by_stage": sel.by_stage(states),
        "by_sector": sel.by_sector(states),
        "by_country": sel.by_country(states),
        "land": land,
        "land_by_zone": sel.land_by_zone(land),
        "capital_series": sel.capital_series(on),
        "conversion": conversion(states, on),
        "obstacles": obstacles[:10],
        "obstacles_open": len(obstacles),
        "targets": targets(states, land, on.year),
        "overdue_next_steps": sum(
            1
            for s in states
            if s.status == Status.OPEN and s.project.next_step_due and s.project.next_step_due < on
        ),
    }


def dashboard(on: dt.date) -> dict[str, Any]:
    return cached_read(f"hoalac:dashboard:{on.isoformat()}", lambda: _compute(on))
