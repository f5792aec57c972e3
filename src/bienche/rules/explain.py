"""One person's pay, line by line: rule, inputs, source, amount.

``explain(person, month, scenario)`` evaluates the very rule definitions of
``bienche.rules.lines`` that ``run`` uses, on a one-row frame, and reads each line's inputs
back from that row. A person who cannot be paid raises ``PayrollError`` naming the person and
the rule (``run`` would list them as excluded with the same reason); a dict without a roster
field, or with a value of the wrong type, raises ``RosterError``. A headcount change
applies only through its explicit ``remove`` list here: its proportional ``keep`` shares are
a selection over a whole roster.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from bienche.rules.errors import MISSING_COLUMNS, PayrollError, RosterError
from bienche.rules.lines import compute, formulas
from bienche.rules.roster import OPTIONAL_COLUMNS, ROSTER_COLUMNS, coerce, prepare, reasons
from bienche.rules.scenarios import Scenario
from bienche.rules.snapshot import Snapshot, snapshot

REMOVED = "removed by the scenario's headcount change"


@dataclass(frozen=True)
class Line:
    rule: str
    inputs: dict[str, Any]
    source: str
    amount: int


@dataclass(frozen=True)
class Explanation:
    person_id: str
    month: dt.date
    scenario: str | None
    lines: list[Line] = field(default_factory=list)

    def amount(self, rule: str) -> int:
        return next(line.amount for line in self.lines if line.rule == rule)

    def amounts(self) -> dict[str, int]:
        return {line.rule: line.amount for line in self.lines}

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "month": self.month.isoformat(),
            "scenario": self.scenario,
            "lines": [
                {"rule": x.rule, "inputs": _plain(x.inputs), "source": x.source, "amount": x.amount}
                for x in self.lines
            ],
        }


def _plain(inputs: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in inputs.items()}


def _frame(person: dict[str, Any]) -> pl.DataFrame:
    cols = {**ROSTER_COLUMNS, **{k: t for k, (t, _d) in OPTIONAL_COLUMNS.items()}}
    missing = [k for k in ROSTER_COLUMNS if k not in person]
    if missing:
        raise RosterError(MISSING_COLUMNS.format(columns=", ".join(missing)))
    data = {k: [person[k]] for k in cols if k in person}
    try:
        return pl.DataFrame(data, schema={k: cols[k] for k in data}, strict=True)
    except (TypeError, pl.exceptions.PolarsError) as exc:
        message = f"person {person.get('person_id')}: {exc}".splitlines()[0]
        raise RosterError(message) from exc


def _labels(name: str, row: dict[str, Any], snap: Snapshot) -> dict[str, Any]:
    """Which table entries a rate came from (the posts with that coefficient, the rate code)."""
    if name == "leadership" and row["leadership_coef_h"]:
        return {"posts": list(snap.leadership_posts.get(row["leadership_coef_h"], ()))}
    if name == "sector_allowance" and row["sector_allowance_bp"]:
        return {"rate_code": snap.sector_rates[row["sector"]][row["sector_allowance_bp"]]}
    return {}


def explain(
    person: dict[str, Any], month: dt.date, scenario: Scenario | None = None
) -> Explanation:
    """Every line of ``person``'s pay for ``month`` (a dict with the roster columns)."""
    snap = snapshot(month.replace(day=1), scenario)
    person_id = str(person.get("person_id"))
    if snap.headcount is not None and person_id in snap.headcount.remove:
        raise PayrollError(person_id, "headcount", REMOVED)
    prepared = prepare(coerce(_frame(person)), snap)
    row = compute(prepared, snap).collect().row(0, named=True)
    if row["_fail"] != 0:
        failed = reasons(pl.DataFrame([row]).lazy()).collect(engine="in-memory").row(0, named=True)
        raise PayrollError(person_id, failed["rule"], failed["reason"])
    lines = [
        Line(
            name,
            {**{i: row[i] for i in f.inputs}, **f.parameters, **_labels(name, row, snap)},
            f.source,
            int(row[name]),
        )
        for name, f in formulas(snap).items()
    ]
    return Explanation(person_id, snap.month, snap.scenario_name, lines)
