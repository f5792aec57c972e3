"""Leadership posts above the norm (e.g. after two departments merged, two directors).

Counts people per leadership post title in each unit on a date, compares with the norms in
data/leadership_norms.yaml, and lists the people concerned with a deadline to resolve: the
date the unit took its current form plus the transition period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from django.db.models import Max

from bienche.core.dating import q_valid_on
from bienche.org.models import EventParticipant, UnitVersion
from bienche.staffing.models import Assignment, JobPositionVersion


@cache
def norms() -> dict[str, Any]:
    text = files("bienche.staffing").joinpath("data/leadership_norms.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def leadership_surplus(on: dt.date, unit_ids: set[int] | None = None) -> list[dict[str, Any]]:
    limits = norms()["posts"]
    titles = dict(
        JobPositionVersion.objects.filter(
            q_valid_on(on), category="leadership", title__in=list(limits)
        ).values_list("position_id", "title")
    )
    people: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
    qs = Assignment.objects.filter(q_valid_on(on), position_id__in=titles)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    for uid, pos, pid, name in qs.values_list(
        "unit_id", "position_id", "person__personal_id", "person__full_name"
    ):
        people[(uid, titles[pos])].append((pid, name))
    over = {k: v for k, v in people.items() if len(v) > limits[k[1]]}
    since = dict(  # the last reorganization that touched the unit
        EventParticipant.objects.filter(
            unit_id__in={u for u, _ in over}, event__effective_on__lte=on
        )
        .values_list("unit_id")
        .annotate(last=Max("event__effective_on"))
        .order_by()
    )
    codes = dict(
        UnitVersion.objects.filter(unit_id__in={u for u, _ in over}).values_list(
            "unit_id", "unit__code"
        )
    )
    years = norms()["transition_years"]
    return [
        {
            "unit_id": uid,
            "unit_code": codes[uid],
            "post": title,
            "norm": limits[title],
            "count": len(ppl),
            "surplus": len(ppl) - limits[title],
            "people": sorted(ppl),
            "since": since[uid],
            "deadline": since[uid].replace(year=since[uid].year + years),
        }
        for (uid, title), ppl in sorted(over.items(), key=lambda kv: (codes[kv[0][0]], kv[0][1]))
    ]
