"""Scenarios: named variations of the pay rules, as data (overlays, never copies).

A scenario replaces parameters or formulas by name from a date on; everything it does not
name stays the law in force. Files live in ``bienche/params/scenarios/<name>.yaml``::

    name: luong-co-so-2024
    label: "…"
    illustrative: false          # true when the values are invented (say so in the label)
    overlay:
      base_salary: {2024-07-01: {value: 2340000, reference: "…"}}   # (a) base salary from a date
      bonus_fund: {2024-07-01: {value: 1000, reference: "…"}}       # bonus fund rate, bp
      allowances:                                                   # (c) allowance changes
        - {line: sector_allowance, sector: education, add: 500, reference: "…"}
        - {line: leadership, scale_bp: 12000, since: 2025-01-01, reference: "…"}
      headcount:                                                    # (d) headcount changes
        since: 2025-01-01
        remove: [P0001, P0002]
        keep: [{staff_category: civil_servant, keep_bp: 9500}]
        reference: "…"
      position_pay: {…}                                             # (b) Resolution-27 tables
    baseline: {name: …, label: …, overlay: {…}}   # the counterfactual it is naturally compared to

Allowance changes act on a person's rate (sector allowance in bp, leadership coefficient in
hundredths, beyond-frame percent) where it is above zero: ``rate × scale_bp / 10000`` rounded
half up, plus ``add``. Headcount ``keep`` keeps ``keep_bp``/10000 of the matching people: the
ones removed are evenly spaced in person_id order (deterministic, no randomness).

``position_pay`` (Resolution 27-NQ/TW, 2018: pay by job position; deferred past 2026 by
Conclusion 83-KL/TW, so only a what-if): absolute monthly amounts per table and level, a
first-match mapping from today's (salary group, step, leadership coefficient) to a table and
level (``level: step`` takes the person's step), the 70 % basic / 30 % allowances split
(``basic_share_bp``/``allowance_share_bp``: allowances = basic × 30/70) and the bonus fund
rate. The allowance lines it abolishes are paid 0. A person it maps to no level is excluded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from bienche.rules.errors import ScenarioError
from bienche.rules.money import half_up

ALLOWANCE_LINES = ("sector_allowance", "leadership", "beyond_frame")
UNKNOWN_KEYS = "scenario {name}: unknown keys {keys} in {where}"
NO_SCENARIO = "unknown scenario '{name}'"


@dataclass(frozen=True)
class DatedValue:
    since: dt.date
    value: int
    reference: str


@dataclass(frozen=True)
class AllowanceChange:
    line: str
    sector: str | None = None
    scale_bp: int = 10_000
    add: int = 0
    since: dt.date | None = None
    reference: str = ""

    def applies(self, month: dt.date) -> bool:
        return self.since is None or month >= self.since

    def apply(self, rate: int) -> int:
        if rate <= 0:
            return rate
        return max(0, half_up(rate * self.scale_bp, 10_000) + self.add)


@dataclass(frozen=True)
class KeepShare:
    keep_bp: int
    staff_category: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class HeadcountChange:
    remove: frozenset[str] = frozenset()
    keep: tuple[KeepShare, ...] = ()
    since: dt.date | None = None
    reference: str = ""

    def applies(self, month: dt.date) -> bool:
        return self.since is None or month >= self.since


@dataclass(frozen=True)
class LevelRule:
    """Maps matching (group, step, leadership) to ``table`` at ``level`` (None: the step)."""

    table: str
    level: int | None = None
    groups: tuple[str, ...] = ()
    step_min: int = 1
    step_max: int = 99
    leadership_min_h: int = 0
    leadership_max_h: int = 100_000

    def matches(self, group: str, step: int, leadership_h: int) -> bool:
        return (
            (not self.groups or group in self.groups)
            and self.step_min <= step <= self.step_max
            and self.leadership_min_h <= leadership_h <= self.leadership_max_h
        )


@dataclass(frozen=True)
class PositionPay:
    since: dt.date
    reference: str
    tables: tuple[tuple[str, tuple[int, ...]], ...]
    mapping: tuple[LevelRule, ...]
    basic_share_bp: int = 7_000
    allowance_share_bp: int = 3_000
    bonus_fund_bp: int = 1_000
    abolish: tuple[str, ...] = ALLOWANCE_LINES

    def level_of(self, group: str, step: int, leadership_h: int) -> tuple[str, int] | None:
        """(level label, monthly VND) of the first matching rule, or None."""
        tables = dict(self.tables)
        for rule in self.mapping:
            if rule.matches(group, step, leadership_h):
                level = step if rule.level is None else rule.level
                amounts = tables[rule.table]
                if 1 <= level <= len(amounts):
                    return f"{rule.table}/{level}", amounts[level - 1]
                return None
        return None


@dataclass(frozen=True)
class Scenario:
    name: str
    label: str = ""
    description: str = ""
    illustrative: bool = False
    base_salary: tuple[DatedValue, ...] = ()
    bonus_fund: tuple[DatedValue, ...] = ()
    allowances: tuple[AllowanceChange, ...] = ()
    headcount: HeadcountChange | None = None
    position_pay: PositionPay | None = None
    baseline: Scenario | None = field(default=None, compare=False)

    def position_pay_on(self, month: dt.date) -> PositionPay | None:
        pay = self.position_pay
        return pay if pay is not None and month >= pay.since else None


# ---- loading ----------------------------------------------------------------------------


def _check_keys(name: str, data: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = set(data) - allowed
    if extra:
        raise ScenarioError(UNKNOWN_KEYS.format(name=name, keys=sorted(extra), where=where))


def _dated(name: str, raw: dict[Any, Any]) -> tuple[DatedValue, ...]:
    out = []
    for since, entry in sorted(raw.items()):
        if not isinstance(since, dt.date) or not isinstance(entry, dict):
            raise ScenarioError(f"scenario {name}: dated values need YYYY-MM-DD: {{value: …}}")
        if not str(entry.get("reference", "")).strip():
            raise ScenarioError(f"scenario {name}: the value from {since} needs a reference")
        out.append(DatedValue(since, int(entry["value"]), str(entry["reference"])))
    return tuple(out)


def _allowance(name: str, raw: dict[str, Any]) -> AllowanceChange:
    _check_keys(
        name, raw, {"line", "sector", "scale_bp", "add", "since", "reference"}, "allowances"
    )
    if raw.get("line") not in ALLOWANCE_LINES:
        raise ScenarioError(f"scenario {name}: allowance line must be one of {ALLOWANCE_LINES}")
    return AllowanceChange(
        raw["line"],
        raw.get("sector"),
        int(raw.get("scale_bp", 10_000)),
        int(raw.get("add", 0)),
        raw.get("since"),
        str(raw.get("reference", "")),
    )


def _headcount(name: str, raw: dict[str, Any]) -> HeadcountChange:
    _check_keys(name, raw, {"remove", "keep", "since", "reference"}, "headcount")
    keep = []
    for k in raw.get("keep", []):
        _check_keys(name, k, {"keep_bp", "staff_category", "sector"}, "headcount.keep")
        if not 0 <= int(k["keep_bp"]) <= 10_000:
            raise ScenarioError(f"scenario {name}: keep_bp must be within 0–10000")
        keep.append(KeepShare(int(k["keep_bp"]), k.get("staff_category"), k.get("sector")))
    remove = frozenset(str(p) for p in raw.get("remove", []))
    return HeadcountChange(remove, tuple(keep), raw.get("since"), str(raw.get("reference", "")))


def _position_pay(name: str, raw: dict[str, Any]) -> PositionPay:
    keys = {"since", "reference", "tables", "mapping", "basic_share_bp", "allowance_share_bp"}
    _check_keys(name, raw, keys | {"bonus_fund_bp", "abolish"}, "position_pay")
    tables = tuple((str(k), tuple(int(a) for a in v)) for k, v in raw["tables"].items())
    rules = []
    for r in raw["mapping"]:
        r = dict(r)
        if r.get("table") not in dict(tables):
            raise ScenarioError(f"scenario {name}: mapping names unknown table {r.get('table')}")
        level = r.pop("level", "step")
        r["level"] = None if level == "step" else int(level)
        r["groups"] = tuple(r.get("groups", ()))
        try:
            rules.append(LevelRule(**r))
        except TypeError as exc:
            raise ScenarioError(f"scenario {name}: bad mapping row {r}: {exc}") from None
    if not str(raw.get("reference", "")).strip():
        raise ScenarioError(f"scenario {name}: position_pay needs a reference")
    return PositionPay(
        raw["since"],
        str(raw["reference"]),
        tables,
        tuple(rules),
        int(raw.get("basic_share_bp", 7_000)),
        int(raw.get("allowance_share_bp", 3_000)),
        int(raw.get("bonus_fund_bp", 1_000)),
        tuple(raw.get("abolish", ALLOWANCE_LINES)),
    )


def from_dict(data: dict[str, Any]) -> Scenario:
    """A scenario from its parsed YAML (see the module docstring)."""
    if not isinstance(data, dict) or not data.get("name"):
        raise ScenarioError("a scenario needs a name")
    name = str(data["name"])
    _check_keys(
        name,
        data,
        {"name", "label", "description", "illustrative", "overlay", "baseline"},
        "scenario",
    )
    overlay = data.get("overlay") or {}
    keys = {"base_salary", "bonus_fund", "allowances", "headcount", "position_pay"}
    _check_keys(name, overlay, keys, "overlay")
    baseline = data.get("baseline")
    return Scenario(
        name=name,
        label=str(data.get("label", name)),
        description=str(data.get("description", "")).strip(),
        illustrative=bool(data.get("illustrative", False)),
        base_salary=_dated(name, overlay.get("base_salary") or {}),
        bonus_fund=_dated(name, overlay.get("bonus_fund") or {}),
        allowances=tuple(_allowance(name, a) for a in overlay.get("allowances") or []),
        headcount=_headcount(name, overlay["headcount"]) if overlay.get("headcount") else None,
        position_pay=(
            _position_pay(name, overlay["position_pay"]) if overlay.get("position_pay") else None
        ),
        baseline=from_dict(baseline) if baseline else None,
    )


def parse_scenario(text: str) -> Scenario:
    return from_dict(yaml.safe_load(text))


def scenario_names() -> list[str]:
    folder = resources.files("bienche.params.scenarios")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def load_scenario(name: str) -> Scenario:
    """The shipped scenario ``name`` (``bienche/params/scenarios/<name>.yaml``)."""
    path = resources.files("bienche.params.scenarios") / f"{name}.yaml"
    if not path.is_file():
        raise ScenarioError(NO_SCENARIO.format(name=name))
    scenario = parse_scenario(path.read_text(encoding="utf-8"))
    if scenario.name != name:
        raise ScenarioError(f"{name}.yaml declares name '{scenario.name}'")
    return scenario
