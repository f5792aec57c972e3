"""Investor names compared without diacritics, case or company-form words.

«Công ty CP Công nghệ Minh Phát» and «CONG TY CO PHAN CONG NGHE MINH PHAT» are the same
investor typed twice; the check warns (it does not refuse) because two firms can have
close names, and the officer decides.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

#: Words that say what legal form a firm has, not which firm it is.
FORM_WORDS = frozenset(
    "cong ty tnhh co phan cp mtv mot thanh vien tap doan jsc ltd co corp corporation inc "
    "company limited group llc plc".split()
)
SIMILAR_AT = 0.88


def fold(name: str) -> str:
    """Lower-case ASCII words of ``name`` without diacritics and company-form words."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    kept = [w for w in words if w not in FORM_WORDS]
    return " ".join(kept or words)


def similarity(a: str, b: str) -> float:
    """Similarity of two folded names in [0, 1]: the better of character and word order."""
    if not a or not b:
        return 0.0
    direct = difflib.SequenceMatcher(None, a, b).ratio()
    ordered = difflib.SequenceMatcher(
        None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    )
    return max(direct, ordered.ratio())


def most_similar(name: str, candidates: Iterable[tuple[int, str]]) -> tuple[int, float] | None:
    """The candidate (id, folded name) most like ``name`` at or above the threshold."""
    key = fold(name)
    best: tuple[int, float] | None = None
    for pk, other in candidates:
        score = similarity(key, other)
        if score >= SIMILAR_AT and (best is None or score > best[1]):
            best = (pk, score)
    return best
