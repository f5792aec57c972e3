"""The 2025 territorial steps of the Hà Nội demo: the 1 January commune mergers
(Resolution 1286/NQ-UBTVQH15, reconstructed) and the 1 July two-tier reform (Resolution
1656/NQ-UBTVQH15 for communes, Law 72/2025/QH15 for the districts)."""

from __future__ import annotations

from collections import defaultdict

from bienche.demo.codes import (
    JAN_2025,
    JUL_2025,
    LAW_72,
    RES_1286,
    RES_1656,
    absorbed_code,
    legacy_commune_code,
    legacy_district_code,
    new_commune_code,
)
from bienche.demo.hanoi_units import HanoiUnits, NewCommune, jan2025_completeness
from bienche.org.services import (
    LegalBasis,
    UnitSpec,
    unit_absorb,
    unit_dissolve,
    unit_rearrange,
    unit_rename,
)


def apply_jan_2025(hn: HanoiUnits) -> int:
    done = jan2025_completeness()
    note = (
        "Tái dựng gần đúng từ dữ liệu bí danh của gói vietnamadminunits (tên khôi phục từ "
        f"chữ không dấu): {done['absorbed_units']} đơn vị bị nhập vào "
        f"{done['successor_units']} đơn vị, {done['renamed_successors']} đơn vị đổi tên. "
        "Số liệu chính thức: 109 đơn vị sắp xếp thành 52; 579 → 526 đơn vị cấp xã. "
        "Bí danh có thể gồm cả tên cũ trước năm 2020, nên số đơn vị trước 01/01/2025 là gần đúng."
    )
    basis = LegalBasis(RES_1286.number, RES_1286.issuer, RES_1286.date, note)
    names = {c.gso_code: c for c in hn.communes}
    n = 0
    for merge in hn.jan2025:
        into = legacy_commune_code(merge.successor_gso_code)
        absorbed = [absorbed_code(a.key) for a in merge.absorbed]
        if absorbed:
            unit_absorb(
                absorbed_codes=absorbed, into_code=into, on=JAN_2025, basis=basis, acting_user=None
            )
        if merge.former:
            c = names[merge.successor_gso_code]
            unit_rename(
                code=into,
                name=c.name,
                short_name=c.short_name,
                on=JAN_2025,
                basis=basis,
                acting_user=None,
            )
        n += len(absorbed)
    return n


def _components(new_communes: tuple[NewCommune, ...]) -> list[list[NewCommune]]:
    """Groups of new communes linked through a divided old commune (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for nc in new_communes:
        for pred in nc.predecessors:
            parent[find("new:" + nc.gso_code)] = find("old:" + pred.legacy_gso_code)
    groups: dict[str, list[NewCommune]] = defaultdict(list)
    for nc in new_communes:
        groups[find("new:" + nc.gso_code)].append(nc)
    return sorted(groups.values(), key=lambda g: g[0].gso_code)


def _shares(group: list[NewCommune]) -> list[tuple[str, str, int]]:
    """Edges with shares: a divided old commune is shared equally (largest remainder)."""
    targets: dict[str, list[str]] = defaultdict(list)
    for nc in group:
        for pred in nc.predecessors:
            targets[pred.legacy_gso_code].append(nc.gso_code)
    edges = []
    for old, news in sorted(targets.items()):
        base, rest = divmod(10000, len(news))
        for i, new in enumerate(sorted(news)):
            edges.append(
                (legacy_commune_code(old), new_commune_code(new), base + (1 if i < rest else 0))
            )
    return edges


def apply_july_2025(hn: HanoiUnits) -> int:
    groups = _components(hn.new_communes)
    for group in groups:
        edges = _shares(group)
        preds = sorted({e[0] for e in edges})
        unit_rearrange(
            predecessor_codes=preds,
            successors=[
                UnitSpec(
                    code=new_commune_code(nc.gso_code),
                    name=nc.name,
                    short_name=nc.short_name,
                    kind=nc.kind,
                    parent_code="HN",
                    admin_code=nc.gso_code,
                )
                for nc in group
            ],
            edges=edges,
            on=JUL_2025,
            basis=RES_1656,
            acting_user=None,
        )
    staff_to = _district_successors(hn)
    for d in hn.districts:
        unit_dissolve(
            staff_to=staff_to[d.gso_code],
            code=legacy_district_code(d.gso_code),
            children_to="HN.S.YT",
            on=JUL_2025,
            basis=LAW_72,
            acting_user=None,
        )
    return len(groups)


def _district_successors(hn: HanoiUnits) -> dict[str, list[tuple[str, int]]]:
    """Where each district's staff and quotas go on 01/07/2025: the new communes formed
    from its communes, in equal shares."""
    district_of = {c.gso_code: c.district_gso_code for c in hn.communes}
    targets: dict[str, set[str]] = defaultdict(set)
    for nc in hn.new_communes:
        for p in nc.predecessors:
            targets[district_of[p.legacy_gso_code]].add(new_commune_code(nc.gso_code))
    out = {}
    for district, codes in targets.items():
        ordered = sorted(codes)
        base, rest = divmod(10000, len(ordered))
        out[district] = [(c, base + (1 if i < rest else 0)) for i, c in enumerate(ordered)]
    return out
