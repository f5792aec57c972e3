"""The rules a transfer must satisfy, checked in memory for a whole batch (few queries).

Refused: an unknown power; no receiver or two; a delegation without a term; an end before
the start; an authority or receiving unit not active on the start date (a class of units
with no member that day); a sub-delegation its parent forbids, or that outlives it; a
cycle of transfers of the same power; and a second transfer of the same power to the same
receiver for an overlapping period (earlier rows of the same batch count).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from bienche.core.dating import periods_overlap, q_valid_on
from bienche.core.errors import BiencheError, InvalidInput
from bienche.delegation import messages as m
from bienche.delegation.enums import CLASS_KINDS, CLASS_LEVEL, TransferKind
from bienche.delegation.models import Power, Transfer
from bienche.delegation.services.documents import DocumentSpec, document_check
from bienche.org.models import UnitVersion

FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


@dataclass
class TransferSpec:
    power_code: str
    kind: str
    from_unit_code: str
    valid_from: dt.date
    document: DocumentSpec
    to_unit_code: str = ""
    to_class: str = ""
    term_end: dt.date | None = None
    conditions: str = ""
    reporting_duty: str = ""
    sub_delegation_allowed: bool = False
    parent_id: int | None = None
    review_on: dt.date | None = None
    synthetic: bool = False


@dataclass
class Row:
    """A transfer as the checks see it (stored, or accepted earlier in the batch)."""

    id: int | None
    power_id: int
    kind: str
    from_id: int
    to_id: int | None
    to_class: str
    valid_from: dt.date
    valid_to: dt.date | None
    sub_allowed: bool
    document: str


@dataclass
class Checked:
    """What the checks resolved for one spec: ids, the level and the parent."""

    power_id: int
    from_id: int
    to_id: int | None
    receiver_level: str
    parent_id: int | None


@dataclass
class Context:
    powers: dict[str, int]
    versions: dict[str, list[tuple[int, str, str, dt.date, dt.date | None]]]
    rows: dict[int, list[Row]] = field(default_factory=lambda: defaultdict(list))
    class_days: dict[tuple[str, dt.date], bool] = field(default_factory=dict)


def context_for(specs: list[TransferSpec]) -> Context:
    powers = dict(
        Power.objects.filter(code__in={s.power_code for s in specs}).values_list("code", "pk")
    )
    codes = {s.from_unit_code for s in specs} | {s.to_unit_code for s in specs if s.to_unit_code}
    versions: dict[str, list] = defaultdict(list)
    for row in UnitVersion.objects.filter(unit__code__in=codes).values_list(
        "unit__code", "unit_id", "kind", "level", "valid_from", "valid_to"
    ):
        versions[row[0]].append(row[1:])
    ctx = Context(powers, versions)
    for t in Transfer.objects.filter(power_id__in=powers.values()).select_related("document"):
        ctx.rows[t.power_id].append(
            Row(
                t.pk,
                t.power_id,
                t.kind,
                t.from_unit_id,
                t.to_unit_id,
                t.to_class,
                t.valid_from,
                t.valid_to,
                t.sub_delegation_allowed,
                t.document.number,
            )
        )
    return ctx


def _version(ctx: Context, code: str, day: dt.date) -> tuple[int, str, str] | None:
    for uid, kind, level, vf, vt in ctx.versions.get(code, ()):
        if vf <= day and (vt is None or day < vt):
            return uid, kind, level
    return None


def _class_has_members(ctx: Context, cls: str, day: dt.date) -> bool:
    key = (cls, day)
    if key not in ctx.class_days:
        ctx.class_days[key] = UnitVersion.objects.filter(
            q_valid_on(day), kind__in=CLASS_KINDS[cls]
        ).exists()
    return ctx.class_days[key]


def _check_shape(spec: TransferSpec) -> None:
    if spec.kind not in TransferKind.values:
        raise InvalidInput(
            m.FIELD_INVALID, field="kind", value=spec.kind, what="loại", what_en="kind"
        )
    if bool(spec.to_unit_code) == bool(spec.to_class):
        raise InvalidInput(m.RECEIVER_ONE, field="to_unit_code")
    if spec.to_class and spec.to_class not in CLASS_KINDS:
        raise InvalidInput(
            m.FIELD_INVALID,
            field="to_class",
            value=spec.to_class,
            what="nhóm đơn vị",
            what_en="class of units",
        )
    if spec.kind == TransferKind.DELEGATION and spec.term_end is None:
        raise InvalidInput(m.DELEGATION_NO_TERM, field="term_end")
    for name in ("valid_from", "term_end", "review_on"):
        day = getattr(spec, name)
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise InvalidInput(
                m.FIELD_INVALID, field=name, value=day.isoformat(), what="ngày", what_en="date"
            )
    if spec.term_end is not None and spec.term_end <= spec.valid_from:
        raise InvalidInput(
            m.PERIOD_INVALID,
            field="term_end",
            start=spec.valid_from.isoformat(),
            end=spec.term_end.isoformat(),
        )
    document_check(spec.document)


def _active(ctx: Context, code: str, day: dt.date, field_name: str) -> tuple[int, str, str]:
    found = _version(ctx, code, day)
    if found is None:
        raise InvalidInput(m.UNIT_NOT_ACTIVE, field=field_name, code=code, on=day.isoformat())
    return found


def _receives(row: Row, unit_id: int, kind: str) -> bool:
    return row.to_id == unit_id or (bool(row.to_class) and kind in CLASS_KINDS[row.to_class])


def _parent(spec: TransferSpec, rows: list[Row], from_id: int, from_kind: str) -> Row | None:
    """The delegation by which the authority holds the power on the start date, if any."""
    held = [
        r
        for r in rows
        if r.kind == TransferKind.DELEGATION
        and _receives(r, from_id, from_kind)
        and r.valid_from <= spec.valid_from
        and (r.valid_to is None or spec.valid_from < r.valid_to)
    ]
    if spec.parent_id is not None:
        match = [r for r in held if r.id == spec.parent_id]
        if not match:
            raise InvalidInput(
                m.FIELD_INVALID,
                field="parent_id",
                value=spec.parent_id,
                what="ủy quyền gốc",
                what_en="parent delegation",
            )
        return match[0]
    return held[0] if held else None


def _check_parent(spec: TransferSpec, parent: Row | None) -> None:
    if parent is None:
        return
    if not parent.sub_allowed:
        raise InvalidInput(
            m.SUB_DELEGATION_FORBIDDEN,
            field="from_unit_code",
            code=spec.from_unit_code,
            document=parent.document,
        )
    end = spec.term_end
    if parent.valid_to is not None and (end is None or end > parent.valid_to):
        raise InvalidInput(
            m.SUB_DELEGATION_TERM,
            field="term_end",
            end=end.isoformat() if end else "…",
            parent_end=parent.valid_to.isoformat(),
        )


def _check_cycle(
    spec: TransferSpec, rows: list[Row], from_id: int, from_kind: str, to_id: int | None
) -> None:
    path = f"{spec.from_unit_code} → {spec.to_unit_code or spec.to_class}"
    if to_id == from_id or (spec.to_class and from_kind in CLASS_KINDS[spec.to_class]):
        raise InvalidInput(m.CYCLE, field="to_unit_code", path=path)
    if to_id is None:
        return
    edges: dict[int, set[int]] = defaultdict(set)
    for r in rows:
        if r.to_id is not None and periods_overlap(
            r.valid_from, r.valid_to, spec.valid_from, spec.term_end
        ):
            edges[r.from_id].add(r.to_id)
    stack, seen = [to_id], {to_id}
    while stack:
        node = stack.pop()
        if node == from_id:
            raise InvalidInput(
                m.CYCLE, field="to_unit_code", path=f"{path} → … → {spec.from_unit_code}"
            )
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)


def _check_overlap(spec: TransferSpec, rows: list[Row], to_id: int | None) -> None:
    for r in rows:
        same = (to_id is not None and r.to_id == to_id) or (
            spec.to_class and r.to_class == spec.to_class
        )
        if same and periods_overlap(r.valid_from, r.valid_to, spec.valid_from, spec.term_end):
            raise InvalidInput(
                m.OVERLAP,
                field="valid_from",
                power=spec.power_code,
                receiver=spec.to_unit_code or spec.to_class,
                start=r.valid_from.isoformat(),
                document=r.document,
            )


def transfer_check(spec: TransferSpec, ctx: Context) -> Checked:
    """Check one spec against the stored register and the batch so far; on success the
    spec joins the context, so a later spec of the same batch sees it."""
    if spec.power_code not in ctx.powers:
        raise InvalidInput(m.POWER_UNKNOWN, field="power_code", code=spec.power_code)
    _check_shape(spec)
    power_id = ctx.powers[spec.power_code]
    from_id, from_kind, _lvl = _active(ctx, spec.from_unit_code, spec.valid_from, "from_unit_code")
    if spec.to_unit_code:
        to_id, _k, level = _active(ctx, spec.to_unit_code, spec.valid_from, "to_unit_code")
    else:
        to_id, level = None, CLASS_LEVEL[spec.to_class]
        if not _class_has_members(ctx, spec.to_class, spec.valid_from):
            raise InvalidInput(
                m.CLASS_EMPTY, field="to_class", cls=spec.to_class, on=spec.valid_from.isoformat()
            )
    rows = ctx.rows[power_id]
    _check_cycle(spec, rows, from_id, from_kind, to_id)
    parent = _parent(spec, rows, from_id, from_kind)
    _check_parent(spec, parent)
    _check_overlap(spec, rows, to_id)
    rows.append(
        Row(
            None,
            power_id,
            spec.kind,
            from_id,
            to_id,
            spec.to_class,
            spec.valid_from,
            spec.term_end,
            spec.sub_delegation_allowed,
            spec.document.number,
        )
    )
    return Checked(power_id, from_id, to_id, level, parent.id if parent else None)


def transfers_check(
    specs: list[TransferSpec],
) -> tuple[list[Checked | None], list[tuple[int, BiencheError]]]:
    """Every spec checked: (results by position, [(position, error)])."""
    ctx = context_for(specs)
    results: list[Checked | None] = []
    problems: list[tuple[int, BiencheError]] = []
    for i, spec in enumerate(specs):
        try:
            results.append(transfer_check(spec, ctx))
        except BiencheError as exc:
            results.append(None)
            problems.append((i, exc))
    return results, problems
