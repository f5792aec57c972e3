"""Dated legal parameters loaded from ``bienche/params/*.yaml`` (Django-free).

Each file holds one parameter::

    name: base_salary
    values:
      2023-07-01: {value: 1800000, reference: "Nghị định 24/2023/NĐ-CP", status: confirmed}

``load(name)`` parses and checks a file once (dates strictly increasing, every value with a
reference); ``param.at(day)`` returns the value in force on ``day`` with its source, and
refuses a day before the first value: nothing is ever computed on an unknown parameter.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

STATUSES = frozenset({"confirmed", "unverified"})


class ParameterError(ValueError):
    """A parameter file is malformed, or a value is asked for a day it does not cover."""


@dataclass(frozen=True)
class Dated:
    since: dt.date
    value: Any
    reference: str
    status: str


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: str
    entries: tuple[Dated, ...]

    def at(self, day: dt.date) -> Dated:
        i = bisect.bisect_right([e.since for e in self.entries], day) - 1
        if i < 0:
            raise ParameterError(
                f"{self.name}: no value before {self.entries[0].since.isoformat()} "
                f"(asked for {day.isoformat()})"
            )
        return self.entries[i]

    def value_at(self, day: dt.date) -> Any:
        return self.at(day).value

    def changes_between(self, start: dt.date, end: dt.date) -> list[Dated]:
        """Entries that take effect in (start, end]."""
        return [e for e in self.entries if start < e.since <= end]


def _entry(name: str, key: Any, raw: Any) -> Dated:
    if not isinstance(key, dt.date):
        raise ParameterError(f"{name}: '{key}' is not a date (YYYY-MM-DD)")
    if not isinstance(raw, dict) or "value" not in raw:
        raise ParameterError(f"{name} {key}: each entry needs a value")
    reference = str(raw.get("reference", "")).strip()
    if not reference:
        raise ParameterError(f"{name} {key}: each value needs its legal reference")
    status = raw.get("status", "unverified")
    if status not in STATUSES:
        raise ParameterError(f"{name} {key}: status must be one of {sorted(STATUSES)}")
    return Dated(key, raw["value"], reference, status)


def parse(text: str) -> Parameter:
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "name" not in data or not data.get("values"):
        raise ParameterError("a parameter file needs a name and values")
    name = str(data["name"])
    entries = tuple(_entry(name, k, v) for k, v in data["values"].items())
    days = [e.since for e in entries]
    if days != sorted(days) or len(set(days)) != len(days):
        raise ParameterError(f"{name}: dates must be strictly increasing")
    return Parameter(name, str(data.get("unit", "")), entries)


@cache
def load(name: str) -> Parameter:
    """The parameter ``name`` from the package's params directory (parsed once)."""
    path = resources.files("bienche.params") / f"{name}.yaml"
    if not path.is_file():
        raise ParameterError(f"unknown parameter '{name}'")
    param = parse(path.read_text(encoding="utf-8"))
    if param.name != name:
        raise ParameterError(f"{name}.yaml declares name '{param.name}'")
    return param


def available() -> list[str]:
    return sorted(
        p.name.removesuffix(".yaml")
        for p in resources.files("bienche.params").iterdir()
        if p.name.endswith(".yaml")
    )
