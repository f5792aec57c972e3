"""Import adjacency from boundaries (GeoJSON) or from an adjacency list (CSV): everything is
checked first, then written in one transaction with audit rows; one bad unit writes nothing.

Both replace the adjacency *among the units in the file* (the centroid approximation of
the demo included); borders between a unit in the file and one outside it are kept. The
GeoJSON import can also write each unit's area from its boundary as a new record dated
``area_as_of`` (the other figures copied from the unit's latest record on that date).

Adjacency list (CSV, UTF-8, comma or semicolon): one pair of unit codes per row; a first
row whose cells are not unit codes is a header. If the file lists every pair once, pairs
are undirected; if it lists some pair in both directions it is read as a neighbour list
and must be symmetric (each row's reverse present), else the row is named.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.db import transaction

from bienche.core.audit import audit_record_many
from bienche.core.errors import Forbidden, InvalidInput
from bienche.org.models import Unit
from bienche.org.permissions import is_city_admin
from bienche.territory import messages as msg
from bienche.territory.boundaries import adjacency_from_boundaries, areas_km2, boundaries_parse
from bienche.territory.models import Adjacency, TerritoryRecord


def _guard(user: Any, action: str, action_en: str) -> None:
    if getattr(user, "is_authenticated", False) and not is_city_admin(user):
        raise Forbidden(msg.NOT_ALLOWED, action=action, action_en=action_en)


def _ids(codes: list[str]) -> dict[str, int]:
    ids = dict(Unit.objects.filter(code__in=codes).values_list("code", "pk"))
    for code in codes:
        if code not in ids:
            raise InvalidInput(msg.UNIT_UNKNOWN, field="file", unit=code)
    return ids


def _replace_adjacency(ids: dict[str, int], edges: set[frozenset], source: str) -> int:
    pairs = sorted({tuple(sorted((ids[a], ids[b]))) for a, b in (tuple(e) for e in edges)})
    Adjacency.objects.filter(unit_a_id__in=ids.values(), unit_b_id__in=ids.values()).delete()
    Adjacency.objects.bulk_create(
        [Adjacency(unit_a_id=a, unit_b_id=b, approximate=False, source=source) for a, b in pairs],
        batch_size=1000,
    )
    return len(pairs)


def _area_records(ids: dict[str, int], areas: dict[str, float], on: dt.date, source: str):  # type: ignore[no-untyped-def]
    latest: dict[int, TerritoryRecord] = {}
    for rec in TerritoryRecord.objects.filter(unit_id__in=ids.values(), as_of__lte=on).order_by(
        "unit_id", "as_of"
    ):
        latest[rec.unit_id] = rec
    out = []
    for code, uid in ids.items():
        if uid not in latest:
            raise InvalidInput(msg.AREA_NO_RECORD, field="area_as_of", unit=code, on=on)
        rec = latest[uid]
        rec.pk, rec.as_of, rec.area_km2, rec.source = None, on, round(areas[code], 3), source
        out.append(rec)
    return out


def boundaries_import(
    *,
    data: bytes | str | dict,
    source: str,
    acting_user: Any,
    area_as_of: dt.date | None = None,
) -> dict[str, Any]:
    """Adjacency (and optionally areas) from a GeoJSON FeatureCollection. Returns counts and
    the computed areas."""
    _guard(acting_user, "nhập ranh giới đơn vị hành chính", "import boundaries")
    boundaries = boundaries_parse(data)
    ids = _ids([b.code for b in boundaries])
    edges = adjacency_from_boundaries(boundaries)
    areas = areas_km2(boundaries)
    source = (source or "GeoJSON")[:255]
    records = _area_records(ids, areas, area_as_of, source) if area_as_of else []
    with transaction.atomic():
        n = _replace_adjacency(ids, edges, source)
        if records:
            TerritoryRecord.objects.filter(unit_id__in=ids.values(), as_of=area_as_of).delete()
            TerritoryRecord.objects.bulk_create(records)
        audit_record_many(
            actor=acting_user,
            action="territory_boundaries_import",
            entity_type="territory_adjacency",
            rows=[
                {
                    "entity_id": b.code,
                    "after": {"area_km2": round(areas[b.code], 3), "area_as_of": area_as_of},
                    "reason": source,
                }
                for b in boundaries
            ],
        )
    return {
        "units": len(boundaries),
        "adjacency": n,
        "records": len(records),
        "areas_km2": {c: round(a, 3) for c, a in sorted(areas.items())},
        "edges": sorted(sorted(e) for e in edges),
    }


def _rows(text: str) -> list[tuple[int, list[str]]]:
    delimiter = ";" if ";" in text.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(i, [c.strip() for c in row]) for i, row in enumerate(reader, start=1) if any(row)]


def _pairs(rows: list[tuple[int, list[str]]], known: set[str]) -> dict[tuple[str, str], int]:
    directed: dict[tuple[str, str], int] = {}
    for k, (i, row) in enumerate(rows):
        cells = [c for c in row if c]
        if len(cells) != 2:
            raise InvalidInput(msg.ADJACENCY_ROW, field="file", row=i, n=len(cells))
        if k == 0 and not set(cells) & known:
            continue  # header
        for column, code in zip("AB", cells, strict=True):
            if code not in known:
                raise InvalidInput(
                    msg.ADJACENCY_ROW_UNKNOWN, field="file", row=i, column=column, unit=code
                )
        if cells[0] == cells[1]:
            raise InvalidInput(msg.ADJACENCY_ROW_SELF, field="file", row=i, unit=cells[0])
        directed.setdefault((cells[0], cells[1]), i)
    return directed


def _symmetric_check(directed: dict[tuple[str, str], int]) -> None:
    if not any((b, a) in directed for a, b in directed):
        return  # each pair once: undirected
    for (a, b), i in sorted(directed.items(), key=lambda kv: kv[1]):
        if (b, a) not in directed:
            raise InvalidInput(msg.ADJACENCY_ROW_ASYMMETRIC, field="file", row=i, unit=a, other=b)


def adjacency_list_import(*, data: bytes | str, source: str, acting_user: Any) -> dict[str, int]:
    _guard(acting_user, "nhập danh sách liền kề", "import an adjacency list")
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    rows = _rows(text)
    cells = {c for _i, row in rows for c in row if c}
    known = set(Unit.objects.filter(code__in=cells).values_list("code", flat=True))
    directed = _pairs(rows, known)
    _symmetric_check(directed)
    ids = _ids(sorted({c for pair in directed for c in pair}))
    edges = {frozenset(p) for p in directed}
    source = (source or "CSV")[:255]
    with transaction.atomic():
        n = _replace_adjacency(ids, edges, source)
        audit_record_many(
            actor=acting_user,
            action="territory_adjacency_import",
            entity_type="territory_adjacency",
            rows=[{"entity_id": "+".join(sorted(e)), "reason": source} for e in edges],
        )
    return {"units": len(ids), "adjacency": n}
