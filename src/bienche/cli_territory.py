"""`bienche territory …`: the check and the merge proposal.

Glue only; logic lives in ``bienche.territory``. Exit codes are those of ``bienche.cli``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _warn(rep: dict[str, Any]) -> None:
    """The round-period warning goes to stderr (JSON output also carries it)."""
    if rep.get("warning"):
        sys.stderr.write(rep["warning"] + "\n")


def cmd_territory_check(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.territory.report import check_report

    rep = check_report(round_code=args.round, on=args.as_of or today(), parent_code=args.parent)
    _warn(rep)
    if args.format == "json":
        _out(json.dumps(rep, ensure_ascii=False, indent=2))
        return 0
    _out(f"Đợt {rep['round']['code']} — ngày {rep['on']}: {rep['counts']}")
    for u in rep["units"]:
        if u["status"] != "compliant":
            _out(
                f"  {u['status']:<10} {u['code']:<16} {u['name'][:30]:<30} "
                f"{u['area_km2']:>8.2f} km² ({u['area_pct']:.0f}%) "
                f"{u['population']:>8,} người ({u['population_pct']:.0f}%) {u['reason']}"
            )
    return 0


def cmd_territory_propose(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.territory.report import proposal_report

    rep = proposal_report(
        round_code=args.round,
        parent_code=args.parent,
        on=args.as_of or today(),
        pinned=tuple(args.pin or ()),
        forbidden=tuple(args.forbid or ()),
        alternatives=args.alternatives,
        max_units=args.max_units,
    )
    _warn(rep)
    if args.format == "json":
        _out(json.dumps(rep, ensure_ascii=False, indent=2))
        return 0
    _out(
        f"Đợt {rep['round']['code']}, {rep['parent']}: {rep['units']} đơn vị, "
        f"{len(rep['must'])} thuộc diện phải sắp xếp; {rep['candidates']:,} phương án nhập"
    )
    for p in rep["proposals"]:
        i = p["impact"]
        _out(
            f"Phương án {p['rank']}{' (tối ưu)' if p['optimal'] else ''}: "
            f"{i['units_before']} → {i['units_after']} đơn vị, còn {len(p['left_noncompliant'])} "
            f"chưa đạt (cận dưới {p['lower_bound_left']}), dôi dư ước tính "
            f"{i['staff_surplus_estimate']} người"
        )
        for m in p["merges"]:
            names = " + ".join(x["name"] for x in m["members"])
            _out(f"    {names}: {m['area_km2']:.2f} km², {m['population']:,} người")
    return 0


def add_parsers(sub: Any, date_type: Any) -> None:
    tr = sub.add_parser("territory", help="administrative units: check and merge proposals")
    tr_sub = tr.add_subparsers(dest="territory_command", required=True)

    ck = tr_sub.add_parser("check", help="units a round obliges or encourages to rearrange")
    ck.add_argument("--round", required=True, help="e.g. nq35-2023, two-tier-2025")
    ck.add_argument("--as-of", type=date_type, help="default: today")
    ck.add_argument("--parent", help="only units under this unit code")
    ck.add_argument("--format", choices=["text", "json"], default="text")
    ck.add_argument("--db", default=argparse.SUPPRESS)
    ck.set_defaults(func=cmd_territory_check)

    pr = tr_sub.add_parser("propose", help="merges of adjacent units that meet the round")
    pr.add_argument("--round", required=True)
    pr.add_argument("--parent", required=True, help="unit code, e.g. HN or HN.H.001")
    pr.add_argument("--as-of", type=date_type, help="default: today")
    pr.add_argument("--pin", action="append", help="CODE+CODE: must end in one merge")
    pr.add_argument("--forbid", action="append", help="CODE+CODE: may not share a merge")
    pr.add_argument("--alternatives", type=int, default=3, choices=range(1, 6), metavar="1-5")
    pr.add_argument(
        "--max-units", type=int, choices=range(2, 9), metavar="2-8", help="default: the round's"
    )
    pr.add_argument("--format", choices=["text", "json"], default="text")
    pr.add_argument("--db", default=argparse.SUPPRESS)
    pr.set_defaults(func=cmd_territory_propose)

    from bienche.cli_territory_more import add_more_parsers

    add_more_parsers(tr_sub, date_type)
