from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from bienche.reports.render.richtext import rich_paragraphs, sanitize
from bienche.reports.render.text import (
    format_cell,
    format_number,
    format_percent,
    heading_number,
    place_and_date,
    roman,
)
from bienche.reports.tests.render_fixture import PARTY_LETTERHEAD, STATE_LETTERHEAD


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1_234_567, "1.234.567"),
        (-1_234_567, "-1.234.567"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("1500"), "1.500"),
        (12.25, "12,3"),
        (0.25, "0,25"),
        (3.0, "3"),
    ],
)
def test_format_number_vietnamese(value, text):
    assert format_number(value) == text


def test_format_percent_and_cells():
    assert format_percent(Decimal("12.5")) == "12,5%"
    assert format_percent(97) == "97,0%"
    assert format_cell(date(2024, 2, 3)) == "03/02/2024"
    assert format_cell(None) == ""
    assert format_cell("Sở Nội vụ") == "Sở Nội vụ"
    assert format_cell(Decimal("93.33"), percent=True) == "93,3%"


def test_place_and_date_has_leading_zeros():
    assert place_and_date(STATE_LETTERHEAD) == "Hà Nội, ngày 05 tháng 01 năm 2024"
    assert place_and_date(PARTY_LETTERHEAD) == "Hà Nội, ngày 07 tháng 8 năm 2023"
    later = replace(STATE_LETTERHEAD, issued_on=date(2024, 12, 15))
    assert place_and_date(later) == "Hà Nội, ngày 15 tháng 12 năm 2024"


def test_heading_numbers():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert heading_number(1, 2) == "II."
    assert heading_number(2, 3) == "3."
    assert heading_number(3, 1) == "a)"
    assert heading_number(3, 10) == "k)"  # Vietnamese alphabet: no j


def test_sanitize_keeps_the_subset_only():
    html = '<p onclick="x()">A <b>b</b><script>alert(1)</script><img src=x onerror=y></p>'
    assert sanitize(html) == "<p>A <b>b</b></p>"


def test_rich_paragraphs_read_styles_lists_and_breaks():
    items = rich_paragraphs(
        "<p>Còn <strong>chậm</strong> <em>ở</em> <u>đây</u></p><ul><li>Một</li></ul>"
        "<ol><li>Hai<br>ba</li><li>Bốn</li></ol>"
    )
    assert [p.text() for p in items] == ["Còn chậm ở đây", "Một", "Hai\nba", "Bốn"]
    assert [p.bullet for p in items] == ["", "- ", "1. ", "2. "]
    runs = items[0].runs
    assert [(r.text, r.bold, r.italic, r.underline) for r in runs if r.text.strip()] == [
        ("Còn ", False, False, False),
        ("chậm", True, False, False),
        ("ở", False, True, False),
        ("đây", False, False, True),
    ]
