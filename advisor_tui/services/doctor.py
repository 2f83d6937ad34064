"""`advisor doctor`: what needs fixing about the database and its backups.

Each check is a function from `DoctorContext` to findings; `CHECKS` lists
them, so a new check is one function and one line there. A finding is a
fact (catalog key and parameters) and says whether it needs fixing; the CLI
renders it, with what to do, in the user's language. Nothing is changed:
the database is opened read-only and never migrated.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from advisor_tui import paths

# The newest backup may be this old before the doctor complains (the daily copy plus a weekend).
BACKUP_MAX_AGE_DAYS = 3


@dataclass(frozen=True)
class Finding:
    """One result: `key`/`params` say what was found; `fix` (a key) what to do, if anything."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    fix: str | None = None  # None: fine

    @property
    def needs_fixing(self) -> bool:
        return self.fix is not None


@dataclass
class DoctorContext:
    url: str
    db_path: Path | None  # None: not a SQLite file (PostgreSQL)


Check = Callable[[DoctorContext], list[Finding]]


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)


def _private(path: Path, want: int) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & ~want == 0


def check_database_file(ctx: DoctorContext) -> list[Finding]:
    if ctx.db_path is None:
        return [Finding("doctor.not_sqlite", {"url": ctx.url})]
    if not ctx.db_path.is_file():
        return [Finding("doctor.no_database", {"path": str(ctx.db_path)}, "doctor.fix.no_database")]
    return [Finding("doctor.database", {"path": str(ctx.db_path)})]


def _mode_finding(key: str, path: Path) -> Finding:
    mode = f"{stat.S_IMODE(path.stat().st_mode):o}"
    return Finding(key, {"path": str(path), "mode": mode}, key.replace("doctor.", "doctor.fix."))


def check_file_modes(ctx: DoctorContext) -> list[Finding]:
    """The database, its -wal/-shm, its folder and the backups are the user's alone."""
    if ctx.db_path is None or not ctx.db_path.is_file():
        return []
    files = [ctx.db_path, *(Path(f"{ctx.db_path}{s}") for s in ("-wal", "-shm"))]
    backups = paths.backup_dir(ctx.db_path)
    if backups.is_dir():
        files.extend(p for p in backups.iterdir() if p.is_file())
    open_files = [p for p in files if p.exists() and not _private(p, 0o600)]
    # The database's folder may be a shared one, as long as no one else can replace files in it.
    folders = [p for p in (ctx.db_path.parent,) if stat.S_IMODE(p.stat().st_mode) & 0o022]
    folders += [p for p in (backups,) if p.is_dir() and not _private(p, 0o700)]
    found = [_mode_finding("doctor.mode_file", p) for p in open_files]
    found += [_mode_finding("doctor.mode_folder", p) for p in folders]
    return found or [Finding("doctor.modes_ok")]


def check_schema(ctx: DoctorContext) -> list[Finding]:
    from advisor_tui.storage.schema_version import HEAD_REVISION

    if ctx.db_path is None or not ctx.db_path.is_file():
        return []
    try:
        conn = _ro(ctx.db_path)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return [Finding("doctor.schema_unreadable", {}, "doctor.fix.restore")]
    revision = row[0] if row else None
    if revision == HEAD_REVISION:
        return [Finding("doctor.schema_ok", {"revision": revision})]
    if revision is not None and revision > HEAD_REVISION:
        return [Finding("doctor.schema_newer", {"revision": revision}, "doctor.fix.update")]
    return [Finding("doctor.schema_old", {"revision": revision or "-", "head": HEAD_REVISION})]


def check_integrity(ctx: DoctorContext) -> list[Finding]:
    from advisor_tui.storage.backup import integrity_problems

    if ctx.db_path is None or not ctx.db_path.is_file():
        return []
    try:
        conn = _ro(ctx.db_path)
        try:
            problems = integrity_problems(conn, limit=3)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problems = [str(exc)]
    if problems:
        return [Finding("doctor.integrity_bad", {"detail": problems[0]}, "doctor.fix.restore")]
    return [Finding("doctor.integrity_ok")]


def check_backups(ctx: DoctorContext) -> list[Finding]:
    """A recent backup exists, and every backup passes the integrity check."""
    from advisor_tui.services.backups.copies import list_backups
    from advisor_tui.storage.backup import integrity_ok

    if ctx.db_path is None or not ctx.db_path.is_file():
        return []
    backups = list_backups(ctx.db_path)
    if not backups:
        return [Finding("doctor.no_backup", {}, "doctor.fix.backup")]
    found: list[Finding] = []
    damaged = [b.path for b in backups if not integrity_ok(b.path)]
    for path in damaged:
        found.append(
            Finding("doctor.backup_damaged", {"path": str(path)}, "doctor.fix.backup_damaged")
        )
    good = [b.path for b in backups if b.path not in damaged]
    if not good:
        return [*found, Finding("doctor.no_good_backup", {}, "doctor.fix.backup")]
    newest = max(good, key=lambda p: p.stat().st_mtime)
    days = (time.time() - newest.stat().st_mtime) / 86400
    params = {"path": str(newest), "days": int(days)}
    if days > BACKUP_MAX_AGE_DAYS:
        found.append(Finding("doctor.backup_old", params, "doctor.fix.backup"))
    else:
        found.append(Finding("doctor.backup_ok", {**params, "count": len(good)}))
    return found


def check_secure_delete(ctx: DoctorContext) -> list[Finding]:
    """Connections the app opens overwrite deleted content (GDPR erasure)."""
    from advisor_tui.storage.db import open_engine
    from advisor_tui.storage.wipe import secure_delete_on

    if ctx.db_path is not None and not ctx.db_path.is_file():
        return []
    try:
        engine = open_engine(ctx.url, migrate=False)
    except Exception:  # noqa: BLE001 - the checks above say why the database cannot be opened
        return []
    try:
        on = secure_delete_on(engine)
    except Exception:  # noqa: BLE001
        return []
    finally:
        engine.dispose()
    if not on:
        return [Finding("doctor.secure_delete_off", {}, "doctor.fix.update")]
    return [Finding("doctor.secure_delete_on")]


def check_advice_records(ctx: DoctorContext) -> list[Finding]:
    """The hash chain over the records of investment advice is intact (FinVermV §18a)."""
    from advisor_tui.services.advice_records import verify
    from advisor_tui.storage.db import new_session, open_engine

    if ctx.db_path is not None and not ctx.db_path.is_file():
        return []
    try:
        engine = open_engine(ctx.url, migrate=False)
    except Exception:  # noqa: BLE001 - the checks above say why it cannot be opened
        return []
    try:
        with new_session(engine) as session:
            result = verify(session)
    except Exception:  # noqa: BLE001 - an old schema without the chain: check_schema says so
        return []
    finally:
        engine.dispose()
    if result.ok:
        return [Finding("advice.verify.ok", {"count": result.checked})]
    return [
        Finding(
            f"advice.verify.problem.{p.kind}",
            {"seq": p.seq, "id": p.interaction_id, "until": p.until or ""},
            "advice.doctor.fix",
        )
        for p in result.problems
    ]


# The checks, in the order they are shown. Adding one: write the function, add it here.
CHECKS: tuple[Check, ...] = (
    check_database_file,
    check_file_modes,
    check_schema,
    check_integrity,
    check_backups,
    check_secure_delete,
    check_advice_records,
)


def run_checks(url: str, checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Every finding of every check about the database at `url`."""
    from advisor_tui.storage.db import sqlite_file

    ctx = DoctorContext(url=url, db_path=sqlite_file(url))
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check(ctx))
    return findings
