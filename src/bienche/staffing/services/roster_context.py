"""What the roster import needs to know from the database, read in a few bulk queries as
plain values (200,000 ORM objects would cost seconds)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import connection

from bienche.org.models import UnitVersion
from bienche.staffing.models import Assignment, JobPositionVersion, Person

SAME = (
    "unit_id",
    "position_id",
    "staff_category",
    "rank_code",
    "step",
    "coefficient_h",
    "leadership_coef_h",
    "sector_allowance_bp",
    "last_step_date",
)


@dataclass(slots=True)
class ExistingAssignment:
    """A person's stored assignment, read as plain values (no ORM objects: 200,000 of them
    would cost seconds)."""

    FIELDS: ClassVar[tuple[str, ...]] = ("pk", "person_id", "valid_from", "valid_to", *SAME)

    pk: int
    person_id: int
    valid_from: dt.date
    valid_to: dt.date | None
    unit_id: int
    position_id: int | None
    staff_category: str
    rank_code: str
    step: int
    coefficient_h: int
    leadership_coef_h: int
    sector_allowance_bp: int
    last_step_date: dt.date | None


@dataclass(slots=True)
class ExistingPerson:
    pk: int
    personal_id: str
    full_name: str
    birth_date: dt.date
    sex: str
    education: str
    qualifications: str


def _existing_people(ids: set[str]) -> dict[str, ExistingPerson]:
    """Stored people among ``ids``, read with plain parameterised queries in chunks (an ORM
    ``__in`` over 200,000 values spends seconds preparing each parameter)."""
    fields = ("id", "personal_id", "full_name", "birth_date", "sex", "education", "qualifications")
    table = connection.ops.quote_name(Person._meta.db_table)
    out: dict[str, ExistingPerson] = {}
    wanted = sorted(ids)
    with connection.cursor() as cursor:
        for i in range(0, len(wanted), 5000):
            chunk = wanted[i : i + 5000]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT {', '.join(fields)} FROM {table} "  # noqa: S608
                f"WHERE personal_id IN ({marks})",
                chunk,
            )
            for row in cursor.fetchall():
                person = ExistingPerson(*row)
                if isinstance(person.birth_date, str):
                    person.birth_date = dt.date.fromisoformat(person.birth_date)
                out[person.personal_id] = person
    return out


class ImportContext:
    """Everything the checks need, loaded in a handful of bulk queries."""

    units: dict[str, list[tuple[int, dt.date, dt.date | None]]]
    positions: dict[tuple[int, str], list[tuple[int, dt.date, dt.date | None, str]]]
    people: dict[str, ExistingPerson]
    assignments: dict[int, list[ExistingAssignment]]

    @classmethod
    def load(cls, rows: list[dict[str, Any]]) -> ImportContext:
        ctx = cls()
        codes = {r["unit_code"] for r in rows}
        ctx.units = defaultdict(list)
        for uid, code, vf, vt in UnitVersion.objects.filter(unit__code__in=codes).values_list(
            "unit_id", "unit__code", "valid_from", "valid_to"
        ):
            ctx.units[code].append((uid, vf, vt))
        unit_ids = {u for vs in ctx.units.values() for u, _a, _b in vs}
        ctx.positions = defaultdict(list)
        for pid, uid, code, vf, vt, mg in JobPositionVersion.objects.filter(
            position__unit_id__in=unit_ids
        ).values_list(
            "position_id",
            "position__unit_id",
            "position__code",
            "valid_from",
            "valid_to",
            "min_group",
        ):
            ctx.positions[(uid, code)].append((pid, vf, vt, mg))
        ids = {r["personal_id"] for r in rows}
        ctx.people = _existing_people(ids)
        ctx.assignments = defaultdict(list)
        person_ids = [p.pk for p in ctx.people.values()]
        for row in Assignment.objects.filter(person_id__in=person_ids).values_list(
            *ExistingAssignment.FIELDS
        ):
            a = ExistingAssignment(*row)
            ctx.assignments[a.person_id].append(a)
        return ctx
