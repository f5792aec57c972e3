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


def test_category_labels_fit_their_slots():
    """Twelve months fit at a smaller size; too many long labels are thinned out."""
    months = Chart(
        "Chi phí",
        "bar",
        tuple(f"{m:02d}/2023" for m in range(1, 13)),
        (("Chi phí", tuple(float(m) for m in range(12))),),
        SOURCE,
    )
    canvas = charts._Canvas(months)
    drawn: list[tuple[str, int]] = []
    canvas._category_label = lambda text, centre, width, size: drawn.append((text, size))
    canvas.category_labels()
    assert [text for text, _ in drawn] == list(months.categories)
    assert len({size for _, size in drawn}) == 1
    assert drawn[0][1] < charts.LABEL_SIZES[0]  # the largest size did not fit
    crowded = replace(months, categories=tuple(f"Tháng_{m:02d}/2023" for m in range(1, 41)))
    crowded = replace(crowded, series=(("A", tuple(1.0 for _ in range(40))),))
    canvas = charts._Canvas(crowded)
    drawn.clear()
    canvas._category_label = lambda text, centre, width, size: drawn.append((text, size))
    canvas.category_labels()
    assert 0 < len(drawn) < 40
    assert drawn[0][0] == "Tháng_01/2023"
