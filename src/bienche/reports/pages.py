"""A frozen version's PDF pages as PNG images (poppler's ``pdfinfo``/``pdftoppm``), for the
editor's page preview. Absent tools or a version without PDF give no pages, never an error
page: the DOCX and PDF downloads stay the reference."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bienche.core.errors import NotFound
from bienche.reports import messages as m
from bienche.reports.models import FrozenVersion

PAGE_DPI = 60
MAX_PAGES = 60
TIMEOUT_S = 60


def page_images_available() -> bool:
    return bool(shutil.which("pdftoppm") and shutil.which("pdfinfo"))


def _pdf_file(folder: Path, pdf: bytes) -> Path:
    path = folder / "version.pdf"
    path.write_bytes(pdf)
    return path


def pdf_page_count(pdf: bytes | None) -> int:
    """How many pages the PDF has (0 without PDF or without poppler)."""
    if not pdf or not page_images_available():
        return 0
    with tempfile.TemporaryDirectory(prefix="bienche-pages-") as folder:
        path = _pdf_file(Path(folder), bytes(pdf))
        done = subprocess.run(
            ["pdfinfo", str(path)], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    found = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
    return min(int(found.group(1)), MAX_PAGES) if found else 0


def pdf_page_png(version: FrozenVersion, page: int) -> bytes:
    """One page (1-based) of the version's PDF as PNG; NotFound when there is no such page."""
    if version.pdf is None or not page_images_available() or not 1 <= page <= MAX_PAGES:
        raise NotFound(m.PAGE_UNKNOWN, field="page", page=page, number=version.number)
    with tempfile.TemporaryDirectory(prefix="bienche-pages-") as folder:
        path = _pdf_file(Path(folder), bytes(version.pdf))
        out = Path(folder) / "page"
        args = ["pdftoppm", "-png", "-r", str(PAGE_DPI), "-f", str(page), "-l", str(page)]
        subprocess.run(
            [*args, "-singlefile", str(path), str(out)],
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        png = out.with_suffix(".png")
        if not png.exists():
            raise NotFound(m.PAGE_UNKNOWN, field="page", page=page, number=version.number)
        return png.read_bytes()
