"""Obstacles and targets of the Hòa Lạc demo (synthetic; see ``demo.hoalac``)."""

from __future__ import annotations

import datetime as dt
import random

from bienche.core.clock import today
from bienche.demo.hoalac_data import OBSTACLES, TARGETS
from bienche.investment.models import Target
from bienche.investment.services.obstacles import obstacle_raise, obstacle_resolve


def build_obstacles(rng: random.Random) -> None:
    from bienche.investment.models import Project

    for line in OBSTACLES.strip().splitlines():
        raised, kind, text, unit, number_text, resolved = line.split("|")
        number = int(number_text)
        day = dt.date.fromisoformat(raised)
        if day > today():
            continue
        project = Project.objects.get(code=f"HL-{number:03d}") if number else None
        o = obstacle_raise(
            kind=kind,
            description=text,
            responsible_unit_code=unit,
            raised_on=day,
            project=project,
            days=rng.choice([10, 15, 20, 30]),
            synthetic=True,
            acting_user=None,
        )
        if resolved and dt.date.fromisoformat(resolved) <= today():
            obstacle_resolve(
                obstacle=o,
                on=dt.date.fromisoformat(resolved),
                resolution="Đã xử lý xong",
                acting_user=None,
            )


def build_targets() -> None:
    Target.objects.bulk_create(
        [
            Target(
                year=y,
                metric=k,
                value=v,
                source="Kế hoạch phát triển Khu CNC Hòa Lạc (giả lập)",
                synthetic=True,
            )
            for y, values in TARGETS.items()
            for k, v in values.items()
        ]
    )
