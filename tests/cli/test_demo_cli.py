"""`advisor demo` against a temp database, in process (its worker processes are
tested in tests/demo)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import Advisor


def test_demo_fills_a_new_database(advisor: Advisor, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    result = advisor("demo", "--persons", "200", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Personen 200," in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 200
        assert conn.execute("SELECT count(*) FROM address").fetchone()[0] > 400

    again = advisor("demo", "--persons", "200", "--db", str(db))
    assert again.returncode == 2
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in again.stderr
    assert "enthält schon Personen" in lines[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 200


def test_demo_in_english_and_with_a_seed(advisor: Advisor, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    result = advisor("--lang", "en", "demo", "--persons", "50", "--seed", "9", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Created in ") and "persons 50," in result.stdout


def test_demo_rejects_a_bad_person_count(advisor: Advisor, tmp_path: Path) -> None:
    result = advisor("demo", "--persons", "0", "--db", str(tmp_path / "x.sqlite3"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
