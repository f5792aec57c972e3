"""The demo's decentralization and delegation register, calibrated to published figures.

Published (Hà Nội, by 03/2023): district-level decentralization rules in 9 fields, at
least 210 tasks decentralized to district level, 708 of 1,910 administrative procedures
(about 37 %) decentralized or delegated. Two-tier pilot: 331 procedure catalogues moved
to communes by Decision 3076/QĐ-UBND of 19/06/2025, from 01/07/2025. Under the Capital Law
2024 (39/2024/QH15, in force 01/01/2025) the Hòa Lạc Hi-Tech Park board is given land
allocation, land lease and land management in the park.

Real: the totals above, the two documents named and the Hòa Lạc powers. Synthetic (and
flagged so in the data and the pages): which procedures and tasks they are, their names,
the numbers of the district-era acts, the dates, the named delegations to single units.

Played in two steps around the 2025 reorganizations, so the org hook does its work:
``build_register`` before 01/01/2025 (district-era transfers, named delegations that the
January absorptions, the March department mergers and the July dissolution of districts
carry over or flag), ``apply_two_tier`` after 01/07/2025 (3076/QĐ-UBND: 331 procedures
end at district level and pass to the commune level; 60 tasks likewise by a resolution;
the rest lapse with the district level and stand in the review register).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bienche.delegation.models import LegalDocument, Transfer
from bienche.delegation.services.checks import TransferSpec
from bienche.delegation.services.documents import DocumentSpec, legal_document_replace
from bienche.delegation.services.powers import PowerSpec, powers_create
from bienche.delegation.services.transfers import transfers_create, transfers_end

SEED = 20230301
CITY_PC = "HN.UBND"
FIELDS = [  # (code, Vietnamese name, department of the field in 2023)
    ("organization", "Tổ chức bộ máy, cán bộ", "HN.S.NV"),
    ("finance", "Tài chính - ngân sách", "HN.S.TC"),
    ("planning", "Quy hoạch - xây dựng", "HN.S.XD"),
    ("land", "Đất đai", "HN.S.TNMT"),
    ("investment", "Đầu tư", "HN.S.KHDT"),
    ("education", "Giáo dục và đào tạo", "HN.S.GDDT"),
    ("health", "Y tế", "HN.S.YT"),
    ("culture", "Văn hóa, thể thao và du lịch", "HN.S.VHTT"),
    ("agriculture", "Nông nghiệp và phát triển nông thôn", "HN.S.NNPTNT"),
]
PROCEDURES, TRANSFERRED = 1910, 708
TO_DISTRICT, TO_DEPARTMENT = 420, 180  # the rest of the 708 go to the commune level
TASKS, TASKS_TO_COMMUNES, MOVED_TO_COMMUNES = 216, 60, 331
SYN = "(giả lập)"
DECISION_3076 = DocumentSpec(
    number="3076/QĐ-UBND",
    issued_on=dt.date(2025, 6, 19),
    kind="committee_decision",
    issuer="UBND Thành phố Hà Nội",
    summary="Thí điểm mô hình chính quyền địa phương hai cấp: 331 danh mục thủ tục hành chính "
    "giao cấp xã thực hiện từ 01/07/2025 (danh mục cụ thể trong dữ liệu mẫu là giả lập).",
)
CAPITAL_LAW = DocumentSpec(
    number="39/2024/QH15",
    issued_on=dt.date(2024, 6, 28),
    kind="law",
    issuer="Quốc hội",
    summary="Luật Thủ đô 2024, hiệu lực 01/01/2025.",
)
HOA_LAC_POWERS = [
    ("HL.DAT.GIAO", "Giao đất trong Khu công nghệ cao Hòa Lạc"),
    ("HL.DAT.THUE", "Cho thuê đất trong Khu công nghệ cao Hòa Lạc"),
    ("HL.DAT.QL", "Quản lý đất đai trong Khu công nghệ cao Hòa Lạc"),
]


def _doc(number: str, day: dt.date, kind: str, summary: str) -> DocumentSpec:
    issuer = "HĐND Thành phố Hà Nội" if kind == "council_resolution" else "UBND Thành phố Hà Nội"
    return DocumentSpec(number, day, kind, issuer, f"{summary} {SYN}", synthetic=True)


def _powers() -> list[PowerSpec]:
    specs = []
    for i in range(PROCEDURES):
        code, name, _dept = FIELDS[i % len(FIELDS)]
        specs.append(
            PowerSpec(
                code=f"TTHC.{code[:4].upper()}.{i + 1:04d}",
                name=f"Thủ tục hành chính lĩnh vực {name.lower()} số {i // len(FIELDS) + 1} {SYN}",
                field=code,
                kind="procedure",
                level="city",
                holder_code=CITY_PC,
                holder_title="Chủ tịch UBND Thành phố",
                legal_source=f"Bộ thủ tục hành chính lĩnh vực {name.lower()} {SYN}",
                synthetic=True,
            )
        )
    for i in range(TASKS):
        code, name, _dept = FIELDS[i % len(FIELDS)]
        specs.append(
            PowerSpec(
                code=f"NV.{code[:4].upper()}.{i + 1:03d}",
                name=f"Nhiệm vụ quản lý nhà nước về {name.lower()} số {i // len(FIELDS) + 1} {SYN}",
                field=code,
                kind="task",
                level="city",
                holder_code=CITY_PC,
                holder_title="UBND Thành phố",
                legal_source="Luật Tổ chức chính quyền địa phương 2015; quy định lĩnh vực "
                f"{name.lower()}",
                synthetic=True,
            )
        )
    for code, name in HOA_LAC_POWERS:
        specs.append(
            PowerSpec(
                code=code,
                name=name,
                field="land",
                kind="approval",
                level="city",
                holder_code=CITY_PC,
                holder_title="UBND Thành phố",
                legal_source="Luật Đất đai 2024; Luật Thủ đô 2024 (39/2024/QH15)",
            )
        )
    return specs


def _field_docs(rng: random.Random) -> dict[str, dict[str, DocumentSpec]]:
    """Per field, the district-era acts: a council resolution for tasks, a decision each
    for procedures decentralized and delegated (synthetic numbers)."""
    out = {}
    for n, (code, name, _dept) in enumerate(FIELDS, start=1):
        year = 2020 + n % 3
        day = dt.date(year, 3 + n % 9, 10 + n)
        out[code] = {
            "tasks": _doc(
                f"{n + 10}/{year}/NQ-HĐND",
                day,
                "council_resolution",
                f"Phân cấp nhiệm vụ quản lý nhà nước lĩnh vực {name.lower()}.",
            ),
            "procedures": _doc(
                f"{30 + n}/{year}/QĐ-UBND",
                day + dt.timedelta(days=20),
                "committee_decision",
                f"Phân cấp giải quyết thủ tục hành chính lĩnh vực {name.lower()}.",
            ),
            "delegated": _doc(
                f"{500 + n * 7}/QĐ-UBND",
                dt.date(2022, 12, n + 1),
                "committee_decision",
                f"Ủy quyền giải quyết thủ tục hành chính lĩnh vực {name.lower()}.",
            ),
        }
    return out


def _specs(powers: list[PowerSpec], rng: random.Random) -> list[TransferSpec]:
    docs = _field_docs(rng)
    procedures = [p for p in powers if p.kind == "procedure"]
    chosen = sorted(rng.sample(range(PROCEDURES), TRANSFERRED))
    rng.shuffle(chosen)
    specs = []
    for k, i in enumerate(chosen):
        p = procedures[i]
        dept = dict((c, d) for c, _n, d in FIELDS)[p.field]
        d = docs[p.field]
        if k < TO_DISTRICT:
            specs.append(
                TransferSpec(
                    p.code,
                    "decentralization",
                    CITY_PC,
                    _start(d["procedures"]),
                    d["procedures"],
                    to_class="district_level",
                    synthetic=True,
                    review_on=dt.date(2025, 6, 30),
                )
            )
        elif k < TO_DISTRICT + TO_DEPARTMENT:
            specs.append(
                TransferSpec(
                    p.code,
                    "delegation",
                    CITY_PC,
                    dt.date(2023, 1, 1),
                    d["delegated"],
                    to_unit_code=dept,
                    term_end=dt.date(2027, 12, 31),
                    synthetic=True,
                    reporting_duty="Báo cáo UBND Thành phố hằng quý.",
                    review_on=dt.date(2026, 6, 30),
                )
            )
        else:
            specs.append(
                TransferSpec(
                    p.code,
                    "decentralization",
                    CITY_PC,
                    _start(d["procedures"]),
                    d["procedures"],
                    to_class="commune_level",
                    synthetic=True,
                )
            )
    for p in powers:
        if p.kind == "task":
            d = docs[p.field]["tasks"]
            specs.append(
                TransferSpec(
                    p.code,
                    "decentralization",
                    CITY_PC,
                    _start(d),
                    d,
                    to_class="district_level",
                    synthetic=True,
                )
            )
    return specs


def _start(doc: DocumentSpec) -> dt.date:
    return doc.issued_on + dt.timedelta(days=15)


def _named(hn: Any, rng: random.Random) -> list[TransferSpec]:
    """A few delegations to single units, which the 2025 reorganizations carry or flag."""
    from bienche.demo.codes import absorbed_code, legacy_district_code

    doc = _doc(
        "1234/QĐ-UBND",
        dt.date(2023, 12, 15),
        "committee_decision",
        "Ủy quyền giải phóng mặt bằng các dự án trong Khu công nghệ cao Hòa Lạc.",
    )
    districts = {d.name: legacy_district_code(d.gso_code) for d in hn.districts}
    out = [
        TransferSpec(
            "NV.LAND.004",
            "delegation",
            CITY_PC,
            dt.date(2024, 1, 1),
            doc,
            to_unit_code=code,
            term_end=dt.date(2026, 12, 31),
            synthetic=True,
            conditions="Chỉ trong phạm vi Khu công nghệ cao Hòa Lạc.",
        )
        for name, code in sorted(districts.items())
        if name in ("Huyện Thạch Thất", "Huyện Quốc Oai")
    ]
    absorbed = [a for m in hn.jan2025 for a in m.absorbed][:3]
    doc2 = _doc(
        "88/QĐ-UBND",
        dt.date(2023, 11, 1),
        "committee_decision",
        "Ủy quyền chứng thực cho một số xã, phường.",
    )
    out += [
        TransferSpec(
            "TTHC.ORGA.0001",
            "delegation",
            CITY_PC,
            dt.date(2024, 1, 1),
            doc2,
            to_unit_code=absorbed_code(a.key),
            term_end=dt.date(2026, 12, 31),
            synthetic=True,
        )
        for a in absorbed
    ]
    out += [
        TransferSpec(
            code,
            "decentralization",
            CITY_PC,
            dt.date(2025, 1, 1),
            CAPITAL_LAW,
            to_unit_code="HN.BQL.HOALAC",
            conditions="Trong phạm vi Khu công nghệ cao Hòa Lạc.",
            reporting_duty="Báo cáo UBND Thành phố theo quy định.",
        )
        for code, _n in HOA_LAC_POWERS
    ]
    return out


def build_register(hn: Any) -> dict[str, int]:
    """The register before the 2025 reorganizations (call after the Hòa Lạc board exists)."""
    rng = random.Random(SEED)
    powers = _powers()
    powers_create(specs=powers, acting_user=None)
    specs = _specs(powers, rng) + _named(hn, rng)
    created = transfers_create(specs=specs, acting_user=None)
    return {"powers": len(powers), "transfers": len(created)}


def apply_two_tier() -> dict[str, int]:
    """01/07/2025: 3076/QĐ-UBND moves 331 district-level procedures to the communes, a
    resolution moves 60 tasks; each district-era transfer ends by the act replacing it."""
    day = dt.date(2025, 7, 1)
    district = list(
        Transfer.objects.filter(to_class="district_level", valid_to__isnull=True)
        .select_related("power")
        .order_by("power__code")
    )
    procs = [t for t in district if t.power.kind == "procedure"][:MOVED_TO_COMMUNES]
    tasks = [t for t in district if t.power.kind == "task"][:TASKS_TO_COMMUNES]
    resolution = _doc(
        "25/2025/NQ-HĐND",
        dt.date(2025, 6, 24),
        "council_resolution",
        "Phân cấp nhiệm vụ cho chính quyền cấp xã khi tổ chức chính quyền hai cấp.",
    )
    specs = []
    for group, doc in ((procs, DECISION_3076), (tasks, resolution)):
        transfers_end(
            transfer_ids=[t.pk for t in group],
            on=day,
            document=doc,
            acting_user=None,
            reason="Chính quyền địa phương hai cấp",
        )
        specs += [
            TransferSpec(
                t.power.code,
                "decentralization",
                CITY_PC,
                day,
                doc,
                to_class="commune_level",
                synthetic=True,
                review_on=dt.date(2026, 7, 1),
            )
            for t in group
        ]
    created = transfers_create(specs=specs, acting_user=None)
    old = LegalDocument.objects.filter(number="31/2021/QĐ-UBND").first()
    if old is not None:  # a district-era decision superseded: listed as basis replaced
        new = LegalDocument.objects.get(number=DECISION_3076.number)
        legal_document_replace(document=old, replaced_by=new, acting_user=None)
    return {"moved": len(created)}


def delegation_wipe() -> None:
    """Empty the register: only for rebuilding the demo database from scratch."""
    from bienche.delegation.models import Power, Review

    Review.objects.all().delete()
    Transfer.objects.filter(carried_from__isnull=False).update(carried_from=None)
    Transfer.objects.filter(parent__isnull=False).update(parent=None)
    Transfer.objects.all().delete()
    Power.objects.all().delete()
    LegalDocument.objects.filter(replaced_by__isnull=False).update(replaced_by=None)
    LegalDocument.objects.all().delete()
