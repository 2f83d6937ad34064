"""`advisor ring --baresip`: every incoming call of a running baresip softphone."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.storage.db import new_session
from tests.conftest import run_cli


def _netstring(event: dict[str, object]) -> bytes:
    body = json.dumps(event).encode()
    return str(len(body)).encode() + b":" + body + b","


def _fake_baresip(messages: list[bytes]) -> tuple[int, threading.Thread]:
    """A ctrl_tcp port that sends `messages` to its first client, then closes."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with server:
            client, _ = server.accept()
            with client:
                for message in messages:
                    client.sendall(message)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server.getsockname()[1], thread


def _incoming(uri: str) -> bytes:
    return _netstring({"event": True, "type": "CALL_INCOMING", "class": "call", "peeruri": uri})


def test_each_incoming_call_is_reported(engine: Engine, db_path: Path) -> None:
    with new_session(engine) as session:
        anna = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
        add_address(session, anna.id, "mobile", "0171 2345678")
        session.commit()
    port, thread = _fake_baresip(
        [
            _netstring({"response": True, "ok": True, "data": ""}),  # a reply, not an event
            _incoming("sip:%2B491712345678@sipgate.de;user=phone")[:20],  # cut in two
            _incoming("sip:%2B491712345678@sipgate.de;user=phone")[20:],
            _netstring({"event": True, "type": "CALL_CLOSED", "peeruri": "sip:0171@x"}),
            _incoming("sip:anonymous@anonymous.invalid"),
            _incoming("sip:0160 9999999@pbx"),
        ]
    )
    result = run_cli("--db", str(db_path), "ring", "--baresip", f"127.0.0.1:{port}", "--name-only")
    thread.join(5)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Anna Schmidt (Kunde)\n"
    assert "Anruf ohne Rufnummer (sip:anonymous@anonymous.invalid)" in result.stderr
    assert "016099" in result.stderr.replace(" ", "")  # nobody has that number: who says so
    assert result.stderr.rstrip().endswith("baresip hat die Verbindung beendet.")
    assert "Traceback" not in result.stderr


@pytest.mark.sqlite_only
def test_garbage_on_the_port_ends_with_one_sentence(db_path: Path) -> None:
    port, thread = _fake_baresip([b"HTTP/1.1 400 Bad Request\r\n\r\n"])
    result = run_cli("--db", str(db_path), "ring", "--baresip", f"127.0.0.1:{port}")
    thread.join(5)
    assert result.returncode == 2
    assert "sendet Unverständliches" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.sqlite_only
def test_bad_calls_of_ring_say_what_to_do(db_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        closed_port = probe.getsockname()[1]  # nobody listens there once closed
    cases = [
        (("ring",), "eine Rufnummer oder --baresip"),
        (("ring", "0171 2345678", "--baresip"), "eine Rufnummer oder --baresip"),
        (("ring", "--baresip", "localhost"), "keine Adresse der Form HOST:PORT"),
        (("ring", "--baresip", f"127.0.0.1:{closed_port}"), "baresip antwortet nicht"),
    ]
    for args, sentence in cases:
        result = run_cli("--db", str(db_path), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert sentence in result.stderr and "Traceback" not in result.stderr
