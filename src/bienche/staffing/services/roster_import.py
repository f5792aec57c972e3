"""Import a roster XLSX: validate everything first, then write all rows or none.

Idempotent: a row whose person already has the same assignment from the same date changes
nothing, so importing the same file twice leaves the database as it was after the first time.
A person's open assignment that began earlier is closed the day a newer row starts
(transfer or change of rank/step); rows of one person in the file chain the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max

from bienche.core.audit import audit_record
from bienche.core.bulk import bulk_insert
from bienche.core.problems import Problem
from bienche.staffing.enums import EndReason
from bienche.staffing.models import Assignment, Person
from bienche.staffing.ranks import group_at_least
from bienche.staffing.roster_parse import ParsedRoster, parse_roster
from bienche.staffing.services.roster_context import (
    SAME,
    ExistingAssignment,
    ImportContext,
)

PERSON = ("full_name", "birth_date", "sex", "education", "qualifications")


@dataclass
class ImportReport:
    rows: int = 0
    people_created: int = 0
    people_updated: int = 0
    assignments_created: int = 0
    assignments_closed: int = 0
    unchanged: int = 0
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def roster_import(*, path: str | Path, acting_user: Any, dry_run: bool = False) -> ImportReport:
    """Import an XLSX file in the documented layout (staffing.roster_layout)."""
    parsed = parse_roster(path)
    if parsed.problems:
        return ImportReport(rows=len(parsed.rows), dry_run=dry_run, problems=parsed.problems)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return roster_load_rows(
        parsed=parsed,
        acting_user=acting_user,
        dry_run=dry_run,
        source=f"{Path(path).name} sha256:{digest[:16]}",
    )


def roster_load_rows(
    *, parsed: ParsedRoster, acting_user: Any, dry_run: bool = False, source: str = ""
) -> ImportReport:
    """Check parsed rows against the database and write them all, or none.

    Used by the XLSX import and by bulk loaders (the demo) so both obey the same rules.
    """
    report = ImportReport(rows=len(parsed.rows), dry_run=dry_run, problems=parsed.problems)
    ctx = ImportContext.load(parsed.rows)
    plan = _plan(parsed, ctx)
    report.problems = parsed.problems
    _count(report, plan)
    if parsed.problems or dry_run:
        return report
    with transaction.atomic():
        _write(plan, ctx)
        audit_record(
            actor=acting_user,
            action="staffing.roster.import",
            entity_type="roster",
            entity_id=source[:64] or "rows",
            after={k: v for k, v in report.__dict__.items() if k != "problems"},
            reason=source,
        )
    return report


def _on(spans, day):  # type: ignore[no-untyped-def]
    return next((s for s in spans if s[1] <= day and (s[2] is None or day < s[2])), None)


def _resolve(r: dict[str, Any], ctx: ImportContext, out: ParsedRoster) -> bool:
    day, n = r["valid_from"], r["row"]
    unit = _on(ctx.units.get(r["unit_code"], []), day)
    if unit is None:
        known = r["unit_code"] in ctx.units
        out.add(
            n,
            "Mã đơn vị",
            f"Đơn vị «{r['unit_code']}» "
            + ("không hoạt động vào ngày này." if known else "không tồn tại."),
            f"Unit «{r['unit_code']}» "
            + ("is not active on that date." if known else "does not exist."),
        )
        return False
    r["unit_id"], r["position_id"] = unit[0], None
    if r.get("position_code"):
        pos = _on(ctx.positions.get((unit[0], r["position_code"]), []), day)
        if pos is None:
            out.add(
                n,
                "Mã vị trí việc làm",
                "Đơn vị không có vị trí việc làm này vào ngày đó.",
                "The unit has no such job position on that date.",
            )
            return False
        if pos[3] and not group_at_least(r["salary_group"], pos[3]):
            out.add(
                n,
                "Mã ngạch/chức danh",
                f"Ngạch thuộc nhóm {r['salary_group']} thấp hơn yêu cầu {pos[3]} của vị trí.",
                f"Rank group {r['salary_group']} is below the position's {pos[3]}.",
            )
            return False
        r["position_id"] = pos[0]
    return True


def _values(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "unit_id": r["unit_id"],
        "position_id": r["position_id"],
        "staff_category": r["staff_category"],
        "rank_code": r["rank_code"],
        "step": r["step"],
        "coefficient_h": r["coefficient"],
        "leadership_coef_h": r.get("leadership") or 0,
        "sector_allowance_bp": (r.get("sector_allowance") or 0) * 100,
        "last_step_date": r.get("last_step_date"),
        "salary_group": r["salary_group"],
    }


@dataclass
class _Plan:
    new_people: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed_people: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_assignments: list[tuple[str, dt.date, dt.date | None, dict[str, Any]]] = field(
        default_factory=list
    )
    closes: list[tuple[ExistingAssignment, dt.date]] = field(default_factory=list)
    unchanged: int = 0


def _plan(parsed: ParsedRoster, ctx: ImportContext) -> _Plan:
    plan = _Plan()
    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in parsed.rows:
        if _resolve(r, ctx, parsed):
            by_person[r["personal_id"]].append(r)
    for pid, rows in by_person.items():
        rows.sort(key=lambda r: r["valid_from"])
        _plan_person(pid, rows, ctx, plan, parsed)
    return plan


def _plan_person(
    pid: str, rows: list[dict[str, Any]], ctx: ImportContext, plan: _Plan, out: ParsedRoster
) -> None:
    person = ctx.people.get(pid)
    data = {k: rows[-1].get(k) or "" for k in PERSON}
    data["birth_date"] = rows[-1]["birth_date"]
    data["synthetic"] = bool(rows[-1].get("synthetic"))
    if person is None:
        plan.new_people[pid] = data
    elif any(getattr(person, k) != data[k] for k in PERSON):
        data.pop("synthetic")
        plan.changed_people[pid] = data
    existing = sorted(
        ctx.assignments.get(person.pk, []) if person else [], key=lambda a: a.valid_from
    )
    for i, r in enumerate(rows):
        values = _values(r)
        nxt = rows[i + 1]["valid_from"] if i + 1 < len(rows) else None
        same = next((a for a in existing if a.valid_from == r["valid_from"]), None)
        if same is not None and all(getattr(same, k) == values[k] for k in SAME):
            plan.unchanged += 1
            continue
        later = [
            a
            for a in existing
            if a.valid_from >= r["valid_from"]
            or (a.valid_to is not None and a.valid_to > r["valid_from"])
        ]
        if later:
            out.add(
                r["row"],
                "Ngày bắt đầu",
                f"Trùng thời gian với phân công hiện có từ {later[0].valid_from:%d/%m/%Y}.",
                f"Overlaps the existing assignment from {later[0].valid_from}.",
            )
            continue
        open_prev = [a for a in existing if a.valid_to is None]
        for a in open_prev:
            plan.closes.append((a, r["valid_from"]))
            a.valid_to = r["valid_from"]
        plan.new_assignments.append((pid, r["valid_from"], nxt, values))


PERSON_COLUMNS = (
    "personal_id",
    "full_name",
    "birth_date",
    "sex",
    "education",
    "qualifications",
    "synthetic",
)
ASSIGNMENT_COLUMNS = (
    "person",
    "valid_from",
    "valid_to",
    "unit",
    "position",
    "staff_category",
    "rank_code",
    "salary_group",
    "step",
    "coefficient_h",
    "last_step_date",
    "leadership_coef_h",
    "sector_allowance_bp",
    "end_reason",
)


def _write(plan: _Plan, ctx: ImportContext) -> None:
    before = Person.objects.aggregate(m=Max("pk"))["m"] or 0
    bulk_insert(
        Person,
        PERSON_COLUMNS,
        (
            (
                pid,
                d["full_name"],
                d["birth_date"],
                d["sex"],
                d["education"] or "",
                d["qualifications"] or "",
                d.get("synthetic", False),
            )
            for pid, d in plan.new_people.items()
        ),
    )
    for pid, data in plan.changed_people.items():
        Person.objects.filter(personal_id=pid).update(**data)
    ids = {pid: p.pk for pid, p in ctx.people.items()}
    ids.update(  # rows just inserted: ids above the highest one known before
        Person.objects.filter(pk__gt=before).values_list("personal_id", "pk")
    )
    for a, day in plan.closes:
        Assignment.objects.filter(pk=a.pk).update(valid_to=day, end_reason=EndReason.TRANSFER)
    bulk_insert(
        Assignment,
        ASSIGNMENT_COLUMNS,
        (
            (
                ids[pid],
                vf,
                vt,
                v["unit_id"],
                v["position_id"],
                v["staff_category"],
                v["rank_code"],
                v["salary_group"],
                v["step"],
                v["coefficient_h"],
                v["last_step_date"],
                v["leadership_coef_h"],
                v["sector_allowance_bp"],
                "",
            )
            for pid, vf, vt, v in plan.new_assignments
        ),
    )


def _count(report: ImportReport, plan: _Plan) -> None:
    report.people_created = len(plan.new_people)
    report.people_updated = len(plan.changed_people)
    report.assignments_created = len(plan.new_assignments)
    report.assignments_closed = len(plan.closes)
    report.unchanged = plan.unchanged
