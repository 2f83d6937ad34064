"""The app's end of the ring socket (`io.ring_socket`): a softphone's ring pops up the caller.

`advisor ring NUMBER` (run by a softphone on an incoming call) connects,
sends the number and gets `ok`; the app then treats it exactly like a call
monitor RING (`AdvisorApp.record_call`): the same lookup, context and pop-up,
and Ctrl+O opens the caller. A softphone's ring is not an active call of the
box: nothing waits for it to end.

The server runs on the app's event loop (asyncio): `start` binds and
returns, the loop serves in the background; `stop` (the app unmounts)
closes it and removes the socket file.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from advisor_tui import paths
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.io import ring_socket

if TYPE_CHECKING:
    from collections.abc import Callable

    from advisor_tui.io.callmonitor_events import CallOutcome

log = logging.getLogger(__name__)
READ_TIMEOUT_S = 2.0
# Connection ids of softphone rings: negative, so they never meet the box's (0, 1, 2 …).
_conn_ids = itertools.count(-1, -1)


def _someone_listens(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


class RingListener:
    """Accept `advisor ring` connections of the same user; hand each ring to `record`.

    `record` is `AdvisorApp.record_call`: where the call monitor's outcomes go.
    """

    def __init__(self, record: Callable[[CallOutcome], None], path: Path | None = None) -> None:
        self.record = record
        self.path = path or paths.ring_socket()
        self._server: asyncio.Server | None = None
        self._inode: int | None = None

    async def start(self) -> bool:
        """Listen (in the background of the running loop); False where it cannot."""
        if not ring_socket.supported() or ring_socket.private_folder(self.path) is None:
            return False
        try:
            if self.path.exists():
                if _someone_listens(self.path):
                    log.info("another advisor listens on %s; this one does not", self.path)
                    return False
                self.path.unlink()  # left behind by an app that crashed
            self._server = await asyncio.start_unix_server(self._serve_one, path=str(self.path))
            os.chmod(self.path, 0o600)
            self._inode = self.path.stat().st_ino
        except OSError:  # the pop-up from softphones is a convenience: never an error screen
            log.warning("cannot listen for rings on %s", self.path, exc_info=True)
            self.stop()
            return False
        return True

    def stop(self) -> None:
        """Stop listening and remove the socket (if it is still ours, not a newer app's)."""
        if self._server is None:
            return
        self._server.close()
        self._server = None
        with contextlib.suppress(OSError):
            if self.path.stat().st_ino == self._inode:
                self.path.unlink()

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            # Read the line first, whoever sent it: closing with unread data resets the
            # connection and the client would never hear "no".
            line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT_S)
            sock = writer.get_extra_info("socket")
            number = ring_socket.clean_number(line[: ring_socket.MAX_LINE + 1])
            if sock is None or ring_socket.peer_uid(sock) != os.getuid() or number is None:
                writer.write(ring_socket.REFUSED)
                return
            self.ring(number)
            writer.write(ring_socket.OK)
        except (OSError, TimeoutError, ValueError):
            log.info("a ring connection failed", exc_info=True)
        finally:
            with contextlib.suppress(OSError):
                await writer.drain()
                writer.close()

    def ring(self, number: str) -> None:
        """What a call monitor RING does, for a number a softphone reported."""
        from advisor_tui.io.callmonitor_events import CallOutcome, OutcomeKind

        now = utcnow()
        outcome = CallOutcome(
            OutcomeKind.RING,
            conn_id=next(_conn_ids),
            direction="in",
            number=number,
            started_at=now,
            at=now,
        )
        self.record(outcome)
