"""Document → standalone HTML + CSS (A4 page rules): the PDF's source and the web preview.

Every text is escaped; the officers' narrative is sanitized again with nh3. The page
furniture (page numbers from page 2, the draft mark) is CSS paged media, which WeasyPrint
prints and browsers ignore.
"""

from __future__ import annotations

import base64
from html import escape

from bienche.reports.content import Chart, Document, Letterhead, Paragraph, RichText, Section, Table
from bienche.reports.render.charts import chart_png
from bienche.reports.render.formats import FONT_FALLBACKS, FONT_NAME, FormatSpec, format_spec
from bienche.reports.render.html_css import page_css
from bienche.reports.render.richtext import sanitize
from bienche.reports.render.text import (
    APPENDIX_COLUMNS,
    APPENDIX_TITLE,
    SourceIndex,
    format_cell,
    heading_number,
    is_numeric,
    number_line,
    place_and_date,
    recipient_lines,
    xml_safe,
)

PARAGRAPH_CLASSES = ("body", "note", "quote")


def _e(text: str) -> str:
    return escape(xml_safe(text), quote=True)


def _class(style: str) -> str:
    return style if style in PARAGRAPH_CLASSES else "body"


def _lines(text: str) -> str:
    """Escaped text whose line breaks are kept."""
    return "<br>".join(_e(line) for line in xml_safe(text).replace("\r\n", "\n").split("\n"))


def _letterhead(head: Letterhead, spec: FormatSpec) -> str:
    left = [
        f'<p class="parent">{_e(head.parent_body.upper())}</p>',
        f'<p class="issuing">{_e(head.issuing_body.upper())}</p>',
        f'<p class="mark">{_e(spec.issuing_mark)}</p>'
        if spec.issuing_mark
        else '<hr class="short">',
    ]
    right = [f'<p class="national">{_e(spec.national_title)}</p>']
    if spec.motto:
        right.append(f'<p class="motto">{_e(spec.motto)}</p>')
    right.append('<hr class="motto-rule">')
    return (
        '<table class="letterhead"><tr>'
        f'<td class="left">{"".join(left)}</td><td class="right">{"".join(right)}</td></tr><tr>'
        f'<td class="left"><p class="number">{_e(number_line(head, spec.number_prefix))}</p></td>'
        f'<td class="right"><p class="date">{_e(place_and_date(head))}</p></td>'
        "</tr></table>"
        f'<p class="doc-type">{_e(head.doc_type.upper())}</p>'
        f'<p class="summary">{_e(head.summary)}</p><hr class="summary-rule">'
    )


def _closing(head: Letterhead, spec: FormatSpec) -> str:
    entries = "".join(f"<p>{_e(line)}</p>" for line in recipient_lines(head, spec.archive_entry))
    sig = head.signature
    lines = [line.upper() for line in (sig.prefix, sig.title) if line]
    signature = "".join(f'<p class="sig-title">{_e(line)}</p>' for line in lines)
    return (
        '<table class="closing"><tr><td class="recipients">'
        f'<p class="recipients-title">{_e(spec.recipients_title)}</p>{entries}</td>'
        f'<td class="signature">{signature}<div class="sig-space"></div>'
        f'<p class="sig-name">{_e(sig.name)}</p></td></tr></table>'
    )


class _Body:
    def __init__(self, index: SourceIndex, *, palette: bool) -> None:
        self.index = index
        self.palette = palette
        self.parts: list[str] = []

    def marker(self, sources) -> str:
        text = self.index.marker(sources)
        return f'<sup class="ref">{_e(text)}</sup>' if text else ""

    def section(self, section: Section, level: int, number: int) -> None:
        title = section.heading.upper() if level == 1 else section.heading
        tag = f"h{min(level, 3) + 1}"
        self.parts.append(
            f'<{tag} class="level-{level}">{_e(heading_number(level, number))} {_e(title)}</{tag}>'
        )
        for block in section.blocks:
            self.block(block)
        for sub_number, sub in enumerate(section.subsections, start=1):
            self.section(sub, level + 1, sub_number)

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.parts.append(
                f'<p class="{_class(block.style)}">{_lines(block.text)}'
                f"{self.marker(block.sources)}</p>"
            )
        elif isinstance(block, RichText):
            self.parts.append(f'<div class="rich">{sanitize(block.html)}</div>')
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)

    def table(self, block: Table) -> None:
        head = "".join(f"<th>{_e(c)}</th>" for c in block.columns)
        rows = []
        last = len(block.rows) - 1
        for number, values in enumerate(block.rows):
            cells = "".join(
                f'<td class="{"num" if is_numeric(v) else "text"}">'
                f"{_e(format_cell(v, percent=col in block.percent_columns))}</td>"
                for col, v in enumerate(values)
            )
            total = ' class="total"' if block.total_row and number == last else ""
            rows.append(f"<tr{total}>{cells}</tr>")
        self.parts.append(
            f'<p class="caption">{_e(block.title)}{self.marker([block.source])}</p>'
            f'<table class="data"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def chart(self, block: Chart) -> None:
        data = base64.b64encode(chart_png(block, palette=self.palette)).decode("ascii")
        self.parts.append(
            f'<p class="caption">{_e(block.title)}{self.marker([block.source])}</p>'
            f'<p class="chart"><img src="data:image/png;base64,{data}" alt="{_e(block.title)}">'
            "</p>"
        )

    def appendix(self) -> str:
        rows = self.index.rows()
        if not rows:
            return ""
        head = "".join(f"<th>{_e(c)}</th>" for c in APPENDIX_COLUMNS)
        body = "".join(
            f'<tr><td class="center">{_e(n)}</td><td>{_e(label)}</td><td>{_e(note)}</td></tr>'
            for n, label, note in rows
        )
        return (
            f'<section class="appendix"><p class="caption">{_e(APPENDIX_TITLE.upper())}</p>'
            f'<table class="data sources"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            "</table></section>"
        )


def report_css(doc: Document) -> str:
    """The stylesheet `render_html` inlines, for a page that links it instead (the web app's
    Content-Security-Policy allows stylesheets from its own origin only, no <style>)."""
    spec = format_spec(doc.letterhead.format)
    fonts = ", ".join(f'"{name}"' if " " in name else name for name in (FONT_NAME, *FONT_FALLBACKS))
    return page_css(spec, fonts, doc.draft_mark)


def render_html(doc: Document, *, css_href: str | None = None, for_print: bool = False) -> str:
    """The report as one standalone HTML page (images as data URIs).

    The CSS is inlined in a <style> element (for WeasyPrint and downloads), or linked from
    `css_href` when given: serve `report_css(doc)` there (same origin) for the web preview.
    `for_print` embeds the charts as RGB PNGs, which WeasyPrint takes without re-encoding.
    """
    spec = format_spec(doc.letterhead.format)
    body = _Body(SourceIndex(doc), palette=not for_print)
    for number, section in enumerate(doc.sections, start=1):
        body.section(section, 1, number)
    title = _e(f"{doc.letterhead.doc_type} {doc.letterhead.summary}")
    if css_href is None:
        style = f"<style>{report_css(doc)}</style>"
    else:
        style = f'<link rel="stylesheet" href="{_e(css_href)}">'
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title}</title>{style}</head>"
        f'<body class="format-{spec.name}"><main class="report">'
        f"{_letterhead(doc.letterhead, spec)}{''.join(body.parts)}"
        f"{_closing(doc.letterhead, spec)}</main>{body.appendix()}</body></html>\n"
    )
