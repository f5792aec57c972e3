"""A problem found in an imported file: row, column and reason in both languages.

Imports collect every problem first and write only when the list is empty (all-or-nothing).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    row: int  # Excel row number (header is row 1); 0 = the file itself
    column: str
    vi: str
    en: str
