"""The impact of a saved proposal before it is adopted, read on its as-of date:

* units before and after, offices (one headquarters per commune-level unit: the merged
  units' headquarters become one per new unit);
* staff in the merged units and the quotas they hold per kind — both pass whole to the new
  unit on adoption (staffing's reorganization rules conserve the totals);
* leadership posts above the norm in each new unit, by the staffing app's norms
  (``staffing/data/leadership_norms.yaml``, the logic of ``bienche staffing surplus``):
  people holding a leadership post of the same title in the members, minus the norm;
* open tasks led by the merged units (they pass to the new unit)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from bienche.core.dating import q_valid_on
from bienche.org.models import Unit
from bienche.territory.models import ProposalGroup, SavedProposal


def _leadership(unit_group: dict[int, int], on: Any) -> dict[int, list[dict[str, Any]]]:
    from bienche.staffing.leadership import norms
    from bienche.staffing.models import Assignment, JobPositionVersion

    limits = norms()["posts"]
    titles = dict(
        JobPositionVersion.objects.filter(
            q_valid_on(on), category="leadership", title__in=list(limits)
        ).values_list("position_id", "title")
    )
    counts: Counter[tuple[int, str]] = Counter()
    for uid, pos in Assignment.objects.filter(
        q_valid_on(on), unit_id__in=list(unit_group), position_id__in=list(titles)
    ).values_list("unit_id", "position_id"):
        counts[(unit_group[uid], titles[pos])] += 1
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for (g, title), n in sorted(counts.items()):
        if n > limits[title]:
            out[g].append(
                {"post": title, "count": n, "norm": limits[title]} | {"surplus": n - limits[title]}
            )
    return out


def _staff_and_quotas(unit_ids: list[int], on: Any) -> tuple[dict[int, int], dict[int, dict]]:
    from bienche.staffing.models import Assignment, Quota

    staff = Counter(
        Assignment.objects.filter(q_valid_on(on), unit_id__in=unit_ids).values_list(
            "unit_id", flat=True
        )
    )
    quotas: dict[int, dict[str, int]] = defaultdict(dict)
    for uid, kind, amount in Quota.objects.filter(q_valid_on(on), unit_id__in=unit_ids).values_list(
        "unit_id", "kind", "amount"
    ):
        quotas[uid][kind] = quotas[uid].get(kind, 0) + amount
    return dict(staff), quotas


def _open_tasks(unit_ids: list[int]) -> Counter[int]:
    from bienche.steering.enums import OPEN_STATUSES
    from bienche.steering.models import Task

    return Counter(
        Task.objects.filter(lead_unit_id__in=unit_ids, status__in=OPEN_STATUSES).values_list(
            "lead_unit_id", flat=True
        )
    )


def _group_row(g: ProposalGroup, ids, staff, quotas, tasks, lead) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    members = [ids[c] for c in g.members if c in ids]
    kinds: Counter[str] = Counter()
    for uid in members:
        kinds.update(quotas.get(uid, {}))
    return {
        "index": g.index,
        "new_code": g.new_code,
        "new_name": g.new_name,
        "members": list(g.members),
        "type": g.unit_type,
        "area_km2": g.area_km2,
        "population": g.population,
        "staff": sum(staff.get(u, 0) for u in members),
        "quotas": dict(sorted(kinds.items())),
        "open_tasks": sum(tasks.get(u, 0) for u in members),
        "leadership_surplus": lead.get(g.index, []),
        "event_id": g.event_id,
    }


def proposal_impact(p: SavedProposal) -> dict[str, Any]:
    groups = list(p.groups.order_by("index"))
    codes = [c for g in groups for c in g.members]
    ids = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    staff, quotas = _staff_and_quotas(list(ids.values()), p.as_of)
    tasks = _open_tasks(list(ids.values()))
    unit_group = {ids[c]: g.index for g in groups for c in g.members if c in ids}
    lead = _leadership(unit_group, p.as_of)
    rows = [_group_row(g, ids, staff, quotas, tasks, lead) for g in groups]
    impact = p.result.get("proposal", {}).get("impact", {})
    quota_total: Counter[str] = Counter()
    for r in rows:
        quota_total.update(r["quotas"])
    return {
        "units_before": impact.get("units_before"),
        "units_after": impact.get("units_after"),
        "units_fewer": impact.get("units_fewer"),
        "offices_before": len(codes),
        "offices_after": len(groups),
        "offices_freed": len(codes) - len(groups),
        "staff_in_merged_units": sum(r["staff"] for r in rows),
        "staff_surplus_estimate": impact.get("staff_surplus_estimate"),
        "quotas_carried": dict(sorted(quota_total.items())),
        "open_tasks_carried": sum(r["open_tasks"] for r in rows),
        "leadership_surplus": sum(s["surplus"] for r in rows for s in r["leadership_surplus"]),
        "groups": rows,
    }


def saved_proposals(*, parent_ids: set[int] | None = None, limit: int = 50) -> list[SavedProposal]:
    qs = SavedProposal.objects.select_related("parent").prefetch_related("groups")
    if parent_ids is not None:
        qs = qs.filter(parent_id__in=parent_ids)
    return list(qs[:limit])


def saved_proposal_dict(p: SavedProposal, *, impact: bool = False) -> dict[str, Any]:
    out = {
        "id": p.pk,
        "round": p.round_code,
        "parent": p.parent.code,
        "as_of": p.as_of.isoformat(),
        "pinned": p.pinned,
        "forbidden": p.forbidden,
        "max_units": p.max_units,
        "rank": p.rank,
        "status": p.status,
        "version": p.version,
        "basis_number": p.basis_number,
        "basis_date": p.basis_date.isoformat() if p.basis_date else None,
        "effective_on": p.effective_on.isoformat() if p.effective_on else None,
        "warning": p.result.get("warning"),
        "left_noncompliant": p.result.get("proposal", {}).get("left_noncompliant", []),
        "groups": [
            {"index": g.index, "new_code": g.new_code, "members": list(g.members)}
            for g in p.groups.all()
        ],
    }
    if impact:
        out["impact"] = proposal_impact(p)
    return out
