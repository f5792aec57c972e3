"""The Hòa Lạc Hi-Tech Park demo: its 1,586 ha in eight zones, investors and projects
calibrated to the published totals, the pipeline of prospects, obstacles and targets.

Real, from the facts: the park's area (1,586 ha, Decision 899/QĐ-TTg), its eight functional
zones, the handover (Resolution 119/NQ-CP of 01/08/2023; the board by Decision 1168/QĐ-TTg;
handed over on 24/11/2023), the totals — 104 projects in 07/2023; 109 projects (95 domestic,
14 foreign) and about 115,500 billion VND in 2024; about 14,500 workers; projects on about
380 ha — and Viettel's commitment of 12,000 billion VND. Synthetic, and labelled so: the
split of the area between zones, every other investor and project, dates, capital per
project, disbursements, exchange rates (approximate yearly rates), obstacles and targets.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from bienche.core.clock import today
from bienche.demo.hoalac_data import (
    AREA_2024,
    CAPITAL_2024,
    FOREIGN,
    FOREIGN_2024,
    KINDS,
    LICENSED_2024,
    PLAN,
    SECTOR_ZONE,
    SEED,
    USD_RATE,
    VIETTEL,
    WORDS,
    WORKERS,
    ZONES,
)
from bienche.demo.hoalac_obstacles import build_obstacles, build_targets
from bienche.investment.enums import Pipeline, Sector, Stage
from bienche.investment.models import Zone, ZoneLand
from bienche.investment.services.capital import certificate_record, disbursement_record
from bienche.investment.services.edits import project_drop
from bienche.investment.services.investors import investor_create
from bienche.investment.services.obstacles import stuck_scan
from bienche.investment.services.projects import ProjectSpec, project_create, stage_advance


def hoalac_wipe() -> None:
    """Delete the park's data (before the steering tasks its obstacles point to)."""
    from bienche.investment import models as im

    for model in (im.Obstacle, im.Disbursement, im.Certificate, im.ProjectStage, im.Project):
        model.objects.all().delete()
    for model in (im.Meeting, im.Investor, im.ZoneLand, im.Zone, im.ExchangeRate, im.Target):
        model.objects.all().delete()


def _zones() -> None:
    for i, (code, name, uses) in enumerate(ZONES, start=1):
        zone = Zone.objects.create(code=code, name=name, position=i)
        ZoneLand.objects.bulk_create(
            [
                ZoneLand(zone=zone, use=u, planned_ha=Decimal(ha), source=PLAN)
                for u, ha in uses.items()
            ]
        )


def _split(total: int, n: int, rng: random.Random) -> list[int]:
    """``n`` positive parts summing exactly to ``total`` (lognormal shares)."""
    weights = [rng.lognormvariate(0, 1.1) for _ in range(n)]
    parts = [int(total * w / sum(weights)) for w in weights]
    parts[0] += total - sum(parts)
    return parts


def _registration_dates(rng: random.Random) -> list[dt.date]:
    """109 dates: 104 before 07/2023, two more in 2023, three in 2024 (the published counts)."""
    early = sorted(dt.date(2001, 1, 1) + dt.timedelta(days=rng.randrange(8100)) for _ in range(104))
    later = [
        dt.date(2023, 8, 15),
        dt.date(2023, 11, 30),
        dt.date(2024, 3, 20),
        dt.date(2024, 7, 8),
        dt.date(2024, 10, 21),
    ]
    return [min(d, dt.date(2023, 6, 20)) for d in early] + later


def _name(rng: random.Random) -> str:
    return f"{rng.choice(KINDS)} {rng.choice(WORDS)} {rng.choice(WORDS)} (giả lập)"


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.n = rng, 0

    def code(self) -> str:
        self.n += 1
        return f"HL-{self.n:03d}"

    def walk(
        self,
        p,
        stop: str,
        start: dt.date,
        capital: int,
        rate: int | None,
        reg_on: dt.date | None = None,
        last_on: dt.date | None = None,
    ):  # type: ignore[no-untyped-def]
        """Advance ``p`` from its first stage (entered on ``start``) to ``stop``. With
        ``reg_on``, the stages before investment registration are spread between ``start``
        and it; later stages follow at random intervals, never in the future."""
        from bienche.investment.enums import PIPELINE_STAGES

        sequence = PIPELINE_STAGES[p.pipeline]
        steps = sequence[1 : sequence.index(stop) + 1]
        before = sequence.index(Stage.REGISTRATION) if Stage.REGISTRATION in sequence else 0
        day = start
        for k, stage in enumerate(steps, start=1):
            if reg_on is not None and k <= before:
                day = start + (reg_on - start) * k / before
            elif reg_on is not None and last_on is not None and last_on > reg_on:
                day = reg_on + (last_on - reg_on) * (k - before) / (len(steps) - before)
            else:
                day = min(day + dt.timedelta(days=self.rng.randint(30, 240)), today())
            if stage == Stage.REGISTRATION:
                amount = capital if rate is None else round(capital / rate)
                certificate_record(
                    project=p,
                    number=f"{self.n}/GCNĐT-BQLCNC",
                    issued_on=day,
                    amount=amount,
                    currency="VND" if rate is None else "USD",
                    rate_vnd=rate,
                    acting_user=None,
                )
                p.refresh_from_db()
            p = stage_advance(
                project=p,
                stage=stage,
                on=day,
                next_step="Theo dõi bước tiếp theo",
                next_step_days=self.rng.randint(5, 40),
                acting_user=None,
            )
        return p


def build_hoalac_demo(step: Callable[[str], None]) -> dict[str, int]:
    rng = random.Random(SEED)
    _zones()
    b = _Builder(rng)
    dates = _registration_dates(rng)
    dates.insert(0, dates.pop())  # Viettel's commitment came after 07/2023 (the published totals)
    capitals = [VIETTEL, *_split(CAPITAL_2024 - VIETTEL, LICENSED_2024 - 1, rng)]
    areas = _split(AREA_2024 * 10, LICENSED_2024, rng)  # tenths of a hectare
    foreign = set(rng.sample(range(1, LICENSED_2024), FOREIGN_2024))
    viettel = investor_create(
        name="Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)",
        country="VN",
        sector=Sector.RESEARCH,
        acting_user=None,
    )
    jobs = _split(WORKERS, LICENSED_2024, rng)
    for i in range(LICENSED_2024):
        sector = Sector.RESEARCH if i == 0 else rng.choice(list(SECTOR_ZONE))
        zone, use = SECTOR_ZONE[sector]
        country = FOREIGN[len([f for f in foreign if f < i])] if i in foreign else "VN"
        inv = (
            viettel
            if i == 0
            else investor_create(
                name=_name(rng),
                country=country,
                sector=sector,
                synthetic=True,
                confirm_distinct=True,
                acting_user=None,
            )
        )
        reg = dates[i]
        stop = _licensed_stop(rng, reg)
        p = project_create(
            spec=ProjectSpec(
                code=b.code(),
                name=f"Dự án {inv.name.split(' (')[0]} tại Hòa Lạc"
                if i
                else "Trung tâm nghiên cứu, sản xuất công nghệ cao Viettel (cam kết 12.000 tỷ)",
                investor_id=inv.pk,
                pipeline=Pipeline.NEW,
                sector=sector,
                stage_on=reg - dt.timedelta(days=400),
                zone_code=zone,
                land_use=use,
                land_ha=Decimal(areas[i]) / 10,
                jobs_planned=jobs[i] * 2,
                jobs_created=jobs[i] if stop == Stage.OPERATION else 0,
                next_step="Làm việc với nhà đầu tư",
                synthetic=True,
            ),
            acting_user=None,
        )
        rate = USD_RATE[reg.year] if i in foreign else None
        recent = today() - dt.timedelta(days=rng.randint(60, 330))
        last = None if stop == Stage.OPERATION else recent
        p = b.walk(
            p, stop, reg - dt.timedelta(days=400), capitals[i], rate, reg_on=reg, last_on=last
        )
        _disburse(p, capitals[i], stop, rate, rng)
    step(f"  Hòa Lạc: {LICENSED_2024} licensed projects")
    _prospects(b, rng)
    build_obstacles(rng)
    build_targets()
    stuck = stuck_scan(acting_user=None)
    step(f"  Hòa Lạc: prospects, obstacles ({len(stuck)} stuck projects flagged), targets")
    return {"projects": b.n}


def _licensed_stop(rng: random.Random, reg: dt.date) -> str:
    if reg.year >= 2024:
        return rng.choice([Stage.REGISTRATION, Stage.LAND])
    roll = rng.random()
    return Stage.OPERATION if roll < 0.68 else Stage.CONSTRUCTION if roll < 0.92 else Stage.LAND


def _disburse(p, capital: int, stop: str, rate: int | None, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    share = {Stage.OPERATION: (0.6, 0.95), Stage.CONSTRUCTION: (0.2, 0.6), Stage.LAND: (0.0, 0.12)}
    low, high = share.get(stop, (0, 0))
    amount = int(capital * rng.uniform(low, high)) // 10**6 * 10**6
    if amount <= 0:
        return
    cert = p.certificates.order_by("amendment").first()
    start = cert.issued_on
    for part, k in zip(_split(amount, 3, rng), range(3), strict=True):
        day = min(start + dt.timedelta(days=120 * (k + 1)), today())
        disbursement_record(project=p, on=day, amount=part, acting_user=None)
        p.refresh_from_db()


def _prospects(b: _Builder, rng: random.Random) -> None:
    """Open prospects (some stuck, some with overdue next steps), partners, drops, and the
    registrations of 2025–2026 that took the capital towards 121,000 billion VND."""
    plan = [(Stage.LEAD, 7), (Stage.CONTACTED, 6), (Stage.SITE_VISIT, 5), (Stage.MOU, 6)]
    now = today()
    for stage, n in plan:
        for _ in range(n):
            sector = rng.choice(list(SECTOR_ZONE))
            zone, use = SECTOR_ZONE[sector]
            foreign = rng.random() < 0.35
            inv = investor_create(
                name=_name(rng),
                country=rng.choice(FOREIGN) if foreign else "VN",
                sector=sector,
                synthetic=True,
                confirm_distinct=True,
                acting_user=None,
            )
            start = now - dt.timedelta(days=rng.randint(60, 520))
            p = project_create(
                spec=ProjectSpec(
                    code=b.code(),
                    name=f"Dự án {inv.name.split(' (')[0]} (tiềm năng)",
                    investor_id=inv.pk,
                    sector=sector,
                    stage_on=start,
                    zone_code=zone,
                    land_use=use,
                    land_ha=Decimal(rng.randint(5, 60)) / 10,
                    jobs_planned=rng.randint(50, 800),
                    next_step="Gửi thư mời làm việc",
                    next_step_days=rng.randint(5, 60),
                    synthetic=True,
                ),
                acting_user=None,
            )
            b.walk(p, stage, start, 0, None)
    for label, stop in (
        ("Viện Nghiên cứu Trí tuệ nhân tạo", Stage.MOU),
        ("Đại học Công nghệ", Stage.OPERATION),
    ):
        inv = investor_create(
            name=f"{label} (đối tác, giả lập)",
            country="VN",
            sector=Sector.EDUCATION,
            synthetic=True,
            confirm_distinct=True,
            acting_user=None,
        )
        p = project_create(
            spec=ProjectSpec(
                code=b.code(),
                name=f"Hợp tác đào tạo, nghiên cứu với {label}",
                investor_id=inv.pk,
                pipeline=Pipeline.PARTNER,
                sector=Sector.EDUCATION,
                stage_on=dt.date(2024, 1, 10),
                next_step="Ký kế hoạch hợp tác",
                synthetic=True,
            ),
            acting_user=None,
        )
        b.walk(p, stop, dt.date(2024, 1, 10), 0, None)
    for k in range(4):
        inv = investor_create(
            name=_name(rng),
            country="VN",
            sector=Sector.SERVICES,
            synthetic=True,
            confirm_distinct=True,
            acting_user=None,
        )
        start = dt.date(2023, 3, 1) + dt.timedelta(days=90 * k)
        p = project_create(
            spec=ProjectSpec(
                code=b.code(),
                name=f"Dự án dịch vụ {k + 1} (đã dừng)",
                investor_id=inv.pk,
                sector=Sector.SERVICES,
                stage_on=start,
                next_step="Làm việc",
                synthetic=True,
            ),
            acting_user=None,
        )
        p = b.walk(p, Stage.SITE_VISIT, start, 0, None)
        project_drop(
            project=p,
            on=min(p.stage_since + dt.timedelta(days=200), today()),
            reason="Nhà đầu tư không tiếp tục",
            acting_user=None,
        )
    for day, capital in (
        (dt.date(2025, 4, 18), 2_900),
        (dt.date(2025, 11, 6), 1_700),
        (dt.date(2026, 5, 12), 900),
    ):
        sector = Sector.SOFTWARE if capital < 2000 else Sector.INDUSTRY
        zone, use = SECTOR_ZONE[sector]
        inv = investor_create(
            name=_name(rng),
            country="VN",
            sector=sector,
            synthetic=True,
            confirm_distinct=True,
            acting_user=None,
        )
        start = day - dt.timedelta(days=400)
        p = project_create(
            spec=ProjectSpec(
                code=b.code(),
                name=f"Dự án {inv.name.split(' (')[0]}",
                investor_id=inv.pk,
                sector=sector,
                stage_on=start,
                zone_code=zone,
                land_use=use,
                land_ha=Decimal(4),
                jobs_planned=600,
                next_step="Làm việc",
                synthetic=True,
            ),
            acting_user=None,
        )
        b.walk(p, Stage.REGISTRATION, start, capital * 10**9, None, reg_on=day)
