"""render_html: standalone, escaped, sanitized, with the format's page rules."""

from dataclasses import replace

from bienche.reports.content import Paragraph, RichText, Section
from bienche.reports.render import render_html, report_css
from bienche.reports.tests.render_fixture import sample_document


def test_standalone_page_with_a4_rules_and_header():
    html = render_html(sample_document("state"))
    assert html.startswith("<!DOCTYPE html>")
    assert "size: 210mm 297mm" in html
    assert "margin: 20mm 15mm 20mm 30mm" in html
    assert "@page :first { @top-center { content: none; } }" in html
    assert "Số: 125/BC-BCĐ" in html
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Hà Nội, ngày 05 tháng 01 năm 2024" in html
    assert '<td class="num">1.234.567</td>' in html
    assert html.count('src="data:image/png;base64,') == 2
    assert "I. CÔNG TÁC QUẢN LÝ BIÊN CHẾ" in html
    assert "a) Quỹ lương" in html
    assert "<link" not in html  # nothing fetched from outside
    assert "http" not in html


def test_party_format_number_without_colon():
    html = render_html(sample_document("party"))
    assert "Số 24-CT/TU" in html
    assert "Số: 24" not in html
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html


def test_rich_text_sanitized_again():
    html = render_html(sample_document("state"))
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<strong>chậm</strong>" in html
    assert "<li>Thiếu <u>giáo viên</u></li>" in html


def test_every_text_is_escaped():
    document = sample_document("state", draft_mark='DỰ THẢO"; } </style><script>x</script>')
    evil = "<img src=x onerror=alert(1)>"
    document.letterhead = replace(document.letterhead, summary=evil)
    document.sections.append(
        Section(key="x", heading=evil, blocks=[Paragraph(evil), RichText(f"<p>{evil}</p>")])
    )
    html = render_html(document)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html
    assert html.count("</style>") == 1


def test_draft_mark_in_page_footer_only_when_set():
    assert "@bottom-center" in render_html(sample_document("state"))
    assert "@bottom-center" not in render_html(sample_document("state", draft_mark=""))


def test_linked_stylesheet_for_the_web_preview():
    """The web app's CSP has style-src 'self': the preview links the CSS, no <style>."""
    document = sample_document("state")
    html = render_html(document, css_href='/reports/1/preview.css?v="2"')
    assert "<style" not in html
    assert '<link rel="stylesheet" href="/reports/1/preview.css?v=&quot;2&quot;">' in html
    assert " style=" not in html
    css = report_css(document)
    assert "size: 210mm 297mm" in css
    assert css in render_html(document)
