"""Split pasted text of a conclusion into numbered items for the officer to confirm.

Recognized item markers at the start of a line: ``1.``, ``1)``, ``2.3.``, ``2.3)``,
``a)``, ``b.``, ``-``, ``–``, ``•``, ``+``. A line without a marker continues the previous
item; text before the first marker is the preamble (kept apart). The result is a
proposal: nothing is written until the officer confirms the items as tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(
    r"^\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3})*)[.)]|(?P<letter>[a-zđ])\)|(?P<bullet>[-–•+*]))\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)
MAX_ITEMS = 500


@dataclass
class Item:
    number: str
    text: str


def split_items(text: str) -> tuple[str, list[Item]]:
    """(preamble, items). Numbers are kept as written; bullets get 1, 2, 3… in order;
    letters under a number become "N.a"."""
    preamble: list[str] = []
    items: list[Item] = []
    last_number = ""
    bullets = 0
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        match = MARKER.match(line)
        if match is None:
            if items:
                items[-1].text += " " + line
            else:
                preamble.append(line)
            continue
        if match["num"]:
            number = match["num"]
            last_number, bullets = number, 0
        elif match["letter"]:
            letter = match["letter"].lower()
            number = f"{last_number}.{letter}" if last_number else letter
        else:
            bullets += 1
            number = f"{last_number}.{bullets}" if last_number else str(bullets)
        items.append(Item(number, match["text"].strip()))
        if len(items) > MAX_ITEMS:
            break
    return " ".join(preamble), items[:MAX_ITEMS]
