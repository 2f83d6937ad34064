"""Shared fixtures: real SQLite files in tmp_path, migrated like a user's database."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from advisor_tui.i18n import set_language
from advisor_tui.storage.db import new_session, open_engine
from tests import pg_server


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user's data, config or language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    (home / "run").mkdir(mode=0o700)  # the ring socket (advisor ring); platformdirs wants 0700
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))
    monkeypatch.delenv("ADVISOR_DATABASE_URL", raising=False)
    monkeypatch.delenv("ADVISOR_CONFIG", raising=False)
    monkeypatch.delenv("ADVISOR_NAME", raising=False)
    monkeypatch.setenv("ADVISOR_LANG", "de")
    set_language("de")
    # Python subprocesses (CLI tests, the demo's and the importer's workers) reuse compiled
    # modules even where PYTHONDONTWRITEBYTECODE is set: compiling costs seconds a start.
    for key, value in cli_env().items():
        if key.startswith("PYTHON"):
            monkeypatch.setenv(key, value)
    # Local time as an advisor in Germany sees it, whatever the machine's zone.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "advisor.sqlite3"


# -- both engines (tests/pg_server.py) -------------------------------------------------------
# Tests of these suites that use `engine`, `session` or `database_url` run on SQLite and,
# when a server can be had, on PostgreSQL; `@pytest.mark.sqlite_only` keeps one on SQLite.
ENGINES = ("sqlite", "postgresql") if pg_server.available() else ("sqlite",)
_BOTH_ENGINE_SUITES = ("services", "cli", "storage")
# `--db PATH` of a test running on PostgreSQL means that test's database (see `advisor`).
_DB_ALIASES: dict[str, str] = {}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_kind" not in metafunc.fixturenames:
        return
    suite = Path(str(metafunc.definition.path)).parent.name
    if suite in _BOTH_ENGINE_SUITES and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("db_kind", ENGINES, indirect=True)


@pytest.fixture
def db_kind(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": the engine this test runs on."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_database() -> Iterator[pg_server.WorkerDatabase]:
    """This process's PostgreSQL database (its server started on first use)."""
    server = pg_server.PgServer()
    yield pg_server.WorkerDatabase(server)
    server.stop()


@pytest.fixture
def database_url(db_kind: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of this test's database: a SQLite file, or an emptied PostgreSQL database."""
    if db_kind == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    url = request.getfixturevalue("pg_database").reset()
    _DB_ALIASES[str(db_path)] = url
    yield url
    _DB_ALIASES.clear()


def db_args(args: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, str]]:
    """`--db PATH` of a PostgreSQL test as ADVISOR_DATABASE_URL instead."""
    for i, arg in enumerate(args[:-1]):
        if arg == "--db" and args[i + 1] in _DB_ALIASES:
            url = _DB_ALIASES[args[i + 1]]
            return (*args[:i], *args[i + 2 :]), {"ADVISOR_DATABASE_URL": url}
    return args, {}


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = open_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with new_session(engine) as s:
        yield s


@dataclass
class CliResult:
    """What one `advisor ...` call did: the fields of a CompletedProcess that tests read."""

    returncode: int
    stdout: str
    stderr: str


Advisor = Callable[..., CliResult]


@pytest.fixture
def advisor(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Advisor:
    """Run `advisor ARGS` in this process (`cli.main`), as `run_cli` does in a subprocess.

    `env` entries stay set until the test ends; `input` becomes stdin (not a terminal,
    as with a pipe). Use `run_cli` only where the process boundary is the point.
    """
    from advisor_tui.cli import main

    def run(*args: str, env: dict[str, str] | None = None, input: str = "") -> CliResult:
        args, db_env = db_args(args)
        for key, value in {**(env or {}), **db_env}.items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's --help and --version
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI subprocess: German, compiled modules cached."""
    # Compiled modules go to a shared cache even where PYTHONDONTWRITEBYTECODE is set
    # (compiling from source adds seconds to every start); an empty value unsets it.
    cache = Path(tempfile.gettempdir()) / "advisor-test-pycache"
    return {
        **os.environ,
        "ADVISOR_LANG": "de",
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(cache),
        **(extra or {}),
    }


def run_cli(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m advisor_tui ARGS` as a subprocess (the real CLI)."""
    args, db_env = db_args(args)
    return subprocess.run(
        [sys.executable, "-m", "advisor_tui", *args],
        capture_output=True,
        text=True,
        env=cli_env({**(env or {}), **db_env}),
        input=input,
        timeout=timeout,
    )


def monitored_call(
    session: Session,
    person_id: int,
    address_id: int,
    at: datetime,
    *,
    number: str = "+491712345678",
    direction: str = "in",
    duration: int = 95,
    outcome: str = "reached",
    conn_id: int = 1,
) -> int:
    """A call as the call monitor stores it (no note, no result yet); its id. Commits."""
    from advisor_tui.domain.models import Interaction
    from advisor_tui.services.calls.recording import call_key

    call = Interaction(
        person_id=person_id,
        address_id=address_id,
        kind="call",
        direction=direction,
        channel="phone",
        occurred_at=at,
        duration_seconds=duration,
        outcome=outcome,
        external_id=call_key(number, at, conn_id),
        number=number,
    )
    session.add(call)
    session.commit()
    assert call.id is not None
    return call.id
