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

from PIL import Image, ImageDraw, ImageFont

from bienche.reports.content import Chart
from bienche.reports.render.text import format_number

WIDTH, HEIGHT = 1600, 1000
DPI = 200
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6")
KNOWN_FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-{style}.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-{style}.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif{dejavu}.ttf",
)
PLOT = (190, 160, WIDTH - 60, HEIGHT - 190)  # left, top, right, bottom


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
        values = [v for _, series in chart.series for v in series] or [0.0]
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
        small = _font(36)
        for tick in self.ticks:
            y = self.y(tick)
            self.draw.line([(left, y), (right, y)], fill="#d9d9d9", width=2)
            label = format_number(int(tick) if float(tick).is_integer() else tick)
            self.draw.text((left - 12, y), label, fill="black", font=small, anchor="rm")
        self.draw.line([(left, top), (left, bottom)], fill="black", width=3)
        self.draw.line([(left, self.y(0)), (right, self.y(0))], fill="black", width=3)
        if self.chart.unit:
            self.draw.text(
                (left - 12, top - 30), self.chart.unit, fill="black", font=small, anchor="rb"
            )
        for index, category in enumerate(self.chart.categories):
            x, width = self.slot(index)
            self._category_label(category, x + width / 2, width)

    def _category_label(self, text: str, centre: float, width: float) -> None:
        font = _font(36)
        words, lines, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and self.draw.textlength(trial, font=font) > width - 8:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        for number, part in enumerate(lines[:3]):
            y = PLOT[3] + 16 + number * 40
            self.draw.text((centre, y), part, fill="black", font=font, anchor="ma")

    def legend(self) -> None:
        font = _font(38)
        x = PLOT[0]
        for number, (name, _) in enumerate(self.chart.series):
            colour = PALETTE[number % len(PALETTE)]
            self.draw.rectangle([x, 40, x + 36, 76], fill=colour)
            self.draw.text((x + 48, 58), name, fill="black", font=font, anchor="lm")
            x += 48 + self.draw.textlength(name, font=font) + 50

    def bars(self) -> None:
        count = max(len(self.chart.series), 1)
        for index in range(len(self.chart.categories)):
            x, width = self.slot(index)
            bar = width * 0.7 / count
            for number, (_, values) in enumerate(self.chart.series):
                value = values[index] if index < len(values) else 0.0
                x0 = x + width * 0.15 + number * bar
                top, base = sorted((self.y(value), self.y(0)))
                colour = PALETTE[number % len(PALETTE)]
                self.draw.rectangle([x0, top, x0 + bar - 4, base], fill=colour)

    def lines(self) -> None:
        for number, (_, values) in enumerate(self.chart.series):
            colour = PALETTE[number % len(PALETTE)]
            points = []
            for index, value in enumerate(values[: len(self.chart.categories)]):
                x, width = self.slot(index)
                points.append((x + width / 2, self.y(value)))
            if len(points) > 1:
                self.draw.line(points, fill=colour, width=6, joint="curve")
            for px, py in points:
                self.draw.ellipse([px - 9, py - 9, px + 9, py + 9], fill=colour)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG", dpi=(DPI, DPI), optimize=False)
        return buffer.getvalue()


def chart_png(chart: Chart) -> bytes:
    """The chart as a PNG (1600×1000 px at 200 dpi: 20.3 × 12.7 cm before scaling)."""
    canvas = _Canvas(chart)
    canvas.axes()
    if chart.kind == "line":
        canvas.lines()
    else:
        canvas.bars()
    canvas.legend()
    return canvas.png()
