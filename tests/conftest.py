"""Shared fixtures: real SQLite files in tmp_path, migrated like a user's database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


def run_cli(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m advisor_tui ARGS` as a subprocess (the real CLI)."""
    # Compiled modules go to a shared cache even where PYTHONDONTWRITEBYTECODE is set
    # (it adds over a second to every start).
    cache = Path(tempfile.gettempdir()) / "advisor-test-pycache"
    full_env = {
        **os.environ,
        "ADVISOR_LANG": "de",
        "PYTHONPYCACHEPREFIX": str(cache),
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "advisor_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=timeout,
    )
