"""`advisor ring NUMBER`: a running app pops up the caller; without one it only prints."""

from __future__ import annotations

import asyncio
import os
import socket
import stat
import sys

import pytest
from sqlalchemy import Engine

from advisor_tui import paths
from advisor_tui.config import Settings
from advisor_tui.io import ring_socket
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from advisor_tui.tui.app import AdvisorApp
from advisor_tui.tui.screens.card import CardScreen
from tests.conftest import cli_env, run_cli
from tests.tui.helpers import wait_until


def _anna(engine: Engine) -> int:
    with new_session(engine) as session:
        person = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, person.id, "mobile", "0171 2345678")
        session.commit()
        return person.id


def _app(engine: Engine) -> AdvisorApp:
    return AdvisorApp(engine=engine, settings=Settings(lang="de"), database_label="t")


def _messages(app: AdvisorApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def _advisor(*args: str) -> tuple[int, str]:
    """The CLI as a subprocess, without blocking the app's event loop meanwhile."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "advisor_tui", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=cli_env(),
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode is not None
    return proc.returncode, out.decode() + err.decode()


async def test_ring_pops_up_the_caller_in_the_running_app(engine: Engine, db_path) -> None:  # type: ignore[no-untyped-def]
    anna = _anna(engine)
    app = _app(engine)
    socket_path = paths.ring_socket()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, socket_path.exists)
        mode = socket_path.stat().st_mode
        assert stat.S_ISSOCK(mode) and stat.S_IMODE(mode) == 0o600
        assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700
        code, out = await _advisor("--db", str(db_path), "ring", "0171 2345678", "--name-only")
        assert (code, out) == (0, "Anna Schmidt (Kunde)\n")
        await wait_until(pilot, lambda: "Anna Schmidt" in _messages(app))
        assert app.active_calls == set()  # a softphone's ring is not a call the box tracks
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, CardScreen))
        assert app.screen.person_id == anna
    assert not socket_path.exists()  # removed when the app ends


async def test_ring_without_an_app_only_prints(engine: Engine, db_path) -> None:  # type: ignore[no-untyped-def]
    _anna(engine)
    result = run_cli("--db", str(db_path), "ring", "+49 171 2345678")
    assert result.returncode == 0, result.stderr
    assert "Anna Schmidt" in result.stdout
    assert not ring_socket.send_ring("0171 2345678")
    assert run_cli("--db", str(db_path), "ring", "12").returncode == 2


async def test_the_app_answers_only_its_own_user(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _anna(engine)
    app = _app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, paths.ring_socket().exists)
        with monkeypatch.context() as patched:
            patched.setattr(ring_socket, "peer_uid", lambda _sock: os.getuid() + 1)
            reader, writer = await asyncio.open_unix_connection(str(paths.ring_socket()))
            writer.write(b"0171 2345678\n")
            await writer.drain()
            assert await asyncio.wait_for(reader.read(), 5) == ring_socket.REFUSED
            writer.close()
        assert "Anna Schmidt" not in _messages(app)
        # The same user with a line that is no text is refused too.
        reader, writer = await asyncio.open_unix_connection(str(paths.ring_socket()))
        writer.write(b"\x00\x01\n")
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 5) == ring_socket.REFUSED
        writer.close()


def test_peer_uid_is_the_callers() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        assert ring_socket.peer_uid(left) == os.getuid()
