"""Demo territory for Hà Nội: records for the 526 commune-level units standing on
30/06/2025 (data as of 31/12/2024) and for the 126 units from 01/07/2025.

What is real and what is not (shown on the pages):
* areas: the package ``vietnamadminunits`` gives the real area of the 126 new units only;
  each is split among the old units that formed it in proportion to their bounding boxes
  (an old unit divided between several new ones counts half in each) — APPROXIMATE;
* populations: SYNTHETIC (density by unit type, scaled to 8.7 million in total);
* adjacency: APPROXIMATED from centroids (Delaunay triangulation, edges ≤ 6 km), not from
  boundaries.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from importlib.resources import files

import shapely

from bienche.demo.codes import legacy_commune_code, new_commune_code
from bienche.demo.hanoi_units import HanoiUnits, load_hanoi
from bienche.territory.impact import proposal_impact
from bienche.territory.services.territory_import import RecordIn, territory_import

AS_OF_OLD = dt.date(2024, 12, 31)
AS_OF_NEW = dt.date(2025, 7, 1)
TOTAL_POPULATION = 8_700_000  # order of magnitude of Hà Nội's population in 2024
DENSITY = {"ward": 14000.0, "township": 3500.0, "commune": 1100.0}  # people/km², synthetic
MAX_EDGE_KM = 6.0
DEMO_PARENT = "HN.H.001"  # the demo's saved proposal: a district before the 2025 reform
DEMO_ON = dt.date(2025, 3, 1)
SOURCE_OLD = (
    "Dữ liệu mẫu: diện tích phân bổ gần đúng từ vietnamadminunits; dân số giả lập; "
    "liền kề xấp xỉ từ tâm đơn vị"
)
SOURCE_NEW = "Dữ liệu mẫu: diện tích từ vietnamadminunits; dân số cộng từ đơn vị cũ (giả lập)"


def _geometry() -> dict[str, tuple[float, float, float]]:
    """GSO code → (x km, y km, bounding-box area km²) of the legacy Hà Nội units."""
    path = files("vietnamadminunits").joinpath("data", "dataset.db")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT DISTINCT wardCode, wardLat, wardLon, wardBounds FROM admin_units_legacy "
            "WHERE provinceKey = 'thanhphohanoi'"
        ).fetchall()
    kx = 111.32 * math.cos(math.radians(21.0))
    out = {}
    for code, lat, lon, bounds in rows:
        box = 1.0
        if bounds and "–" in bounds:
            (a, b), (c, d) = (tuple(map(float, p.split(","))) for p in bounds.split("–"))
            box = max(abs(c - a) * 110.57 * abs(d - b) * kx, 0.05)
        out[code] = (lon * kx, lat * 110.57, box)
    return out


def _areas(hn: HanoiUnits, geo: dict) -> dict[str, float]:
    area: dict[str, float] = defaultdict(float)
    for nc in hn.new_communes:
        weights = {
            p.legacy_gso_code: geo.get(p.legacy_gso_code, (0, 0, 1.0))[2] * (1 if p.whole else 0.5)
            for p in nc.predecessors
        }
        total = sum(weights.values()) or 1.0
        for code, w in weights.items():
            area[code] += nc.area_km2 * w / total
    return area


def _populations(hn: HanoiUnits, area: dict[str, float]) -> dict[str, int]:
    rng = random.Random(2025)
    raw = {
        c.gso_code: area[c.gso_code] * DENSITY.get(c.kind, 1100.0) * rng.lognormvariate(0, 0.35)
        for c in hn.communes
    }
    scale = TOTAL_POPULATION / sum(raw.values())
    return {code: int(v * scale) for code, v in raw.items()}


def _adjacency(geo: dict, codes: list[str]) -> list[tuple[str, str]]:
    pts = {c: geo[c][:2] for c in codes if c in geo}
    at = {(round(x, 6), round(y, 6)): c for c, (x, y) in pts.items()}
    tri = shapely.delaunay_triangles(shapely.MultiPoint(list(pts.values())), only_edges=True)
    pairs = set()
    for line in tri.geoms:
        (x1, y1), (x2, y2) = line.coords
        if math.dist((x1, y1), (x2, y2)) <= MAX_EDGE_KM:
            a, b = at[(round(x1, 6), round(y1, 6))], at[(round(x2, 6), round(y2, 6))]
            pairs.add(tuple(sorted((a, b))))
    return sorted(pairs)


def build_territory_demo(step: Callable[[str], None]) -> dict[str, int]:
    hn = load_hanoi()
    geo = _geometry()
    area = _areas(hn, geo)
    pop = _populations(hn, area)
    rows = [
        RecordIn(
            legacy_commune_code(c.gso_code),
            c.kind,
            round(area[c.gso_code] or geo.get(c.gso_code, (0, 0, 1.0))[2], 3),
            pop[c.gso_code],
            factors=frozenset({"central_city"}),
        )
        for c in hn.communes
    ]
    pairs = [
        (legacy_commune_code(a), legacy_commune_code(b))
        for a, b in _adjacency(geo, [c.gso_code for c in hn.communes])
    ]
    old = territory_import(
        rows=rows,
        adjacency=pairs,
        as_of=AS_OF_OLD,
        source=SOURCE_OLD,
        acting_user=None,
        synthetic=True,
        approximate_adjacency=True,
    )
    new = _import_new(hn, pop, pairs)
    step(f"  territory: {old['records']} + {new['records']} records, {old['adjacency']} borders")
    saved = _saved_proposal()
    impact = proposal_impact(saved)
    step(
        f"  saved proposal #{saved.pk} for {DEMO_PARENT} ({DEMO_ON}): "
        f"{impact['units_before']} → {impact['units_after']} units, "
        f"{impact['staff_in_merged_units']} staff and quotas "
        + ", ".join(f"{k} {v}" for k, v in sorted(impact["quotas_carried"].items()))
        + " carried"
    )
    return {
        "records": old["records"] + new["records"],
        "adjacency": old["adjacency"],
        "proposal": saved.pk,
    }


def _saved_proposal():  # type: ignore[no-untyped-def]
    """One saved proposal on the data before the 2025 reform (a district under the 2023
    round). It stays unadopted: its units were reorganized on 01/07/2025, so adopting it
    is refused as stale — the page shows that case as well as the impact."""
    from bienche.territory.services.proposals import proposal_save

    return proposal_save(
        round_code="nq35-2023",
        parent_code=DEMO_PARENT,
        on=DEMO_ON,
        max_units=8,
        time_limit=8.0,
        acting_user=None,
    )


def _import_new(hn: HanoiUnits, pop: dict[str, int], old_pairs: list) -> dict[str, int]:
    shares: dict[str, int] = defaultdict(int)
    for nc in hn.new_communes:
        for p in nc.predecessors:
            shares[p.legacy_gso_code] += 1
    of: dict[str, set[str]] = defaultdict(set)
    rows = []
    for nc in hn.new_communes:
        code = new_commune_code(nc.gso_code)
        total = sum(pop[p.legacy_gso_code] // shares[p.legacy_gso_code] for p in nc.predecessors)
        for p in nc.predecessors:
            of[legacy_commune_code(p.legacy_gso_code)].add(code)
        rows.append(
            RecordIn(code, nc.kind, nc.area_km2, total, factors=frozenset({"central_city"}))
        )
    pairs = {tuple(sorted((x, y))) for a, b in old_pairs for x in of[a] for y in of[b] if x != y}
    return territory_import(
        rows=rows,
        adjacency=sorted(pairs),
        as_of=AS_OF_NEW,
        source=SOURCE_NEW,
        acting_user=None,
        synthetic=True,
        approximate_adjacency=True,
    )


def territory_wipe() -> None:
    from bienche.territory.models import Adjacency, ProposalGroup, SavedProposal, TerritoryRecord

    ProposalGroup.objects.all().delete()
    SavedProposal.objects.all().delete()
    Adjacency.objects.all().delete()
    TerritoryRecord.objects.all().delete()
