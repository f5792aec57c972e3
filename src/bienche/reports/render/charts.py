"""Charts drawn to PNG with Pillow: grouped bars or lines, axes, unit label and legend.

Text uses Liberation Serif (metric-compatible with Times New Roman) or DejaVu Serif so the
Vietnamese diacritics are drawn; without either, Pillow's built-in font.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from bienche.reports.content import Chart
from bienche.reports.render.text import format_number

WIDTH, HEIGHT = 1200, 750
DPI = 200
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6")
GRID = "#d9d9d9"
LABEL_SIZES = (27, 24, 21, 18)  # category label sizes in px, tried in order
MAX_LABEL_LINES = 3  # a longer label is cut with "…"
KNOWN_FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-{style}.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-{style}.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif{dejavu}.ttf",
)
PLOT = (145, 120, WIDTH - 45, HEIGHT - 145)  # left, top, right, bottom


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    """The series colours, white, the grid grey and a grey ramp for the antialiased text.

    Charts are flat colours and black text on white, so mapping the drawing onto this
    palette loses nothing visible and makes the PNG about 3× faster to encode and smaller.
    """
    colours = [ImageColor.getrgb(c) for c in (*PALETTE, "#ffffff", GRID)]
    colours += [(g, g, g) for g in range(0, 256, 8)]
    flat = [channel for colour in colours for channel in colour]
    image = Image.new("P", (1, 1))
    image.putpalette(flat + [0] * (768 - len(flat)))
    return image


@lru_cache(maxsize=4)
def font_path(bold: bool = False) -> str | None:
    style, dejavu = ("Bold", "-Bold") if bold else ("Regular", "")
    for pattern in KNOWN_FONTS:
        path = pattern.format(style=style, dejavu=dejavu)
        if Path(path).exists():
            return path
    if shutil.which("fc-match"):
        query = "Liberation Serif:bold" if bold else "Liberation Serif"
        found = subprocess.run(
            ["fc-match", query, "--format", "%{file}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
        if found and Path(found).exists():
            return found
    return None


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path(bold)
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (0 always included)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


class _Canvas:
    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.image = Image.new("RGB", (WIDTH, HEIGHT), "white")
        self.draw = ImageDraw.Draw(self.image)
        #: Values as floats (a section may pass ints or Decimals); None is a missing value.
        self.series = [
            (name, [None if v is None else float(v) for v in values])
            for name, values in chart.series
        ]
        values = [v for _, series in self.series for v in series if v is not None] or [0.0]
        self.ticks = nice_ticks(min(values), max(values))
        self.low, self.high = self.ticks[0], self.ticks[-1]

    def y(self, value: float) -> float:
        left, top, right, bottom = PLOT
        return bottom - (value - self.low) / (self.high - self.low) * (bottom - top)

    def slot(self, index: int) -> tuple[float, float]:
        left, _, right, _ = PLOT
        width = (right - left) / max(len(self.chart.categories), 1)
        return left + index * width, width

    def axes(self) -> None:
        left, top, right, bottom = PLOT
        small = _font(27)
        for tick in self.ticks:
            y = self.y(tick)
            self.draw.line([(left, y), (right, y)], fill=GRID, width=2)
            label = format_number(int(tick) if float(tick).is_integer() else tick)
            self.draw.text((left - 10, y), label, fill="black", font=small, anchor="rm")
        self.draw.line([(left, top), (left, bottom)], fill="black", width=2)
        self.draw.line([(left, self.y(0)), (right, self.y(0))], fill="black", width=2)
        if self.chart.unit:
            self.draw.text(
                (left - 10, top - 22), self.chart.unit, fill="black", font=small, anchor="rb"
            )
        self.category_labels()

    def category_labels(self) -> None:
        """Labels under the slots: the largest size at which every word fits its slot; when
        even the smallest does not (many categories), every second or third label."""
        categories = self.chart.categories
        if not categories:
            return
        _, width = self.slot(0)
        words = [word for text in categories for word in text.split()] or [""]
        size = next(
            (
                s
                for s in LABEL_SIZES
                if max(self.draw.textlength(w, font=_font(s)) for w in words) <= width - 6
            ),
            LABEL_SIZES[-1],
        )
        widest = max(self.draw.textlength(w, font=_font(size)) for w in words)
        step = max(1, math.ceil((widest + 6) / width))
        for index in range(0, len(categories), step):
            x, _ = self.slot(index)
            self._category_label(categories[index], x + width / 2, width * step, size)

    def _category_label(self, text: str, centre: float, width: float, size: int) -> None:
        font = _font(size)
        words, lines, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and self.draw.textlength(trial, font=font) > width - 6:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        if len(lines) > MAX_LABEL_LINES:
            lines = [*lines[: MAX_LABEL_LINES - 1], f"{lines[MAX_LABEL_LINES - 1]}…"]
        for number, part in enumerate(lines):
            y = PLOT[3] + 12 + number * (size + 3)
            self.draw.text((centre, y), part, fill="black", font=font, anchor="ma")

    def legend(self) -> None:
        """One swatch and name per series, left to right, on a second row when needed."""
        font = _font(28 if len(self.chart.series) <= 4 else 22)
        x: float = PLOT[0]
        y = 14
        for number, (name, _) in enumerate(self.chart.series):
            needed = 36 + self.draw.textlength(name, font=font)
            if x > PLOT[0] and x + needed > WIDTH - 10:
                x, y = PLOT[0], y + 34
            colour = PALETTE[number % len(PALETTE)]
            self.draw.rectangle([x, y, x + 27, y + 27], fill=colour)
            self.draw.text((x + 36, y + 14), name, fill="black", font=font, anchor="lm")
            x += needed + 38

    def bars(self) -> None:
        count = max(len(self.chart.series), 1)
        for index in range(len(self.chart.categories)):
            x, width = self.slot(index)
            bar = width * 0.7 / count
            for number, (_, values) in enumerate(self.series):
                value = values[index] if index < len(values) else None
                if value is None:
                    continue
                x0 = x + width * 0.15 + number * bar
                top, base = sorted((self.y(value), self.y(0)))
                colour = PALETTE[number % len(PALETTE)]
                self.draw.rectangle([x0, top, x0 + bar - 3, base], fill=colour)

    def lines(self) -> None:
        for number, (_, values) in enumerate(self.series):
            colour = PALETTE[number % len(PALETTE)]
            points = []
            for index, value in enumerate(values[: len(self.chart.categories)]):
                if value is None:
                    continue
                x, width = self.slot(index)
                points.append((x + width / 2, self.y(value)))
            if len(points) > 1:
                self.draw.line(points, fill=colour, width=5, joint="curve")
            for px, py in points:
                self.draw.ellipse([px - 7, py - 7, px + 7, py + 7], fill=colour)

    def png(self, *, palette: bool) -> bytes:
        buffer = io.BytesIO()
        image = self.image
        if palette:
            image = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
        image.save(buffer, format="PNG", dpi=(DPI, DPI), compress_level=1)
        return buffer.getvalue()


def chart_png(chart: Chart, *, palette: bool = True) -> bytes:
    """The chart as a PNG: 1200×750 px at 200 dpi (152 × 95 mm), printed 150 mm wide.

    On the fixed palette by default (DOCX, web preview). `palette=False` gives the RGB PNG
    WeasyPrint embeds as is (it would convert a palette image to RGB and encode it twice).
    Cached per chart (charts are frozen), so the DOCX and the PDF of one report draw once;
    a chart built with lists instead of tuples is not hashable and is drawn uncached.
    """
    try:
        return _cached_png(chart, palette)
    except TypeError:
        return _draw(chart, palette)


def clear_cache() -> None:
    _cached_png.cache_clear()


@lru_cache(maxsize=64)
def _cached_png(chart: Chart, palette: bool) -> bytes:
    return _draw(chart, palette)


def _draw(chart: Chart, palette: bool) -> bytes:
    canvas = _Canvas(chart)
    canvas.axes()
    if chart.kind == "line":
        canvas.lines()
    else:
        canvas.bars()
    canvas.legend()
    return canvas.png(palette=palette)
