"""Issue 11 item 15: a second import at the same time says so up front and waits its turn.

Before, it parsed its whole file and then failed on "database is locked".
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor_tui.storage.locks import exclusive_file_lock, lock_path
from tests.conftest import cli_env
from tests.reliability import data

pytestmark = pytest.mark.sqlite_only


def test_a_second_import_waits_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    cards = tmp_path / "more.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Later;Lotte;;;\r\nFN:Lotte Later\r\nEND:VCARD\r\n"
    )
    with exclusive_file_lock(lock_path(db, "import")):  # the first import is running
        second = subprocess.Popen(
            [sys.executable, "-m", "advisor_tui", "--db", str(db), "import", str(cards)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        assert second.stderr is not None
        line = second.stderr.readline()  # said at once, before any parsing
        assert "wartet" in line
        time.sleep(0.3)
        assert second.poll() is None  # still waiting
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM person WHERE last_name = 'Later'").fetchone() == (1,)
    conn.close()
