"""Errors of the rules engine (all are ``ValueError``)::

ValueError
├── ParameterError   (bienche.rules.params) a parameter file is malformed or has no value
│                    for the day asked: nothing is computed on an unknown parameter
└── RulesError
    ├── RosterError     a roster has wrong or missing columns, or values of the wrong type
    ├── ScenarioError   a scenario file or object is malformed
    └── PayrollError    one person cannot be paid (``explain``): names the person and rule
"""

from __future__ import annotations

MISSING_COLUMNS = "roster: missing columns {columns}"
BAD_COLUMN_TYPE = "roster: column {column} cannot be read as {dtype}: {error}"
PERSON_NOT_PAYABLE = "person {person_id}: rule {rule}: {reason}"


class RulesError(ValueError):
    """Base class of the engine's own errors."""


class RosterError(RulesError):
    """The roster's shape is wrong (columns or types)."""


class ScenarioError(RulesError):
    """A scenario is malformed."""


class PayrollError(RulesError):
    """One person's pay cannot be computed; carries the person id and the rule."""

    def __init__(self, person_id: str, rule: str, reason: str) -> None:
        super().__init__(PERSON_NOT_PAYABLE.format(person_id=person_id, rule=rule, reason=reason))
        self.person_id = person_id
        self.rule = rule
        self.reason = reason
