"""Backups and restores of the whole installation: the database and the uploaded files.

A backup is one ``.tar`` archive:

* ``manifest.json`` — format version, creation time, database engine, the applied
  migrations, and the SHA-256 of every member, checked before anything is restored;
* ``db.sqlite3`` (SQLite, taken with the online backup API: consistent while the app runs)
  or ``db.dump`` (PostgreSQL, ``pg_dump --format=custom``);
* ``media/…`` — the uploaded files (task products, document scans).

Restore refuses an archive whose checksums do not match or whose engine differs from the
configured database, then replaces the database (SQLite: the backup API copies into the
live file in one step; PostgreSQL: ``pg_restore --clean --if-exists --single-transaction``,
so a failure leaves the database as it was) and then the media directory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1


class BackupError(Exception):
    """The backup or restore could not be done; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    engine: str
    size: int
    files: int


def _engine(alias: str = "default") -> str:
    engine = settings.DATABASES[alias]["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"unsupported database engine {engine}")


def _pg_args(alias: str = "default") -> list[str]:
    """``--dbname`` as a connection URI (password included), so the tools need no
    environment variables of their own."""
    db = connections[alias].settings_dict  # NAME is the test database under pytest
    user = quote(db.get("USER") or "")
    password = quote(db.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(db.get("HOST") or "")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return ["--dbname", f"postgresql://{auth}{host}{port}/{quote(db['NAME'])}"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _dump_database(engine: str, out: Path) -> None:
    if engine == "sqlite":
        live = connections["default"]
        live.ensure_connection()
        target = sqlite3.connect(out)
        try:
            live.connection.backup(target)  # consistent snapshot through the live connection
        finally:
            target.close()
        return
    result = subprocess.run(  # noqa: S603 - fixed executable, arguments from settings
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(out), *_pg_args()],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")


def backup(dest: Path) -> BackupInfo:
    """Write a backup archive to ``dest`` (written to a temporary name, then renamed)."""
    engine = _engine()
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        db_name = "db.sqlite3" if engine == "sqlite" else "db.dump"
        db_file = Path(tmp) / db_name
        _dump_database(engine, db_file)
        members = {db_name: db_file}
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                members[f"media/{path.relative_to(media).as_posix()}"] = path
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "engine": engine,
            "migrations": sorted(
                f"{a}.{n}"
                for a, n in MigrationRecorder(connections["default"]).applied_migrations()
            ),
            "sha256": {name: _sha256(path) for name, path in members.items()},
        }
        partial = dest.with_name(dest.name + ".partial")
        with tarfile.open(partial, "w") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                tar.add(path, arcname=name)
        partial.replace(dest)
    return BackupInfo(dest, engine, dest.stat().st_size, len(members) - 1)


def _read_archive(src: Path, into: Path) -> dict[str, Any]:
    try:
        with tarfile.open(src, "r") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"cannot read the backup archive: {exc}") from exc
    try:
        manifest = json.loads((into / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise BackupError("the archive has no valid manifest.json") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unsupported backup format {manifest.get('format')}")
    for name, digest in manifest["sha256"].items():
        path = into / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"checksum mismatch for {name}: the archive is damaged")
    return manifest


def restore(src: Path) -> dict[str, Any]:
    """Restore ``src`` over the configured database and media directory."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        manifest = _read_archive(src, root)
        if manifest["engine"] != engine:
            raise BackupError(
                f"the backup is of a {manifest['engine']} database, the configured one is {engine}"
            )
        if engine == "sqlite":
            source = sqlite3.connect(root / "db.sqlite3")
            try:
                if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise BackupError(
                        "the SQLite database in the archive fails its integrity check"
                    )
                live = connections["default"]
                live.ensure_connection()
                source.backup(live.connection)  # replaces every page in one step
            finally:
                source.close()
        else:
            connections["default"].close()
            result = subprocess.run(  # noqa: S603
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *_pg_args(),
                    str(root / "db.dump"),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        media = Path(settings.MEDIA_ROOT)
        if (root / "media").is_dir():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(root / "media", media)
    return manifest
