"""The `bienche` command: demo, serve, org queries, tokens, and Django management.

Exit codes: 0 success; 2 usage error; 3 not found; 4 invalid input; 1 anything else.
The database comes from --db (a SQLite file) or DATABASE_URL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

EXIT_NOT_FOUND, EXIT_INVALID = 3, 4


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {value!r} (expected YYYY-MM-DD) / ngày không hợp lệ"
        ) from None


def _setup(db: str | None) -> None:
    if db:
        # Hand the choice to settings.py through its one documented input, before it loads;
        # the environment is still *read* only there.
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(db).resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
    import django

    django.setup()


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=verbosity, interactive=False)


def cmd_demo(args: argparse.Namespace) -> int:
    _setup(args.db)
    _migrate()
    from bienche.demo.build import build_demo, demo_is_built, ensure_demo_users

    if args.rebuild or not demo_is_built():
        report = build_demo(progress=not args.quiet, rebuild=args.rebuild)
        print(report)
    else:
        print("Demo data already present (use --rebuild to start again).")
    for username, password, role in ensure_demo_users():
        print(f"Demo login / Đăng nhập thử: {username} / {password}  ({role})")
    if args.no_serve:
        return 0
    return _serve(args.host, args.port)


def _serve(host: str, port: int) -> int:
    from django.core.management import call_command

    print(f"bienche: http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        from gunicorn.app.wsgiapp import WSGIApplication
    except ImportError:  # pragma: no cover - gunicorn is a dependency
        call_command("runserver", f"{host}:{port}", use_reloader=False)
        return 0
    sys.argv = [
        "gunicorn",
        "bienche.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        "2",
        "--access-logfile",
        "-",
    ]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _setup(args.db)
    _migrate()
    return _serve(args.host, args.port)


def _emit(data: Any, fmt: str, text: str) -> None:
    if fmt == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))


def cmd_org_tree(args: argparse.Namespace) -> int:
    _setup(args.db)
    from bienche.org.selectors import unit_tree_as_of

    kinds = {k for arg in args.kind or [] for k in arg.split(",") if k} or None
    tree = unit_tree_as_of(args.as_of, kinds=kinds)
    rows = []
    lines = []
    stack = [(n, 0) for n in reversed(tree.roots)]
    while stack:
        node, depth = stack.pop()
        rows.append({**node.as_dict(), "depth": depth})
        lines.append(f"{'  ' * depth}{node.name} [{node.code}] ({node.kind})")
        stack.extend((c, depth + 1) for c in reversed(node.children))
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    data = {
        "as_of": args.as_of.isoformat(),
        "count": len(rows),
        "counts_by_kind": counts,
        "units": rows,
    }
    _emit(data, args.format, "\n".join(lines))
    return 0


def cmd_org_lineage(args: argparse.Namespace) -> int:
    _setup(args.db)
    from bienche.org.selectors import unit_get, unit_latest_node, unit_lineage

    unit = unit_get(args.code)
    node = unit_latest_node(unit)
    steps = [
        s.as_dict()
        for s in unit_lineage(unit, direction=args.direction, takeover=args.with_takeover)
    ]
    lines = [f"{node.name} [{unit.code}] — {args.direction}"]
    for s in steps:
        other = s["predecessor_code"] if args.direction == "back" else s["successor_code"]
        share = "" if s["share_bp"] == 10000 else f" ({s['share_bp'] / 100:g}%)"
        lines.append(
            f"{'  ' * s['depth']}{s['name']} [{other}]{share} — {s['effective_on']} "
            f"{s['event_kind']} {s['basis_number']}"
        )
    data = {"code": unit.code, "name": node.name, "direction": args.direction, "steps": steps}
    _emit(data, args.format, "\n".join(lines))
    return 0


def cmd_org_diff(args: argparse.Namespace) -> int:
    _setup(args.db)
    from bienche.org.selectors import units_diff

    diff = units_diff(args.date1, args.date2)
    lines = [f"{k}: {len(v)}" for k, v in diff.items()]
    for item in diff["renamed"][:50]:
        lines.append(f"  renamed {item['code']}: {item['from']} → {item['to']}")
    data = {"from": args.date1.isoformat(), "to": args.date2.isoformat(), **diff}
    _emit(data, args.format, "\n".join(lines))
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    _setup(args.db)
    from django.contrib.auth import get_user_model

    from bienche.core.tokens import api_token_create

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        print(f"no user {args.username!r} / không có người dùng này", file=sys.stderr)
        return EXIT_NOT_FOUND
    token, raw = api_token_create(
        user=user, name=args.name, acting_user=None, scope=args.scope, days=args.days
    )
    print(raw)
    print(f"scope {token.scope}, valid until {token.expires_at:%Y-%m-%d}", file=sys.stderr)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup(args.db)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bienche manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bienche", description=__doc__)
    p.add_argument("--db", help="SQLite file to use (default: DATABASE_URL or var/bienche.sqlite3)")
    sub = p.add_subparsers(dest="command", required=True)

    d = sub.add_parser("demo", help="build the Hà Nội demo data, then serve")
    d.add_argument("--db", default=argparse.SUPPRESS)
    d.add_argument("--no-serve", action="store_true")
    d.add_argument("--rebuild", action="store_true", help="wipe and rebuild the demo data")
    d.add_argument("--quiet", action="store_true")
    d.add_argument("--host", default="127.0.0.1")
    d.add_argument("--port", type=int, default=8000)
    d.set_defaults(func=cmd_demo)

    s = sub.add_parser("serve", help="serve the web app and API")
    s.add_argument("--db", default=argparse.SUPPRESS)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)

    org = sub.add_parser("org", help="query the organization registry")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    t = org_sub.add_parser("tree", help="the tree as of a date")
    t.add_argument("--as-of", type=_date, required=True)
    t.add_argument("--kind", action="append", help="keep only these kinds (repeat or a,b)")
    t.add_argument("--format", choices=["text", "json"], default="text")
    t.add_argument("--db", default=argparse.SUPPRESS)
    t.set_defaults(func=cmd_org_tree)
    lin = org_sub.add_parser("lineage", help="what a unit came from / became")
    lin.add_argument("code")
    lin.add_argument("--direction", choices=["back", "forward"], default="back")
    lin.add_argument(
        "--with-takeover",
        action="store_true",
        help="also units whose staff and functions were taken over",
    )
    lin.add_argument("--format", choices=["text", "json"], default="text")
    lin.add_argument("--db", default=argparse.SUPPRESS)
    lin.set_defaults(func=cmd_org_lineage)
    df = org_sub.add_parser("diff", help="units added/removed/renamed/moved between dates")
    df.add_argument("date1", type=_date)
    df.add_argument("date2", type=_date)
    df.add_argument("--format", choices=["text", "json"], default="text")
    df.add_argument("--db", default=argparse.SUPPRESS)
    df.set_defaults(func=cmd_org_diff)

    tok = sub.add_parser("token", help="create an API token for a user")
    tok.add_argument("username")
    tok.add_argument("--name", default="cli")
    tok.add_argument("--scope", choices=["read", "write"], default="read")
    tok.add_argument("--days", type=int, default=90, choices=range(1, 367), metavar="1-366")
    tok.add_argument("--db", default=argparse.SUPPRESS)
    tok.set_defaults(func=cmd_token)

    from bienche.cli_delegation import add_parsers as add_delegation_parsers
    from bienche.cli_hoalac import add_parsers as add_hoalac_parsers
    from bienche.cli_ops import add_parsers as add_ops_parsers
    from bienche.cli_pay import add_parsers as add_pay_parsers
    from bienche.cli_pricing import add_parsers as add_pricing_parsers
    from bienche.cli_recruit import add_parsers as add_recruit_parsers
    from bienche.cli_report_forms import add_forms_parser
    from bienche.cli_staffing import add_parsers
    from bienche.cli_steering import add_parsers as add_steering_parsers
    from bienche.cli_territory import add_parsers as add_territory_parsers

    add_parsers(sub, _date)
    add_steering_parsers(sub, _date)
    add_delegation_parsers(sub, _date)
    add_pay_parsers(sub, _date)
    add_hoalac_parsers(sub, _date)
    add_recruit_parsers(sub, _date)
    add_pricing_parsers(sub, _date)
    add_territory_parsers(sub, _date)
    add_ops_parsers(sub)

    report = sub.add_parser("report", help="reports: the statistical forms, the annual report")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    add_forms_parser(report_sub, _date)

    mg = sub.add_parser("manage", help="run a Django management command")
    mg.add_argument("rest", nargs=argparse.REMAINDER)
    mg.add_argument("--db", default=argparse.SUPPRESS)
    mg.set_defaults(func=cmd_manage)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - translate domain errors to exit codes
        from bienche.core.errors import BiencheError, NotFound

        if isinstance(exc, BiencheError):
            print(f"error [{exc.code}]: {exc.en}\nlỗi: {exc.vi}", file=sys.stderr)
            return EXIT_NOT_FOUND if isinstance(exc, NotFound) else EXIT_INVALID
        raise


if __name__ == "__main__":
    sys.exit(main())
