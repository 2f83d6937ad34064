"""Backups of the SQLite database: on demand, daily at start, and restore.

Files live in `paths.backup_dir(db)` beside the database:
- `NAME-YYYYmmdd-HHMMSS.sqlite3`  manual (`advisor backup`), never rotated;
- `NAME-daily-YYYY-MM-DD.sqlite3`  the first start of a day, the last 7 kept;
- `NAME-weekly-YYYY-Www.sqlite3`  the first start of an ISO week, the last 4 kept;
- `NAME-before-restore-...`        the database as it was before a restore.
PostgreSQL is backed up with pg_dump; these functions refuse other URLs.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from advisor_tui import paths
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.gdpr.ledger import read_ledger
from advisor_tui.storage.backup import CorruptCopy, backup_sqlite, copy_into, integrity_ok

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int  # bytes


def _reason(exc: BaseException) -> str:
    """What went wrong, as the sentence users read for it (disk full, locked, ...)."""
    from advisor_tui.i18n.errors import describe_error

    return describe_error(exc).rstrip(".")


def sqlite_path_of(url: str) -> Path:
    """The database file behind `url`, or ServiceError for PostgreSQL and :memory:."""
    from advisor_tui.storage.db import sqlite_file

    path = sqlite_file(url)
    if path is None:
        raise ServiceError("backup.sqlite_only")
    return path


def _require_database(db_path: Path) -> None:
    if not db_path.is_file():
        raise ServiceError("backup.no_database", path=str(db_path))


def default_destination(db_path: Path, now: datetime | None = None) -> Path:
    """Where `advisor backup` without DEST writes: the backups folder, time-stamped."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return paths.backup_dir(db_path) / f"{db_path.stem}-{stamp}{SUFFIX}"


def backup_database(
    db_path: Path, dest: Path | None = None, *, now: datetime | None = None, force: bool = False
) -> BackupInfo:
    """Copy the database to `dest` (a file, or a folder to put it in) with the backup API.

    The copy is checked before it takes its name (`storage.backup.backup_sqlite`):
    a damaged database raises ServiceError("backup.corrupt_source") and writes
    nothing. An existing `dest` is replaced only with `force`.
    """
    _require_database(db_path)
    if dest is None:
        dest = default_destination(db_path, now)
    elif dest.is_dir():
        dest = dest / default_destination(db_path, now).name
    dest = dest.expanduser().absolute()
    if dest.resolve() == db_path.resolve():
        raise ServiceError("backup.same_file", path=str(dest))
    if not dest.parent.exists() and dest.parent != paths.backup_dir(db_path):
        raise ServiceError("backup.no_folder", path=str(dest.parent))
    try:
        backup_sqlite(db_path, dest, force=force)
    except CorruptCopy as exc:
        raise ServiceError("backup.corrupt_source", path=str(db_path)) from exc
    except sqlite3.Error as exc:
        raise ServiceError("backup.failed", path=str(db_path), reason=_reason(exc)) from exc
    except OSError as exc:
        raise ServiceError(
            "backup.failed", path=str(dest), reason=exc.strerror or str(exc)
        ) from exc
    return BackupInfo(dest, dest.stat().st_size)


# --- automatic daily and weekly copies ---------------------------------------------------------


def _daily_name(db_path: Path, day: datetime) -> str:
    return f"{db_path.stem}-daily-{day:%Y-%m-%d}{SUFFIX}"


def _weekly_name(db_path: Path, day: datetime) -> str:
    year, week, _ = day.isocalendar()
    return f"{db_path.stem}-weekly-{year:04d}-W{week:02d}{SUFFIX}"


def _rotate(folder: Path, db_path: Path, tag: str, keep: int, newest: Path) -> list[Path]:
    """Delete all but the newest `keep` files of one kind; names sort by date.

    Called only after `newest` was written and passed the integrity check, and
    only when `newest` is among the kept: the last good copy is never deleted.
    """
    pattern = re.compile(
        rf"^{re.escape(db_path.stem)}-{tag}-(\d{{4}}-(?:\d{{2}}-\d{{2}}|W\d{{2}})){re.escape(SUFFIX)}$"
    )
    found = sorted(p for p in folder.iterdir() if pattern.match(p.name))
    doomed = found[:-keep] if keep else found
    if newest in doomed or not integrity_ok(newest):
        return []
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def auto_backup_now(db_path: Path, now: datetime | None = None) -> Path | None:
    """The daily (and weekly) copy if none exists yet for today; raises on failure.

    A damaged database raises ServiceError("backup.corrupt_source"): no copy is
    written and nothing is rotated away, so the older good copies stay.
    """
    if not db_path.is_file():
        return None  # first start: nothing to keep yet
    now = now or datetime.now()
    folder = paths.backup_dir(db_path)
    daily = folder / _daily_name(db_path, now)
    if daily.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        backup_sqlite(db_path, daily)
    except CorruptCopy as exc:
        raise ServiceError("backup.corrupt_source", path=str(db_path)) from exc
    weekly = folder / _weekly_name(db_path, now)
    if not weekly.exists():
        # The daily copy is a closed, consistent file: copying it again is cheaper.
        backup_sqlite(daily, weekly)
    _rotate(folder, db_path, "daily", KEEP_DAILY, daily)
    if weekly.exists():
        _rotate(folder, db_path, "weekly", KEEP_WEEKLY, weekly)
    _remove_stale_temps(folder)
    return daily


def _remove_stale_temps(folder: Path, max_age_s: float = 3600) -> None:
    """Temporary copies a killed process left behind (a running copy is younger)."""
    limit = time.time() - max_age_s
    for path in [*folder.glob(".*.tmp-*"), *folder.glob(".*.tmp")]:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()


def auto_backup_if_due(db_path: Path, now: datetime | None = None) -> Path | None:
    """Run the daily backup if due; never raises (a failure is logged), returns the new file."""
    try:
        return auto_backup_now(db_path, now)
    except Exception as exc:  # the app must start even when the disk is full
        log.warning("automatic backup of %s failed: %s", db_path, exc)
        return None


def _is_due(db_path: Path, now: datetime) -> bool:
    return (
        db_path.is_file() and not (paths.backup_dir(db_path) / _daily_name(db_path, now)).exists()
    )


class AutoBackup(threading.Thread):
    """The daily backup in a thread of its own, so that the TUI need not wait for it.

    Not a daemon: a quick quit still lets the copy finish (it is written to a
    temporary name and renamed, so even a killed process leaves no half backup).
    After `join()`, `result` is the new file or None; `error` says why it failed.
    """

    def __init__(self, db_path: Path, now: datetime) -> None:
        super().__init__(name="advisor-auto-backup", daemon=False)
        self.db_path, self.now = db_path, now
        self.result: Path | None = None
        self.error: str | None = None

    def run(self) -> None:
        try:
            self.result = auto_backup_now(self.db_path, self.now)
        except Exception as exc:
            self.error = str(exc)
            log.warning("automatic backup of %s failed: %s", self.db_path, exc)


def auto_backup_for_url(url: str, now: datetime | None = None) -> AutoBackup | None:
    """Start the daily backup of the SQLite database behind `url` if due; never raises.

    Returns the running thread, or None when nothing is due (already done
    today, no database yet, PostgreSQL) or the check itself failed.
    """
    try:
        from advisor_tui.storage.db import sqlite_file

        path = sqlite_file(url)
        now = now or datetime.now()
        if path is None or not _is_due(path, now):
            return None
        worker = AutoBackup(path, now)
        worker.start()
        return worker
    except Exception as exc:
        log.warning("automatic backup skipped: %s", exc)
        return None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of `db_path`, oldest first by modification time."""
    folder = paths.backup_dir(db_path)
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIX)]
    files.sort(key=lambda p: p.stat().st_mtime)
    return [BackupInfo(p, p.stat().st_size) for p in files]


# --- restore ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreCheck:
    """What a file to restore holds, after it passed the checks."""

    path: Path
    revision: str
    persons: int
    size: int


def _read_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def check_restorable(file: Path, *, shown: Path | None = None) -> RestoreCheck:
    """Refuse (ServiceError) unless `file` is an intact advisor database we can migrate.

    `shown` is the path named in messages (the user's file when `file` is a snapshot of it).
    """
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    from advisor_tui.storage.migrate import alembic_config

    if not file.is_file():
        raise ServiceError("restore.no_file", path=str(shown or file))
    if not integrity_ok(file):
        raise ServiceError("restore.not_database", path=str(shown or file))
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        revision = _read_revision(conn)
        try:
            persons = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        except sqlite3.Error:
            revision = None
    finally:
        conn.close()
    if revision is None:
        raise ServiceError("restore.not_advisor", path=str(shown or file))
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise ServiceError("restore.too_new", path=str(shown or file), revision=revision)
    return RestoreCheck(file, revision, persons, file.stat().st_size)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_backup: Path | None  # None when there was no database before
    persons: int
    erased_again: tuple[int, ...] = ()  # ids the ledger erased again in the restored copy


def _prepare_snapshot(snapshot: Path, ledger: list[Any]) -> tuple[int, ...]:
    """Bring the private copy to head and apply the erasure ledger to it, before it goes live."""
    from advisor_tui.services.gdpr.ledger import apply_ledger
    from advisor_tui.storage.db import open_engine
    from advisor_tui.storage.migrate import current_revision, head_revision, upgrade

    engine = open_engine(f"sqlite:///{snapshot}", migrate=False)
    try:
        if current_revision(engine) != head_revision():
            upgrade(engine)  # no "before" copy: the backup file itself is that
        again = apply_ledger(engine, ledger)
    finally:
        engine.dispose()
    conn = sqlite3.connect(snapshot)  # a self-contained file again, for copy_into
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    return tuple(again)


def _save_current(db_path: Path, previous: Path) -> None:
    """The database as it is, before a restore replaces it; a damaged one byte for byte."""
    try:
        backup_sqlite(db_path, previous)
    except CorruptCopy:
        import shutil

        for suffix in ("", "-wal"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                target = Path(f"{previous}{suffix}")
                shutil.copyfile(source, target)
                target.chmod(0o600)


def restore_database(file: Path, db_path: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the database at `db_path` with `file`, after backing up the current one.

    `file` is first copied (backup API) to a private snapshot beside the target
    and checked there (integrity, revision), so what is checked is exactly what
    is restored. The result is migrated to head by the next `open_engine`.
    """
    file = file.expanduser().absolute()
    if db_path.exists() and file.resolve() == db_path.resolve():
        raise ServiceError("backup.same_file", path=str(file))
    if not file.is_file():
        raise ServiceError("restore.no_file", path=str(file))
    if db_path == paths.default_database():
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not db_path.parent.is_dir():
        raise ServiceError("backup.no_folder", path=str(db_path.parent))
    now = now or datetime.now()
    snapshot = db_path.with_name(f".{db_path.name}.restore-{now:%Y%m%d%H%M%S}")
    try:
        try:
            backup_sqlite(file, snapshot)
        except sqlite3.Error as exc:
            raise ServiceError("restore.not_database", path=str(file)) from exc
        check = check_restorable(snapshot, shown=file)
        # Erasures made since the backup are applied to the copy before anyone sees it.
        again = _prepare_snapshot(snapshot, read_ledger(db_path))
        previous = None
        if db_path.exists():
            stamp = now.strftime("%Y%m%d-%H%M%S")
            previous = paths.backup_dir(db_path) / f"{db_path.stem}-before-restore-{stamp}{SUFFIX}"
            previous.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _save_current(db_path, previous)
            copy_into(snapshot, db_path)
            _checkpoint(db_path)
        else:
            # A fresh target: the snapshot becomes it, in one rename.
            snapshot.replace(db_path)
    except sqlite3.Error as exc:
        raise ServiceError("restore.failed", path=str(db_path), reason=_reason(exc)) from exc
    except OSError as exc:
        raise ServiceError(
            "restore.failed", path=str(db_path), reason=exc.strerror or str(exc)
        ) from exc
    finally:
        for leftover in (snapshot, *(Path(f"{snapshot}{x}") for x in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
    return RestoreResult(file, previous, check.persons - len(again), again)


def _checkpoint(db_path: Path) -> None:
    """Empty the restored database's WAL: the replaced pages (erased persons, too) go."""
    conn = sqlite3.connect(db_path, timeout=5)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
