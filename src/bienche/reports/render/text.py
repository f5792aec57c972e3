"""Text conventions shared by the DOCX and HTML renderers.

Vietnamese number formatting (thousands ".", decimals ","), dates ("ngày 05 tháng 01 năm
2024", leading zeros for days 01–09 and months 01–02 as Decree 30/2020/NĐ-CP Appendix I
requires; table dates dd/mm/yyyy), administrative heading numbers (I., 1., a)) and the
numbering of sources as footnote markers.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from bienche.reports.content import Cell, Document, Letterhead, Source

ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
APPENDIX_TITLE = "Phụ lục: Nguồn số liệu"
APPENDIX_COLUMNS = ("STT", "Nguồn số liệu (truy vấn, tham số, ngày số liệu)", "Ghi chú")


#: Characters XML 1.0 forbids (a DOCX with one does not open); Word's own line break
#: (vertical tab, pasted from Word or Excel) becomes a newline.
_NOT_XML = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\x0b", "\n"))


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def heading_number(level: int, index: int) -> str:
    """I., II. (sections); 1., 2. (subsections); a), b) (below), as administrative texts do."""
    if level == 1:
        return f"{roman(index)}."
    if level == 2:
        return f"{index}."
    letters = "abcdefghiklmnopqrstuvxy"  # the Vietnamese alphabet has no j, w, z
    return f"{letters[(index - 1) % len(letters)]})"


def format_int(value: int) -> str:
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_decimal(value: Decimal | float, places: int = 1) -> str:
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    sign = "-" if rounded < 0 else ""
    text = sign + format_int(int(whole))
    return f"{text},{fraction}" if fraction else text


def format_number(value: int | float | Decimal) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return format_int(int(value))
    if isinstance(value, float) and value.is_integer():
        return format_int(int(value))
    return format_decimal(value, 2 if abs(Decimal(str(value))) < 1 else 1)


def format_percent(value: int | float | Decimal) -> str:
    return f"{format_decimal(value, 1)}%"


def format_cell(value: Cell, *, percent: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str):
        return value
    if percent:
        return format_percent(value)
    return format_number(value)


def is_numeric(value: Cell) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def place_and_date(letterhead: Letterhead) -> str:
    """ "Hà Nội, ngày 05 tháng 01 năm 2024", "ngày 07 tháng 8 năm 2023".

    Decree 30/2020/NĐ-CP, Appendix I: a zero is written before days below 10 and before
    months 1 and 2 (so they cannot be extended to 10–12); other months have no zero.
    """
    day = letterhead.issued_on
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{letterhead.place}, ngày {day:%d} tháng {month} năm {day.year}"


def number_line(letterhead: Letterhead, prefix: str) -> str:
    return f"{prefix}{letterhead.number}"


def recipient_lines(letterhead: Letterhead, archive_entry: str) -> list[str]:
    lines = [f"- {entry.strip().lstrip('- ').strip()}" for entry in letterhead.recipients]
    return [*lines, f"- {archive_entry}"]


class SourceIndex:
    """Numbers the document's sources in order of appearance: the [n] markers."""

    def __init__(self, document: Document) -> None:
        self.sources = document.sources()
        self._numbers = {source: n for n, source in enumerate(self.sources, start=1)}

    def numbers(self, sources: tuple[Source, ...] | list[Source]) -> list[int]:
        return sorted({self._numbers[source] for source in sources})

    def marker(self, sources: tuple[Source, ...] | list[Source]) -> str:
        numbers = self.numbers(sources)
        return "".join(f"[{n}]" for n in numbers)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (str(n), source.label(), source.note) for n, source in enumerate(self.sources, start=1)
        ]
