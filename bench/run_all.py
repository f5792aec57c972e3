"""`make bench`: run each benchmark in its own process (settings are per process) and print
the figures. Benchmarks report; they do not pass or fail."""

from __future__ import annotations

import os
import subprocess
import sys

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bienche_bench")
#: The pay benchmark keeps the Hà Nội demo in a database of its own (built once, reused).
PG_PAY_URL = PG_URL + "_pay"


def _pg_available(url: str = PG_URL) -> bool:
    try:
        import psycopg

        with psycopg.connect(
            url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3, autocommit=True
        ) as conn:
            name = url.rsplit("/", 1)[1]
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as exc:  # noqa: BLE001
        print(f"(PostgreSQL benchmarks skipped: {exc})")
        return False


def run(module: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", module], env={**os.environ, **env}, check=True)


def main() -> None:
    os.makedirs("var", exist_ok=True)
    sqlite = {"DATABASE_URL": "sqlite:///var/bench.sqlite3"}
    print("== org registry, 100,000 units, SQLite")
    run("bench.org_registry", sqlite)
    if _pg_available():
        print("== org registry, 100,000 units, PostgreSQL")
        run("bench.org_registry", {"DATABASE_URL": PG_URL})
    print("== Hà Nội demo: build time and org chart page")
    run("bench.demo_pages", {"DATABASE_URL": "sqlite:///var/bench-demo.sqlite3"})
    print("== overview page and statistical forms on the Hà Nội demo, SQLite")
    run("bench.overview", {"DATABASE_URL": "sqlite:///var/bench-demo.sqlite3"})
    print("== staffing: 200,000-row roster import, staffing pages")
    run("bench.staffing", {"DATABASE_URL": "sqlite:///var/bench-staffing.sqlite3"})
    run("bench.pay", {})
    print("== pay from the database: the Hà Nội demo roster, SQLite")
    run("bench.pay_db", {"DATABASE_URL": "sqlite:///var/bench-pay.sqlite3"})
    if _pg_available(PG_PAY_URL):
        print("== pay from the database: the Hà Nội demo roster, PostgreSQL")
        run("bench.pay_db", {"DATABASE_URL": PG_PAY_URL})
    print("== steering: 50,000 tasks over 1,000 units, SQLite")
    run("bench.steering", {"DATABASE_URL": "sqlite:///var/bench-steering.sqlite3"})
    print("== Hòa Lạc: a park of 5,000 projects, SQLite")
    run("bench.hoalac", {"DATABASE_URL": "sqlite:///var/bench-hoalac.sqlite3"})
    print("== territory: check of 10,000 communes, proposals (600 communes; the country)")
    run("bench.territory", {})
    print("== territory: boundaries of 10,000 communes (GeoJSON → areas, adjacency)")
    run("bench.territory_boundaries", {})
    print("== delegation register: who decides on the Hà Nội demo, SQLite")
    run("bench.delegation", {"DATABASE_URL": "sqlite:///var/bench-delegation.sqlite3"})
    print("== report rendering: a 38-page report to DOCX, HTML and PDF (no database)")
    run("bench.report_render", {})


if __name__ == "__main__":
    main()
