"""Report rendering (pure, no database): a hand-built report of about 40 A4 pages (18
staffing sections, each with a table, two charts and long paragraphs) rendered to DOCX,
HTML and PDF. Targets: DOCX well under 1 s, PDF within a few seconds (issue 11 part 2;
the full city report: DOCX ≤ 5 s, PDF ≤ 20 s)."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienche.settings")
import django  # noqa: E402

django.setup()

from bienche.reports.content import Chart, Section  # noqa: E402
from bienche.reports.render import (  # noqa: E402
    charts,
    pdf_renderer,
    render_docx,
    render_html,
    render_pdf,
)
from bienche.reports.tests.render_fixture import long_document  # noqa: E402

COPIES = 18


def _timed(function, *args, repeat: int = 3) -> tuple[float, float, object]:
    """Median wall time and CPU time (the CPU time is what the code costs when the machine
    is shared; the wall time is what a user waits)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        charts.clear_cache()  # every run draws its charts: no help from the cache
        start, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def _without_charts(section: Section) -> None:
    section.blocks = [b for b in section.blocks if not isinstance(b, Chart)]
    for sub in section.subsections:
        _without_charts(sub)


def _pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages")))


def main() -> None:
    document = long_document(COPIES)
    chart_count = 2 * COPIES
    docx_s, docx_cpu, docx_bytes = _timed(render_docx, document)
    html_s, html_cpu, _ = _timed(render_html, document)
    start = time.process_time()
    import weasyprint  # noqa: F401  (imported once per process; timed apart)

    import_cpu = time.process_time() - start
    pdf_s, pdf_cpu, pdf_bytes = _timed(render_pdf, document, repeat=2)
    pages = _pages(pdf_bytes)
    print(f"report of {pages} pages, {COPIES} tables, {chart_count} charts ({pdf_renderer()})")
    print(
        f"  DOCX {docx_s * 1000:.0f} ms wall, {docx_cpu * 1000:.0f} ms CPU"
        f" ({len(docx_bytes) / 1024:.0f} KiB; target < 1 s)"
    )
    print(f"  HTML {html_s * 1000:.0f} ms wall, {html_cpu * 1000:.0f} ms CPU")
    print(
        f"  PDF  {pdf_s:.2f} s wall, {pdf_cpu:.2f} s CPU (target a few seconds;"
        f" importing WeasyPrint once per process: {import_cpu:.2f} s CPU)"
    )
    for section in document.sections:
        _without_charts(section)
    bare_s, bare_cpu, _ = _timed(render_docx, document)
    per_chart = (docx_cpu - bare_cpu) / chart_count * 1000
    print(
        f"  DOCX without charts {bare_s * 1000:.0f} ms wall, {bare_cpu * 1000:.0f} ms CPU;"
        f" about {per_chart:.0f} ms CPU per chart"
    )


if __name__ == "__main__":
    main()
