"""Backups of a PostgreSQL database with `pg_dump` (custom format, for `pg_restore`).

SQLite files are copied with the backup API (`storage.backup`); a server's
database is dumped by the client tool that ships with PostgreSQL. Without
`pg_dump` the user is told to use `advisor export` or a dump on the server.
Restore: `pg_restore --clean --if-exists -d URL FILE` (README).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from advisor_tui import paths
from advisor_tui.storage.errors import DatabaseError

SUFFIX = ".dump"


def pg_dump_program() -> str | None:
    """pg_dump on PATH, else the newest of Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_dump")
    if found:
        return found
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_dump"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return versions[-1] if versions else None


def default_destination(url: str, now: datetime | None = None) -> Path:
    """`backups/NAME-STAMP.dump` in the data folder (the server's database has no folder)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    name = make_url(url).database or "advisor"
    return paths.backup_dir(paths.default_database()) / f"{name}-{stamp}{SUFFIX}"


def dump_database(url: str, dest: Path | None = None, *, force: bool = False) -> Path:
    """Dump the database at `url` to `dest` (a file, or a folder to put it in); mode 0600."""
    program = pg_dump_program()
    if program is None:
        raise DatabaseError("backup.no_pg_dump")
    if dest is None:
        dest = default_destination(url)
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    elif dest.is_dir():
        dest = dest / default_destination(url).name
    dest = dest.expanduser().absolute()
    if dest.exists() and not force:
        raise DatabaseError("backup.pg_dump_failed", reason=f"{dest} exists (--force)")
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    host = parsed.query.get("host") or parsed.host
    port = parsed.query.get("port") or parsed.port
    args = [program, "--format=custom", "--no-owner", f"--file={dest}.part"]
    args += [f"--host={host}"] if host else []
    args += [f"--port={port}"] if port else []
    args += [f"--username={parsed.username}"] if parsed.username else []
    args.append(str(parsed.database))
    old_umask = os.umask(0o077)
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    finally:
        os.umask(old_umask)
    if done.returncode != 0:
        Path(f"{dest}.part").unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise DatabaseError("backup.pg_dump_failed", reason=reason)
    os.replace(f"{dest}.part", dest)
    return dest
