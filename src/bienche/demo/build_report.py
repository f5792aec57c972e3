"""The one-paragraph report ``bienche demo`` prints when the build is done."""

from __future__ import annotations

from bienche.demo.steering import steering_summary


def recruit_report(recruit: dict | None) -> str:
    if not recruit:
        return ""
    return (
        f" Recruitment 2023 (synthetic): {recruit['candidates']} candidates, "
        f"{recruit['appointed']} recruited, {recruit['heads']} head of division appointed."
    )


def demo_report(  # type: ignore[no-untyped-def]
    hn, n_jan: int, n_groups: int, park: dict | None, deleg: dict | None, *, steering: bool
) -> str:
    report = (
        f"Hà Nội demo built: {len(hn.districts)} district-level and {len(hn.communes)} "
        f"commune-level units before 01/07/2025, {len(hn.new_communes)} after; "
        f"{n_jan} absorptions on 01/01/2025; {n_groups} rearrangement events on 01/07/2025."
    )
    if park is not None:
        report += f" Hòa Lạc: {park['projects']} projects and prospects."
    if deleg is not None:
        report += (
            f" Delegation: {deleg['powers']:,} powers, {deleg['transfers']:,} transfers, "
            f"{deleg['moved']} moved to communes on 01/07/2025."
        )
    if steering:
        s = steering_summary()
        report += (
            f" Steering: {s['documents']} documents, {s['tasks']:,} tasks ({s['open']:,} open),"
            f" {s['events']:,} task events."
        )
    return report
