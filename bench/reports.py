"""The city's 2023 annual report on the full Hà Nội demo (built once into its own database,
then reused): sections (cold, then with the apps' read caches warm), DOCX (target: build +
DOCX ≤ 5 s) and PDF (target ≤ 20 s) with the renderer installed; the number of queries."""

from __future__ import annotations

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bienche.demo.build import build_demo, demo_is_built  # noqa: E402
from bienche.reports.annual import build_annual  # noqa: E402
from bienche.reports.render import PdfUnavailable, pdf_renderer, render_docx, render_pdf  # noqa: E402

CPU: dict[str, float] = {}


def _timed(fn, label: str = ""):  # type: ignore[no-untyped-def]
    """(result, wall seconds); the process's CPU seconds go to ``CPU[label]`` (the machine is
    shared: wall time over CPU time shows how much of the wait was other processes')."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    CPU[label] = time.process_time() - c0
    return out, time.perf_counter() - t0


def main() -> None:
    call_command("migrate", verbosity=0)
    if not demo_is_built():
        _, seconds = _timed(lambda: build_demo(progress=False))
        print(f"  demo build (once): {seconds:.0f} s")
    cache.clear()
    connection.queries_log.clear()  # the build's queries (DEBUG) would fill the log
    with CaptureQueriesContext(connection) as queries:
        doc, cold = _timed(lambda: build_annual(2023), "cold")
    _, warm = _timed(lambda: build_annual(2023))
    data, docx = _timed(lambda: render_docx(doc), "docx")
    tables = sum(1 for s in doc.sections for sub in [s, *s.subsections] for _ in sub.blocks)
    print(
        f"  sections: {cold:.2f} s cold (CPU {CPU['cold']:.2f} s, {len(queries)} queries), "
        f"{warm:.2f} s warm; "
        f"{tables} blocks, {len(doc.sources())} sources"
    )
    print(
        f"  DOCX: {docx:.2f} s (CPU {CPU['docx']:.2f} s), {len(data) / 1024:.0f} KiB; "
        f"build + DOCX {cold + docx:.2f} s (target ≤ 5 s)"
    )
    try:
        pdf, seconds = _timed(lambda: render_pdf(doc), "pdf")
    except PdfUnavailable as exc:
        print(f"  PDF: {exc}")
        return
    print(
        f"  PDF ({pdf_renderer()}): {seconds:.2f} s (CPU {CPU['pdf']:.2f} s), "
        f"{len(pdf) / 1024:.0f} KiB; "
        f"build + PDF {cold + seconds:.2f} s (target ≤ 20 s)"
    )


if __name__ == "__main__":
    main()
