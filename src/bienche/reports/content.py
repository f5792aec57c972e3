"""The format-neutral content of a report: what the sections produce and the renderers read.

Sections (`reports/sections/`) read the apps' selectors and return `Section` objects; the
renderers (`reports/render/`) turn a `Document` into DOCX or PDF in the format its
`Letterhead` names. Neither side knows the other: a section never chooses a font, a
renderer never runs a query.

Every figure a section writes carries a `Source`: the selector that produced it, its
arguments and the date the data was read as of. The renderers print the sources as
footnote markers and an appendix table ("Phụ lục: nguồn số liệu"), so a reader can trace
each number back to a query and re-run it.

Money is integer VND; counts are ints; shares are `Decimal` or float percentages already
rounded by the section. Text is Vietnamese (the document's language), not translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

#: "state": Decree 30/2020/NĐ-CP (national motto header, "Số: 12/BC-UBND").
#: "party": Guidance 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 24-CT/TU" without colon).
DocFormat = Literal["state", "party"]
Cell = str | int | float | Decimal | date | None


@dataclass(frozen=True)
class Source:
    """Where a figure comes from, precise enough to re-run the query."""

    query: str  # dotted path of the selector, e.g. "bienche.staffing.selectors.unit_summary"
    as_of: date
    params: tuple[tuple[str, str], ...] = ()  # the selector's arguments, as text
    note: str = ""  # how the figure is derived from the result, in Vietnamese

    def label(self) -> str:
        args = ", ".join(f"{k}={v}" for k, v in self.params)
        return f"{self.query}({args}) tại ngày {self.as_of:%d/%m/%Y}"


@dataclass(frozen=True)
class Paragraph:
    text: str
    sources: tuple[Source, ...] = ()
    style: Literal["body", "note", "quote"] = "body"


@dataclass(frozen=True)
class RichText:
    """Officer-written narrative: sanitized HTML (p, strong, em, u, ul, ol, li, br only)."""

    html: str


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    source: Source
    #: The last row is a total row (printed bold).
    total_row: bool = False
    #: Columns (by index) printed as percentages with one decimal ("12,5%").
    percent_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A simple chart the renderers draw as an image (bar or line)."""

    title: str
    kind: Literal["bar", "line"]
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per category)
    source: Source
    unit: str = ""  # e.g. "người", "tỷ đồng"


Block = Paragraph | RichText | Table | Chart


@dataclass
class Section:
    """A numbered heading with its blocks and subsections.

    `editable` sections take their body from the officer's draft (a `RichText`) and are
    prefilled by the section builder; the others are regenerated from data every time.
    """

    key: str  # stable identifier, e.g. "staffing", "limitations"
    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    editable: bool = False

    def sources(self) -> list[Source]:
        found: list[Source] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                found.extend(block.sources)
            elif isinstance(block, Table | Chart):
                found.append(block.source)
        for sub in self.subsections:
            found.extend(sub.sources())
        return found


@dataclass(frozen=True)
class Signature:
    prefix: str  # "T/M BAN CHỈ ĐẠO", "K/T TRƯỞNG BAN", "T/L", or ""
    title: str  # "TRƯỞNG BAN"
    name: str  # no academic titles before the name (Decree 30)


@dataclass(frozen=True)
class Letterhead:
    format: DocFormat
    parent_body: str  # "UBND THÀNH PHỐ HÀ NỘI" / "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    issuing_body: str  # "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ" / "THÀNH ỦY"
    number: str  # "125/BC-BCĐ" or "24-CT/TU": the renderer adds "Số: " or "Số "
    place: str  # "Hà Nội"
    issued_on: date
    doc_type: str  # "BÁO CÁO"
    summary: str  # "Đánh giá công tác ... năm 2023, nhiệm vụ trọng tâm năm 2024"
    recipients: tuple[str, ...]  # "Thường trực Thành ủy;" ... the renderer adds "- Lưu: VT."
    signature: Signature


@dataclass
class Document:
    letterhead: Letterhead
    sections: list[Section]
    generated_at: datetime
    #: Shown on every page's footer while the document is a draft, e.g. "DỰ THẢO".
    draft_mark: str = ""

    def sources(self) -> list[Source]:
        """Every source once, in the order the figures appear (for the appendix)."""
        seen: dict[Source, None] = {}
        for section in self.sections:
            for source in section.sources():
                seen.setdefault(source, None)
        return list(seen)
