"""The committee's overview: every module's headline figures as of a date, for a scope.

Each figure comes from the module's own selectors (the same numbers as its page); the
assembled summary is cached per (date, scope) and data version (``core.cache``: any audited
write refreshes it). A module whose figures cannot be computed for the date shows no data
rather than failing the page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from bienche.core.cache import cached_read
from bienche.core.errors import BiencheError
from bienche.delegation.stats import delegation_stats
from bienche.investment import dashboard as park
from bienche.pay.selectors import pay_run
from bienche.pricing.selectors import autonomy_trend
from bienche.recruitment.selectors import exam_list
from bienche.reports.forms.recruitment import exam_figures
from bienche.reports.forms.scope import form_scope
from bienche.staffing.selectors import staffing_summary
from bienche.staffing.streamlining import streamlining_report
from bienche.steering.scorecard import scorecard
from bienche.territory.report import check_report
from bienche.territory.standards import rounds

STREAMLINING_PERIOD = "2022-2026"


def _apparatus(ctx: dict[str, Any]) -> dict[str, Any]:
    scope = ctx["scope"]
    nodes = [scope.tree.by_id[i] for i in scope.unit_ids]
    return {"total": len(nodes), "by_level": dict(Counter(n.level for n in nodes))}


def _staffing(ctx: dict[str, Any]) -> dict[str, Any]:
    on, roots = ctx["on"], ctx["scope"].roots
    summaries = [staffing_summary(r.unit_id, on) for r in roots]
    by_kind: dict[str, dict[str, int]] = {}
    for s in summaries:
        for row in s["by_kind"]:
            k = by_kind.setdefault(row["kind"], {"quota": 0, "actual": 0})
            k["quota"] += row["quota"]
            k["actual"] += row["actual"]
    rows = [
        r
        for root in roots
        for r in streamlining_report(root.unit_id, STREAMLINING_PERIOD, on)["rows"]
    ]
    base = sum(r["baseline_quota"] for r in rows)
    now = sum(r["current_quota"] for r in rows)
    target = sum(r["target_quota"] for r in rows)
    return {
        "quota": sum(k["quota"] for k in by_kind.values()),
        "actual": sum(k["actual"] for k in by_kind.values()),
        "by_kind": by_kind,
        "streamlining": {
            "period": STREAMLINING_PERIOD,
            "reduction_pct": round((base - now) * 100 / base, 1) if base else None,
            "target_pct": round((base - target) * 100 / base, 1) if base else None,
            "on_track": sum(1 for r in rows if r["verdict"] == "on_track"),
            "kinds": len(rows),
        },
    }


def _pay(ctx: dict[str, Any]) -> dict[str, Any]:
    month = ctx["on"].replace(day=1)
    totals = pay_run(month, unit_code=ctx["unit_code"]).totals
    return {
        "month": month,
        "employer_cost": int(totals["employer_cost"]),
        "gross": int(totals["gross"]),
        "headcount": int(totals["headcount"]),
    }


def _steering(ctx: dict[str, Any]) -> dict[str, Any]:
    on = ctx["on"]
    start = dt.date(on.year, 1, 1)
    total = scorecard(start, on, unit_code=ctx["unit_code"])["total"]
    keys = ("done_on_time", "done_late", "open_within", "open_overdue")
    return {
        "start": start,
        "assigned": total["assigned"],
        "open": total["open_within"] + total["open_overdue"],
        "overdue": total["open_overdue"],
        "on_time_rate": total["on_time_rate"],
        "buckets": {k: total[k] for k in keys},
    }


def _delegation(ctx: dict[str, Any]) -> dict[str, Any]:
    stats = delegation_stats(ctx["on"].year)
    return {
        "year": stats["year"],
        "powers": stats["powers_transferred"],
        "transfers": stats["transfers"],
    }


def _recruitment(ctx: dict[str, Any]) -> dict[str, Any] | None:
    on, scope = ctx["on"], ctx["scope"]
    ids = None if ctx["unit_code"] is None else scope.unit_ids
    held = [e for e in exam_list(ids) if e.exam_date <= on]  # newest first
    if not held:
        return None
    exam = held[0]
    return {
        "code": exam.code,
        "title": exam.title,
        "exam_date": exam.exam_date,
        **exam_figures(exam, on),
    }


def _autonomy(ctx: dict[str, Any]) -> dict[str, Any] | None:
    trend = [t for t in autonomy_trend() if t["year"] <= ctx["on"].year]
    if not trend:
        return None
    last = trend[-1]
    groups = {g: last[f"g{g}"] for g in (1, 2, 3, 4)}
    return {
        "year": last["year"],
        "groups": groups,
        "units": sum(groups.values()),
        "self_financing": groups[1] + groups[2],
        "trend": trend,
    }


def _hoalac(ctx: dict[str, Any]) -> dict[str, Any]:
    totals = park.dashboard(ctx["on"])["totals"]
    return {k: totals[k] for k in ("projects", "registered", "disbursed", "pipeline_open")}


def _territory(ctx: dict[str, Any]) -> dict[str, Any] | None:
    on = ctx["on"]
    held = [r for r in rounds().values() if r.data_reference_date <= on]
    if not held:
        return None
    rnd = max(held, key=lambda r: r.data_reference_date)
    counts = check_report(round_code=rnd.code, on=on)["counts"]
    return {"code": rnd.code, "description": rnd.description, "counts": counts}


CARDS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("apparatus", _apparatus),
    ("staffing", _staffing),
    ("pay", _pay),
    ("steering", _steering),
    ("delegation", _delegation),
    ("recruitment", _recruitment),
    ("autonomy", _autonomy),
    ("hoalac", _hoalac),
    ("territory", _territory),
)


def _compute(on: dt.date, unit_code: str | None) -> dict[str, Any]:
    ctx = {"on": on, "unit_code": unit_code, "scope": form_scope(on, unit_code)}
    out: dict[str, Any] = {"on": on, "unit_code": unit_code, "scope": ctx["scope"].label}
    for key, build in CARDS:
        try:
            out[key] = build(ctx)
        except (BiencheError, LookupError, ValueError):
            out[key] = None  # no data for this date (e.g. before the module's records)
    return out


def overview_summary(on: dt.date, unit_code: str | None) -> dict[str, Any]:
    """Every module's headline figures as of ``on`` for the unit's subtree (None: the city)."""
    return cached_read(
        f"overview:{on.isoformat()}:{unit_code or '*'}", lambda: _compute(on, unit_code)
    )
