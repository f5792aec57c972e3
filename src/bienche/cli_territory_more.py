"""`bienche territory save|proposals|show|adopt|import-boundaries|import-adjacency`.

Glue only; logic lives in ``bienche.territory``. The CLI acts as the system (no user)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _impact_lines(d: dict[str, Any]) -> list[str]:
    i = d["impact"]
    lines = [
        f"Phương án số {d['id']} ({d['status']}), đợt {d['round']}, {d['parent']}, "
        f"số liệu ngày {d['as_of']}",
        f"  Đơn vị: {i['units_before']} → {i['units_after']}; trụ sở: {i['offices_before']} → "
        f"{i['offices_after']}; cán bộ trong các đơn vị nhập: {i['staff_in_merged_units']}; "
        f"biên chế chuyển: {i['quotas_carried']}; nhiệm vụ đang mở: {i['open_tasks_carried']}; "
        f"lãnh đạo vượt định mức: {i['leadership_surplus']}",
    ]
    for g in i["groups"]:
        lines.append(
            f"  {g['new_code']} {g['new_name']}: {' + '.join(g['members'])} — "
            f"{g['area_km2']:.2f} km², {g['population']:,} người, {g['staff']} cán bộ"
        )
    return lines


def cmd_territory_save(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.clock import today
    from bienche.territory.impact import saved_proposal_dict
    from bienche.territory.services.proposals import proposal_save

    saved = proposal_save(
        round_code=args.round,
        parent_code=args.parent,
        on=args.as_of or today(),
        pinned=tuple(args.pin or ()),
        forbidden=tuple(args.forbid or ()),
        max_units=args.max_units,
        rank=args.rank,
        acting_user=None,
    )
    return _show(saved_proposal_dict(saved, impact=True), args.format)


def _show(d: dict[str, Any], fmt: str) -> int:
    if d.get("warning"):
        sys.stderr.write(d["warning"] + "\n")
    if fmt == "json":
        _out(json.dumps(d, ensure_ascii=False, indent=2, default=str))
    else:
        _out("\n".join(_impact_lines(d)))
    return 0


def cmd_territory_show(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.territory.impact import saved_proposal_dict
    from bienche.territory.services.proposals import proposal_get

    return _show(saved_proposal_dict(proposal_get(args.proposal), impact=True), args.format)


def cmd_territory_proposals(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.territory.impact import saved_proposal_dict, saved_proposals

    rows = [saved_proposal_dict(p) for p in saved_proposals()]
    if args.format == "json":
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        _out(
            f"{r['id']:>5} {r['status']:<8} {r['round']:<14} {r['parent']:<12} {r['as_of']} "
            f"{len(r['groups'])} đơn vị mới {r['basis_number']}"
        )
    return 0


def cmd_territory_adopt(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.territory.impact import saved_proposal_dict
    from bienche.territory.services.proposals import proposal_adopt

    p = proposal_adopt(
        proposal_id=args.proposal,
        basis_number=args.basis,
        basis_date=args.basis_date,
        effective_on=args.effective,
        issuer=args.issuer,
        acting_user=None,
    )
    d = saved_proposal_dict(p)
    if args.format == "json":
        _out(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    _out(f"Đã thông qua phương án số {p.pk} theo {p.basis_number}, hiệu lực {p.effective_on}:")
    for g in d["groups"]:
        _out(f"  {' + '.join(g['members'])} → {g['new_code']}")
    return 0


def cmd_territory_import_boundaries(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.territory.services.boundaries_import import boundaries_import

    path = Path(args.file)
    out = boundaries_import(
        data=path.read_bytes(), source=path.name, acting_user=None, area_as_of=args.area_as_of
    )
    _out(
        f"{out['units']} đơn vị, {out['adjacency']} cặp liền kề (theo cạnh chung), "
        f"{out['records']} bản ghi diện tích"
    )
    return 0


def cmd_territory_import_adjacency(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.territory.services.boundaries_import import adjacency_list_import

    path = Path(args.file)
    out = adjacency_list_import(data=path.read_bytes(), source=path.name, acting_user=None)
    _out(f"{out['units']} đơn vị, {out['adjacency']} cặp liền kề")
    return 0


def _common(p: Any, date_type: Any) -> None:
    p.add_argument("--round", required=True)
    p.add_argument("--parent", required=True)
    p.add_argument("--as-of", type=date_type, help="default: today")
    p.add_argument("--pin", action="append", help="CODE+CODE")
    p.add_argument("--forbid", action="append", help="CODE+CODE")
    p.add_argument("--max-units", type=int, choices=range(2, 9), metavar="2-8")


def add_more_parsers(tr_sub: Any, date_type: Any) -> None:
    sv = tr_sub.add_parser("save", help="compute a proposal and save one alternative")
    _common(sv, date_type)
    sv.add_argument("--rank", type=int, default=1, choices=range(1, 6), metavar="1-5")
    sv.add_argument("--format", choices=["text", "json"], default="text")
    sv.add_argument("--db", default=argparse.SUPPRESS)
    sv.set_defaults(func=cmd_territory_save)

    ls = tr_sub.add_parser("proposals", help="saved proposals")
    ls.add_argument("--format", choices=["text", "json"], default="text")
    ls.add_argument("--db", default=argparse.SUPPRESS)
    ls.set_defaults(func=cmd_territory_proposals)

    sh = tr_sub.add_parser("show", help="a saved proposal and its impact")
    sh.add_argument("--proposal", type=int, required=True)
    sh.add_argument("--format", choices=["text", "json"], default="text")
    sh.add_argument("--db", default=argparse.SUPPRESS)
    sh.set_defaults(func=cmd_territory_show)

    ad = tr_sub.add_parser("adopt", help="adopt a saved proposal: merge events with the basis")
    ad.add_argument("--proposal", type=int, required=True)
    ad.add_argument("--basis", required=True, help="resolution number, e.g. 1234/NQ-UBTVQH15")
    ad.add_argument("--basis-date", type=date_type)
    ad.add_argument("--effective", type=date_type, required=True)
    ad.add_argument("--issuer", default="Ủy ban Thường vụ Quốc hội")
    ad.add_argument("--format", choices=["text", "json"], default="text")
    ad.add_argument("--db", default=argparse.SUPPRESS)
    ad.set_defaults(func=cmd_territory_adopt)

    ib = tr_sub.add_parser("import-boundaries", help="adjacency (and areas) from GeoJSON")
    ib.add_argument("file")
    ib.add_argument("--area-as-of", type=date_type, help="also write areas as of this date")
    ib.add_argument("--db", default=argparse.SUPPRESS)
    ib.set_defaults(func=cmd_territory_import_boundaries)

    ia = tr_sub.add_parser("import-adjacency", help="adjacency from a CSV list of code pairs")
    ia.add_argument("file")
    ia.add_argument("--db", default=argparse.SUPPRESS)
    ia.set_defaults(func=cmd_territory_import_adjacency)
