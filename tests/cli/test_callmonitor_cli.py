"""`advisor callmonitor` as a real process against a fake FRITZ!Box, stopped by Ctrl+C."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import select

from advisor_tui.domain.models import FollowUp, Message, Request
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import Advisor, cli_env, db_args
from tests.io.callmonitor_box import FakeBox

CALLS = [
    "03.05.25 14:02:10;RING;0;01712345678;4930555;SIP0;",
    "garbage from a confused box",
    "03.05.25 14:02:30;DISCONNECT;0;0;",
    "03.05.25 14:05:00;RING;1;0;4930555;SIP0;",
    "03.05.25 14:05:09;DISCONNECT;1;0;",
]


def _is_event_line(line: str) -> bool:
    """Event lines start with the box's time: `14:02:10  ...`."""
    return len(line) > 10 and line[2] == line[5] == ":" and line[8:10] == "  "


async def run_monitor(args: list[str], box: FakeBox, *, wait_for: int, env: dict[str, str]):
    """Start the CLI, wait for `wait_for` call lines on stdout, send SIGINT, collect."""
    db_args_, db_env = db_args(tuple(args))
    args, env = list(db_args_), {**env, **db_env}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "advisor_tui",
        "callmonitor",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=cli_env(env),
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(30):
            while sum(_is_event_line(line) for line in lines) < wait_for:
                raw = await proc.stdout.readline()
                if not raw:
                    break
                lines.append(raw.decode())
        proc.send_signal(signal.SIGINT)
        rest, err = await asyncio.wait_for(proc.communicate(), 10)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    await box.close()
    return proc.returncode, "".join(lines) + rest.decode(), err.decode()


async def test_callmonitor_records_missed_calls_until_interrupted(engine: Engine, db_path: Path):
    with new_session(engine) as session:
        anna = add_person(session, PersonData("Anna", "Müller"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        session.commit()
        anna_id = anna.id
    box = FakeBox([CALLS])
    port = await box.start()
    code, out, err = await run_monitor(
        ["--host", "127.0.0.1", "--port", str(port), "--db", str(db_path)],
        box,
        wait_for=4,
        env={"ADVISOR_LANG": "de"},
    )
    assert code == 0, err
    assert "Traceback" not in err
    assert "garbage" in err  # the junk line is noted, not fatal
    assert "Verbunden mit 127.0.0.1" in out
    assert "14:02:10  Anruf von 0171 2345678 – Anna Müller" in out
    assert "Verpasster Anruf von 0171 2345678 – Anna Müller – Rückruf-Wiedervorlage" in out
    assert "Nummer unterdrückt – unbekannt – in den Eingang gelegt" in out
    assert out.rstrip().endswith("Anrufmonitor beendet.")
    with new_session(engine) as session:
        [followup] = session.exec(select(FollowUp)).all()
        assert followup.person_id == anna_id and followup.kind == "callback"
        [request] = session.exec(select(Request)).all()
        assert request.channel == "phone" and request.sender == ""
        [message] = session.exec(select(Message)).all()
        assert message.request_id == request.id and message.text == ""


async def test_host_and_port_come_from_the_config(tmp_path: Path, db_path: Path):
    box = FakeBox([CALLS[:3]])
    port = await box.start()
    config = tmp_path / "config.toml"
    config.write_text(f'[callmonitor]\nhost = "127.0.0.1"\nport = {port}\n', encoding="utf-8")
    code, out, err = await run_monitor(
        ["--db", str(db_path), "--lang", "en"],
        box,
        wait_for=2,
        env={"ADVISOR_CONFIG": str(config)},
    )
    assert code == 0, err
    assert f"Connected to 127.0.0.1:{port}" in out
    assert "Missed call from 0171 2345678 – unknown – put into the inbox" in out


def test_bad_port_is_a_usage_error(advisor: Advisor, db_path: Path):
    result = advisor("callmonitor", "--port", "70000", "--db", str(db_path))
    assert result.returncode == 2
    assert "Port" in result.stderr and "Traceback" not in result.stderr
