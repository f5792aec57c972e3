"""Reading XLSX files for imports: strings in, the caller parses and reports problems."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

#: Limits checked before the reader opens a file: an XLSX is a ZIP archive, and a small
#: upload can unpack to gigabytes (a "zip bomb").
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000


def check_archive(path: str | Path) -> None:
    """Refuse a file that is not a ZIP-based workbook or that would unpack too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"not an XLSX workbook ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise ValueError(f"the workbook has too many parts ({len(members)})")
    unpacked = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise ValueError(
            f"the workbook would unpack to {unpacked:,} bytes from {packed:,}: refused"
        )


def read_xlsx_frame(path: str | Path) -> Any:
    """The first sheet as a Polars frame of strings (fastexcel/calamine).

    Raises ValueError on a file that cannot be read or is unsafe to unpack."""
    import fastexcel

    check_archive(path)
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
