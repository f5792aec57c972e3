"""The HTML report's CSS, built from the format's rules (`formats.py`)."""

from __future__ import annotations

from bienche.reports.render.formats import PAGE_HEIGHT_MM, PAGE_WIDTH_MM, FormatSpec


def css_string(text: str) -> str:
    """A CSS string literal; every character but ASCII letters and digits is escaped
    (so a draft mark can never close the string or the style element)."""
    out = (ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}" for ch in text)
    return f'"{"".join(out)}"'


def _page_rules(spec: FormatSpec, draft_mark: str) -> str:
    margins = (
        f"{spec.margin_top}mm {spec.margin_right}mm {spec.margin_bottom}mm {spec.margin_left}mm"
    )
    draft = (
        f"@bottom-center {{ content: {css_string(draft_mark)};"
        " font-weight: bold; font-size: 12pt; }"
        if draft_mark
        else ""
    )
    return (
        f"@page {{ size: {PAGE_WIDTH_MM}mm {PAGE_HEIGHT_MM}mm; margin: {margins};"
        f" @top-center {{ content: counter(page); font-size: {spec.page_number_size}pt;"
        f" vertical-align: middle; }} {draft} }}"
        "@page :first { @top-center { content: none; } }"
    )


def page_css(spec: FormatSpec, fonts: str, draft_mark: str) -> str:
    body = spec.body_size
    parent_weight = "bold" if spec.parent_bold else "normal"
    return f"""{_page_rules(spec, draft_mark)}
html {{ color: #000; background: #fff; }}
body {{ font-family: {fonts}; font-size: {body}pt; line-height: {spec.line_spacing}; margin: 0; }}
@media screen {{
  body {{ background: #e5e5e5; }}
  .report, .appendix {{ background: #fff; max-width: {PAGE_WIDTH_MM}mm; margin: 1em auto;
    padding: {spec.margin_top}mm {spec.margin_right}mm {spec.margin_bottom}mm {spec.margin_left}mm;
    box-sizing: border-box; }}
}}
p {{ margin: 0 0 {spec.paragraph_spacing_pt}pt 0; text-align: justify;
  text-indent: {spec.first_line_indent_cm}cm; }}
.letterhead {{ width: 100%; border-collapse: collapse; margin-bottom: 12pt; }}
.letterhead td {{ vertical-align: top; text-align: center; padding: 0; }}
.letterhead td.left {{ width: 45%; }}
.letterhead p {{ margin: 0; text-indent: 0; text-align: center; line-height: 1.1; }}
.parent {{ font-size: {spec.parent_size}pt; font-weight: {parent_weight}; }}
.issuing {{ font-size: {spec.issuing_size}pt; font-weight: bold; }}
.mark {{ font-size: {spec.issuing_size}pt; }}
.national {{ font-size: {spec.national_title_size}pt; font-weight: bold; white-space: nowrap; }}
.motto {{ font-size: {spec.motto_size}pt; font-weight: bold; }}
.letterhead .number {{ font-size: {spec.number_size}pt; margin-top: 6pt; }}
.letterhead .date {{ font-size: {spec.place_date_size}pt; font-style: italic; margin-top: 6pt; }}
hr {{ border: 0; border-top: 0.75pt solid #000; margin: 1pt auto 0 auto; }}
hr.short {{ width: 30%; }}
hr.motto-rule {{ width: 68%; }}
hr.summary-rule {{ width: 20%; margin-top: 4pt; margin-bottom: 12pt; }}
.doc-type {{ font-size: {spec.type_size}pt; font-weight: bold; text-align: center; text-indent: 0;
  margin: 18pt 0 0 0; }}
.summary {{ font-size: {spec.summary_size}pt; font-weight: bold; text-align: center; text-indent: 0;
  margin: 0; }}
h2, h3, h4 {{ font-size: {body}pt; font-weight: bold; text-align: justify; margin: 6pt 0;
  text-indent: {spec.first_line_indent_cm}cm; break-after: avoid; }}
h4 {{ font-style: italic; }}
p.note {{ font-size: {body - 2}pt; font-style: italic; }}
p.quote {{ font-style: italic; margin-left: 1cm; }}
.rich ul, .rich ol {{ margin: 0 0 {spec.paragraph_spacing_pt}pt 1cm; padding-left: 0.6cm; }}
.rich ul {{ list-style-type: "- "; }}
sup.ref {{ font-size: 0.65em; line-height: 0; }}
p.caption {{ font-weight: bold; text-align: center; text-indent: 0; margin-top: 6pt;
  break-after: avoid; }}
table.data {{ width: 100%; border-collapse: collapse; font-size: 12pt; margin-bottom: 8pt; }}
table.data th, table.data td {{ border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }}
table.data th {{ font-weight: bold; text-align: center; }}
table.data td.num {{ text-align: right; white-space: nowrap; }}
table.data td.center {{ text-align: center; }}
table.data tr.total td {{ font-weight: bold; }}
table.data tr {{ break-inside: avoid; }}
table.sources td {{ overflow-wrap: anywhere; font-size: 11pt; }}
p.chart {{ text-align: center; text-indent: 0; }}
p.chart img {{ width: 150mm; max-width: 100%; }}
.closing {{ width: 100%; border-collapse: collapse; margin-top: 12pt; break-inside: avoid; }}
.closing td {{ vertical-align: top; width: 50%; padding: 0; }}
.closing p {{ margin: 0; text-indent: 0; line-height: 1.1; }}
.recipients-title {{ font-size: {spec.recipients_title_size}pt; font-weight: bold;
  font-style: italic; }}
.recipients p {{ font-size: {spec.recipients_size}pt; text-align: left; }}
.recipients p.recipients-title {{ font-size: {spec.recipients_title_size}pt; }}
.signature p {{ text-align: center; font-weight: bold; font-size: {spec.signature_size}pt; }}
.sig-space {{ height: 5em; }}
.appendix {{ break-before: page; }}
"""
