"""Word rejects a document whose property elements are out of schema order; python-docx
does not check. Every pPr, rPr and tblPr the renderer writes is checked against the
sequences of ECMA-376 Part 1 (§17.3.1.26 pPr, §17.3.2.28 rPr, §17.4.60 tblPr)."""

import io
import zipfile

import pytest
from lxml import etree

from bienche.reports.render import render_docx
from bienche.reports.tests.render_fixture import sample_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR = (
    "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
    "shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position "
    "sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
    "specVanish oMath rPrChange"
).split()
TBLPR = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange"
).split()
SEQUENCES = {"pPr": PPR, "rPr": RPR, "tblPr": TBLPR}


def out_of_order(element, sequence: list[str]) -> list[str]:
    names = [child.tag.removeprefix(W) for child in element if child.tag.startswith(W)]
    unknown = [name for name in names if name not in sequence]
    positions = [sequence.index(name) for name in names if name in sequence]
    if unknown or positions != sorted(positions):
        return [f"{element.tag.removeprefix(W)}: {names}"]
    return []


@pytest.mark.parametrize("fmt", ["state", "party"])
def test_property_elements_in_schema_order(fmt):
    package = zipfile.ZipFile(io.BytesIO(render_docx(sample_document(fmt))))
    problems: list[str] = []
    checked = 0
    parts = [n for n in package.namelist() if n.startswith("word/") and n.endswith(".xml")]
    assert {"word/document.xml", "word/styles.xml", "word/header1.xml"} <= set(parts)
    for part in parts:
        root = etree.fromstring(package.read(part))
        for tag, sequence in SEQUENCES.items():
            for element in root.iter(f"{W}{tag}"):
                checked += 1
                problems.extend(f"{part} {p}" for p in out_of_order(element, sequence))
    assert checked > 100
    assert problems == []


def test_checker_catches_a_misordered_element():
    element = etree.fromstring(f'<w:pPr xmlns:w="{W[1:-1]}"><w:jc/><w:spacing/></w:pPr>')
    assert out_of_order(element, PPR)
