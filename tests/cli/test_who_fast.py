"""`advisor who` without the ORM gives what the ORM path gives, and stays light.

The fast path (stdlib sqlite3, `storage.lookup_fast`) and the ORM path run
the same statements (`storage.lookup_sql`) and the same ranking; these tests
hold them to it for a few hundred senders of a generated database.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.commands.who import answer, name_line
from advisor_tui.config import load_settings
from advisor_tui.storage import lookup_fast
from tests.conftest import cli_env

pytestmark = pytest.mark.sqlite_only
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 demo persons; a few restricted (GDPR), some sharing numbers, callbacks open."""
    from advisor_tui.demo.generate import generate_demo
    from advisor_tui.storage.db import open_engine

    path = tmp_path_factory.mktemp("fast") / "advisor.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    generate_demo(engine, persons=300, seed=5)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE person SET restricted_until = '2030-01-01' WHERE id % 37 = 0")
        # A number shared by two persons, and one seen only as the end of another.
        a, b = (r[0] for r in conn.execute("SELECT id FROM person WHERE id % 37 <> 0 LIMIT 2"))
        conn.execute(
            "UPDATE address SET normalized = (SELECT normalized FROM address "
            "WHERE person_id = ? AND kind = 'mobile' AND valid LIMIT 1), rev_digits = "
            "(SELECT rev_digits FROM address WHERE person_id = ? AND kind = 'mobile' AND valid "
            "LIMIT 1) WHERE person_id = ? AND kind = 'mobile'",
            (a, a, b),
        )
    return path


def _senders(path: Path, count: int) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT kind, normalized, raw FROM address WHERE valid").fetchall()
    return senders_from(rows, count)


def senders_from(rows: list[tuple[str, str, str]], count: int) -> list[str]:
    """Senders in every notation for `count` of these (kind, normalized, raw) addresses."""
    rng = random.Random(11)
    senders = []
    for kind, normalized, raw in rng.sample(rows, min(count, len(rows))):
        if normalized.startswith("+49"):
            senders += [normalized, "0" + normalized[3:], normalized[-7:], raw]
        elif kind == "email":
            senders.append(normalized.upper())
        else:
            senders.append(raw)
    return senders + ["0171 0000000", "0000", "nobody@example.org"]


def test_both_paths_return_the_same_persons_order_and_scores(demo_db: Path) -> None:
    ctx = CliContext(settings=load_settings(), db_path=str(demo_db))
    senders = _senders(demo_db, 150)
    assert len(senders) > 300
    assert_paths_agree(ctx, senders)


def assert_paths_agree(ctx: CliContext, senders: list[str]) -> None:
    """The fast and the ORM path answer every sender alike (also used for PostgreSQL)."""
    kinds = set()
    try:
        for sender in senders:
            try:
                fast = answer(ctx, sender, now=NOW)
            except UsageError:
                with pytest.raises(UsageError):
                    answer(ctx, sender, fast=False, now=NOW)
                continue
            slow = answer(ctx, sender, fast=False, now=NOW)
            # As printed (--json): True and 1 are equal in Python, not in JSON.
            assert json.dumps(fast.entries) == json.dumps(slow.entries), sender
            assert fast.callbacks == slow.callbacks, sender
            kinds |= {entry["match"] for entry in fast.entries}
    finally:
        ctx.close()
    assert kinds >= {"exact", "suffix", "shared"}  # every kind of match was compared


def test_the_fast_path_runs_without_sqlalchemy(demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as conn:
        number = conn.execute(
            "SELECT normalized FROM address WHERE kind = 'mobile' AND valid LIMIT 1"
        ).fetchone()[0]
    code = (
        "import sys; from advisor_tui.cli import main; code = main(sys.argv[1:]); "
        "print('ORM' if 'sqlalchemy' in sys.modules else 'light'); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(demo_db), "who", number],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("light")


def test_an_older_schema_takes_the_normal_path(tmp_path: Path) -> None:
    from advisor_tui.storage.db import open_engine

    path = tmp_path / "old.sqlite3"
    open_engine(f"sqlite:///{path}").dispose()
    with lookup_fast.open_at_head(path) as conn:
        assert conn is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    with lookup_fast.open_at_head(path) as conn:
        assert conn is None
    assert lookup_fast.plain_sqlite_file(f"sqlite:///{path}?mode=ro") is None
    assert lookup_fast.plain_sqlite_file(f"sqlite:///{tmp_path}/missing.sqlite3") is None
    assert lookup_fast.plain_sqlite_file("postgresql+psycopg://u@h/db") is None


def test_name_only_line(demo_db: Path) -> None:
    entry = {"id": 7, "name": "Thomas Müller", "company": "", "kind": "customer", "match": "exact"}
    assert name_line([entry], {7}) == "Thomas Müller (Kunde) – Rückruf offen"
    firm = {**entry, "company": "Müller GmbH", "kind": "prospect"}
    assert name_line([firm], set()) == "Thomas Müller · Müller GmbH (Interessent)"
    other = {**entry, "id": 8, "name": "Erika Müller", "match": "shared"}
    shared = [{**entry, "match": "shared"}, other]
    assert name_line(shared, set()) == "Thomas Müller / Erika Müller (gemeinsame Nummer)"
    assert name_line([{**entry, "match": "suffix"}], set()) == "Thomas Müller (Kunde)? (Endziffern)"


def test_name_only_from_the_command_line(demo_db: Path, advisor) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(demo_db) as conn:
        person_id, number = conn.execute(
            "SELECT a.person_id, a.normalized FROM address a JOIN person p ON p.id = a.person_id "
            "WHERE a.kind = 'mobile' AND a.valid AND p.restricted_until IS NULL "
            "AND a.normalized IN (SELECT normalized FROM address GROUP BY normalized "
            "HAVING COUNT(*) = 1) LIMIT 1"
        ).fetchone()
        first, last = conn.execute(
            "SELECT first_name, last_name FROM person WHERE id = ?", (person_id,)
        ).fetchone()
        due = (NOW + timedelta(hours=2)).replace(tzinfo=None).isoformat(" ")
        conn.execute(
            "INSERT INTO followup (person_id, kind, due_at, note, attempts, resolution_note, "
            "created_at, version) VALUES (?, 'callback', ?, '', 1, '', ?, 1)",
            (person_id, due, due),
        )
    result = advisor("--db", str(demo_db), "who", "0" + number[3:], "--name-only")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{first} {last}") and line.endswith("– Rückruf offen")
    missing = advisor("--db", str(demo_db), "who", "0171 0000000", "--name-only")
    assert (missing.returncode, missing.stdout) == (1, "")


def test_the_named_command_alone_is_parsed() -> None:
    import importlib

    from advisor_tui.cli import COMMAND_MODULES, _named_command

    for module in COMMAND_MODULES:  # each command's name finds its module
        name = importlib.import_module(f"advisor_tui.commands.{module}").NAME
        assert _named_command(["--db", "x", name, "arg"]) == module
    assert _named_command(["--db", "who", "search", "x"]) == "search"
    assert _named_command(["who", "--help"]) is None
    assert _named_command(["nonsense"]) is None
