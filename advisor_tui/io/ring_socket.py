"""The ring socket: `advisor ring NUMBER` tells a running app that a phone rings.

A Unix socket in the user's runtime folder (`paths.ring_socket`), the folder
0700 and the socket 0600, and the app answers only peers of the same user
(SO_PEERCRED): nobody else can pop up a caller on this desk. The protocol is
one line each way: the client sends the number (UTF-8, at most
`MAX_LINE` bytes, newline-terminated), the app replies `ok` or `no`.

Windows has no Unix sockets in Python's asyncio: there `advisor ring` only
prints the answer (README).
"""

from __future__ import annotations

import os
import socket
import stat
import struct
from pathlib import Path

from advisor_tui import paths

MAX_LINE = 200
CLIENT_TIMEOUT_S = 0.5  # a softphone waits for the name; an app that hangs must not delay it
OK = b"ok\n"
REFUSED = b"no\n"


def supported() -> bool:
    return hasattr(socket, "AF_UNIX") and hasattr(socket, "SO_PEERCRED")


def private_folder(path: Path) -> Path | None:
    """The socket's folder, created 0700; None when it is not ours alone."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077:
        return None  # someone else's folder (e.g. a planted /tmp/runtime-UID): do not use it
    return folder


def peer_uid(sock: socket.socket) -> int:
    """The user id of the process at the other end of a Unix socket."""
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def clean_number(raw: bytes) -> str | None:
    """The number a client sent, or None for anything that is not one line of text."""
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None
    if not text or len(text) > MAX_LINE or any(ch < " " for ch in text):
        return None
    return text


def send_ring(number: str, path: Path | None = None, timeout: float = CLIENT_TIMEOUT_S) -> bool:
    """Tell a running app; False when none listens (or it refused or did not answer)."""
    target = path or paths.ring_socket()
    if not supported() or not target.exists():
        return False
    line = " ".join(number.split()).encode("utf-8")[:MAX_LINE] + b"\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(target))
            if peer_uid(sock) != os.getuid():
                return False  # not our app: say nothing to it
            sock.sendall(line)
            return sock.recv(16) == OK
    except OSError:
        return False
