"""Document → PDF: LibreOffice headless from the DOCX when installed (the PDF then matches
the editable master exactly), otherwise WeasyPrint from the HTML."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

from bienche.reports.content import Document

PDF_UNAVAILABLE = "Chưa cài đặt trình tạo PDF (LibreOffice hoặc WeasyPrint); tệp DOCX vẫn được tạo."
PDF_FAILED = "Không tạo được tệp PDF bằng LibreOffice: {detail}"
SOFFICE_TIMEOUT_S = 180


class PdfUnavailable(Exception):
    """No PDF renderer is installed; the DOCX can still be delivered."""

    def __init__(self, message: str = PDF_UNAVAILABLE) -> None:
        super().__init__(message)


class PdfFailed(RuntimeError):
    """LibreOffice ran but produced no PDF (message in Vietnamese, with its output)."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def weasyprint_available() -> bool:
    try:
        return importlib.util.find_spec("weasyprint") is not None
    except (ImportError, ValueError):
        return False


def pdf_renderer() -> str | None:
    """ "libreoffice", "weasyprint" or None: which renderer `render_pdf` will use."""
    if soffice_path():
        return "libreoffice"
    if weasyprint_available():
        return "weasyprint"
    return None


def _libreoffice_pdf(docx_bytes: bytes, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="bienche-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx_bytes)
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        done = subprocess.run(
            command, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False, text=True
        )
        target = work / "report.pdf"
        if done.returncode != 0 or not target.exists():
            raise PdfFailed(PDF_FAILED.format(detail=(done.stderr or done.stdout).strip()))
        return target.read_bytes()


def render_pdf(doc: Document) -> bytes:
    """The report as PDF bytes; raises `PdfUnavailable` when no renderer is installed."""
    renderer = pdf_renderer()
    if renderer == "libreoffice":
        from bienche.reports.render.docx_render import render_docx

        return _libreoffice_pdf(render_docx(doc), soffice_path() or "soffice")
    if renderer == "weasyprint":
        import weasyprint

        from bienche.reports.render.html_render import render_html

        return weasyprint.HTML(string=render_html(doc, for_print=True)).write_pdf()
    raise PdfUnavailable()
