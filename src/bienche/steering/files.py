"""Checks on uploaded files (document scans, task products) before anything is stored."""

from __future__ import annotations

from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from bienche.core.errors import InvalidInput
from bienche.steering import messages as m

MAX_BYTES = 20 * 1024 * 1024
ALLOWED = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".odt",
        ".ods",
        ".jpg",
        ".jpeg",
        ".png",
        ".zip",
        ".txt",
    }
)


def check_upload(upload: UploadedFile, *, field: str) -> None:
    """Refuse empty, oversized or unexpected files, with the file's name in the message."""
    name = PurePath(upload.name or "").name
    if not name:
        raise InvalidInput(
            m.FILE_REJECTED, field=field, name="?", reason="không có tên", reason_en="no name"
        )
    if PurePath(name).suffix.lower() not in ALLOWED:
        raise InvalidInput(
            m.FILE_REJECTED,
            field=field,
            name=name,
            reason="chỉ nhận PDF, Word, Excel, OpenDocument, ảnh JPG/PNG, ZIP, TXT",
            reason_en="only PDF, Word, Excel, OpenDocument, JPG/PNG, ZIP and TXT are accepted",
        )
    if not upload.size:
        raise InvalidInput(
            m.FILE_REJECTED, field=field, name=name, reason="tệp rỗng", reason_en="empty file"
        )
    if upload.size > MAX_BYTES:
        raise InvalidInput(
            m.FILE_REJECTED,
            field=field,
            name=name,
            reason="lớn hơn 20 MB",
            reason_en="larger than 20 MB",
        )
