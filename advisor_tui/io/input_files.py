"""Reading a file the user named for input, safely.

Only regular files are read: a FIFO, a socket or a device (`/dev/zero`,
`/dev/urandom`) is refused at once with a reason instead of blocking or
reading forever. It is opened non-blocking (opening a FIFO without a writer
would wait), checked with `fstat` on the open descriptor (no race with a
rename), and read up to a size cap. A line longer than `MAX_LINE_BYTES` makes
the file unreadable too: no contact format has such lines, and parsing one
costs gigabytes. A UTF-16 file (BOM) of odd length ends in half a character;
that last byte is dropped.

Errors are `InputFileError`, an `OSError` whose `strerror` is already a
sentence in the current language, so callers that report `OSError`s per file
(the import) need no change, and `key`/`params` for `i18n.errors`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from advisor_tui.i18n import t

MAX_INPUT_BYTES = 512 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class InputFileError(OSError):
    """A file that cannot be read as input; `strerror` is one sentence."""

    def __init__(self, key: str, path: Path | str, **params: object) -> None:
        self.key = key
        self.params: dict[str, object] = {"path": str(path), **params}
        super().__init__(errno.EINVAL, t(key, **self.params))

    def __str__(self) -> str:
        return self.strerror or self.key


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def check_regular(path: Path) -> None:
    """Raise InputFileError unless `path` is (a link to) a regular file; never blocks."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: the open below says which
    if not stat.S_ISREG(mode):
        raise InputFileError("input.not_regular", path, kind=t(f"input.kind.{_kind_of(mode)}"))


def _longest_line_over(data: bytes, limit: int) -> int | None:
    """The 1-based number of the first line longer than `limit` bytes, or None."""
    if len(data) <= limit:
        return None
    start, number = 0, 1
    while True:
        end = data.find(b"\n", start)
        stop = len(data) if end < 0 else end
        if stop - start > limit:
            return number
        if end < 0:
            return None
        start, number = end + 1, number + 1


def read_input_bytes(
    path: Path, *, max_bytes: int = MAX_INPUT_BYTES, max_line: int = MAX_LINE_BYTES
) -> bytes:
    """The content of the regular file `path`, or InputFileError/OSError saying why not."""
    check_regular(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped after the check above
            raise InputFileError(
                "input.not_regular", path, kind=t("input.kind." + _kind_of(info.st_mode))
            )
        if info.st_size > max_bytes:
            raise InputFileError("input.too_large", path, limit=max_bytes // (1024 * 1024))
        os.set_blocking(fd, True)
        parts: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:  # it grew while we read
                raise InputFileError("input.too_large", path, limit=max_bytes // (1024 * 1024))
            parts.append(chunk)
    finally:
        os.close(fd)
    data = b"".join(parts)
    line = _longest_line_over(data, max_line)
    if line is not None:
        raise InputFileError(
            "input.line_too_long", path, line=line, limit=max_line // (1024 * 1024)
        )
    if data.startswith(_UTF16_BOMS) and len(data) % 2:
        data = data[:-1]  # half a character at the end of a cut-off UTF-16 file
    return data
