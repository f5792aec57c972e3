"""Charts: PNGs drawn with a TrueType serif font (Vietnamese diacritics), bars and lines."""

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image

from bienche.reports.content import Chart, Source
from bienche.reports.render import charts
from bienche.reports.render.charts import chart_png, font_path, nice_ticks

SOURCE = Source("bienche.steering.selectors.task_statistics", date(2023, 12, 31))


def chart(kind="bar", series=(("Đúng hạn", (3.0, 5.0)), ("Quá hạn", (1.0, 2.0)))):
    return Chart("Nhiệm vụ", kind, ("Quý I", "Quý II"), series, SOURCE, unit="nhiệm vụ")


def test_font_with_vietnamese_glyphs_is_found():
    path = font_path()
    assert path is not None
    assert path.endswith(".ttf")
    assert font_path(bold=True) != path


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_chart_png_size_dpi_and_series_colours(kind):
    image = Image.open(io.BytesIO(chart_png(chart(kind))))
    assert image.format == "PNG"
    assert image.size == (charts.WIDTH, charts.HEIGHT)
    assert round(image.info["dpi"][0]) == charts.DPI
    colours = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=4096)}
    assert {(0x1F, 0x4E, 0x79), (0xC5, 0x5A, 0x11)} <= colours  # both series drawn
    assert (0, 0, 0) in colours  # axes and text


def test_text_is_antialiased_truetype_not_the_bitmap_fallback():
    image = Image.open(io.BytesIO(chart_png(chart()))).convert("RGB")
    greys = {rgb for _, rgb in image.getcolors(maxcolors=4096) if len(set(rgb)) == 1}
    assert len(greys) > 8  # a ramp of greys at the glyph edges


def test_negative_values_and_empty_series_do_not_break():
    negative = chart(series=(("Chênh lệch", (-4.0, 6.5)),))
    assert chart_png(negative).startswith(b"\x89PNG")
    empty = Chart("Trống", "line", (), (), SOURCE)
    assert chart_png(empty).startswith(b"\x89PNG")


def test_nice_ticks():
    assert nice_ticks(0, 1150) == [0, 250, 500, 750, 1000, 1250]
    assert nice_ticks(-4, 6.5) == [-5, -2.5, 0, 2.5, 5, 7.5]
    assert nice_ticks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]


def test_lists_decimals_ints_and_missing_values_are_drawn():
    """A section may build a chart with lists (unhashable: no cache), Decimals or gaps."""
    loose = Chart(
        "Chi phí",
        "line",
        ["Tháng 1", "Tháng 2", "Tháng 3"],  # type: ignore[arg-type]
        [("Chi phí", [Decimal("1.5"), None, 3])],  # type: ignore[list-item]
        SOURCE,
    )
    image = Image.open(io.BytesIO(chart_png(loose))).convert("RGB")
    assert (0x1F, 0x4E, 0x79) in {rgb for _, rgb in image.getcolors(maxcolors=4096)}
    bars = replace(loose, kind="bar")
    assert chart_png(bars).startswith(b"\x89PNG")
