"""The annual assessment report: "Báo cáo đánh giá công tác quản lý tổ chức bộ máy, biên chế
năm N và nhiệm vụ trọng tâm năm N+1", for the city or one unit's subtree, as a `Document`
the renderers turn into DOCX or PDF.

The figures are read as of 31 December of the year (today while the year is current). Part I
holds the results of the year (one subsection per app, see ``reports.sections``); parts II
and III are the officer's sections, prefilled from the data, whose body ``narratives`` (the
officer's sanitized HTML, by section key) replaces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import nh3
from django.utils import timezone

from bienche.core.clock import today as clock_today
from bienche.core.errors import InvalidInput, Message, NotFound
from bienche.org import selectors as org
from bienche.org.enums import UnitKind
from bienche.reports import messages as m
from bienche.reports.content import (
    DocFormat,
    Document,
    Letterhead,
    RichText,
    Section,
    Signature,
)
from bienche.reports.sections import EDITABLE, EDITABLE_KEYS, RESULTS, Context

#: The tags an officer's narrative may keep (the content model's RichText).
ALLOWED_TAGS = {"p", "strong", "em", "u", "ul", "ol", "li", "br"}
SUBJECT = "công tác quản lý tổ chức bộ máy, biên chế"


class ReportError(InvalidInput, ValueError):
    """A report that cannot be made; ``str()`` is the Vietnamese message."""

    def __init__(self, message: Message, **params: Any) -> None:
        super().__init__(message, **params)

    def __str__(self) -> str:
        return self.vi


LETTERHEADS: dict[str, dict[str, Any]] = {
    # Decree 30/2020/NĐ-CP: the committee's steering board reports to the city's leaders.
    "state": {
        "parent_body": "UBND THÀNH PHỐ HÀ NỘI",
        "issuing_body": "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ",
        "number": "     /BC-BCĐ",
        "recipients": (
            "Thường trực Thành ủy;",
            "Thường trực HĐND Thành phố;",
            "Chủ tịch UBND Thành phố;",
            "Các thành viên Ban Chỉ đạo;",
        ),
        "signature": Signature(prefix="T/M BAN CHỈ ĐẠO", title="TRƯỞNG BAN", name=""),
    },
    # Guidance 36-HD/VPTW: the city Party Committee's document ("Số 24-CT/TU" style).
    "party": {
        "parent_body": "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "issuing_body": "THÀNH ỦY",
        "number": "     -BC/TU",
        "recipients": (
            "Ban Thường vụ Thành ủy;",
            "Các đồng chí Thành ủy viên;",
            "Các thành viên Ban Chỉ đạo;",
        ),
        "signature": Signature(prefix="T/M BAN THƯỜNG VỤ", title="PHÓ BÍ THƯ", name=""),
    },
}


def _as_of(year: int, today: dt.date) -> dt.date:
    first = org.registry_start()
    if first is None:
        raise ReportError(m.REGISTRY_EMPTY)
    if year > today.year:
        raise ReportError(m.YEAR_IN_FUTURE, year=year)
    end = min(dt.date(year, 12, 31), today)
    if end < first:
        raise ReportError(m.YEAR_BEFORE_REGISTRY, year=year, first=f"{first:%d/%m/%Y}")
    return end


def _validity(unit: Any) -> tuple[str, str]:
    spans = [(h["version"].valid_from, h["version"].valid_to) for h in org.unit_history(unit)]
    if not spans:
        return "—", "—"
    start, end = spans[0][0], spans[-1][1]
    end = end - dt.timedelta(days=1) if end else None  # valid_to is the first day without it
    vi_end = f"đến ngày {end:%d/%m/%Y}" if end else "đến nay"
    en_end = f"until {end.isoformat()}" if end else "to date"
    return f"từ ngày {start:%d/%m/%Y} {vi_end}", f"from {start.isoformat()} {en_end}"


def _scope(unit_code: str | None, as_of: dt.date) -> org.UnitNode | None:
    if not unit_code:
        return None
    try:
        unit = org.unit_get(unit_code)
    except NotFound:
        raise ReportError(m.SCOPE_UNKNOWN, code=unit_code) from None
    node = org.unit_node_on(unit, as_of)
    if node is None:
        validity, validity_en = _validity(unit)
        raise ReportError(
            m.SCOPE_NOT_IN_YEAR,
            code=unit.code,
            name=org.unit_latest_node(unit).name,
            on=f"{as_of:%d/%m/%Y}",
            validity=validity,
            validity_en=validity_en,
        )
    return node


def _root(tree: org.Tree) -> org.UnitNode:
    cities = [n for n in tree.roots if n.kind == UnitKind.CITY]
    return (cities or tree.roots)[0]


def _letterhead(fmt: DocFormat, year: int, scope: org.UnitNode | None, on: dt.date) -> Letterhead:
    if fmt not in LETTERHEADS:
        raise ReportError(m.FORMAT_UNKNOWN, fmt=fmt)
    h = LETTERHEADS[fmt]
    whose = f" của {scope.name}" if scope else ""
    return Letterhead(
        format=fmt,
        parent_body=h["parent_body"],
        issuing_body=h["issuing_body"],
        number=h["number"],
        place="Hà Nội",
        issued_on=on,
        doc_type="BÁO CÁO",
        summary=f"Đánh giá {SUBJECT}{whose} năm {year} và nhiệm vụ trọng tâm năm {year + 1}",
        recipients=h["recipients"],
        signature=h["signature"],
    )


def sanitize(html: str) -> str:
    """The officer's HTML with every tag but the content model's removed (and no attributes)."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={}).strip()


def _check_keys(narratives: Mapping[str, str]) -> None:
    unknown = sorted(set(narratives) - set(EDITABLE_KEYS))
    if unknown:
        raise ReportError(m.NARRATIVE_UNKNOWN, key=unknown[0], keys=", ".join(EDITABLE_KEYS))


def _apply(sections: list[Section], narratives: Mapping[str, str]) -> None:
    for section in sections:
        html = narratives.get(section.key)
        if section.editable and html is not None and sanitize(html):
            section.blocks = [RichText(sanitize(html))]


def context(year: int, unit_code: str | None = None, *, today: dt.date | None = None) -> Context:
    """The sections' context for ``year`` and scope; raises ReportError (see the messages)."""
    today = today or clock_today()
    as_of = _as_of(year, today)
    scope = _scope(unit_code, as_of)
    tree = org.unit_tree_as_of(as_of)
    return Context(
        year=year, scope=scope, root=_root(tree), start=dt.date(year, 1, 1), as_of=as_of, tree=tree
    )


def build_annual(
    year: int,
    unit_code: str | None = None,
    *,
    fmt: DocFormat = "state",
    narratives: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> Document:
    """The annual report of ``year`` for the city (``unit_code`` None) or a unit's subtree."""
    today = today or clock_today()
    _check_keys(narratives or {})
    ctx = context(year, unit_code, today=today)
    letterhead = _letterhead(fmt, year, ctx.scope, today)
    results = [s for s in (build(ctx) for build in RESULTS) if s is not None]
    part_one = Section(key="results", heading=f"Kết quả thực hiện năm {year}", subsections=results)
    editable = [s for s in (build(ctx) for build in EDITABLE) if s is not None]
    _apply(editable, narratives or {})
    return Document(
        letterhead=letterhead, sections=[part_one, *editable], generated_at=timezone.now()
    )
