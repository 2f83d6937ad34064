"""A fake FRITZ!Box call monitor: a real TCP server on 127.0.0.1 that replays lines."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence


def free_port() -> int:
    """A port nothing listens on right now (so a connect is refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class FakeBox:
    """Serve one script of lines per accepted connection.

    After a script the box closes the link if `drop` is true for it, else it
    keeps the link open (quiet, like an idle box) until `close()`.
    """

    def __init__(self, scripts: Sequence[Sequence[str]], *, drop: Sequence[bool] = ()) -> None:
        self.scripts = [list(s) for s in scripts]
        self.drop = list(drop) + [False] * (len(self.scripts) - len(drop))
        self.accepted = 0
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []
        self._handlers: list[asyncio.Task[None]] = []
        self._closing = asyncio.Event()

    async def start(self, port: int = 0) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", port)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self.port

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        index = self.accepted
        self.accepted += 1
        task = asyncio.current_task()
        if task is not None:
            self._handlers.append(task)
        self._writers.append(writer)
        script = self.scripts[index] if index < len(self.scripts) else []
        for line in script:
            writer.write(line.encode() + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.005)  # the box writes event by event
        if index < len(self.drop) and self.drop[index]:
            writer.close()
            return
        # Hold the link until the client or close() ends it.
        waits = {asyncio.ensure_future(reader.read()), asyncio.ensure_future(self._closing.wait())}
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for waiting in waits:
            waiting.cancel()
        writer.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self._closing.set()
        for writer in self._writers:
            writer.close()
        # Python 3.11's wait_closed() does not wait for the handlers; cancelling them
        # makes asyncio log a spurious error, so they end on `_closing` instead.
        await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
