"""The rank (ngạch / chức danh nghề nghiệp) catalogue, loaded once from data/ranks.yaml.

A rank maps to the Decree 204/2004 salary group it is paid on; the group fixes how many steps
exist. Minimum ranks of positions compare groups by their order below (A3.1 highest).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

GROUP_ORDER = ["C3", "C2", "C1", "B", "A0", "A1", "A2.2", "A2.1", "A3.2", "A3.1"]


@dataclass(frozen=True)
class Rank:
    code: str
    name: str
    group: str
    category: str
    status: str


@dataclass(frozen=True)
class Scale:
    steps: int
    first: int
    increment: int

    def coefficient_h(self, step: int) -> int:
        """Coefficient of ``step`` in hundredths (2.34 → 234)."""
        if not 1 <= step <= self.steps:
            raise ValueError(f"step {step} outside 1..{self.steps}")
        return self.first + self.increment * (step - 1)


@dataclass(frozen=True)
class RankCatalogue:
    ranks: dict[str, Rank]
    scales: dict[str, Scale]

    def get(self, code: str) -> Rank | None:
        return self.ranks.get(code)

    def max_step(self, group: str) -> int:
        scale = self.scales.get(group)
        return scale.steps if scale else 0


@cache
def rank_catalogue() -> RankCatalogue:
    raw = yaml.safe_load(files("bienche.staffing").joinpath("data/ranks.yaml").read_text("utf-8"))
    ranks = {r["code"]: Rank(**r) for r in raw["ranks"]}
    scales = {str(k): Scale(**v) for k, v in raw["groups"].items()}
    return RankCatalogue(ranks=ranks, scales=scales)


def group_at_least(group: str, minimum: str) -> bool:
    """True when salary group ``group`` is at or above ``minimum`` (A3.1 is highest)."""
    if not minimum:
        return True
    if group not in GROUP_ORDER or minimum not in GROUP_ORDER:
        return False
    return GROUP_ORDER.index(group) >= GROUP_ORDER.index(minimum)
