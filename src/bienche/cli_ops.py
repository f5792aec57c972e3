"""`bienche backup` and `bienche restore` (glue only; logic lives in core.backup)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def cmd_backup(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    _setup(args.db)
    from bienche.core.backup import BackupError, backup

    try:
        info = backup(Path(args.out))
    except BackupError as exc:
        print(f"lỗi sao lưu: {exc}", file=sys.stderr)
        return 4
    print(f"{info.path}: {info.engine}, {info.size:,} bytes, {info.files} uploaded files")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from bienche.cli import _setup

    if not args.yes:
        print(
            "restore replaces the whole database and uploaded files; add --yes to confirm\n"
            "khôi phục sẽ thay toàn bộ cơ sở dữ liệu và tệp đã tải lên; thêm --yes để xác nhận",
            file=sys.stderr,
        )
        return 2
    _setup(args.db)
    from bienche.core.backup import BackupError, restore

    try:
        manifest = restore(Path(args.file))
    except BackupError as exc:
        print(f"lỗi khôi phục: {exc} (dữ liệu hiện tại không thay đổi)", file=sys.stderr)
        return 4
    print(f"restored the {manifest['engine']} backup of {manifest['created_at']}")
    return 0


def add_parsers(sub: Any) -> None:
    b = sub.add_parser("backup", help="back up the database and uploaded files to a .tar")
    b.add_argument("out")
    b.add_argument("--db", default=argparse.SUPPRESS)
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore", help="restore a backup made by `bienche backup`")
    r.add_argument("file")
    r.add_argument("--yes", action="store_true", help="confirm replacing the current data")
    r.add_argument("--db", default=argparse.SUPPRESS)
    r.set_defaults(func=cmd_restore)
