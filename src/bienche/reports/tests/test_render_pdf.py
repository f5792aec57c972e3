"""render_pdf: rendered (WeasyPrint here), checked with poppler, pages saved as PNG."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from bienche.reports.render import (
    PDF_UNAVAILABLE,
    PdfFailed,
    PdfUnavailable,
    pdf,
    pdf_renderer,
    render_pdf,
)
from bienche.reports.tests.render_fixture import sample_document

ARTIFACTS = Path(settings.TEST_ARTIFACTS) / "reports"
A4_POINTS = (595.28, 841.89)


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, check=True, text=True, timeout=60).stdout


def info(path: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", str(path)).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


@pytest.fixture
def weasyprint_only(monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    assert pdf_renderer() == "weasyprint"


@pytest.mark.parametrize("fmt", ["state", "party"])
def test_pdf_is_a4_with_header_text_and_page_images(fmt, weasyprint_only):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"sample-{fmt}.pdf"
    target.write_bytes(render_pdf(sample_document(fmt)))
    details = info(target)
    pages = int(details["Pages"])
    assert pages >= 2
    width, _, height = details["Page size"].split()[:3]
    assert abs(float(width) - A4_POINTS[0]) < 1
    assert abs(float(height) - A4_POINTS[1]) < 1
    first = poppler("pdftotext", "-f", "1", "-l", "1", "-layout", str(target), "-")
    if fmt == "state":
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 125/BC-BCĐ",
            "Hà Nội, ngày 05 tháng 01 năm 2024",
            "BÁO CÁO",
            "I. CÔNG TÁC QUẢN LÝ BIÊN CHẾ",
            "1.234.567",
            "DỰ THẢO",
        ):
            assert text in first, text
    else:
        for text in (
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 24-CT/TU",
            "ngày 07 tháng 8 năm 2023",
            "CHỈ THỊ",
        ):
            assert text in first, text
    # Page numbers from page 2 only.
    assert poppler("pdftotext", "-f", "2", "-l", "2", str(target), "-").split()[0] == "2"
    assert not first.split()[0].isdigit()
    everything = poppler("pdftotext", str(target), "-")
    assert "PHỤ LỤC: NGUỒN SỐ LIỆU" in everything
    for old in ARTIFACTS.glob(f"sample-{fmt}-page-*.png"):
        old.unlink()
    poppler("pdftoppm", "-r", "80", "-png", str(target), str(ARTIFACTS / f"sample-{fmt}-page"))
    images = sorted(ARTIFACTS.glob(f"sample-{fmt}-page-*.png"))
    assert len(images) == pages
    assert all(image.stat().st_size > 5_000 for image in images)


def test_pdf_unavailable_when_no_renderer(monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    monkeypatch.setattr(pdf, "weasyprint_available", lambda: False)
    assert pdf_renderer() is None
    with pytest.raises(PdfUnavailable) as error:
        render_pdf(sample_document())
    assert str(error.value) == PDF_UNAVAILABLE
    assert "LibreOffice hoặc WeasyPrint" in str(error.value)


def test_libreoffice_preferred_and_called_on_the_docx(monkeypatch, tmp_path):
    """A stand-in `soffice` records its arguments and writes the PDF LibreOffice would."""
    fake = tmp_path / "soffice"
    log = tmp_path / "args.txt"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > {log}\n'
        "for last; do :; done\n"
        'out=$(dirname "$last")\n'
        'cp "$last" "$out/report.pdf"\n'
    )
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_path", lambda: str(fake))
    assert pdf_renderer() == "libreoffice"
    result = render_pdf(sample_document())
    assert result.startswith(b"PK")  # the fake copied the DOCX it was given
    args = log.read_text()
    assert "--headless --convert-to pdf" in args
    assert "-env:UserInstallation=file://" in args


def test_libreoffice_failure_is_reported(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'profile locked' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_path", lambda: str(fake))
    with pytest.raises(PdfFailed, match="profile locked"):
        render_pdf(sample_document())


@pytest.mark.skipif(pdf.soffice_path() is None, reason="LibreOffice is not installed here")
def test_libreoffice_pdf_from_the_docx():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "sample-state-libreoffice.pdf"
    target.write_bytes(render_pdf(sample_document("state")))
    details = info(target)
    assert abs(float(details["Page size"].split()[0]) - A4_POINTS[0]) < 1
    first = poppler("pdftotext", "-f", "1", "-l", "1", str(target), "-")
    assert "Số: 125/BC-BCĐ" in first
    assert "Hà Nội, ngày 05 tháng 01 năm 2024" in first
