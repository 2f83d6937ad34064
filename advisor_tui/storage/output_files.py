"""Writing a file the user named for output (exports, backups), safely.

- Nothing existing is replaced without `force`: an export to `thesis.docx`
  stops with a sentence instead of destroying it. Folders and devices
  (`/dev/full`, `/dev/null`) are never replaced, not even with `force`.
- The content goes to a temporary file in the same folder, mode 0600 from the
  first byte (personal data), is flushed to disk, and only then takes the
  name: a full disk or a failure midway leaves the old file untouched and no
  truncated file behind.
- Without `force` the name is taken with `link()`, which fails if someone
  created the file meanwhile; with `force` with `rename()`, atomically.

Errors are `OutputFileError` (`key`/`params` for `i18n.errors`, str() one
sentence), also for a full disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class OutputFileError(Exception):
    """An output file that cannot be written; str() is one sentence."""

    def __init__(self, key: str, path: Path | str, **params: object) -> None:
        from advisor_tui.i18n import t

        self.key = key
        self.params: dict[str, object] = {"path": str(path), **params}
        super().__init__(t(key, **self.params))


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that exists (unless `force`), is not a regular file, or has no folder."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError("output.cannot_write", path, reason=exc.strerror or str(exc)) from exc
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            with contextlib.suppress(OSError):
                info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise OutputFileError("output.is_folder", path)
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
            raise OutputFileError("output.not_regular", path)
        if not force:
            raise OutputFileError("output.exists", path)
    if not path.parent.is_dir():
        raise OutputFileError("output.no_folder", path, folder=str(path.parent))


def temp_beside(path: Path) -> Path:
    """A fresh name for a temporary file next to `path` (hidden, unique)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def create_temp(path: Path) -> Path:
    """Create an empty temporary file (0600) beside `path` and return its name."""
    temp = temp_beside(path)
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise _as_output_error(exc, path) from exc
    os.close(fd)
    return temp


def publish(temp: Path, path: Path, *, force: bool) -> None:
    """Give the finished temporary file its name: atomically, never over a file without force."""
    os.chmod(temp, 0o600)
    if force:
        check_target(path, force=True)  # a device may have appeared meanwhile
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError as exc:
        raise OutputFileError("output.exists", path) from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT on a USB stick): check, then rename.
        check_target(path, force=False)
        os.replace(temp, path)
        return
    os.unlink(temp)


def _as_output_error(exc: OSError, path: Path) -> OutputFileError:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return OutputFileError("output.disk_full", path)
    return OutputFileError("output.cannot_write", path, reason=exc.strerror or str(exc))


@contextlib.contextmanager
def output_file(path: Path, *, force: bool = False, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A file object to write `path` through a temporary file; the name is taken on success."""
    path = Path(path)
    check_target(path, force=force)
    temp = create_temp(path)
    try:
        try:
            with open(temp, "w", encoding=encoding, newline="") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            publish(temp, path, force=force)
        except OSError as exc:
            raise _as_output_error(exc, path) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
