"""A lock file beside the database, for work that must not run twice at once (imports).

SQLite lets only one writer in at a time; a second import would parse its
whole file and then fail on "database is locked". With `exclusive_file_lock`
the second one learns it up front, before parsing, and waits its turn. The
lock is the kernel's (`flock`): it goes with the process, also when it is
killed, and the file itself is left in place (removing it would race).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path


def lock_path(db_path: Path, purpose: str) -> Path:
    return db_path.with_name(f".{db_path.name}.{purpose}-lock")


@contextlib.contextmanager
def exclusive_file_lock(path: Path, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created 0600); call `on_wait` first if someone has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
