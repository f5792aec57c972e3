"""Reading XLSX files for imports: strings in, the caller parses and reports problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any


def read_xlsx_frame(path: str | Path) -> Any:
    """The first sheet as a Polars frame of strings (fastexcel/calamine).

    Raises ValueError on a file that cannot be read."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        return reader.load_sheet(0, dtypes="string").to_polars()
    except Exception as exc:  # noqa: BLE001 - any reader failure means the file is unusable
        raise ValueError(str(exc)) from exc


def read_xlsx(path: str | Path) -> tuple[list[str], list[list[str | None]]]:
    """Headers and rows as strings. Raises ValueError on a bad file."""
    frame = read_xlsx_frame(path)
    return [str(h).strip() for h in frame.columns], [list(r) for r in frame.iter_rows()]


def parse_date(text: str) -> dt.date:
    text = text.strip()[:19]
    if len(text) >= 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text[:10])  # fast path: ISO dates and datetimes
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise ValueError(text)
