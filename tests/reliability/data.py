"""Test data of the reliability tests: a few persons with unmistakable names and addresses."""

from __future__ import annotations

from pathlib import Path

# The person a test erases: every form of their data a byte scan looks for.
ERASED_FIRST, ERASED_LAST = "Quirinus", "Zeppelwurz"
ERASED_EMAIL = "quirinus.zeppelwurz@example.org"
ERASED_PHONE_RAW = "0171 5550123"
ERASED_PHONE_E164 = "+491715550123"

CARDS = f"""BEGIN:VCARD
VERSION:3.0
N:{ERASED_LAST};{ERASED_FIRST};;;
FN:{ERASED_FIRST} {ERASED_LAST}
EMAIL;TYPE=HOME:{ERASED_EMAIL}
TEL;TYPE=CELL:{ERASED_PHONE_RAW}
NOTE:Kunde seit 2019
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Zeppelwurz;Hedwig;;;
FN:Hedwig Zeppelwurz
TEL;TYPE=HOME:030 12345678
NOTE:Ehefrau von {ERASED_FIRST} {ERASED_LAST}, erreichbar auch über {ERASED_PHONE_RAW}
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Bauer;Anton;;;
FN:Anton Bauer
EMAIL:anton.bauer@example.com
TEL;TYPE=CELL:0160 9876543
END:VCARD
"""


def write_cards(folder: Path, text: str = CARDS) -> Path:
    path = folder / "cards.vcf"
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return path


def make_database(db: Path, folder: Path) -> None:
    """A migrated database at `db` holding the three persons of CARDS."""
    from advisor_tui.cli import main

    assert main(["--db", str(db), "import", str(write_cards(folder))]) == 0


def damage(db: Path) -> None:
    """Break one b-tree page of `db` (its header), so that SQLite's integrity check fails.

    The file still opens and copies: the damage a failing disk or a bad copy leaves.
    """
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    last = len(data) - page_size
    data[last : last + 8] = b"\xff" * 8
    db.write_bytes(bytes(data))
