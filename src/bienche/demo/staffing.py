"""Synthetic staffing for the Hà Nội demo: positions, quotas and a roster of ~160,000.

Calibrated to the published 2025 figures (../shared/facts §6, encoded here): 7,940
administrative civil servants (city and district level), 117,555 budget-paid public
employees, 22,838 contract workers, ~12,300 commune-level officials; education and health
dominate public employees. People, names, ages and steps are synthetic (seeded), and every
person row is flagged synthetic. The roster is loaded through the same rows loader as the
XLSX import, so it obeys the same rules.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from bienche.staffing.ranks import rank_catalogue
from bienche.staffing.roster_parse import ParsedRoster
from bienche.staffing.services.positions import position_create
from bienche.staffing.services.roster_import import roster_load_rows

START = dt.date(2021, 1, 1)
SEED = 2026
TARGETS = {
    "civil_servant_city": 5390,
    "civil_servant_district": 2550,
    "public_employee": 117_555,
    "contract": 22_838,
    "commune_official": 12_313,
}
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Đào",
    "Đinh",
    "Trịnh",
]
MIDDLE = {"M": ["Văn", "Đức", "Minh", "Quang", "Hữu"], "F": ["Thị", "Thu", "Ngọc", "Thanh"]}
GIVEN = {
    "M": ["Hùng", "Dũng", "Nam", "Tuấn", "Hải", "Long", "Sơn", "Bình", "Quân", "Khánh"],
    "F": ["Lan", "Hương", "Mai", "Hà", "Linh", "Trang", "Hạnh", "Yến", "Thảo", "Ngân"],
}


@dataclass(frozen=True)
class Post:
    """A kind of post in a unit: position code, title, category, rank, people, leadership."""

    code: str
    title: str
    category: str
    rank: str
    count: int
    staff_category: str
    leadership_h: int = 0
    min_group: str = ""


def department_posts(size: int) -> list[Post]:
    cs = "civil_servant"
    return [
        Post("GD", "Giám đốc", "leadership", "01.001", 1, cs, 100, "A2.1"),
        Post("PGD", "Phó Giám đốc", "leadership", "01.002", 3, cs, 80, "A2.1"),
        Post("TP", "Trưởng phòng", "leadership", "01.002", 6, cs, 60, "A1"),
        Post("CV", "Chuyên viên nghiệp vụ", "professional", "01.003", max(size - 16, 5), cs),
        Post("KT", "Kế toán", "shared", "06.031", 2, cs),
        Post("VT", "Văn thư - lưu trữ", "support", "01.004", 4, cs),
    ]


def psu_posts(kind: str, size: int) -> list[Post]:
    pe, c = "public_employee", "contract"
    main = {
        "school": ("GV", "Giáo viên", "V.07.03.29"),
        "health": ("BS", "Bác sĩ", "V.08.01.03"),
        "other": ("VC", "Viên chức chuyên môn", "V.10.06.21"),
    }[kind]
    second = ("DD", "Điều dưỡng", "V.08.05.13") if kind == "health" else None
    n_contract = max(1, size * 16 // 100)
    n_main = size - n_contract - 1
    posts = [Post("TT", "Thủ trưởng đơn vị", "leadership", main[2], 1, pe, 50)]
    if second:
        posts += [
            Post(main[0], main[1], "professional", main[2], n_main * 2 // 5, pe),
            Post(second[0], second[1], "professional", second[2], n_main - n_main * 2 // 5, pe),
        ]
    else:
        posts.append(Post(main[0], main[1], "professional", main[2], n_main, pe))
    posts.append(Post("HD", "Hợp đồng hỗ trợ, phục vụ", "support", "HD.111", n_contract, c))
    return [p for p in posts if p.count > 0]


def commune_posts(size: int) -> list[Post]:
    co = "commune_official"
    return [
        # Decree 33/2023: chair 0.25, vice-chair 0.20 (params/leadership_allowance.yaml).
        Post("CT", "Chủ tịch UBND", "leadership", "01.002", 1, co, 25),
        Post("PCT", "Phó Chủ tịch UBND", "leadership", "01.003", 2, co, 20),
        Post("CC", "Công chức chuyên môn", "professional", "01.003", max(size - 3, 1), co),
    ]


class People:
    """Deterministic synthetic people: identifiers, names, ages, steps."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.n = 0
        self.scales = rank_catalogue().scales
        self.groups = {r.code: r.group for r in rank_catalogue().ranks.values()}

    def row(self, unit: str, post: Post) -> dict:
        self.n += 1
        rng = self.rng
        female = 0.7 if post.staff_category == "public_employee" else 0.45
        sex = "F" if rng.random() < female else "M"
        age = rng.triangular(23, 61, 44 if post.category != "leadership" else 52)
        birth = START - dt.timedelta(days=int(age * 365.25))
        group = self.groups[post.rank]
        scale = self.scales[group]
        step = min(scale.steps, 1 + int(max(0.0, age - 24) / (3 if group[0] == "A" else 2)))
        return {
            "row": self.n,
            "personal_id": f"0{self.n:011d}",
            "full_name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[sex])} "
            f"{rng.choice(GIVEN[sex])}",
            "birth_date": birth,
            "sex": sex,
            "education": "Đại học",
            "qualifications": "",
            "unit_code": unit,
            "position_code": post.code,
            "staff_category": post.staff_category,
            "rank_code": post.rank,
            "step": step,
            "coefficient": scale.coefficient_h(step),
            "last_step_date": START - dt.timedelta(days=rng.randrange(0, 1000)),
            "leadership": post.leadership_h,
            "sector_allowance": _sector(post.rank),
            "valid_from": START,
            "salary_group": group,
            "synthetic": True,
        }


def _sector(rank: str) -> int:
    return 35 if rank.startswith("V.07") else 40 if rank.startswith("V.08") else 0


def _spread(total: int, weights: list[float]) -> list[int]:
    """Integer sizes proportional to ``weights`` adding up to ``total`` exactly."""
    raw = [total * w / sum(weights) for w in weights]
    sizes = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: sizes[i] - raw[i])[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def plan_posts(units: list[tuple[str, str, str]], scale: float = 1.0) -> dict[str, list[Post]]:
    """Posts per unit code; ``units`` are (code, kind, sector) active on the start date.
    ``scale`` shrinks every target (tests use a small roster)."""
    rng = random.Random(SEED + 1)
    targets = {k: max(1, round(v * scale)) for k, v in TARGETS.items()}
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, kind, sector in units:
        by_kind[kind].append((code, sector))
    out: dict[str, list[Post]] = {}
    depts = by_kind["department"]
    for (code, _s), size in zip(
        depts,
        _spread(targets["civil_servant_city"], [rng.uniform(0.6, 1.6) for _ in depts]),
        strict=True,
    ):
        out[code] = department_posts(size)
    districts = [c for k in ("urban_district", "rural_district", "town") for c, _s in by_kind[k]]
    for code, size in zip(
        districts, _spread(targets["civil_servant_district"], [1.0] * len(districts)), strict=True
    ):
        out[code] = department_posts(size)
    communes = [c for k in ("ward", "commune", "township") for c, _s in by_kind[k]]
    for code, size in zip(
        communes,
        _spread(targets["commune_official"], [rng.uniform(0.8, 1.2) for _ in communes]),
        strict=True,
    ):
        out[code] = commune_posts(size)
    psus = by_kind["public_service_unit"]
    weight = {"education": 1.0, "health": 3.5}
    total = targets["public_employee"] + targets["contract"]
    sizes = _spread(total, [weight.get(s, 1.5) * rng.uniform(0.7, 1.3) for _c, s in psus])
    for (code, sector), size in zip(psus, sizes, strict=True):
        kind = "school" if sector == "education" else "health" if sector == "health" else "other"
        out[code] = psu_posts(kind, max(size, 4))
    return out


def roster_rows(posts: dict[str, list[Post]]) -> Iterator[dict]:
    people = People()
    for unit in sorted(posts):
        for post in posts[unit]:
            for _ in range(post.count):
                yield people.row(unit, post)


def build_staffing(units: list[tuple[str, str, str]], scale: float = 1.0) -> dict[str, int]:
    """Positions for every unit, then the roster (all-or-nothing rows loader)."""
    posts = plan_posts(units, scale)
    for unit, unit_posts in sorted(posts.items()):
        for p in unit_posts:
            position_create(
                unit_code=unit,
                code=p.code,
                title=p.title,
                category=p.category,
                headcount=p.count,
                min_group=p.min_group,
                valid_from=START,
                acting_user=None,
            )
    parsed = ParsedRoster(rows=list(roster_rows(posts)))
    report = roster_load_rows(parsed=parsed, acting_user=None, source="demo roster (synthetic)")
    if not report.ok:
        first = report.problems[0]
        raise RuntimeError(f"demo roster refused: row {first.row} {first.column}: {first.en}")
    return {"people": report.people_created, "positions": sum(len(p) for p in posts.values())}


def quota_rows_for_year(year: int, basis: str) -> list:
    """Quotas of every unit with staff on 1 January, and of its ancestors (sum of children
    plus a 1 % reserve), on a streamlining path: 105 % of actual staff in 2021, −1.2 points a
    year. Synthetic, like the roster it follows."""
    import math

    from django.db.models import Count

    from bienche.core.dating import q_valid_on
    from bienche.staffing.enums import QUOTA_OF_CATEGORY, StaffCategory
    from bienche.staffing.models import Assignment
    from bienche.staffing.services.quota_bulk import QuotaRow

    day = dt.date(year, 1, 1)
    tree = unit_tree_as_of(day)
    factor = 1.05 - 0.012 * (year - 2021)
    own: dict[tuple[int, str], int] = defaultdict(int)
    for uid, cat, n in (
        Assignment.objects.filter(q_valid_on(day))
        .values_list("unit_id", "staff_category")
        .annotate(n=Count("id"))
        .order_by()
    ):
        own[(uid, QUOTA_OF_CATEGORY[StaffCategory(cat)])] += math.ceil(n * factor)
    from bienche.staffing.models import Quota

    for uid, kind in Quota.objects.filter(q_valid_on(day)).values_list("unit_id", "kind"):
        if uid in tree.by_id:
            own.setdefault((uid, kind), 0)  # the yearly decision covers every holder
    totals = dict(own)
    reserves: dict[tuple[int, str], int] = {}
    for node in reversed(tree.walk()):
        for kind in QUOTA_OF_CATEGORY.values():
            below = sum(totals.get((c.unit_id, kind), 0) for c in node.children)
            if below:
                reserves[(node.unit_id, kind)] = math.ceil(below * 0.01)
                totals[(node.unit_id, kind)] = (
                    own.get((node.unit_id, kind), 0) + below + reserves[(node.unit_id, kind)]
                )
    return [
        QuotaRow(
            unit_code=tree.by_id[uid].code,
            kind=kind,
            amount=amount,
            reserve=reserves.get((uid, kind), 0),
            valid_from=day,
            basis_number=basis,
            basis_date=day - dt.timedelta(days=20),
        )
        for (uid, kind), amount in sorted(totals.items())
    ]


def unit_tree_as_of(day: dt.date):  # type: ignore[no-untyped-def]
    from bienche.org.selectors import unit_tree_as_of as tree

    return tree(day)
