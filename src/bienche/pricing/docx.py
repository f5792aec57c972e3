"""A small DOCX (WordprocessingML) writer: headings, paragraphs and tables, nothing else.

Written with ``zipfile`` and escaped XML so the report needs no extra dependency. Pages are
A4 in Times New Roman 13 pt with the margins of Decree 30/2020 (top 20, bottom 20, left 30,
right 15 mm).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
MM = 56.7  # twentieths of a point per millimetre


def _run(text: str, *, bold: bool = False, size: int = 26) -> str:
    props = (
        '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        f'w:cs="Times New Roman"/>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    )
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


class Document:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def heading(self, text: str) -> None:
        self.parts.append(
            f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(text, bold=True, size=28)}</w:p>'
        )

    def paragraph(self, text: str, *, bold: bool = False) -> None:
        self.parts.append(f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr>{_run(text, bold=bold)}</w:p>')

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        def cell(text: str, bold: bool = False) -> str:
            return f"<w:tc><w:p>{_run(text, bold=bold, size=22)}</w:p></w:tc>"

        border = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        body = "<w:tr>" + "".join(cell(h, True) for h in header) + "</w:tr>"
        body += "".join("<w:tr>" + "".join(cell(c) for c in r) + "</w:tr>" for r in rows)
        self.parts.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}'
            f"</w:tblBorders></w:tblPr>{body}</w:tbl><w:p/>"
        )

    def xml(self) -> str:
        section = (
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{int(20 * MM)}" w:bottom="{int(20 * MM)}" w:left="{int(30 * MM)}" '
            f'w:right="{int(15 * MM)}" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{"".join(self.parts)}{section}</w:body>'
            "</w:document>"
        )

    def save(self, path: str | Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", RELS)
            z.writestr("word/document.xml", self.xml())
