"""Rounds of administrative-unit rearrangement as dated data (``rounds/*.yaml``).

Each file is one round: the standards per unit type and variant, the triggers that oblige
(or encourage) a unit to be rearranged, the exemptions and the merge rules, with the acts it
comes from. A change in the law adds a new round file; an old one is never edited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bienche.core.errors import InvalidInput, NotFound
from bienche.territory import messages as msg

ROUNDS_DIR = Path(__file__).parent / "rounds"
#: Factors that pick a standard's variant, in order of precedence.
VARIANT_ORDER = ("mountainous", "border", "central_city")


@dataclass(frozen=True)
class Standard:
    area_km2: float
    population: int


@dataclass(frozen=True)
class Trigger:
    text: str
    levels: tuple[str, ...]
    area_below_pct: float
    population_below_pct: float
    any_of: bool = False  # True: below either; False: below both

    def hits(self, area: float, population: int, std: Standard) -> bool:
        """Strictly below the percentages of the standard (a unit at the edge is not hit)."""
        a = area < std.area_km2 * self.area_below_pct / 100
        p = population < std.population * self.population_below_pct / 100
        return (a or p) if self.any_of else (a and p)


@dataclass(frozen=True)
class Round:
    code: str
    description: str
    references: tuple[str, ...]
    valid_from: dt.date
    valid_to: dt.date | None
    data_reference_date: dt.date
    count_temporary: bool
    same_parent: bool
    exempt_merge_min_units: int | None
    search_max_units: int
    standards: dict[str, dict[str, Standard]]
    must: tuple[Trigger, ...]
    encouraged: tuple[Trigger, ...]
    exemptions: dict[str, str]

    def standard_for(self, unit_type: str, factors: frozenset[str], *, unit: str) -> Standard:
        variants = self.standards.get(unit_type)
        if not variants:
            raise InvalidInput(msg.NO_STANDARD, unit=unit, type=unit_type, round=self.code)
        for f in VARIANT_ORDER:
            if f in factors and f in variants:
                return variants[f]
        return variants["default"]


def _triggers(rows: list[dict]) -> tuple[Trigger, ...]:
    return tuple(
        Trigger(
            text=r["text"],
            levels=tuple(r["levels"]),
            area_below_pct=float(r["area_below_pct"]),
            population_below_pct=float(r["population_below_pct"]),
            any_of=bool(r.get("any", False)),
        )
        for r in rows
    )


def _round(data: dict) -> Round:
    return Round(
        code=data["code"],
        description=" ".join(data["description"].split()),
        references=tuple(data["metadata"]["reference"]),
        valid_from=data["valid_from"],
        valid_to=data.get("valid_to"),
        data_reference_date=data["data_reference_date"],
        count_temporary=bool(data["count_temporary"]),
        same_parent=bool(data["same_parent"]),
        exempt_merge_min_units=data.get("exempt_merge_min_units"),
        search_max_units=int(data["search_max_units"]),
        standards={
            t: {v: Standard(float(s["area_km2"]), int(s["population"])) for v, s in vs.items()}
            for t, vs in data["standards"].items()
        },
        must=_triggers(data["triggers"]["must"]),
        encouraged=_triggers(data["triggers"].get("encouraged") or []),
        exemptions=dict(data.get("exemptions") or {}),
    )


@cache
def rounds() -> dict[str, Round]:
    out = {}
    for path in sorted(ROUNDS_DIR.glob("*.yaml")):
        r = _round(yaml.safe_load(path.read_text(encoding="utf-8")))
        out[r.code] = r
    return out


def round_get(code: str) -> Round:
    try:
        return rounds()[code]
    except KeyError:
        raise NotFound(msg.ROUND_UNKNOWN, code=code) from None


def period_warning(rnd: Round, on: dt.date, lang: str = "vi") -> str | None:
    """A warning when ``on`` lies outside the round's period (``valid_from``..``valid_to``,
    both inclusive); None inside it. The check still runs: the officer decides."""
    if rnd.valid_from <= on and (rnd.valid_to is None or on <= rnd.valid_to):
        return None
    return msg.ROUND_PERIOD.render(
        lang,
        on=on.strftime("%d/%m/%Y"),
        round=rnd.code,
        start=rnd.valid_from.strftime("%d/%m/%Y"),
        end=rnd.valid_to.strftime("%d/%m/%Y") if rnd.valid_to else "…",
    )
