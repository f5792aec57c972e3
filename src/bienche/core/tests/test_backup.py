"""Backup and restore round trip, on SQLite and (in the PostgreSQL run) on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import tarfile

import pytest

from bienche.core.backup import BackupError, backup, restore
from bienche.core.models import CalendarOverride

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "steering").mkdir(parents=True)
    (settings.MEDIA_ROOT / "steering" / "bao-cao.pdf").write_bytes(b"%PDF-1.4 original")
    return settings.MEDIA_ROOT


def _override(day: dt.date) -> None:
    CalendarOverride.objects.create(day=day, kind="working", reason="Làm bù", basis="QĐ 1")


def test_round_trip_restores_rows_and_files(media, tmp_path):
    _override(dt.date(2025, 3, 8))
    info = backup(tmp_path / "b.tar")
    assert info.files == 1
    with tarfile.open(info.path) as tar:
        assert "manifest.json" in tar.getnames()
    CalendarOverride.objects.all().delete()
    _override(dt.date(2026, 1, 3))
    (media / "steering" / "bao-cao.pdf").write_bytes(b"changed")
    (media / "new.txt").write_text("after the backup")
    manifest = restore(info.path)
    assert manifest["engine"] in {"sqlite", "postgresql"}
    assert list(CalendarOverride.objects.values_list("day", flat=True)) == [dt.date(2025, 3, 8)]
    assert (media / "steering" / "bao-cao.pdf").read_bytes() == b"%PDF-1.4 original"
    assert not (media / "new.txt").exists()


def test_damaged_archive_is_refused_and_nothing_changes(media, tmp_path):
    _override(dt.date(2025, 3, 8))
    info = backup(tmp_path / "b.tar")
    with tarfile.open(info.path) as tar:
        tar.extractall(tmp_path / "x", filter="data")
    (tmp_path / "x" / "media" / "steering" / "bao-cao.pdf").write_bytes(b"tampered")
    bad = tmp_path / "bad.tar"
    with tarfile.open(bad, "w") as tar:
        for name in ("manifest.json", "media"):
            tar.add(tmp_path / "x" / name, arcname=name)
        db = next(p for p in (tmp_path / "x").iterdir() if p.name.startswith("db."))
        tar.add(db, arcname=db.name)
    CalendarOverride.objects.all().delete()
    with pytest.raises(BackupError, match="checksum mismatch"):
        restore(bad)
    assert CalendarOverride.objects.count() == 0
    with pytest.raises(BackupError, match="cannot read"):
        restore(tmp_path / "missing.tar")


def test_cli_backup_and_restore(media, tmp_path, capsys):
    from bienche.cli import main

    _override(dt.date(2025, 3, 8))
    out = tmp_path / "cli.tar"
    assert main(["backup", str(out)]) == 0
    CalendarOverride.objects.all().delete()
    assert main(["restore", str(out)]) == 2  # needs --yes
    assert CalendarOverride.objects.count() == 0
    assert main(["restore", str(out), "--yes"]) == 0
    assert CalendarOverride.objects.count() == 1
    assert main(["restore", str(tmp_path / "nope.tar"), "--yes"]) == 4
    assert "dữ liệu hiện tại không thay đổi" in capsys.readouterr().err
