"""Build the Hà Nội demo dataset, deterministically, through the org services.

Timeline (each step one or more reorganization events with its legal basis):

1. 2020-01-01 baseline registration (one establish event): the city, its Party, Council and
   People's Committee, 21 agencies, mass organizations, a synthetic first layer of public
   service units, 30 district-level units and 579 commune-level units (the 526 of the
   package plus the units it records as absorbed on 01/01/2025).
2. 2023-10-10 the Hòa Lạc Hi-Tech Park board comes under the city (1168/QĐ-TTg).
3. 2025-01-01 communes absorbed under Resolution 1286/NQ-UBTVQH15 (reconstructed from the
   package's alias data; completeness stated in each event's summary).
4. 2025-03-01 21 → 16 agencies (People's Council resolution of 25/02/2025).
5. 2025-07-01 two-tier local government: 526 → 126 communes and wards (Resolution
   1656/NQ-UBTVQH15), one rearrange event per group of old and new units linked by the
   package's conversion map; the 30 district-level units are dissolved (Law 72/2025/QH15).

Steering (``demo.steering``) is played as a timeline alongside: its documents, tasks and
lifecycle events up to the eve of each 2025 step are written before the step, so tasks
still open then follow their unit to its successor; the rest is played after the step.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from bienche.core.audit import audit_purge_for_demo
from bienche.demo import city_bodies as cb
from bienche.demo.build_report import demo_report, recruit_report
from bienche.demo.codes import (
    BASELINE,
    BASELINE_ON,
    JAN_2025,
    JUL_2025,
    absorbed_code,
    legacy_commune_code,
    legacy_district_code,
)
from bienche.demo.delegation import apply_two_tier, build_register, delegation_wipe
from bienche.demo.hanoi_units import HanoiUnits, load_hanoi
from bienche.demo.hoalac import build_hoalac_demo, hoalac_wipe
from bienche.demo.pricing import build_pricing_demo, pricing_wipe
from bienche.demo.recruitment import build_recruitment_demo, recruitment_wipe
from bienche.demo.reform_2025 import apply_jan_2025, apply_july_2025
from bienche.demo.staffing import START as START_STAFFING
from bienche.demo.staffing import build_staffing
from bienche.demo.steering import SteeringDemo, build_steering_demo, steering_wipe
from bienche.org.enums import Role
from bienche.org.models import (
    EventParticipant,
    LineageEdge,
    Membership,
    ReorgEvent,
    Unit,
    UnitVersion,
)
from bienche.org.selectors import unit_tree_as_of
from bienche.org.services import (
    LegalBasis,
    UnitSpec,
    unit_absorb,
    unit_establish,
    unit_merge,
    unit_rename,
)
from bienche.org.services.access import membership_grant
from bienche.territory.demo import build_territory_demo, territory_wipe

DEMO_USERS = [
    ("admin", "bienche-demo-2026", Role.CITY_ADMIN, None),
    ("canbo.noivu", "bienche-demo-2026", Role.UNIT_OFFICER, "HN.S.NV"),
    ("xem", "bienche-demo-2026", Role.VIEWER, "HN"),
]


def demo_is_built() -> bool:
    return Unit.objects.filter(code="HN").exists()


def _wipe() -> None:
    from bienche.staffing.models import (
        Assignment,
        JobPosition,
        JobPositionVersion,
        Person,
        Quota,
    )

    pricing_wipe()
    hoalac_wipe()
    recruitment_wipe()
    territory_wipe()
    delegation_wipe()
    steering_wipe()
    for model in (Assignment, Person, JobPositionVersion, JobPosition, Quota):
        model.objects.all().delete()
    for model in (EventParticipant, LineageEdge, UnitVersion, Membership):
        model.objects.all().delete()
    Unit.objects.all().delete()
    ReorgEvent.objects.all().delete()
    audit_purge_for_demo()


class _Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled, self.t0 = enabled, time.perf_counter()

    def step(self, text: str) -> None:
        if self.enabled:
            print(f"  [{time.perf_counter() - self.t0:6.1f}s] {text}", flush=True)  # noqa: T201


def _quotas(p: _Progress, years) -> None:  # type: ignore[no-untyped-def]
    from bienche.demo.staffing import quota_rows_for_year
    from bienche.staffing.services.quota_bulk import quota_bulk_set

    for year in years:
        rows = quota_rows_for_year(year, f"QĐ giao biên chế năm {year} (giả lập)")
        quota_bulk_set(rows=rows, acting_user=None, reason=f"Giao biên chế năm {year}")
        p.step(f"  quotas {year}: {len(rows):,} rows")


def _units_on(day: dt.date) -> list[tuple[str, str, str]]:
    return [(n.code, n.kind, n.sector) for n in unit_tree_as_of(day).walk()]


def _steer(steer: SteeringDemo | None, before: dt.date | None, p: _Progress) -> None:
    """Play the steering timeline up to the eve of ``before`` (to today when None)."""
    if steer is not None:
        steer.play_until(before - dt.timedelta(days=1) if before else dt.date.max)


def build_demo(
    *,
    progress: bool = True,
    rebuild: bool = False,
    staffing: bool = True,
    steering: bool = True,
    hoalac: bool = True,
    delegation: bool = True,
    recruitment: bool = True,
    pricing: bool = True,
    territory: bool = True,
    scale: float = 1.0,
) -> str:
    """Build everything; returns a one-paragraph report. ``scale`` shrinks the synthetic
    roster and the synthetic steering history (tests use a small one)."""
    p = _Progress(progress)
    hn = load_hanoi()
    officers = [unit for _u, _p, role, unit in DEMO_USERS if role == Role.UNIT_OFFICER and unit]
    steer = build_steering_demo(p.step, scale, focus=officers) if steering else None
    with transaction.atomic():
        if rebuild:
            _wipe()
        p.step("baseline 2020-01-01")
        unit_establish(
            specs=list(_baseline_specs(hn)), on=BASELINE_ON, basis=BASELINE, acting_user=None
        )
        p.step("Hòa Lạc board 2023-10-10")
        _hoa_lac()
        if staffing:
            p.step("staffing 2021: positions and roster (synthetic)")
            staff = build_staffing(_units_on(START_STAFFING), scale)
            p.step(f"  {staff['people']:,} people, {staff['positions']:,} positions")
            _quotas(p, range(2021, 2024))
        recruit = None
        if staffing and recruitment:
            p.step("recruitment 2023: city exams and a head-of-division selection (synthetic)")
            recruit = build_recruitment_demo(p.step)
        if staffing:
            _quotas(p, [2024])
        if staffing:
            _quotas(p, [2025])
        if delegation:
            p.step("delegation register (district era)")
            deleg = build_register(hn)
        _steer(steer, JAN_2025, p)
        p.step("1 Jan 2025 commune mergers (Resolution 1286)")
        n_jan = apply_jan_2025(hn)
        _steer(steer, cb.DEPT_MERGER_ON, p)
        p.step("1 Mar 2025 departments 21 → 16")
        _departments_2025()
        _steer(steer, JUL_2025, p)
        p.step("1 Jul 2025 two-tier reform (Resolution 1656)")
        n_groups = apply_july_2025(hn)
        if delegation:
            deleg.update(apply_two_tier())
        if staffing:
            _quotas(p, [2026])
        _steer(steer, None, p)
        park = _today_apps(p, hn, hoalac=hoalac and steering, pricing=pricing, territory=territory)
    p.step("done")
    return demo_report(
        hn, n_jan, n_groups, park, deleg if delegation else None, steering=steering
    ) + recruit_report(recruit)


def _today_apps(
    p: _Progress, hn: HanoiUnits, *, hoalac: bool, pricing: bool, territory: bool
) -> dict | None:
    """The apps whose demo data is built on today's registry (after the 2025 reform)."""
    park = None
    if territory:
        p.step("territory: areas, populations (synthetic), adjacency (approximate)")
        build_territory_demo(p.step)
    if hoalac:
        p.step("Hòa Lạc Hi-Tech Park: zones, investors, projects, obstacles")
        park = build_hoalac_demo(p.step)
    if pricing:
        p.step("pricing: services, autonomy, preschool pilot (synthetic)")
        build_pricing_demo(hn, p.step)
    return park


def _baseline_specs(hn: HanoiUnits) -> Iterator[UnitSpec]:
    code, name, short = cb.CITY
    yield UnitSpec(code=code, name=name, short_name=short, kind="city", admin_code="01")
    for c, n, kind, sector in cb.PARTY:
        parent = "HN" if c == "HN.TU" else "HN.TU"
        yield UnitSpec(code=c, name=n, kind=kind, parent_code=parent, sector=sector, level="city")
    for c, n, kind in (cb.COUNCIL, cb.COMMITTEE):
        yield UnitSpec(code=c, name=n, kind=kind, parent_code="HN", level="city")
    for c, n in cb.MASS_ORGS:
        yield UnitSpec(code=c, name=n, kind="mass_organization", parent_code="HN", level="city")
    for c, n, sector in cb.DEPARTMENTS_2024:
        yield UnitSpec(
            code=c, name=n, kind="department", parent_code="HN.UBND", sector=sector, level="city"
        )
    for parent, suffix, n, sector in cb.PUBLIC_SERVICE_UNITS:
        yield UnitSpec(
            code=f"HN.DV.{suffix}",
            name=n,
            kind="public_service_unit",
            parent_code=parent,
            sector=sector,
            level="city",
            autonomy_level=3,
            synthetic=True,
        )
    yield from _territorial_specs(hn)
    yield from _school_specs(hn)


#: Synthetic schools under the Department of Education (296 preschools: the pilot's count).
SCHOOL_LAYERS = [
    ("MN", "Trường Mầm non", 296, 4),
    ("TH", "Trường Tiểu học", 250, 4),
    ("THCS", "Trường THCS", 150, 4),
]


def _school_specs(hn: HanoiUnits) -> Iterator[UnitSpec]:
    communes = list(hn.communes)
    for prefix, label, count, autonomy in SCHOOL_LAYERS:
        for c in communes[:count]:
            yield UnitSpec(
                code=f"HN.DV.{prefix}.{c.gso_code}",
                name=f"{label} {c.short_name}",
                kind="public_service_unit",
                parent_code="HN.S.GDDT",
                sector="education",
                level="city",
                autonomy_level=autonomy,
                synthetic=True,
            )


def _territorial_specs(hn: HanoiUnits) -> Iterator[UnitSpec]:
    for d in hn.districts:
        code = legacy_district_code(d.gso_code)
        yield UnitSpec(
            code=code,
            name=d.name,
            short_name=d.short_name,
            kind=d.kind,
            parent_code="HN",
            admin_code=d.gso_code,
        )
        yield UnitSpec(
            code=f"HN.DV.TTYT.{d.gso_code}",
            name=f"Trung tâm Y tế {d.name}",
            kind="public_service_unit",
            parent_code=code,
            sector="health",
            level="district",
            autonomy_level=3,
            synthetic=True,
        )
    former = {m.successor_gso_code: m.former for m in hn.jan2025 if m.former}
    for c in hn.communes:
        old = former.get(c.gso_code)
        yield UnitSpec(
            code=legacy_commune_code(c.gso_code),
            name=old.name if old else c.name,
            short_name=old.name.split(" ", 1)[1] if old else c.short_name,
            kind=c.kind,
            parent_code=legacy_district_code(c.district_gso_code),
            admin_code=c.gso_code,
        )
    district_of = {c.gso_code: c.district_gso_code for c in hn.communes}
    for merge in hn.jan2025:
        for a in merge.absorbed:
            yield UnitSpec(
                code=absorbed_code(a.key),
                name=a.name,
                kind=a.kind,
                parent_code=legacy_district_code(district_of[merge.successor_gso_code]),
            )


def _hoa_lac() -> None:
    h = cb.HOA_LAC
    unit_establish(
        specs=[
            UnitSpec(
                code=h["code"],
                name=h["name"],
                kind="management_board",
                parent_code="HN.UBND",
                sector="science",
                level="city",
            )
        ],
        on=h["on"],
        basis=LegalBasis(**h["basis"]),
        acting_user=None,
    )


def _departments_2025() -> None:
    basis = LegalBasis(**cb.DEPT_MERGER_BASIS)
    for preds, code, name, sector in cb.DEPT_MERGES:
        unit_merge(
            predecessor_codes=preds,
            successor=UnitSpec(
                code=code,
                name=name,
                kind="department",
                parent_code="HN.UBND",
                sector=sector,
                level="city",
            ),
            on=cb.DEPT_MERGER_ON,
            basis=basis,
            acting_user=None,
        )
    for absorbed, into in cb.DEPT_ABSORBS:
        unit_absorb(
            absorbed_codes=absorbed,
            into_code=into,
            on=cb.DEPT_MERGER_ON,
            basis=basis,
            acting_user=None,
        )
    for code, name in cb.DEPT_RENAMES:
        unit_rename(code=code, name=name, on=cb.DEPT_MERGER_ON, basis=basis, acting_user=None)


def ensure_demo_users() -> list[tuple[str, str, str]]:
    """Create the demo logins (idempotent) and return (user, password, role) to print."""
    user_model = get_user_model()
    out = []
    for username, password, role, unit in DEMO_USERS:
        user, created = user_model.objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.is_staff = role == Role.CITY_ADMIN
            user.save()
        with transaction.atomic():
            membership_grant(user=user, role=role, unit_code=unit, acting_user=None)
        out.append((username, password, f"{role}{' @ ' + unit if unit else ''}"))
    return out


def demo_summary() -> dict[str, Any]:
    return {"units": Unit.objects.count(), "events": ReorgEvent.objects.count()}
