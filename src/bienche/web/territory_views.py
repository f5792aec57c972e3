"""Territory pages: the check of a round as of a date, the merge proposal (with pins and
forbidden pairs, re-run by GET) and the 2025 replay. Everyone signed in may read; nothing
is written from these pages (saving and adopting a proposal: ``territory_proposal_views``)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bienche.core.clock import today
from bienche.core.errors import BiencheError
from bienche.org.permissions import user_scope
from bienche.territory.impact import saved_proposal_dict, saved_proposals
from bienche.territory.replay import territory_replay
from bienche.territory.report import check_report, proposal_report
from bienche.territory.standards import rounds
from bienche.web.params import date_param

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
GRAPH_MAX = 200


def _common(request: HttpRequest) -> dict[str, Any]:
    on, error = date_param(request, "on", today())
    code = request.GET.get("round") or "nq35-2023"
    saved = [saved_proposal_dict(p) for p in saved_proposals(limit=10)]
    return {
        "on": on,
        "error": error,
        "round_code": code,
        "rounds": sorted(rounds()),
        "saved": saved,
    }


def check_page(request: HttpRequest) -> HttpResponse:
    ctx = _common(request)
    ctx["parent"] = request.GET.get("parent", "").strip()
    try:
        ctx["report"] = check_report(
            round_code=ctx["round_code"], on=ctx["on"], parent_code=ctx["parent"] or None
        )
    except BiencheError as exc:
        ctx["error"] = exc.localized()
    return render(request, "territory/check.html", ctx)


def _graph(rep: dict[str, Any]) -> dict[str, Any] | None:
    """A schematic circle layout: units ordered by merge, edges as lines, merges coloured."""
    if not rep["proposals"] or rep["units"] > GRAPH_MAX:
        return None
    group = {}
    for i, m in enumerate(rep["proposals"][0]["merges"]):
        for x in m["members"]:
            group[x["code"]] = i
    codes = sorted({c for e in rep["edges"] for c in e} | set(rep["must"]) | set(group))
    codes.sort(key=lambda c: (group.get(c, 10**6), c))
    n = max(len(codes), 1)
    pos = {
        c: (300 + 250 * math.cos(2 * math.pi * i / n), 300 + 250 * math.sin(2 * math.pi * i / n))
        for i, c in enumerate(codes)
    }
    nodes = [
        {
            "code": c,
            "x": round(pos[c][0], 1),
            "y": round(pos[c][1], 1),
            "fill": PALETTE[group[c] % len(PALETTE)] if c in group else "#bbbbbb",
            "must": c in rep["must"],
        }
        for c in codes
    ]
    lines = [
        {"x1": round(pos[a][0], 1), "y1": round(pos[a][1], 1), "x2": round(pos[b][0], 1)}
        | {"y2": round(pos[b][1], 1)}
        for a, b in rep["edges"]
        if a in pos and b in pos
    ]
    return {"nodes": nodes, "lines": lines}


def _pairs(request: HttpRequest, name: str) -> tuple[str, ...]:
    raw = request.GET.get(name, "")
    return tuple(p.strip() for p in raw.replace("\n", ",").split(",") if p.strip())


def propose_page(request: HttpRequest) -> HttpResponse:
    ctx = _common(request)
    ctx |= {
        "parent": request.GET.get("parent", "").strip(),
        "pin": request.GET.get("pin", ""),
        "forbid": request.GET.get("forbid", ""),
    }
    max_units = request.GET.get("max_units", "")
    ctx["max_units"] = int(max_units) if max_units.isdigit() and 2 <= int(max_units) <= 8 else None
    if ctx["parent"] and not ctx["error"]:
        try:
            rep = proposal_report(
                round_code=ctx["round_code"],
                parent_code=ctx["parent"],
                on=ctx["on"],
                pinned=_pairs(request, "pin"),
                forbidden=_pairs(request, "forbid"),
                max_units=ctx["max_units"],
                time_limit=12.0,
            )
            scope = user_scope(request.user, for_write=True)
            ctx |= {"report": rep, "graph": _graph(rep)}
            ctx["can_save"] = scope.everything or bool(scope.unit_ids)
        except BiencheError as exc:
            ctx["error"] = exc.localized()
    return render(request, "territory/propose.html", ctx)


def replay_page(request: HttpRequest) -> HttpResponse:
    parent = request.GET.get("parent", "HN").strip() or "HN"
    on, error = date_param(request, "on", dt.date(2025, 7, 1))
    ctx: dict[str, Any] = {"parent": parent, "on": on, "error": error}
    if not error:
        try:
            ctx["replay"] = territory_replay(parent_code=parent, on=on, time_limit=10.0)
        except BiencheError as exc:
            ctx["error"] = exc.localized()
    return render(request, "territory/replay.html", ctx)
