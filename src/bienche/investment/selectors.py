"""Reads of the Hòa Lac register as of a date: the park's state, the pipeline board, land,
capital over time, conversion, obstacles and targets.

The state of every project on a date is folded from its history (stage rows, certificates,
disbursements, closing date) in four queries, then everything else is computed in memory:
the park holds a few hundred projects, so one pass is cheaper than many aggregates.
Land areas are the project's current ones (the register does not version them).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from bienche.core.clock import today
from bienche.investment.enums import (
    LAND_COMMITTED_FROM,
    LAND_LEASED_FROM,
    LAND_OCCUPIED_FROM,
    PIPELINE_STAGES,
    STAGE_ORDER,
    Pipeline,
    Stage,
    Status,
)
from bienche.investment.models import (
    Certificate,
    Disbursement,
    Investor,
    Project,
    ProjectStage,
    Zone,
    ZoneLand,
)


@dataclass
class ProjectState:
    project: Project
    stage: str
    since: dt.date
    status: str
    registered: int
    disbursed: int

    @property
    def holds_land(self) -> bool:
        return self.project.pipeline != Pipeline.PARTNER and self.status != Status.DROPPED

    def reached(self, stage: str) -> bool:
        return STAGE_ORDER[self.stage] >= STAGE_ORDER[stage]

    @property
    def licensed(self) -> bool:
        """Counted among the park's projects: registered, not dropped (partners excluded)."""
        return self.holds_land and self.reached(Stage.REGISTRATION)


def _last_by_project(rows: list[tuple[int, Any]]) -> dict[int, Any]:
    last: dict[int, Any] = {}
    for pk, value in rows:
        last[pk] = value
    return last


def park_state(on: dt.date, *, only: Project | None = None) -> list[ProjectState]:
    """Every project that existed on ``on`` (or just ``only``), as it stood that day."""
    mine = {"project": only} if only is not None else {}
    stages = _last_by_project(
        [
            (pk, (stage, day))
            for pk, stage, day in ProjectStage.objects.filter(entered_on__lte=on, **mine)
            .order_by("entered_on", "pk")
            .values_list("project_id", "stage", "entered_on")
        ]
    )
    registered = _last_by_project(
        list(
            Certificate.objects.filter(issued_on__lte=on, **mine)
            .order_by("issued_on", "amendment")
            .values_list("project_id", "amount_vnd")
        )
    )
    disbursed = dict(
        Disbursement.objects.filter(on__lte=on, **mine)
        .values("project_id")
        .annotate(t=Sum("amount_vnd"))
        .values_list("project_id", "t")
    )
    projects = Project.objects.all()
    if only is not None:
        projects = projects.filter(pk=only.pk)
    # Investors and zones are few and shared: built once each, not once per project.
    investors = {i.pk: i for i in Investor.objects.all()}
    zones = {z.pk: z for z in Zone.objects.all()}
    states = []
    for project in projects:
        project.investor = investors[project.investor_id]
        project.zone = zones.get(project.zone_id)
        if project.pk not in stages:
            continue  # recorded later than ``on``
        stage, since = stages[project.pk]
        if project.closed_on and project.closed_on <= on:
            status = Status.DROPPED
        elif stage == PIPELINE_STAGES[project.pipeline][-1]:
            status = Status.OPERATING
        else:
            status = Status.OPEN
        states.append(
            ProjectState(
                project,
                stage,
                since,
                status,
                registered.get(project.pk, 0),
                disbursed.get(project.pk, 0),
            )
        )
    return states


def _tally(states: list[ProjectState], key: Any) -> list[dict[str, Any]]:
    groups: dict[Any, dict[str, Any]] = {}
    for s in states:
        g = groups.setdefault(key(s), {"projects": 0, "registered": 0, "disbursed": 0})
        g["projects"] += 1
        g["registered"] += s.registered
        g["disbursed"] += s.disbursed
    return [{"key": k, **v} for k, v in groups.items()]


def by_stage(states: list[ProjectState]) -> list[dict[str, Any]]:
    """Projects and capital per stage (dropped ones left out), in pipeline order."""
    live = [s for s in states if s.status != Status.DROPPED]
    rows = {r["key"]: r for r in _tally(live, lambda s: s.stage)}
    return [
        {"stage": st, "label": str(Stage(st).label), **rows.get(st, {"projects": 0})}
        | {k: rows.get(st, {}).get(k, 0) for k in ("registered", "disbursed")}
        for st in Stage.values
    ]


def by_sector(states: list[ProjectState]) -> list[dict[str, Any]]:
    rows = _tally([s for s in states if s.licensed], lambda s: s.project.sector)
    return sorted(rows, key=lambda r: -r["registered"])


def by_country(states: list[ProjectState]) -> list[dict[str, Any]]:
    rows = _tally([s for s in states if s.licensed], lambda s: s.project.investor.country)
    return sorted(rows, key=lambda r: (-r["projects"], r["key"]))


def totals(states: list[ProjectState]) -> dict[str, int]:
    licensed = [s for s in states if s.licensed]
    return {
        "projects": len(licensed),
        "domestic": sum(1 for s in licensed if s.project.investor.domestic),
        "foreign": sum(1 for s in licensed if not s.project.investor.domestic),
        "registered": sum(s.registered for s in licensed),
        "disbursed": sum(s.disbursed for s in licensed),
        "jobs_planned": sum(s.project.jobs_planned for s in licensed),
        "jobs_created": sum(s.project.jobs_created for s in licensed),
        "pipeline_open": sum(1 for s in states if s.status == Status.OPEN and not s.licensed),
    }


def land_table(states: list[ProjectState]) -> list[dict[str, Any]]:
    """Per zone and use: planned, committed, leased, occupied, available (ha), occupancy %."""
    held: dict[tuple[int, str], dict[str, Decimal]] = defaultdict(
        lambda: {"committed": Decimal(0), "leased": Decimal(0), "occupied": Decimal(0)}
    )
    for s in states:
        p = s.project
        if not s.holds_land or p.zone_id is None or not s.reached(LAND_COMMITTED_FROM):
            continue
        cell = held[(p.zone_id, p.land_use)]
        cell["committed"] += p.land_ha
        if s.reached(LAND_LEASED_FROM):
            cell["leased"] += p.land_ha
        if s.reached(LAND_OCCUPIED_FROM):
            cell["occupied"] += p.land_ha
    zones = {z.pk: z for z in Zone.objects.all()}
    rows = []
    for zl in ZoneLand.objects.order_by("zone__position", "use"):
        cell = held[(zl.zone_id, zl.use)]
        rows.append(
            {
                "zone": zones[zl.zone_id].code,
                "zone_name": zones[zl.zone_id].name,
                "use": zl.use,
                "planned": zl.planned_ha,
                **cell,
                "available": zl.planned_ha - cell["committed"],
                "occupancy": _pct(cell["occupied"], zl.planned_ha),
            }
        )
    return rows


def land_by_zone(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    zones: dict[str, dict[str, Any]] = {}
    for r in rows:
        z = zones.setdefault(
            r["zone"],
            {"zone": r["zone"], "zone_name": r["zone_name"]}
            | dict.fromkeys(("planned", "committed", "leased", "occupied", "available"), 0),
        )
        for k in ("planned", "committed", "leased", "occupied", "available"):
            z[k] += r[k]
    for z in zones.values():
        z["occupancy"] = _pct(z["occupied"], z["planned"])
    return list(zones.values())


def _pct(part: Decimal | int, whole: Decimal | int) -> float:
    return round(float(part) * 100 / float(whole), 1) if whole else 0.0


def capital_series(on: dt.date, first_year: int = 2015) -> list[dict[str, Any]]:
    """Registered and disbursed capital (VND) at each year end, and on ``on``."""
    certs = list(
        Certificate.objects.order_by("issued_on", "amendment").values_list(
            "project_id", "issued_on", "amount_vnd", "project__closed_on"
        )
    )
    disb = list(Disbursement.objects.values_list("on", "amount_vnd"))
    points = [dt.date(y, 12, 31) for y in range(first_year, on.year)] + [on]
    series = []
    for day in points:
        latest = _last_by_project(
            [
                (pk, amt)
                for pk, d, amt, closed in certs
                if d <= day and not (closed and closed <= day)
            ]
        )
        series.append(
            {
                "on": day,
                "registered": sum(latest.values()),
                "disbursed": sum(a for d, a in disb if d <= day),
            }
        )
    return series


def investor_counts() -> dict[int, dict[str, int]]:
    """Per investor: projects not dropped and their registered capital today."""
    out: dict[int, dict[str, int]] = {}
    for s in park_state(today()):
        if s.status == Status.DROPPED:
            continue
        row = out.setdefault(s.project.investor_id, {"projects": 0, "registered": 0})
        row["projects"] += 1
        row["registered"] += s.registered
    return out
