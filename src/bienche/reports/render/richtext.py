"""The officers' narrative (RichText): sanitize, then read as paragraphs of styled runs.

The stored HTML was sanitized when it was saved; the renderers never trust that and
sanitize again with nh3 to the same subset (p, strong/b, em/i, u, ul/ol/li, br, no
attributes). The DOCX renderer reads the result as `RichParagraph`s; the HTML renderer
embeds the sanitized HTML as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "strong", "b", "em", "i", "u", "ul", "ol", "li", "br"}
_STYLE_TAGS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underline"}


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={}, strip_comments=True)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    line_break: bool = False  # a <br>: the run is a break, text is empty


@dataclass
class RichParagraph:
    runs: list[Run] = field(default_factory=list)
    #: "" for a plain paragraph; "- " or "1. " for a list item.
    bullet: str = ""
    depth: int = 0

    def text(self) -> str:
        return "".join("\n" if run.line_break else run.text for run in self.runs)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[RichParagraph] = []
        self.current: RichParagraph | None = None
        self.styles: dict[str, int] = {"bold": 0, "italic": 0, "underline": 0}
        self.lists: list[list[int | str]] = []  # [kind, counter] per open list

    def _open(self, bullet: str = "") -> RichParagraph:
        self.current = RichParagraph(bullet=bullet, depth=max(len(self.lists) - 1, 0))
        self.paragraphs.append(self.current)
        return self.current

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STYLE_TAGS:
            self.styles[_STYLE_TAGS[tag]] += 1
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
            self.current = None
        elif tag == "li":
            self._open(self._bullet())
        elif tag == "p":
            self._open()
        elif tag == "br":
            (self.current or self._open()).runs.append(Run("", line_break=True))

    def _bullet(self) -> str:
        if not self.lists:
            return "- "
        kind = self.lists[-1]
        kind[1] = int(kind[1]) + 1
        return f"{kind[1]}. " if kind[0] == "ol" else "- "

    def handle_endtag(self, tag: str) -> None:
        if tag in _STYLE_TAGS:
            self.styles[_STYLE_TAGS[tag]] = max(self.styles[_STYLE_TAGS[tag]] - 1, 0)
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.current = None
        elif tag in ("p", "li"):
            self.current = None

    def handle_data(self, data: str) -> None:
        if not data.strip() and self.current is None:
            return
        paragraph = self.current or self._open()
        paragraph.runs.append(
            Run(
                data,
                bold=self.styles["bold"] > 0,
                italic=self.styles["italic"] > 0,
                underline=self.styles["underline"] > 0,
            )
        )


def rich_paragraphs(html: str) -> list[RichParagraph]:
    """The sanitized narrative as paragraphs; empty paragraphs are dropped."""
    reader = _Reader()
    reader.feed(sanitize(html))
    reader.close()
    return [p for p in reader.paragraphs if p.text().strip()]
