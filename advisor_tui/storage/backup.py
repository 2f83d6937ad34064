"""Copies of a SQLite database made with SQLite's online backup API.

Safe while another process writes: the copy is one consistent snapshot (the
whole database is copied in one backup step, i.e. inside one read
transaction, which in WAL mode never blocks writers). A copy is written to a
temporary file beside its destination and renamed into place, so a crash
never leaves a half-written file under a backup's name. Copies are plain
rollback-journal files (no -wal/-shm beside them), mode 0600.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

BUSY_TIMEOUT_S = 5.0


def _connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)


class CorruptCopy(sqlite3.DatabaseError):
    """The copy failed SQLite's integrity check: the source is damaged; nothing was written."""


def _remove_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _is_damage(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def integrity_problems(conn: sqlite3.Connection, limit: int = 10) -> list[str]:
    """SQLite's integrity check of an open database: [] when it is intact."""
    rows = conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def backup_sqlite(source: Path, dest: Path, *, force: bool = True) -> Path:
    """Copy `source` to `dest` (mode 0600), checked, and return `dest`.

    The copy is written to a temporary file beside `dest`, checked with
    SQLite's integrity check and only then given its name: a damaged source
    raises `CorruptCopy` and leaves `dest` (and every older copy) as it was.
    Without `force` an existing `dest` is never replaced (`OutputFileError`).
    """
    from advisor_tui.storage.output_files import check_target, create_temp, publish

    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    check_target(dest, force=force)
    temp = create_temp(dest)
    try:
        src = _connect_readonly(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)  # pages=-1: one step, one consistent snapshot
                # The copy inherits WAL mode; a self-contained file is easier to move and open.
                dst.execute("PRAGMA journal_mode=DELETE")
                problems = integrity_problems(dst)
            finally:
                dst.close()
        finally:
            src.close()
        if problems:
            raise CorruptCopy(f"database disk image is malformed: {problems[0]}")
        publish(temp, dest, force=force)
    except sqlite3.DatabaseError as exc:
        _remove_quietly(temp)
        if not isinstance(exc, CorruptCopy) and _is_damage(exc):
            raise CorruptCopy(str(exc)) from exc
        raise
    except BaseException:
        _remove_quietly(temp)
        raise
    return dest


def copy_into(source: Path, target: Path) -> None:
    """Overwrite the database `target` with the content of `source`, in place.

    Goes through the backup API into the live target, so SQLite itself keeps
    the target's -wal/-shm files right and other connections see either the
    old or the new database, never a mix. The target keeps its journal mode.
    """
    src = _connect_readonly(source)
    try:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            dst.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            src_size = src.execute("PRAGMA page_size").fetchone()[0]
            dst_size = dst.execute("PRAGMA page_size").fetchone()[0]
            dst_mode = dst.execute("PRAGMA journal_mode").fetchone()[0]
            if src_size != dst_size and str(dst_mode).lower() == "wal":
                # SQLite cannot back up into a WAL database with another page size.
                dst.execute("PRAGMA journal_mode=DELETE")
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")
            else:
                src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_ok(path: Path) -> bool:
    """True when `path` is a SQLite database whose integrity check passes."""
    try:
        conn = _connect_readonly(path)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return rows == [("ok",)]
