"""Statistics for the annual report: powers decentralized and delegated by field, by
receiving level and by year; the share institutionalized by a People's Council resolution.

A power counts once per (kind, group) however many transfers carry it (a procedure
decentralized to every district by one act and to one commune by another counts once
as decentralized). Figures are for transfers in force on the last day of the year (or
today for the current year) whose receiver exists that day (a transfer to the district
level lapses with it); ``by_year`` counts the transfers that began each year.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count
from django.db.models.functions import ExtractYear

from bienche.core.clock import today
from bienche.core.dating import q_valid_on
from bienche.delegation.enums import CLASS_KINDS, DocumentKind, Field, PowerKind, TransferKind
from bienche.delegation.models import Power, Transfer
from bienche.org.selectors import unit_tree_as_of


def _grouped(rows: list[tuple], index: int) -> dict[str, dict[str, int]]:
    sets: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        sets[row[index] or "?"][row[1]].add(row[0])
    return {
        group: {kind: len(sets[group].get(kind, ())) for kind in TransferKind.values}
        for group in sorted(sets)
    }


def delegation_stats(year: int) -> dict[str, Any]:
    """The year's figures (four queries)."""
    on = min(dt.date(year, 12, 31), max(today(), dt.date(year, 1, 1)))
    tree = unit_tree_as_of(on)
    kinds = {n.kind for n in tree.by_id.values()}
    live = {c for c, ks in CLASS_KINDS.items() if ks & kinds}
    rows = [
        r[:-2]
        for r in Transfer.objects.filter(q_valid_on(on)).values_list(
            "power_id",
            "kind",
            "power__field",
            "receiver_level",
            "power__kind",
            "document__kind",
            "institutionalized_by_id",
            "to_unit_id",
            "to_class",
        )
        if (r[-1] in live) or (r[-2] in tree.by_id)  # receivers that exist on the day
    ]
    powers = {r[0] for r in rows}
    council = {r[0] for r in rows if r[5] == DocumentKind.COUNCIL_RESOLUTION or r[6] is not None}
    procedures = Power.objects.filter(kind=PowerKind.PROCEDURE).count()
    transferred_procedures = len({r[0] for r in rows if r[4] == PowerKind.PROCEDURE})
    by_year = (
        Transfer.objects.annotate(y=ExtractYear("valid_from"))
        .values_list("y", "kind")
        .annotate(n=Count("id"))
        .order_by("y", "kind")
    )
    years: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TransferKind.values, 0))
    for y, kind, n in by_year:
        years[y][kind] = n
    return {
        "year": year,
        "as_of": on,
        "powers_transferred": len(powers),
        "transfers": len(rows),
        "by_kind": {k: len({r[0] for r in rows if r[1] == k}) for k in TransferKind.values},
        "by_field": _grouped(rows, 2),
        "fields": sorted({r[2] for r in rows}, key=list(Field.values).index),
        "by_level": _grouped(rows, 3),
        "by_year": {y: years[y] for y in sorted(years)},
        "procedures": procedures,
        "procedures_transferred": transferred_procedures,
        "procedures_share": transferred_procedures / procedures if procedures else None,
        "institutionalized": len(council),
        "institutionalized_share": len(council) / len(powers) if powers else None,
    }
