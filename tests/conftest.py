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
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from advisor_tui.i18n import set_language
from advisor_tui.storage.db import new_session, open_engine


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user's data, config or language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ADVISOR_DATABASE_URL", raising=False)
    monkeypatch.delenv("ADVISOR_CONFIG", raising=False)
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


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    eng = open_engine(f"sqlite:///{db_path}")
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
        for key, value in (env or {}).items():
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
    return subprocess.run(
        [sys.executable, "-m", "advisor_tui", *args],
        capture_output=True,
        text=True,
        env=cli_env(env),
        input=input,
        timeout=timeout,
    )
