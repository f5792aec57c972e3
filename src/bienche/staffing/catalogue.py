"""The catalogue of standard job positions (data/position_catalogue.yaml).

A unit's position may be created from a catalogue entry: it takes the entry's title and
category, and its minimum salary group is that of the entry's minimum rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from bienche.staffing.ranks import rank_catalogue


@dataclass(frozen=True)
class StandardPosition:
    code: str
    title: str
    category: str
    min_rank: str

    @property
    def min_group(self) -> str:
        rank = rank_catalogue().get(self.min_rank)
        return rank.group if rank else ""


@cache
def position_catalogue() -> dict[str, StandardPosition]:
    text = files("bienche.staffing").joinpath("data/position_catalogue.yaml").read_text("utf-8")
    return {p["code"]: StandardPosition(**p) for p in yaml.safe_load(text)["positions"]}
